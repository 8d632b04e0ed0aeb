/** Placeholder until its owner lands it. */
export function NetworkView() {
  return null;
}

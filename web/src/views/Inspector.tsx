/** Placeholder until its owner lands it. */
export function Inspector() {
  return null;
}

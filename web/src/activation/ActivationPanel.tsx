/** Placeholder until its owner lands it. */
export function ActivationPanel() {
  return null;
}

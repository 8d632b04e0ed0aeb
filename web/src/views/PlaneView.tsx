/** Placeholder until its owner lands it. */
export function PlaneView() {
  return null;
}

/** Placeholder until its owner lands it. */
export function TourPanel() {
  return null;
}

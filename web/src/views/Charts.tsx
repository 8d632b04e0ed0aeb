/** Placeholder until its owner lands it. */
export function LossChart() {
  return null;
}
export function GradientChart() {
  return null;
}
export function Histograms() {
  return null;
}

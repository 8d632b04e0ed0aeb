/**
 * One-sided limits of g at a breakpoint b, and whether g jumps there.
 *
 * Decisions:
 * - each side is estimated by linear extrapolation, 2·g(b ± h) − g(b ± 2h), which removes the O(h) term,
 *   so a continuous g gives right − left = O(h²) while a jump gives right − left ≈ J for every h;
 * - h = s·{1e−3, 1e−4, 1e−5} with s = max(1, |b|);
 * - g jumps when |right − left| exceeds 1e−7·max(1, |left|, |right|) at every h, with the same sign and
 *   sizes within a factor 1.5 of each other. A difference that shrinks with h is continuity; one that
 *   grows or wobbles as h shrinks is rounding noise from cancellation (sinc's f''' near 0: terms of size
 *   1/x⁴), not a jump, so a removable singularity does not lower the order;
 * - a non-finite value on either side counts as a jump.
 */
export function oneSidedLimits(g: (x: number) => number, b: number): { left: number; right: number; jumps: boolean } {
  const s = Math.max(1, Math.abs(b));
  const diffs: number[] = [];
  let left = Number.NaN;
  let right = Number.NaN;
  for (const h of [1e-3 * s, 1e-4 * s, 1e-5 * s]) {
    left = 2 * g(b - h) - g(b - 2 * h);
    right = 2 * g(b + h) - g(b + 2 * h);
    if (!Number.isFinite(left) || !Number.isFinite(right)) return { left, right, jumps: true };
    diffs.push(right - left);
  }
  const tol = 1e-7 * Math.max(1, Math.abs(left), Math.abs(right));
  const big = diffs.every((d) => Math.abs(d) > tol);
  const sameSign = diffs.every((d) => Math.sign(d) === Math.sign(diffs[0]));
  const sizes = diffs.map(Math.abs);
  const steady = Math.max(...sizes) <= 1.5 * Math.min(...sizes);
  return { left, right, jumps: big && sameSign && steady };
}

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
 * - a non-finite value on either side counts as a jump, and so does a pole: a side whose estimates keep one
 *   sign and grow at least 5× per tenfold step of h, to over 1e3, is reported as ±Infinity (rounding noise in
 *   f, f', f'' stays far below 1e3 at h = 1e−5).
 *   Callers switch pole detection off for f''', whose cancellation noise near a removable singularity
 *   (ε/h⁴ ≈ 1e4 at h = 1e−5) could pass for one.
 */
export function oneSidedLimits(
  g: (x: number) => number,
  b: number,
  detectPoles = true,
): { left: number; right: number; jumps: boolean } {
  const s = Math.max(1, Math.abs(b));
  const diffs: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  let left = Number.NaN;
  let right = Number.NaN;
  for (const h of [1e-3 * s, 1e-4 * s, 1e-5 * s]) {
    left = 2 * g(b - h) - g(b - 2 * h);
    right = 2 * g(b + h) - g(b + 2 * h);
    if (!Number.isFinite(left) || !Number.isFinite(right)) return { left, right, jumps: true };
    lefts.push(left);
    rights.push(right);
    diffs.push(right - left);
  }
  if (detectPoles && (diverges(lefts) || diverges(rights))) {
    return { left: diverges(lefts) ? Math.sign(left) * Infinity : left, right: diverges(rights) ? Math.sign(right) * Infinity : right, jumps: true };
  }
  const tol = 1e-7 * Math.max(1, Math.abs(left), Math.abs(right));
  const big = diffs.every((d) => Math.abs(d) > tol);
  const sameSign = diffs.every((d) => Math.sign(d) === Math.sign(diffs[0]));
  const sizes = diffs.map(Math.abs);
  const steady = Math.max(...sizes) <= 1.5 * Math.min(...sizes);
  return { left, right, jumps: big && sameSign && steady };
}

function diverges(v: readonly number[]): boolean {
  const sameSign = v.every((w) => Math.sign(w) === Math.sign(v[0]) && w !== 0);
  const growing = Math.abs(v[1]) >= 5 * Math.abs(v[0]) && Math.abs(v[2]) >= 5 * Math.abs(v[1]);
  return sameSign && growing && Math.abs(v[2]) > 1e3;
}

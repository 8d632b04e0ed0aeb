import type { Monotonicity } from './properties.js';

/**
 * The direction of g over ℝ from its values `v` and derivative values `d` on the sorted grid.
 *
 * Decisions:
 * - evidence of increase: g' > tol somewhere, or g rising from one grid point to the next by more than
 *   1e−12 of their sizes (this also sees jumps, since every breakpoint and points 1e−9 either side of it are
 *   on the grid); evidence of decrease likewise;
 * - tol = 1e−9·max |g'| over |x| ≤ 10, so rounding in a derivative that should be 0 does not count, and
 *   scaling g does not change the answer (a genuine negative slope smaller than that is missed);
 * - both kinds of evidence: `'none'`; increase only: `'increasing'`, or `'non-decreasing'` when some piece
 *   is flat (ReLU); a constant function has neither and is reported `'non-decreasing'`.
 * - derivative values within 1e−5·max(1, |b|) of a breakpoint b are not used (value differences still are):
 *   a removable singularity written as `x == 0 ? 1 : expm1(x)/x` has a derivative that cancels
 *   catastrophically there;
 * - non-finite samples are skipped.
 */
export function monotonicityOf(
  xs: Float64Array,
  v: Float64Array,
  d: Float64Array,
  breakpoints: readonly number[],
  hasFlatPiece: boolean,
): Monotonicity {
  let scale = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Math.abs(xs[i]) <= 10 && Number.isFinite(d[i])) scale = Math.max(scale, Math.abs(d[i]));
  }
  const tol = 1e-9 * scale;
  let up = false;
  let down = false;
  for (let i = 0; i < d.length; i++) {
    if (nearBreakpoint(xs[i], breakpoints)) continue;
    if (d[i] > tol) up = true;
    else if (d[i] < -tol) down = true;
  }
  for (let i = 0; i + 1 < v.length; i++) {
    const a = v[i];
    const b = v[i + 1];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const t = 1e-12 * (Math.abs(a) + Math.abs(b));
    if (b - a > t) up = true;
    else if (a - b > t) down = true;
  }
  if (up && down) return 'none';
  if (up) return hasFlatPiece ? 'non-decreasing' : 'increasing';
  if (down) return hasFlatPiece ? 'non-increasing' : 'decreasing';
  return 'non-decreasing';
}

function nearBreakpoint(x: number, breakpoints: readonly number[]): boolean {
  for (const b of breakpoints) if (Math.abs(x - b) <= 1e-5 * Math.max(1, Math.abs(b))) return true;
  return false;
}

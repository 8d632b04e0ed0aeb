/**
 * The sample points the analysis evaluates f and its derivatives at.
 *
 * Decisions:
 * - a linear grid of step 0.01 on [−10, 10] (where activations do their interesting things) and of step 0.25
 *   on [−100, 100];
 * - a log-spaced grid, 24 points per decade, for |x| from 1e−8 to 1e6 on both sides (the far tails);
 * - 0 itself, every breakpoint, and points at b ± s·{1e−9, 1e−6, 1e−4, 1e−3, 1e−2, 0.1, 0.5} with
 *   s = max(1, |b|) around every breakpoint b, so each piece is sampled right up to its ends.
 * About 4,000 points in all; sorted and without duplicates.
 */

/** Largest |x| the grid reaches; limits at ±∞ are taken further out (see `limitAtInfinity`). */
export const GRID_EXTENT = 1e6;

const OFFSETS = [1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.1, 0.5];

/** Builds the sorted, duplicate-free sample grid for the given (sorted, finite) breakpoints. */
export function buildGrid(breakpoints: readonly number[]): Float64Array {
  const pts: number[] = [0];
  for (let i = -1000; i <= 1000; i++) pts.push(i / 100);
  for (let i = -400; i <= 400; i++) pts.push(i / 4);
  for (let k = -8 * 24; k <= 6 * 24; k++) {
    const m = 10 ** (k / 24);
    pts.push(m, -m);
  }
  for (const b of breakpoints) {
    const s = Math.max(1, Math.abs(b));
    pts.push(b);
    for (const o of OFFSETS) pts.push(b - o * s, b + o * s);
  }
  const sorted = Float64Array.from(pts).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  }
  return sorted.slice(0, n);
}

/** Sorts, removes duplicates and drops non-finite values from user-supplied breakpoints. */
export function normalizeBreakpoints(breakpoints: readonly number[]): number[] {
  const finite = breakpoints.filter((b) => Number.isFinite(b)).map((b) => (b === 0 ? 0 : b));
  finite.sort((a, b) => a - b);
  return finite.filter((b, i) => i === 0 || b !== finite[i - 1]);
}

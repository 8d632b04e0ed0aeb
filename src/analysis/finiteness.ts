import { buildGrid } from './grid.js';
import { limitAtInfinity } from './limitAtInfinity.js';
import type { Limit, NonFiniteInterval, NonFiniteValue } from './properties.js';

/** Most intervals reported (those nearest 0, left to right; sqrt(sin(x)) would otherwise give hundreds). */
export const MAX_NON_FINITE_INTERVALS = 16;

/** Size the last finite sample before an overflow must reach for the ±Infinity beyond it to count as overflow. */
const OVERFLOW_FROM = 1e100;

/**
 * Where f is not a finite number (NaN, or ±Infinity other than by overflow far out), as intervals of x,
 * from its values `v` on the sorted grid `xs` and its limits at ±∞.
 *
 * Decisions:
 * - overflow is not a failure: a trailing run of samples (at either end of the grid) that all equal the
 *   same infinity, matching the limit on that side, right after a finite sample of size ≥ 1e100 (exp beyond
 *   x ≈ 709.8, the soft exponential's e^(x/2) beyond 1420). A function that jumps to ∞ from small values
 *   (x^1e308 for |x| > 1, 1/0 everywhere) is not finite there, whatever its limit;
 * - every other run of consecutive non-finite samples is one interval. A run that reaches the end of the
 *   grid (|x| = 1e6) reaches ±∞ (`null`);
 * - finite ends are pinned by bisection to adjacent doubles a (finite) and b (not finite); the end reported
 *   is the one with the shorter decimal form (sqrt(x − 1): 1, open), the finite one on a tie (open);
 *   ends within 1e−300 of 0 are 0 (1/x is ±Infinity for |x| < 5.6e−309: reported as the point 0, closed);
 * - at most 16 intervals, those nearest 0, left to right; `values` lists the kinds of non-finite values seen in the run.
 * Known blind spot: failures between grid points (tan's poles, NaN on a set narrower than the grid step).
 */
export function nonFiniteIntervals(
  f: (x: number) => number,
  xs: Float64Array,
  v: Float64Array,
  limits: { readonly left: Limit; readonly right: Limit },
): NonFiniteInterval[] {
  const n = v.length;
  let lo = 0;
  let hi = n - 1;
  const overflowRight = overflowRun(v, n - 1, -1, limits.right);
  if (overflowRight !== null) hi = overflowRight - 1;
  const overflowLeft = overflowRun(v, 0, 1, limits.left);
  if (overflowLeft !== null) lo = overflowLeft + 1;
  const runs: Array<{ i: number; j: number; near: number }> = [];
  for (let i = lo; i <= hi; ) {
    if (Number.isFinite(v[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j <= hi && !Number.isFinite(v[j])) j++;
    // the run is [i, j − 1]
    runs.push({ i, j, near: xs[i] <= 0 && xs[j - 1] >= 0 ? 0 : Math.min(Math.abs(xs[i]), Math.abs(xs[j - 1])) });
    i = j;
  }
  const kept = runs.length <= MAX_NON_FINITE_INTERVALS ? runs : [...runs].sort((a, b) => a.near - b.near).slice(0, MAX_NON_FINITE_INTERVALS).sort((a, b) => a.i - b.i);
  const out = kept.map(({ i, j }): NonFiniteInterval => {
    const kinds = new Set<NonFiniteValue>();
    for (let k = i; k < j; k++) kinds.add(kindOf(v[k]));
    const from = i === 0 ? null : edge(f, xs[i - 1], xs[i]);
    const to = j === n ? null : edge(f, xs[j], xs[j - 1]);
    return {
      from: from === null ? null : from.x,
      to: to === null ? null : to.x,
      fromClosed: from !== null && from.closed,
      toClosed: to !== null && to.closed,
      values: (['nan', 'inf', '-inf'] as const).filter((k) => kinds.has(k)),
    };
  });
  return out;
}

/**
 * The intervals where f is not finite, for f alone (its own grid, no breakpoints, its limits): the quick
 * check the explorer runs on a typed expression before anyone trains with it. About 4,000 evaluations.
 */
export function findNonFinite(f: (x: number) => number, breakpoints: readonly number[] = []): NonFiniteInterval[] {
  const xs = buildGrid(breakpoints.filter((b) => Number.isFinite(b)));
  const v = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) v[i] = f(xs[i]);
  return nonFiniteIntervals(f, xs, v, { left: limitAtInfinity(f, -1), right: limitAtInfinity(f, 1) });
}

function kindOf(w: number): NonFiniteValue {
  return Number.isNaN(w) ? 'nan' : w > 0 ? 'inf' : '-inf';
}

/** The first index of an overflow run at the end `end` of the grid (walking inwards by `step`), or null. */
function overflowRun(v: Float64Array, end: number, step: 1 | -1, limit: Limit): number | null {
  const w = v[end];
  if (Number.isFinite(w) || Number.isNaN(w) || limit !== (w > 0 ? 'inf' : '-inf')) return null;
  let k = end;
  while (k + step >= 0 && k + step < v.length && v[k + step] === w) k += step;
  const inner = v[k + step];
  return inner !== undefined && Number.isFinite(inner) && Math.abs(inner) >= OVERFLOW_FROM ? k : null;
}

/** The boundary between a finite sample at `good` and a non-finite one at `bad` (see `nonFiniteIntervals`). */
function edge(f: (x: number) => number, good: number, bad: number): { x: number; closed: boolean } {
  let a = good;
  let b = bad;
  for (let k = 0; k < 2200; k++) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) break;
    if (Number.isFinite(f(mid))) a = mid;
    else b = mid;
  }
  if (Math.abs(a) < 1e-300 && Math.abs(b) < 1e-300) return { x: 0, closed: !Number.isFinite(f(0)) };
  return String(b).length < String(a).length ? { x: b, closed: true } : { x: a, closed: false };
}

/**
 * The statistics the lessons judge with: Wilson score intervals for success rates, Student-t intervals for
 * means, Welch's test for differences of means (src/experiments/welchTTest.ts) and Spearman's rank correlation.
 */
import { studentTTwoSided } from '../experiments/incompleteBeta.js';
import { welchTTest } from '../experiments/welchTTest.js';
import { ranksDescending } from './ranks.js';

/** A proportion with its 95% Wilson score interval. */
export interface RateInterval {
  readonly rate: number;
  readonly lo: number;
  readonly hi: number;
}

/** Wilson score interval (95%, z = 1.96) of `k` successes in `n` trials; [0, 1] when n = 0. */
export function wilson(k: number, n: number, z = 1.959963984540054): RateInterval {
  if (n <= 0) return { rate: 0, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return { rate: p, lo: k <= 0 ? 0 : Math.max(0, centre - half), hi: k >= n ? 1 : Math.min(1, centre + half) };
}

/** Arithmetic mean (0 for an empty list). */
export function meanOf(v: readonly number[]): number {
  return v.length === 0 ? 0 : v.reduce((s, x) => s + x, 0) / v.length;
}

/** Sample standard deviation (0 for fewer than 2 values). */
export function sdOf(v: readonly number[]): number {
  if (v.length < 2) return 0;
  const m = meanOf(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}

/** The t value with two-sided tail probability `alpha` at `df` degrees of freedom (bisection on the CDF). */
export function tQuantile(df: number, alpha = 0.05): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A mean with its 95% Student-t interval (the interval is the mean itself for fewer than 2 values). */
export function meanInterval(v: readonly number[]): RateInterval {
  const m = meanOf(v);
  if (v.length < 2) return { rate: m, lo: m, hi: m };
  const half = (tQuantile(v.length - 1) * sdOf(v)) / Math.sqrt(v.length);
  return { rate: m, lo: m - half, hi: m + half };
}

/** Mean difference a − b with Welch's two-sided p-value (1 when a test is impossible). */
export interface Difference {
  readonly diff: number;
  readonly p: number;
}

/** Welch's test of a − b; p = 1 when either sample has fewer than 2 values. */
export function welch(a: readonly number[], b: readonly number[]): Difference {
  const r = welchTTest(a, b);
  return { diff: meanOf(a) - meanOf(b), p: r ? r.p : 1 };
}

/** Spearman's rank correlation of x and y (ties share ranks); 0 when either is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranksDescending(x);
  const ry = ranksDescending(y);
  const mx = meanOf(rx);
  const my = meanOf(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Least-squares slope of y against x (0 when x is constant). */
export function slope(x: readonly number[], y: readonly number[]): number {
  const mx = meanOf(x);
  const my = meanOf(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Formats a p-value for a criterion: 3 significant digits, or "< 0.001". */
export function pText(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${Number(p.toPrecision(2))}`;
}

/** Mean and 95% interval per index over runs (index i plotted at x = i + 1); runs are cut to the shortest. */
export function meanBands(runs: readonly (readonly number[])[]): { x: number; y: number; lo: number; hi: number }[] {
  const len = Math.min(...runs.map((r) => r.length));
  return Array.from({ length: len }, (_, i) => {
    const ci = meanInterval(runs.map((r) => r[i]));
    return { x: i + 1, y: ci.rate, lo: ci.lo, hi: ci.hi };
  });
}

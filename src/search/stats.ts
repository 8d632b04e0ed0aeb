/**
 * Statistics of the search: mean with a Student-t 95% interval over seeds, and the Holm–Bonferroni
 * adjustment of a family of p-values.
 */
import { studentTTwoSided } from '../experiments/incompleteBeta.js';

/** Mean and two-sided 95% t interval of a sample (the interval is null for fewer than 2 values). */
export interface MeanInterval {
  readonly mean: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly n: number;
}

/** The t quantile q with P(|T| > q) = alpha for `df` degrees of freedom (bisection on the exact CDF). */
export function tQuantile(alpha: number, df: number): number {
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Mean and 95% interval of `values`; the interval is clipped to `bounds` (e.g. [0, 1] for accuracies). */
export function meanInterval(values: readonly number[], bounds: readonly [number, number] = [-Infinity, Infinity]): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, low: null, high: null, n };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, low: null, high: null, n };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (n - 1));
  const half = tQuantile(0.05, n - 1) * (sd / Math.sqrt(n));
  return { mean, low: Math.max(bounds[0], mean - half), high: Math.min(bounds[1], mean + half), n };
}

/** Holm–Bonferroni adjusted p-values (same order as given; null stays null and is not counted). */
export function holm(ps: readonly (number | null)[]): (number | null)[] {
  const idx = ps.map((p, i) => ({ p, i })).filter((o): o is { p: number; i: number } => o.p !== null).sort((a, b) => a.p - b.p || a.i - b.i);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 0;
  idx.forEach((o, k) => {
    running = Math.max(running, Math.min(1, (m - k) * o.p));
    out[o.i] = running;
  });
  return out;
}

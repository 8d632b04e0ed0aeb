import type { LinePoint } from './lineChart.js';

/**
 * Mean ± sample standard deviation across runs, pointwise: `runs[r][i]` is run r's value at `xs[i]` (e.g. loss
 * per epoch for each seed). Runs may be shorter than `xs` (stopped early); each point uses the runs that have it.
 * Non-finite values are left out of that point; a point no run has gets y = NaN.
 */
export function meanBand(xs: readonly number[], runs: readonly (readonly number[])[]): LinePoint[] {
  return xs.map((x, i) => {
    const v = runs.map((r) => r[i]).filter((a): a is number => a !== undefined && Number.isFinite(a));
    if (v.length === 0) return { x, y: Number.NaN };
    const mean = v.reduce((s, a) => s + a, 0) / v.length;
    if (v.length === 1) return { x, y: mean };
    const variance = v.reduce((s, a) => s + (a - mean) ** 2, 0) / (v.length - 1);
    return { x, y: mean, spread: Math.sqrt(variance) };
  });
}

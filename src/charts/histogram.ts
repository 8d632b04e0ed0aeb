import type { TopLevelSpec } from 'vega-lite';
import { ActlabError } from '../util/errors.js';
import { CHART_SIZE, chartFrame, paletteColor } from './theme.js';

/** One distribution of values (e.g. activations of one layer). */
export interface HistogramSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/** Input of {@link histogram}. */
export interface HistogramOptions {
  readonly series: readonly HistogramSeries[];
  readonly title: string;
  readonly xLabel: string;
  /** Defaults to `fraction of values` (each series normalised to sum 1, so sizes compare). */
  readonly yLabel?: string;
  /** Number of equal-width bins over the common range (default 40). */
  readonly bins?: number;
  /** Bin range; defaults to the finite values' min and max. */
  readonly range?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
}

/** Per-bin counts of a histogram, as the chart draws them. */
export interface HistogramBin {
  readonly series: string;
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
  readonly fraction: number;
}

/**
 * Equal-width bins shared by all series over a common range; non-finite values and values outside the range
 * are left out. Computed here (not by Vega) so a million activation values make a spec of a few hundred rows.
 */
export function histogramBins(series: readonly HistogramSeries[], bins = 40, range?: readonly [number, number]): HistogramBin[] {
  if (!Number.isInteger(bins) || bins < 1 || bins > 10000) throw new ActlabError(`histogram bins must be an integer from 1 to 10000, got ${bins}`);
  let lo = range ? range[0] : Infinity;
  let hi = range ? range[1] : -Infinity;
  if (!range) {
    for (const s of series) for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  if (!(lo <= hi)) { lo = 0; hi = 1; }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const width = (hi - lo) / bins;
  return series.flatMap((s) => {
    const counts = new Array<number>(bins).fill(0);
    let total = 0;
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v) || v < lo || v > hi) continue;
      counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
      total++;
    }
    return counts.map((count, b) => ({
      series: s.name,
      x0: lo + b * width,
      x1: b === bins - 1 ? hi : lo + (b + 1) * width,
      count,
      fraction: total === 0 ? 0 : count / total,
    }));
  });
}

/** Histograms of one or several distributions, overlaid translucently in series colours on shared bins. */
export function histogram(opts: HistogramOptions): TopLevelSpec {
  const names = opts.series.map((s) => s.name);
  const colors = names.map((_, i) => paletteColor(i));
  const values = histogramBins(opts.series, opts.bins ?? 40, opts.range);
  const several = names.length > 1;
  return {
    ...chartFrame(opts.title, opts.width ?? CHART_SIZE.width, opts.height ?? CHART_SIZE.height, values),
    mark: { type: 'rect', opacity: several ? 0.5 : 0.85, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: opts.xLabel, scale: { zero: false, nice: false } },
      x2: { field: 'x1' },
      y: { field: 'fraction', type: 'quantitative', title: opts.yLabel ?? 'fraction of values', stack: null },
      y2: { datum: 0 },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: colors }, ...(several ? {} : { legend: null }) },
    },
  };
}

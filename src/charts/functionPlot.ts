import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZE, chartFrame, finiteOrNull, paletteColor } from './theme.js';

/** One curve of a function plot. */
export interface FunctionSeries {
  /** Legend label, e.g. `gelu` or `gelu'`. */
  readonly name: string;
  /** Samples in increasing x; non-finite y values break the line. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Draw dashed (e.g. a derivative). */
  readonly dashed?: boolean;
  /** Series with the same group share a colour (e.g. `gelu` and its dashed `gelu'`); defaults to the name. */
  readonly group?: string;
}

/** Input of {@link functionPlot}. */
export interface FunctionPlotOptions {
  readonly series: readonly FunctionSeries[];
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
}

const DASH = [7, 4];

/**
 * Curves of several functions (and derivatives) on shared axes with one legend: each series has its group's
 * colour and is solid or dashed, and the legend shows both. Zero lines are drawn lightly.
 */
export function functionPlot(opts: FunctionPlotOptions): TopLevelSpec {
  const names = opts.series.map((s) => s.name);
  const groups: string[] = [];
  for (const s of opts.series) if (!groups.includes(s.group ?? s.name)) groups.push(s.group ?? s.name);
  const colors = opts.series.map((s) => paletteColor(groups.indexOf(s.group ?? s.name)));
  const dashes = opts.series.map((s) => (s.dashed ? DASH : [1, 0]));
  const values = opts.series.flatMap((s, order) => s.points.map((p) => ({ series: s.name, order, x: p.x, y: finiteOrNull(p.y) })));
  const legendTitle = null;
  const xs = values.map((v) => v.x);
  const ys = values.flatMap((v) => (v.y === null ? [] : [v.y]));
  const zeroRules = [
    ...(spans(ys) ? [zeroRule('y')] : []),
    ...(spans(xs) ? [zeroRule('x')] : []),
  ];
  return {
    ...chartFrame(opts.title, opts.width ?? CHART_SIZE.width, opts.height ?? CHART_SIZE.height, values),
    layer: [
      ...zeroRules,
      {
        mark: { type: 'line', strokeWidth: 2.2, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: opts.xLabel, scale: { nice: false, zero: false } },
          y: { field: 'y', type: 'quantitative', title: opts.yLabel, scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: legendTitle, scale: { domain: names, range: colors } },
          strokeDash: { field: 'series', type: 'nominal', title: legendTitle, scale: { domain: names, range: dashes } },
          detail: { field: 'order', type: 'ordinal' },
          order: { field: 'x', type: 'quantitative' },
        },
      },
    ],
  };
}

/** True when the values lie on both sides of zero. */
function spans(v: readonly number[]): boolean {
  return v.some((a) => a < 0) && v.some((a) => a > 0);
}

/** A light rule at zero along one axis. */
function zeroRule(channel: 'x' | 'y') {
  return {
    mark: { type: 'rule' as const, color: '#a0a0a0', strokeWidth: 1 },
    data: { values: [{ zero: 0 }] },
    encoding: { [channel]: { field: 'zero', type: 'quantitative' as const } },
  };
}

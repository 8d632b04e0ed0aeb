import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZE, chartFrame, finiteOrNull, paletteColor } from './theme.js';

/** One point of a line series: a mean `y` and, optionally, its spread (e.g. standard deviation over seeds). */
export interface LinePoint {
  readonly x: number;
  readonly y: number;
  /** Half-width of the band drawn around y (mean ± spread). */
  readonly spread?: number;
}

/** One line of a {@link lineChart}. */
export interface LineSeries {
  readonly name: string;
  readonly points: readonly LinePoint[];
}

/** Input of {@link lineChart}. */
export interface LineChartOptions {
  readonly series: readonly LineSeries[];
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Logarithmic y axis (e.g. loss curves); non-positive values are left out. */
  readonly logY?: boolean;
  /** Draw a dot at every point as well as the line (for short series). */
  readonly points?: boolean;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Lines per series (e.g. loss per epoch per activation), each with an optional translucent band of
 * mean ± spread in the same colour; optional log-scale y. On a log scale a band's lower edge that is not
 * positive is raised to a tenth of its mean, so the band stays visible instead of vanishing.
 */
export function lineChart(opts: LineChartOptions): TopLevelSpec {
  const names = opts.series.map((s) => s.name);
  const colors = names.map((_, i) => paletteColor(i));
  const logY = opts.logY === true;
  const ok = (y: number) => Number.isFinite(y) && (!logY || y > 0);
  const values = opts.series.flatMap((s) =>
    s.points.map((p) => {
      const y = ok(p.y) ? p.y : null;
      const spread = p.spread !== undefined && Number.isFinite(p.spread) && y !== null ? Math.abs(p.spread) : null;
      let lo = spread === null || y === null ? null : y - spread;
      if (lo !== null && y !== null && logY && lo <= 0) lo = y / 10;
      return { series: s.name, x: p.x, y, lo: lo === null ? null : finiteOrNull(lo), hi: spread === null || y === null ? null : y + spread };
    }),
  );
  const hasBands = values.some((v) => v.lo !== null);
  const x = { field: 'x', type: 'quantitative' as const, title: opts.xLabel, scale: { zero: false, nice: false } };
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: names, range: colors } };
  const yScale = logY ? { type: 'log' as const, nice: false } : { zero: false };
  return {
    ...chartFrame(opts.title, opts.width ?? CHART_SIZE.width, opts.height ?? CHART_SIZE.height, values),
    layer: [
      ...(hasBands
        ? [
            {
              mark: { type: 'area' as const, fillOpacity: 0.18, clip: true },
              encoding: {
                x,
                y: { field: 'lo', type: 'quantitative' as const, title: opts.yLabel, scale: yScale },
                y2: { field: 'hi' },
                color,
              },
            },
          ]
        : []),
      {
        mark: { type: 'line', clip: true, point: opts.points === true },
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative', title: opts.yLabel, scale: yScale },
          color: { ...color, legend: { symbolType: 'stroke', symbolOpacity: 1 } },
        },
      },
    ],
  };
}

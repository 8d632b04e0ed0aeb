import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZE, chartFrame, paletteColor } from './theme.js';

/** One group of values (e.g. final test accuracy of one activation over seeds). */
export interface ValueGroup {
  readonly name: string;
  readonly values: readonly number[];
}

/** Input of {@link boxPlot}. */
export interface BoxPlotOptions {
  readonly groups: readonly ValueGroup[];
  readonly title: string;
  /** Title of the group axis (e.g. `activation`). */
  readonly xLabel: string;
  readonly yLabel: string;
  /** Overlay every value as a dot, spread sideways deterministically (default true). */
  readonly showPoints?: boolean;
  readonly width?: number;
  readonly height?: number;
}

/**
 * A box plot per group (median, quartiles, whiskers to the min and max) with the individual values overlaid as
 * a strip of dots, so small samples (a handful of seeds) stay honest. The sideways spread of the dots is a
 * fixed low-discrepancy sequence, not random, so the same data always gives the same picture.
 */
export function boxPlot(opts: BoxPlotOptions): TopLevelSpec {
  const names = opts.groups.map((g) => g.name);
  const colors = names.map((_, i) => paletteColor(i));
  const values = opts.groups.flatMap((g) =>
    g.values.filter(Number.isFinite).map((value, i) => ({ group: g.name, value, jitter: (((i * 0.6180339887) % 1) - 0.5) * 0.5 })),
  );
  const x = { field: 'group', type: 'nominal' as const, title: opts.xLabel, sort: names, axis: { labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative' as const, title: opts.yLabel, scale: { zero: false } };
  const color = { field: 'group', type: 'nominal' as const, legend: null, scale: { domain: names, range: colors } };
  const perGroup = Math.max(opts.width ?? CHART_SIZE.width, 80 * names.length);
  return {
    ...chartFrame(opts.title, opts.width ?? Math.min(perGroup, 900), opts.height ?? CHART_SIZE.height, values),
    layer: [
      {
        mark: { type: 'boxplot', extent: 'min-max', size: 40, box: { opacity: 0.3 }, median: { color: '#222222', strokeWidth: 2 }, rule: { color: '#666666' }, ticks: { color: '#666666', size: 12 } },
        encoding: { x, y, color },
      },
      ...(opts.showPoints === false
        ? []
        : [
            {
              mark: { type: 'point' as const, filled: true, size: 30, opacity: 0.85, stroke: 'white', strokeWidth: 0.6 },
              encoding: {
                x,
                xOffset: { field: 'jitter', type: 'quantitative' as const, scale: { domain: [-1, 1] } },
                y,
                color,
              },
            },
          ]),
    ],
  };
}

import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZE, chartFrame, finiteOrNull, paletteColor } from './theme.js';

/** One bar: a value and an optional error half-width (e.g. mean ± std over seeds). */
export interface Bar {
  readonly name: string;
  readonly value: number;
  readonly error?: number;
}

/** Input of {@link barChart}. */
export interface BarChartOptions {
  readonly bars: readonly Bar[];
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
}

/** Vertical bars in the given order, one colour each, with error bars where an error is given. */
export function barChart(opts: BarChartOptions): TopLevelSpec {
  const names = opts.bars.map((b) => b.name);
  const colors = names.map((_, i) => paletteColor(i));
  const values = opts.bars.map((b) => {
    const v = finiteOrNull(b.value);
    const e = b.error !== undefined && Number.isFinite(b.error) && v !== null ? Math.abs(b.error) : null;
    return { name: b.name, value: v, lo: e === null || v === null ? null : v - e, hi: e === null || v === null ? null : v + e };
  });
  const x = { field: 'name', type: 'nominal' as const, title: opts.xLabel, sort: names, axis: { labelAngle: 0 } };
  const hasErrors = values.some((v) => v.lo !== null);
  return {
    ...chartFrame(opts.title, opts.width ?? Math.min(Math.max(CHART_SIZE.width, 70 * names.length), 900), opts.height ?? CHART_SIZE.height, values),
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.6 } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: opts.yLabel },
          color: { field: 'name', type: 'nominal', legend: null, scale: { domain: names, range: colors } },
        },
      },
      ...(hasErrors
        ? [
            {
              mark: { type: 'errorbar' as const, ticks: { width: 14 }, color: '#222222' },
              encoding: {
                x,
                y: { field: 'lo', type: 'quantitative' as const, title: opts.yLabel },
                y2: { field: 'hi' },
              },
            },
          ]
        : []),
    ],
  };
}

import type { Config } from 'vega-lite';

/** Colour-blind-safe categorical palette (Okabe–Ito order, yellow left out for contrast on white). */
export const CHART_PALETTE: readonly string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C8C8C',
];

/** Font stack used by every chart: DejaVu Sans renders in resvg and browsers; Noto CJK covers Chinese labels. */
export const CHART_FONT = 'DejaVu Sans, Noto Sans CJK SC, Helvetica, Arial, sans-serif';

/** Default plotting-area size in pixels (legend, axes and title come on top of it). */
export const CHART_SIZE = { width: 520, height: 320 } as const;

/** The shared Vega-Lite config: font, sizes, palette, light grid. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  view: { stroke: '#d0d0d0' },
  range: { category: [...CHART_PALETTE] },
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', offset: 12, color: '#222222' },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    labelColor: '#444444',
    gridColor: '#ebebeb',
    domainColor: '#888888',
    tickColor: '#888888',
    titlePadding: 8,
  },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolStrokeWidth: 2.5, symbolSize: 320, labelLimit: 240, orient: 'right' },
  line: { strokeWidth: 2 },
};

/** The palette colour for the i-th category, cycling. */
export function paletteColor(i: number): string {
  return CHART_PALETTE[i % CHART_PALETTE.length];
}

/** A finite number, or null (Vega-Lite leaves null values out and breaks lines there). */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The part of a Vega-Lite spec every chart of this folder shares. */
export interface ChartFrame<T extends object> {
  readonly $schema: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly config: Config;
  readonly data: { readonly values: T[] };
}

/** The frame every chart of this folder shares: schema, title, size, config and its data rows. */
export function chartFrame<T extends object>(title: string, width: number, height: number, values: readonly T[]): ChartFrame<T> {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, width, height, config: CHART_CONFIG, data: { values: [...values] } };
}

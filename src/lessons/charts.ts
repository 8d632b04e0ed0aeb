/**
 * The lesson charts: bars with 95% intervals on an axis from 0, lines with bands (log scale where the quantity
 * spans decades), and scatter plots for samples that are not a sequence. Labels and legends are never
 * truncated. Vega-Lite specs, shared by the CLI (SVG/PNG) and the explorer.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_SIZE, paletteColor } from '../charts/theme.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The shared config with truncation switched off for titles, axis labels and legends. */
const CONFIG = {
  ...CHART_CONFIG,
  title: { ...CHART_CONFIG.title, limit: 0 },
  axis: { ...CHART_CONFIG.axis, labelLimit: 0, titleLimit: 0 },
  legend: { ...CHART_CONFIG.legend, labelLimit: 0, orient: 'bottom', direction: 'vertical', columns: 1 },
};

/** Display width of a text: CJK characters and full-width punctuation count 2, others 1. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Splits a long title into lines of at most `width` display columns, so the chart keeps its width: Latin text
 * breaks at spaces, Chinese text between any two characters.
 */
export function wrapTitle(text: string, width = 72): string | string[] {
  if (displayWidth(text) <= width) return text;
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line.trim() !== '' && displayWidth(line + tok) > width) {
      lines.push(line.trim());
      line = /^\s+$/.test(tok) ? '' : tok;
    } else line += tok;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

const fin = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/** One bar with its 95% interval; `group` colours bars (default: one colour per bar). */
export interface IntervalBar {
  readonly name: string;
  readonly value: number;
  readonly lo?: number;
  readonly hi?: number;
  readonly group?: string;
}

/** Bars from 0 with interval whiskers; `max` fixes the top of the axis (e.g. 1 for rates). */
export function intervalBars(o: { title: string; xLabel: string; yLabel: string; bars: readonly IntervalBar[]; max?: number; subtitle?: string }): TopLevelSpec {
  const names = o.bars.map((b) => b.name);
  const groups = [...new Set(o.bars.map((b) => b.group ?? b.name))];
  // Whiskers stay on the axis: below 0 (the bars start there) and above `max` nothing is possible.
  const clampTop = (v: number | null) => (v === null ? null : o.max !== undefined ? Math.min(v, o.max) : v);
  const values = o.bars.map((b) => ({ name: b.name, group: b.group ?? b.name, value: fin(b.value), lo: clampTop(fin(b.lo) === null ? null : Math.max(0, b.lo as number)), hi: clampTop(fin(b.hi) === null ? null : Math.max(0, b.hi as number)) }));
  const x = { field: 'name', type: 'nominal' as const, title: o.xLabel, sort: names, axis: { labelAngle: names.join('').length > 60 ? -35 : 0, labelLimit: 0 } };
  const y = { type: 'quantitative' as const, title: o.yLabel, scale: { zero: true, ...(o.max !== undefined ? { domain: [0, o.max] } : {}) } };
  const grouped = o.bars.some((b) => b.group !== undefined);
  return {
    $schema: SCHEMA,
    title: o.subtitle ? { text: wrapTitle(o.title), subtitle: o.subtitle } : { text: wrapTitle(o.title) },
    width: Math.min(Math.max(CHART_SIZE.width, 60 * names.length), 900),
    height: CHART_SIZE.height,
    config: CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.6 } },
        encoding: {
          x,
          y: { ...y, field: 'value' },
          color: { field: 'group', type: 'nominal', title: null, legend: grouped ? {} : null, scale: { domain: groups, range: groups.map((_, i) => paletteColor(i)) } },
        },
      },
      {
        mark: { type: 'errorbar', ticks: { width: 14 }, color: '#222222' },
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** A point of a line: y and an optional band [lo, hi]. */
export interface BandPoint {
  readonly x: number;
  readonly y: number;
  readonly lo?: number;
  readonly hi?: number;
}

/** Lines with translucent bands; `logY` for quantities spanning decades, `yFrom0` to start the axis at 0. */
export function bandLines(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly { name: string; points: readonly BandPoint[]; dashed?: boolean }[];
  logY?: boolean;
  logX?: boolean;
  yFrom0?: boolean;
  yMax?: number;
  points?: boolean;
}): TopLevelSpec {
  const names = o.series.map((s) => s.name);
  const ok = (v: number | undefined) => (v !== undefined && Number.isFinite(v) && (!o.logY || v > 0) ? v : null);
  const values = o.series.flatMap((s) => s.points.map((p) => ({ series: s.name, dashed: s.dashed === true, x: p.x, y: ok(p.y), lo: ok(p.lo), hi: ok(p.hi) })));
  const yScale = o.logY ? { type: 'log', nice: false } : { zero: o.yFrom0 === true, ...(o.yMax !== undefined ? { domain: [0, o.yMax] } : {}) };
  const whole = values.every((v) => Number.isInteger(v.x));
  const x = { field: 'x', type: 'quantitative', title: o.xLabel, scale: o.logX ? { type: 'log', nice: false } : { zero: false, nice: false }, ...(whole && !o.logX ? { axis: { format: 'd', tickMinStep: 1 } } : {}) };
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: names.map((_, i) => paletteColor(i)) } };
  const hasBands = values.some((v) => v.lo !== null && v.hi !== null);
  return {
    $schema: SCHEMA,
    title: { text: wrapTitle(o.title) },
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    config: CONFIG,
    data: { values },
    layer: [
      ...(hasBands ? [{ mark: { type: 'area', fillOpacity: 0.18, clip: true }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: o.yLabel, scale: yScale }, y2: { field: 'hi' }, color } }] : []),
      {
        mark: { type: 'line', clip: true, point: o.points === true },
        encoding: {
          x,
          y: { field: 'y', type: 'quantitative', title: o.yLabel, scale: yScale },
          color: { ...color, legend: { symbolType: 'stroke' } },
          strokeDash: { field: 'dashed', type: 'nominal', legend: null, scale: { domain: [false, true], range: [[1, 0], [6, 4]] } },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Unconnected points per series (samples that are not a sequence), optionally with the diagonal y = x. */
export function scatter(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly { name: string; points: readonly { x: number; y: number }[] }[];
  logY?: boolean;
  diagonal?: boolean;
  yFrom0?: boolean;
}): TopLevelSpec {
  const names = o.series.map((s) => s.name);
  const values = o.series.flatMap((s) => s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!o.logY || p.y > 0)).map((p) => ({ series: s.name, x: p.x, y: p.y })));
  const yScale = o.logY ? { type: 'log', nice: false } : { zero: o.yFrom0 === true };
  const xs = values.map((v) => v.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return {
    $schema: SCHEMA,
    title: { text: wrapTitle(o.title) },
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    config: CONFIG,
    layer: [
      ...(o.diagonal && Number.isFinite(lo) ? [{ data: { values: [{ x: lo, y: lo }, { x: hi, y: hi }] }, mark: { type: 'line', color: '#999999', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } }] : []),
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 40, opacity: 0.8 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: o.xLabel, scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: o.yLabel, scale: yScale },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: names, range: names.map((_, i) => paletteColor(i)) } },
          shape: { field: 'series', type: 'nominal', title: null, scale: { domain: names } },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Places several specs next to each other under one title (each keeps its own scales). */
export function sideBySide(specs: readonly TopLevelSpec[], title: string): TopLevelSpec {
  const parts = specs.map((s) => {
    const { $schema: _schema, config: _config, ...rest } = s as unknown as Record<string, unknown>;
    return rest;
  });
  return {
    $schema: SCHEMA,
    title: { text: wrapTitle(title) },
    config: CONFIG,
    hconcat: parts,
    resolve: { scale: { color: 'independent', fill: 'independent', shape: 'independent', x: 'independent', y: 'independent', strokeDash: 'independent' } },
  } as unknown as TopLevelSpec;
}

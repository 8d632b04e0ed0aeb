/**
 * Turning epoch histories into uPlot's aligned columns: one x column (epochs) and one y column per series,
 * decimated to a bounded number of points so redraws stay cheap however long training runs. Pure.
 */
import type { EpochPoint } from '../engine/protocol.js';

/** The most points a chart draws per series (about one per pixel of a chart's width). */
export const MAX_POINTS = 400;

/** Indices of `n` records to draw: every k-th, always including the last. */
export function decimate(n: number, max = MAX_POINTS): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const stride = Math.ceil(n / max);
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** A value for a chart: finite numbers pass, others (NaN, ∞, or ≤ 0 on a log axis) become gaps. */
export function chartValue(v: number | null | undefined, log: boolean): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  if (log && v <= 0) return null;
  return v;
}

/** One y series: which model, and how to read a value from an epoch record. */
export interface SeriesSource {
  model: number;
  read: (p: EpochPoint) => number | null | undefined;
  log: boolean;
}

/** Aligned columns [epochs, ...series] over model 0's epochs (compare-mode models train in lockstep). */
export function alignedColumns(history: readonly (readonly EpochPoint[])[], sources: readonly SeriesSource[]): (number | null)[][] {
  const base = history[0] ?? [];
  const idx = decimate(base.length);
  const x = idx.map((i) => base[i].epoch);
  const cols: (number | null)[][] = [x];
  for (const s of sources) {
    const h = history[s.model] ?? [];
    cols.push(idx.map((i) => (i < h.length ? chartValue(s.read(h[i]), s.log) : null)));
  }
  return cols;
}

/**
 * A chart tick in one compact style for every axis: plain decimals from 0.01 to 9999 (`1`, `0.5`, `0.01`,
 * `250`), powers of ten elsewhere (`1e-3`, `2e-5`, `1e4`); at most 3 significant digits, no trailing zeros.
 */
export function compactTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 0.01 && a < 1e4) return String(Number(v.toPrecision(3)));
  const [mant, exp] = v.toExponential(2).split('e');
  const m = String(Number(mant));
  return `${m}e${Number(exp)}`;
}

/** The last non-null value of a column (the latest epoch's value), or null. */
export function latestValue(column: ArrayLike<number | null | undefined>): number | null {
  for (let i = column.length - 1; i >= 0; i--) {
    const v = column[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

/** Width in px a y axis needs for its tick labels (about 6.5 px a character at 0.75rem) plus the tick and its title. */
export function axisWidth(labels: readonly string[], title: boolean): number {
  const chars = labels.reduce((m, s) => Math.max(m, s.length), 1);
  return Math.ceil(chars * 6.5 + 12 + (title ? 4 : 0));
}

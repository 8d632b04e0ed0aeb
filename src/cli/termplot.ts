import { ActlabError } from '../util/errors.js';

/** One function drawn by {@link termPlot}. */
export interface TermSeries {
  readonly name: string;
  readonly f: (x: number) => number;
}

/** Options of {@link termPlot}. */
export interface TermPlotOptions {
  readonly from: number;
  readonly to: number;
  /** Total width of the output in terminal columns, labels included (at least 24). */
  readonly width: number;
  /** Total number of output lines: plot rows, x axis, x labels and legend (at least 6). */
  readonly height: number;
  /** Colour each series with ANSI escapes (only for a terminal). */
  readonly color?: boolean;
  /** Fixed y range; by default the range of the finite values, slightly padded. */
  readonly yRange?: readonly [number, number];
}

/** ANSI foreground colours by series: blue, yellow, green, magenta, cyan, red. */
const ANSI = [34, 33, 32, 35, 36, 31];
/** Bit of the braille dot at (column dx ∈ {0,1}, row dy ∈ 0..3) of a cell. */
const DOT = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

/** A number in at most 3 significant digits, without trailing zeros. */
function label(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}

/**
 * Plots functions on [from, to] as text: Unicode braille characters give 2×4 dots per character cell, so a
 * 60×14 plot has 120×52 dots. The y range is labelled at the top, middle and bottom rows, the x range under
 * the axis, and a legend follows on the last line. Every line is exactly `width` columns (ANSI escapes aside).
 * Values outside the y range are clipped; non-finite values leave a gap. Where series overlap in a cell, the
 * later series' colour wins.
 */
export function termPlot(series: readonly TermSeries[], opts: TermPlotOptions): string {
  const { from, to, width, height } = opts;
  if (!(Number.isFinite(from) && Number.isFinite(to) && to > from)) throw new ActlabError(`plot range [${from}, ${to}] is empty; give from < to`);
  if (!(Number.isInteger(width) && width >= 24 && Number.isInteger(height) && height >= 6)) {
    throw new ActlabError(`terminal plot size ${width}×${height} is too small; use at least 24 columns and 6 lines`);
  }
  const rows = height - 3;
  // Sample at every dot column centre, plus the exact ends.
  const samples = series.map((s) => ({ s, ys: [] as number[] }));
  let cols = width - 10; // provisional, refined below once the label width is known
  let [lo, hi] = opts.yRange ?? [Infinity, -Infinity];
  const xAt = (c: number, n: number) => from + ((to - from) * c) / (n - 1);
  if (!opts.yRange) {
    for (const { s } of samples) for (let c = 0; c < 400; c++) {
      const y = s.f(xAt(c, 400));
      if (Number.isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
    }
    if (!(lo <= hi)) { lo = -1; hi = 1; }
    // Halves keep every step finite for values up to ±MAX_VALUE (hi − lo itself can overflow).
    const pad = hi > lo ? 0.08 * (hi / 2 - lo / 2) : Math.max(1, Math.abs(hi) * 0.1);
    lo = Math.max(lo - pad, -Number.MAX_VALUE); hi = Math.min(hi + pad, Number.MAX_VALUE);
  } else if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new ActlabError(`y range [${lo}, ${hi}] is empty or infinite; give finite lower < upper`);
  const yLabels = [label(hi), label(lo / 2 + hi / 2), label(lo)];
  const margin = Math.max(...yLabels.map((l) => l.length)) + 1;
  cols = width - margin - 1;
  const dotsX = 2 * cols;
  const dotsY = 4 * rows;
  const bits = new Uint8Array(cols * rows);
  const owner = new Int16Array(cols * rows).fill(-1);
  const plot = (k: number, dx: number, dy: number) => {
    if (dy < 0 || dy >= dotsY) return;
    const cell = Math.floor(dy / 4) * cols + (dx >> 1);
    bits[cell] |= DOT[dx & 1][dy % 4];
    owner[cell] = k;
  };
  const halfSpan = hi / 2 - lo / 2;
  /** Dot row of a value, clipped to one plot height beyond either edge (always a finite integer). */
  const toDot = (y: number) => Math.round(Math.min(Math.max((hi / 2 - y / 2) / halfSpan, -1), 2) * (dotsY - 1));
  samples.forEach(({ s }, k) => {
    let prev: number | null = null;
    for (let dx = 0; dx < dotsX; dx++) {
      const y = s.f(xAt(dx, dotsX));
      if (!Number.isFinite(y)) { prev = null; continue; }
      const dy = toDot(y);
      // Join to the previous column with a vertical run so steep parts stay connected.
      if (prev !== null && prev !== dy) {
        const step = dy > prev ? 1 : -1;
        for (let d: number = prev + step; d !== dy; d += step) plot(k, dx, d);
      }
      plot(k, dx, dy);
      prev = dy;
    }
  });
  const paint = (text: string, k: number) => (opts.color && k >= 0 ? `\x1b[${ANSI[k % ANSI.length]}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const yl = r === 0 ? yLabels[0] : r === rows - 1 ? yLabels[2] : r === Math.floor((rows - 1) / 2) ? yLabels[1] : '';
    let line = `${yl.padStart(margin - 1)} ${yl ? '┤' : '│'}`;
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      line += bits[i] === 0 ? ' ' : paint(String.fromCharCode(0x2800 + bits[i]), owner[i]);
    }
    lines.push(line);
  }
  lines.push(`${' '.repeat(margin)}└${'─'.repeat(cols)}`);
  const left = label(from);
  const right = label(to);
  const gap = Math.max(1, cols + 1 - left.length - right.length);
  lines.push(`${' '.repeat(margin)}${left}${' '.repeat(gap)}${right}`.slice(0, width).padEnd(width));
  lines.push(legend(series.map((s) => s.name), width, margin, paint));
  return lines.join('\n');
}

/** One legend line, `━ name` per series, cut to the width (visible columns only). */
function legend(names: readonly string[], width: number, margin: number, paint: (t: string, k: number) => string): string {
  let visible = ' '.repeat(margin);
  let out = visible;
  names.forEach((name, k) => {
    const item = `${k > 0 ? '  ' : ''}━ ${name}`;
    const room = width - visible.length;
    if (room <= 0) return;
    const shown = item.slice(0, room);
    const mark = shown.indexOf('━');
    out += mark < 0 ? shown : shown.slice(0, mark) + paint('━', k) + shown.slice(mark + 1);
    visible += shown;
  });
  return out + ' '.repeat(width - visible.length);
}

import type { Interval } from './properties.js';

/** An open interval between consecutive breakpoints, with the grid indices strictly inside it. */
export interface Piece {
  /** Left end (−Infinity for the first piece). */
  readonly lo: number;
  /** Right end (+Infinity for the last piece). */
  readonly hi: number;
  /** Grid indices i with lo < xs[i] < hi: [start, end). */
  readonly start: number;
  readonly end: number;
}

/** Splits the sorted grid into the pieces between the sorted breakpoints. */
export function splitPieces(xs: Float64Array, breakpoints: readonly number[]): Piece[] {
  const ends = [-Infinity, ...breakpoints, Infinity];
  const pieces: Piece[] = [];
  let i = 0;
  for (let p = 0; p + 1 < ends.length; p++) {
    const lo = ends[p];
    const hi = ends[p + 1];
    while (i < xs.length && xs[i] <= lo) i++;
    const start = i;
    while (i < xs.length && xs[i] < hi) i++;
    pieces.push({ lo, hi, start, end: i });
  }
  return pieces;
}

/**
 * True when the derivative values `d` are exactly 0 at every grid point of the piece (and there is one).
 * Exactly, not approximately: every piece is analytic, so a derivative that vanishes on an interval vanishes
 * on the whole piece, and a flat piece is always delimited by breakpoints. That is what separates ReLU's dead
 * zone from sigmoid's tail, whose derivative underflows to 0 for x < −745 but is not 0 at x = 0.
 */
export function isFlat(piece: Piece, d: Float64Array): boolean {
  if (piece.end <= piece.start) return false;
  for (let i = piece.start; i < piece.end; i++) if (d[i] !== 0) return false;
  return true;
}

/** A point of the piece to report as "where" something constant on it happens: 0 if inside, else near the finite end nearest 0. */
export function representative(piece: Piece, g: (x: number) => number, value: number): number {
  if (piece.lo < 0 && piece.hi > 0) return 0;
  const end = Math.abs(piece.lo) <= Math.abs(piece.hi) ? piece.lo : piece.hi;
  if (g(end) === value) return end;
  if (Number.isFinite(piece.lo) && Number.isFinite(piece.hi)) return (piece.lo + piece.hi) / 2;
  return end === piece.lo ? end + 1 : end - 1;
}

/** Merges flat pieces that touch at a breakpoint where g is continuous (same constant) into maximal intervals. */
export function flatIntervals(pieces: readonly Piece[], flat: readonly boolean[], constantOf: (p: Piece) => number): Interval[] {
  const out: Interval[] = [];
  let cur: { from: number; to: number; value: number } | null = null;
  for (let p = 0; p < pieces.length; p++) {
    if (!flat[p]) {
      if (cur) out.push(finish(cur));
      cur = null;
      continue;
    }
    const value = constantOf(pieces[p]);
    if (cur && cur.to === pieces[p].lo && cur.value === value) cur.to = pieces[p].hi;
    else {
      if (cur) out.push(finish(cur));
      cur = { from: pieces[p].lo, to: pieces[p].hi, value };
    }
  }
  if (cur) out.push(finish(cur));
  return out;
}

function finish(c: { from: number; to: number }): Interval {
  return { from: Number.isFinite(c.from) ? c.from : null, to: Number.isFinite(c.to) ? c.to : null };
}

/**
 * Bounded epoch histories. A run of hours at hundreds of epochs per second would otherwise grow the page's
 * memory and the charts' work without end: past HISTORY_CAP records per model, the history is thinned to
 * every other kept epoch (the stride doubles), so it always spans the whole run with at most HISTORY_CAP
 * points, exact at the stride it has reached. Models compared in lockstep share one stride.
 */
import type { EpochPoint } from '../engine/protocol.js';

/** Most records kept per model before thinning. */
export const HISTORY_CAP = 4000;

/** Keeps only records whose epoch is a multiple of `stride`, in place. */
export function thinTo(target: EpochPoint[], stride: number): void {
  let k = 0;
  for (const r of target) if (r.epoch % stride === 0) target[k++] = r;
  target.length = k;
}

/**
 * Appends new records of every model (records[i] for model i) at the current stride, thins all models when any
 * exceeds the cap, and returns the stride now in force.
 */
export function appendHistories(histories: EpochPoint[][], records: readonly (readonly EpochPoint[])[], stride: number): number {
  let s = stride;
  records.forEach((recs, i) => {
    const h = (histories[i] ??= []);
    for (const r of recs) if (r.epoch % s === 0) h.push(r);
  });
  while (histories.some((h) => h.length > HISTORY_CAP)) {
    s *= 2;
    for (const h of histories) thinTo(h, s);
  }
  return s;
}

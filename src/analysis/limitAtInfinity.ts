import type { Limit } from './properties.js';

/**
 * The limit of g as x → +∞ (side = 1) or −∞ (side = −1), read off samples at |x| = m·10^k for
 * m ∈ {1, 1.7, 3.3} and k = 1 … 15.
 *
 * Decisions:
 * - |x| stops at ~3e15: further out, naive formulas overflow (x² at 1e155) and return wrong finite values
 *   (ISRU's x/sqrt(1+x²) becomes 0), which would be worse than stopping early;
 * - samples after the first non-finite one are dropped; a ±Infinity that follows growth of the same sign is
 *   the infinite limit (exp), otherwise it is taken as overflow and ignored;
 * - unbounded: the last finite sample exceeds 1e12 in size, or the last six decade samples move the same way
 *   with steps that do not shrink (this also catches log's slow growth);
 * - convergent: the spread of the samples for k ≥ 11 is at most 1e−6·max(1, |last|); a limit smaller than
 *   1e−12 in size is reported as exactly 0 (sinc at 1e15 is 1e−15 and its limit is 0); a monotone tail
 *   whose decade steps shrink (ratio < 1/2) also converges (1 − 1/√x), with its geometric tail added;
 * - samples that are all equal far out are the limit exactly, without snapping (leaky ReLU's slope 0.001…2);
 * - `'undefined'` when the very first sample is NaN (log, sqrt as x → −∞: not defined out there);
 * - otherwise `'none'` (oscillation, as sin).
 * Known blind spot: convergence slower than any power (1/log x) is reported as unbounded growth.
 */
export function limitAtInfinity(g: (x: number) => number, side: 1 | -1): Limit {
  const decade: number[] = [];
  const all: { k: number; v: number }[] = [];
  let overflow: number | null = null;
  outer: for (let k = 1; k <= 15; k++) {
    for (const m of [1, 1.7, 3.3]) {
      const v = g(side * m * 10 ** k);
      if (!Number.isFinite(v)) {
        overflow = v;
        break outer;
      }
      all.push({ k, v });
      if (m === 1) decade.push(v);
    }
  }
  if (all.length === 0) return overflow === Infinity ? 'inf' : overflow === -Infinity ? '-inf' : 'undefined';
  const last = all[all.length - 1].v;
  const growth = trend(decade);
  if (overflow === Infinity && growth >= 0 && (growth > 0 || decade.length < 3)) return 'inf';
  if (overflow === -Infinity && growth <= 0 && (growth < 0 || decade.length < 3)) return '-inf';
  if (Math.abs(last) > 1e12 && growth !== 0) return last > 0 ? 'inf' : '-inf';
  if (growth !== 0 && decade.length >= 6 && nonShrinking(decade)) return growth > 0 ? 'inf' : '-inf';
  const tail = all.filter((s) => s.k >= Math.min(11, all[all.length - 1].k - 2));
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of tail) {
    lo = Math.min(lo, s.v);
    hi = Math.max(hi, s.v);
  }
  if (hi === lo && tail.length > 1) return last;
  const shrinking = growth !== 0 && decade.length >= 6 && !nonShrinking(decade);
  if (hi - lo <= 1e-6 * Math.max(1, Math.abs(last)) || shrinking) return tidy(extrapolate(decade, last));
  return 'none';
}

/**
 * Adds the geometric tail of the last steps when they shrink by a steady ratio r < 0.5 per decade
 * (softsign's 1 − 1/x is 1 − 1e−15 at 1e15; the extrapolation gives 1).
 */
function extrapolate(decade: readonly number[], last: number): number {
  const n = decade.length;
  if (n < 3 || last !== decade[n - 1]) return last;
  const d1 = decade[n - 2] - decade[n - 3];
  const d2 = decade[n - 1] - decade[n - 2];
  const r = d2 / d1;
  return r > 0 && r < 0.5 ? last + (d2 * r) / (1 - r) : last;
}

/**
 * Reports |L| < 1e−12 as 0 and snaps L to 12 significant digits when that moves it by at most
 * 1e−13·max(1, |L|), so limits such as 1 or −1 print exactly; other values are left untouched.
 */
function tidy(limit: number): number {
  if (Math.abs(limit) < 1e-12) return 0;
  const snapped = Number(limit.toPrecision(12));
  return Math.abs(snapped - limit) <= 1e-13 * Math.max(1, Math.abs(limit)) ? snapped : limit;
}

/** +1 when the last samples strictly increase, −1 when they strictly decrease, 0 otherwise. */
function trend(v: readonly number[]): number {
  const tail = v.slice(-6);
  if (tail.length < 2) return 0;
  let up = true;
  let down = true;
  for (let i = 1; i < tail.length; i++) {
    if (!(tail[i] > tail[i - 1])) up = false;
    if (!(tail[i] < tail[i - 1])) down = false;
  }
  return up ? 1 : down ? -1 : 0;
}

/** True when the last step is at least half the step five decades earlier (no convergence in sight). */
function nonShrinking(v: readonly number[]): boolean {
  const n = v.length;
  const lastStep = Math.abs(v[n - 1] - v[n - 2]);
  const earlierStep = Math.abs(v[n - 5] - v[n - 6]);
  return lastStep >= 0.5 * earlierStep;
}

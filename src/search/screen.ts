/**
 * Screening of candidates before any training: each candidate is resolved like any typed-in activation
 * (parsed, simplified, differentiated exactly), given a canonical key (its simplified text) and a numeric
 * fingerprint (its values on a grid, so two forms of one function count once), and rejected with a
 * recorded reason when it cannot work as an activation: not finite, constant, without gradient, or linear.
 */
import { resolveActivation } from '../activations/resolve.js';
import type { Activation } from '../activations/activation.js';

/** Outcome of screening one candidate. */
export type Screened =
  | { readonly ok: true; readonly key: string; readonly fingerprint: string; readonly activation: Activation }
  | { readonly ok: false; readonly key: string | null; readonly fingerprint: string | null; readonly reason: string };

/** The screening grid: 401 points on [-8, 8]. */
const GRID = Array.from({ length: 401 }, (_, i) => -8 + (16 * i) / 400);
/** The fingerprint grid: 37 points on [-6, 6] plus ±0.37 (irrational-ish, off the kinks of common forms). */
const PRINT_GRID = [...Array.from({ length: 37 }, (_, i) => -6 + i / 3), -0.37, 0.37, 2.71];

const short = (v: number): string => String(Number(v.toPrecision(4)));

/** Values on the fingerprint grid, 7 significant digits: equal fingerprints mean the same function on the grid. */
export function fingerprint(a: Activation): string {
  return PRINT_GRID.map((x) => {
    const v = a.f(x);
    return Number.isFinite(v) ? (Math.abs(v) < 1e-12 ? '0' : v.toPrecision(7)) : String(v);
  }).join(',');
}

/** Resolves and screens one candidate expression. */
export function screenCandidate(text: string): Screened {
  let a: Activation;
  try {
    a = resolveActivation(text);
  } catch (e) {
    return { ok: false, key: null, fingerprint: null, reason: `invalid: ${(e as Error).message.split('\n')[0]}` };
  }
  const key = a.key;
  let fp: string;
  try {
    fp = fingerprint(a);
  } catch (e) {
    return { ok: false, key, fingerprint: null, reason: `invalid: ${(e as Error).message.split('\n')[0]}` };
  }
  const reject = (reason: string): Screened => ({ ok: false, key, fingerprint: fp, reason });
  let lo = Infinity;
  let hi = -Infinity;
  let dlo = Infinity;
  let dhi = -Infinity;
  let flat = 0;
  for (const x of GRID) {
    const v = a.f(x);
    if (!Number.isFinite(v)) return reject(`not finite: f(${short(x)}) = ${v}`);
    if (Math.abs(v) > 1e6) return reject(`too large: |f(${short(x)})| > 1e6 on [-8, 8]`);
    const d = a.df(x);
    if (!Number.isFinite(d)) return reject(`derivative not finite: f'(${short(x)}) = ${d}`);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    dlo = Math.min(dlo, d);
    dhi = Math.max(dhi, d);
    if (Math.abs(d) < 1e-9) flat++;
  }
  const scale = Math.max(1, Math.abs(lo), Math.abs(hi));
  if (hi - lo <= 1e-9 * scale) return reject('constant on [-8, 8]');
  if (flat >= 0.9 * GRID.length) return reject(`no gradient: f' = 0 on ${Math.round((100 * flat) / GRID.length)}% of [-8, 8]`);
  if (dhi - dlo <= 1e-7 * Math.max(1, Math.abs(dhi))) return reject('linear: f\' is constant, so stacked layers collapse into one linear map');
  return { ok: true, key, fingerprint: fp, activation: a };
}

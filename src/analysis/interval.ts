/**
 * Interval arithmetic with outward rounding over the expression AST: a sound enclosure of every value an
 * expression takes when x ranges over a box [lo, hi] of the real line (ends may be ±Infinity: the box is
 * then unbounded and the ends stand for limits). Used by `prove` to prove signs, bounds and definedness.
 *
 * Semantics: exact real arithmetic on real x, with the expression's literals taken as the f64 numbers they
 * are (`pi` is Math.PI). A value that is not a finite real in exact arithmetic (log of a non-positive
 * number, a division by 0, sqrt of a negative number) makes the box `undef`: "some point of the box has no
 * value". f64 overflow is *not* undefinedness: exp(800) is a finite real, so its enclosure is
 * [Number.MAX_VALUE, Infinity].
 *
 * Rounding decisions:
 * - + − × ÷ are IEEE correctly rounded; an end is moved one step outwards only when the operation was not
 *   exact (an error-free transformation, TwoSum / Dekker's product, tells), so 1 − 1 is exactly 0 and the
 *   prover can see a derivative touch 0;
 * - library functions (Math.exp, Math.tanh, erf, …) are not correctly rounded: each computed end is moved
 *   outwards by a relative 8 ulps (4 for sqrt, 1e−12 relative for sinc's derivatives), except at the points where the value is
 *   exactly known (exp(0) = 1, tanh(0) = 0, cosh(0) = 1, log(1) = 0, …), and then clipped to the function's
 *   range (tanh to [−1, 1], exp to [0, ∞]);
 * - 0 · ∞ at the ends is 0 (ends are limits of finite values);
 * - conditions: a comparison is decided when its two sides' enclosures do not overlap; otherwise a
 *   `select` takes the hull of both branches.
 */
import type { Expr } from '../expr/ast.js';
import * as R from '../expr/runtime.js';
import type { PrimitiveName } from '../expr/primitives.js';
import { charge } from './budget.js';

/** An enclosure: every finite value at a point of the box lies in [lo, hi] (empty when lo > hi); `undef`: some point may have no value. */
export interface Iv {
  readonly lo: number;
  readonly hi: number;
  readonly undef: boolean;
}

const EPS = 2 ** -52;
const MAX = Number.MAX_VALUE;
const TINY = Number.MIN_VALUE;

/** The whole extended line, possibly undefined somewhere. */
export const WHOLE: Iv = { lo: -Infinity, hi: Infinity, undef: true };

/** A box or enclosure [lo, hi]. */
export function iv(lo: number, hi: number, undef = false): Iv {
  return { lo, hi, undef };
}

/** A number strictly below v (v itself for −∞; the largest double for +∞, which only overflow produces). */
export function down(v: number, ulps = 1): number {
  if (v === Infinity) return MAX;
  if (v === -Infinity || v !== v) return v === v ? v : -Infinity;
  return v - (Math.abs(v) * EPS * ulps + TINY);
}

/** A number strictly above v. */
export function up(v: number, ulps = 1): number {
  if (v === -Infinity) return -MAX;
  if (v === Infinity || v !== v) return v === v ? v : Infinity;
  return v + (Math.abs(v) * EPS * ulps + TINY);
}

const isEmpty = (a: Iv): boolean => !(a.lo <= a.hi);
const EMPTY_UNDEF: Iv = { lo: Infinity, hi: -Infinity, undef: true };

// ---- exact-aware basic operations -------------------------------------------------------------------

/** Rounding error of s = a + b (TwoSum); 0 when exact. */
function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

function addEnd(a: number, b: number, dir: -1 | 1): number {
  const s = a + b;
  if (s !== s) return dir < 0 ? -Infinity : Infinity;
  if (!Number.isFinite(s)) {
    if (Number.isFinite(a) && Number.isFinite(b)) return s > 0 ? (dir < 0 ? MAX : s) : dir > 0 ? -MAX : s;
    return s;
  }
  const err = sumError(a, b, s);
  if (err === 0) return s;
  return dir < 0 ? (err < 0 ? down(s) : s) : err > 0 ? up(s) : s;
}

const SPLITTER = 134217729; // 2^27 + 1

/** True when a·b is exactly the double p (Dekker's product); false when unsure. */
function exactProduct(a: number, b: number, p: number): boolean {
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (aa > 1e150 || ab > 1e150 || Math.abs(p) < 1e-280 || aa < 1e-140 || ab < 1e-140) return false;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl === 0;
}

function mulEnd(a: number, b: number, dir: -1 | 1): number {
  if (a === 0 || b === 0) return 0;
  const p = a * b;
  if (!Number.isFinite(p)) {
    if (Number.isFinite(a) && Number.isFinite(b)) return p > 0 ? (dir < 0 ? MAX : p) : dir > 0 ? -MAX : p;
    return p;
  }
  if (exactProduct(a, b, p)) return p;
  return dir < 0 ? down(p) : up(p);
}

function divEnd(a: number, b: number, dir: -1 | 1): number {
  if (a === 0) return 0;
  const q = a / b;
  if (q === 0 && a !== 0 && Number.isFinite(b)) {
    const positive = a > 0 === b > 0;
    return dir < 0 ? (positive ? 0 : -TINY) : positive ? TINY : 0;
  }
  if (!Number.isFinite(q)) {
    if (Number.isFinite(a) && Number.isFinite(b)) return q > 0 ? (dir < 0 ? MAX : q) : dir > 0 ? -MAX : q;
    return q;
  }
  if (q !== 0 && exactProduct(q, b, a) && q * b === a) return q;
  return dir < 0 ? down(q) : up(q);
}

function merge(a: Iv, b: Iv, lo: number, hi: number): Iv {
  return { lo, hi, undef: a.undef || b.undef };
}

function addIv(a: Iv, b: Iv): Iv {
  if (isEmpty(a) || isEmpty(b)) return EMPTY_UNDEF;
  return merge(a, b, addEnd(a.lo, b.lo, -1), addEnd(a.hi, b.hi, 1));
}

function negIv(a: Iv): Iv {
  return { lo: -a.hi, hi: -a.lo, undef: a.undef };
}

function mulIv(a: Iv, b: Iv): Iv {
  if (isEmpty(a) || isEmpty(b)) return EMPTY_UNDEF;
  const ends: Array<[number, number]> = [[a.lo, b.lo], [a.lo, b.hi], [a.hi, b.lo], [a.hi, b.hi]];
  let lo = Infinity;
  let hi = -Infinity;
  for (const [x, y] of ends) {
    lo = Math.min(lo, mulEnd(x, y, -1));
    hi = Math.max(hi, mulEnd(x, y, 1));
  }
  return merge(a, b, lo, hi);
}

function divIv(a: Iv, b: Iv): Iv {
  if (isEmpty(a) || isEmpty(b)) return EMPTY_UNDEF;
  if (b.lo <= 0 && b.hi >= 0) {
    // some point may divide by 0: undefined there; the defined values are unbounded in general
    if (b.lo === 0 && b.hi === 0) return EMPTY_UNDEF;
    return WHOLE;
  }
  const finite = [a.lo, a.hi, b.lo, b.hi].every(Number.isFinite);
  if (!finite) {
    const inv: Iv = { lo: b.hi === Infinity ? 0 : divEnd(1, b.hi, -1), hi: b.lo === -Infinity ? 0 : divEnd(1, b.lo, 1), undef: b.undef };
    return mulIv(a, inv);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [a.lo, a.hi]) {
    for (const y of [b.lo, b.hi]) {
      lo = Math.min(lo, divEnd(x, y, -1));
      hi = Math.max(hi, divEnd(x, y, 1));
    }
  }
  return merge(a, b, lo, hi);
}

// ---- library functions ---------------------------------------------------------------------------------

interface MonoOptions {
  /** Relative widening in ulps (8 by default). */
  readonly ulps?: number;
  /** Points where the f64 value is exact (no widening there). */
  readonly exactAt?: readonly number[];
  /** Range of the function, to clip to. */
  readonly min?: number;
  readonly max?: number;
  /** Domain: arguments below `domainLo` (or at it, when `domainLoOpen`) have no value. */
  readonly domainLo?: number;
  readonly domainLoOpen?: boolean;
  readonly domainHi?: number;
  readonly domainHiOpen?: boolean;
}

/** Enclosure of a monotone function g over u (decreasing when `decreasing`). */
function mono(g: (x: number) => number, u: Iv, o: MonoOptions = {}, decreasing = false): Iv {
  if (isEmpty(u)) return EMPTY_UNDEF;
  let lo = u.lo;
  let hi = u.hi;
  let undef = u.undef;
  if (o.domainLo !== undefined && (lo < o.domainLo || (o.domainLoOpen === true && lo <= o.domainLo))) {
    undef = true;
    lo = o.domainLo;
  }
  if (o.domainHi !== undefined && (hi > o.domainHi || (o.domainHiOpen === true && hi >= o.domainHi))) {
    undef = true;
    hi = o.domainHi;
  }
  if (lo > hi) return EMPTY_UNDEF;
  const ulps = o.ulps ?? 8;
  const at = (x: number, dir: -1 | 1): number => {
    const v = g(x);
    if (v !== v) return dir < 0 ? -Infinity : Infinity;
    if (o.exactAt?.includes(x)) return v;
    return dir < 0 ? down(v, ulps) : up(v, ulps);
  };
  let rlo = decreasing ? at(hi, -1) : at(lo, -1);
  let rhi = decreasing ? at(lo, 1) : at(hi, 1);
  if (o.min !== undefined) rlo = Math.max(rlo, o.min);
  if (o.max !== undefined) rhi = Math.min(rhi, o.max);
  if (o.min !== undefined) rhi = Math.max(rhi, o.min);
  if (o.max !== undefined) rlo = Math.min(rlo, o.max);
  return { lo: rlo, hi: rhi, undef };
}

/** Does [lo, hi] contain c + k·period for some whole k (with a little slack, which only widens)? */
function containsPeriodic(lo: number, hi: number, c: number, period: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  const k = Math.ceil((lo - slack - c) / period);
  return c + k * period <= hi + slack;
}

function sinLike(u: Iv, shift: number): Iv {
  // sin(x + shift): maxima at π/2 − shift + 2kπ, minima at −π/2 − shift + 2kπ
  if (isEmpty(u)) return EMPTY_UNDEF;
  if (!Number.isFinite(u.lo) || !Number.isFinite(u.hi) || u.hi - u.lo >= 2 * Math.PI) return { lo: -1, hi: 1, undef: u.undef };
  const g = shift === 0 ? Math.sin : Math.cos;
  const exact = (x: number) => x === 0;
  const v = (x: number, dir: -1 | 1): number => (exact(x) ? g(x) : dir < 0 ? down(g(x), 8) : up(g(x), 8));
  let lo = Math.min(v(u.lo, -1), v(u.hi, -1));
  let hi = Math.max(v(u.lo, 1), v(u.hi, 1));
  if (containsPeriodic(u.lo, u.hi, Math.PI / 2 - shift, 2 * Math.PI)) hi = 1;
  if (containsPeriodic(u.lo, u.hi, -Math.PI / 2 - shift, 2 * Math.PI)) lo = -1;
  return { lo: Math.max(-1, lo), hi: Math.min(1, hi), undef: u.undef };
}

/** sin(πx) (shift 0) or cos(πx) (shift 1/2) = sin(π(x + shift)): maxima at 1/2 − shift + 2k, minima at −1/2 − shift + 2k. */
function sinpiLike(u: Iv, shift: number): Iv {
  if (isEmpty(u)) return EMPTY_UNDEF;
  if (!Number.isFinite(u.lo) || !Number.isFinite(u.hi) || u.hi - u.lo >= 2) return { lo: -1, hi: 1, undef: u.undef || !Number.isFinite(u.lo) || !Number.isFinite(u.hi) };
  const g = shift === 0 ? R.sinpi : R.cospi;
  const v = (x: number, dir: -1 | 1): number => (x === 0 ? g(x) : dir < 0 ? down(g(x), 8) : up(g(x), 8));
  let lo = Math.min(v(u.lo, -1), v(u.hi, -1));
  let hi = Math.max(v(u.lo, 1), v(u.hi, 1));
  if (containsPeriodic(u.lo, u.hi, 0.5 - shift, 2)) hi = 1;
  if (containsPeriodic(u.lo, u.hi, -0.5 - shift, 2)) lo = -1;
  return { lo: Math.max(-1, lo), hi: Math.min(1, hi), undef: u.undef };
}

function tanIv(u: Iv): Iv {
  if (isEmpty(u)) return EMPTY_UNDEF;
  if (!Number.isFinite(u.lo) || !Number.isFinite(u.hi) || u.hi - u.lo >= Math.PI || containsPeriodic(u.lo, u.hi, Math.PI / 2, Math.PI)) return WHOLE;
  return mono(Math.tan, u, { exactAt: [0] });
}

/** |x| bounds of a box: [min |x|, max |x|]. */
function absIv(u: Iv): Iv {
  if (isEmpty(u)) return EMPTY_UNDEF;
  if (u.lo >= 0) return u;
  if (u.hi <= 0) return negIv(u);
  return { lo: 0, hi: Math.max(-u.lo, u.hi), undef: u.undef };
}

/** Even function increasing (cosh) or decreasing (sech) in |x|, through |x|. */
function evenIv(g: (x: number) => number, u: Iv, increasing: boolean, min?: number, max?: number): Iv {
  return mono(g, absIv(u), { exactAt: [0], min, max }, !increasing);
}

/** Bounds of sinc^(n) on a box: |sinc^(n)| ≤ 1/(n+1) everywhere and ≤ B_n(m) for |x| ≥ m (from x·s_n + n·s_(n−1) = sin^(n)). */
function sincDerivativeIv(n: number, u: Iv): Iv {
  if (isEmpty(u)) return EMPTY_UNDEF;
  if (!Number.isInteger(n) || n < 0) return WHOLE;
  const m = absIv(u).lo;
  let b = m > 0 ? Math.min(1, 1 / m) : 1;
  for (let k = 1; k <= n; k++) b = Math.min(1 / (k + 1), m > 0 ? (1 + k * b) / m : Infinity);
  const bound = up(b, 4);
  if (u.lo === u.hi && Number.isFinite(u.lo)) {
    const v = R.sincDerivative(n, u.lo);
    const w = 1e-12 * Math.abs(v) + 1e-15;
    return { lo: Math.max(-bound, v - w), hi: Math.min(bound, v + w), undef: u.undef };
  }
  if (n === 0) {
    // sinc is decreasing on [0, 4.4934] (its first minimum) and even
    const a = absIv(u);
    if (a.hi <= 4.49) return { lo: down(R.sinc(a.hi), 16), hi: a.lo === 0 ? 1 : up(R.sinc(a.lo), 16), undef: u.undef };
    // beyond its first minimum sinc never exceeds its second maximum, 0.12837 at 7.725
    return { lo: Math.max(-bound, -0.2173), hi: Math.min(bound, a.lo <= 4.49 ? Math.max(up(R.sinc(a.lo), 16), 0.1284) : bound), undef: u.undef };
  }
  return { lo: -bound, hi: bound, undef: u.undef };
}

/** A directed bound of a^k for a whole k ≥ 1 by repeated exact-aware products (3² is exactly 9). */
function powEnd(a: number, k: number, dir: -1 | 1): number {
  if (a < 0) return k % 2 === 0 ? powEnd(-a, k, dir) : -powEnd(-a, k, (-dir) as -1 | 1);
  let r = a;
  for (let i = 1; i < k; i++) r = mulEnd(r, a, dir);
  return r;
}

function powIv(u: Iv, v: Iv): Iv {
  if (isEmpty(u) || isEmpty(v)) return EMPTY_UNDEF;
  if (v.lo === v.hi) {
    const k = v.lo;
    const undef = u.undef || v.undef;
    if (k === 0) return { lo: 1, hi: 1, undef };
    if (k === 1) return { ...u, undef };
    const g = (x: number): number => Math.pow(x, k);
    if (Number.isInteger(k)) {
      const even = k % 2 === 0;
      if (k > 0 && k <= 16 && !isEmpty(u)) {
        const a = even ? absIv(u) : u;
        return { lo: powEnd(a.lo, k, -1), hi: powEnd(a.hi, k, 1), undef };
      }
      if (k > 0) {
        if (even) return { ...mono(g, absIv(u), { exactAt: [0, 1], min: 0 }), undef };
        return { ...mono(g, u, { exactAt: [0, 1, -1] }), undef };
      }
      if (u.lo <= 0 && u.hi >= 0) return { lo: even ? 0 : -Infinity, hi: Infinity, undef: true };
      if (even) return { ...mono(g, absIv(u), { exactAt: [1], min: 0 }, true), undef };
      return { ...mono(g, u, { exactAt: [1, -1] }, true), undef };
    }
    // non-whole exponent: defined for u ≥ 0 (u > 0 when k < 0)
    return k > 0
      ? mono(g, u, { exactAt: [0, 1], min: 0, domainLo: 0 })
      : mono(g, u, { exactAt: [1], min: 0, domainLo: 0, domainLoOpen: true }, true);
  }
  if (u.lo > 0) return expIv(mulIv(v, logIv(u)));
  return WHOLE;
}

const expIv = (u: Iv): Iv => mono(Math.exp, u, { exactAt: [0], min: 0 });
const logIv = (u: Iv): Iv => mono(Math.log, u, { exactAt: [1], domainLo: 0, domainLoOpen: true });

function compare(a: Iv, b: Iv, op: 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne'): Iv {
  const undef = a.undef || b.undef;
  if (isEmpty(a) || isEmpty(b)) return EMPTY_UNDEF;
  const T: Iv = { lo: 1, hi: 1, undef };
  const F: Iv = { lo: 0, hi: 0, undef };
  const U: Iv = { lo: 0, hi: 1, undef };
  switch (op) {
    case 'lt':
      return a.hi < b.lo ? T : a.lo >= b.hi ? F : U;
    case 'le':
      return a.hi <= b.lo ? T : a.lo > b.hi ? F : U;
    case 'gt':
      return a.lo > b.hi ? T : a.hi <= b.lo ? F : U;
    case 'ge':
      return a.lo >= b.hi ? T : a.hi < b.lo ? F : U;
    case 'eq':
      return a.lo === a.hi && b.lo === b.hi && a.lo === b.lo ? T : a.hi < b.lo || b.hi < a.lo ? F : U;
    default:
      return a.lo === a.hi && b.lo === b.hi && a.lo === b.lo ? F : a.hi < b.lo || b.hi < a.lo ? T : U;
  }
}

/** Truth of a condition enclosure: true, false or undecided. */
export function truth(c: Iv): boolean | null {
  if (isEmpty(c)) return null;
  if (c.lo > 0 || c.hi < 0) return true;
  if (c.lo === 0 && c.hi === 0) return false;
  return null;
}

function boolIv(t: boolean | null, undef: boolean): Iv {
  return t === null ? { lo: 0, hi: 1, undef } : { lo: t ? 1 : 0, hi: t ? 1 : 0, undef };
}

function hull(a: Iv, b: Iv): Iv {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), undef: a.undef || b.undef };
}

function minIv(a: Iv, b: Iv): Iv {
  return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi), undef: a.undef || b.undef };
}

function maxIv(a: Iv, b: Iv): Iv {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi), undef: a.undef || b.undef };
}

const PI2 = up(Math.PI / 2, 2);

/** The interval extension of every primitive except `select` (evaluated lazily by `evalInterval`). */
const EXTENSIONS: Record<Exclude<PrimitiveName, 'select'>, (a: readonly Iv[]) => Iv> = {
  add: ([a, b]) => addIv(a, b),
  sub: ([a, b]) => addIv(a, negIv(b)),
  mul: ([a, b]) => mulIv(a, b),
  div: ([a, b]) => divIv(a, b),
  pow: ([a, b]) => powIv(a, b),
  neg: ([a]) => negIv(a),
  lt: ([a, b]) => compare(a, b, 'lt'),
  le: ([a, b]) => compare(a, b, 'le'),
  gt: ([a, b]) => compare(a, b, 'gt'),
  ge: ([a, b]) => compare(a, b, 'ge'),
  eq: ([a, b]) => compare(a, b, 'eq'),
  ne: ([a, b]) => compare(a, b, 'ne'),
  and: ([a, b]) => {
    const ta = truth(a);
    const tb = truth(b);
    return boolIv(ta === false || tb === false ? false : ta === true && tb === true ? true : null, a.undef || b.undef);
  },
  or: ([a, b]) => {
    const ta = truth(a);
    const tb = truth(b);
    return boolIv(ta === true || tb === true ? true : ta === false && tb === false ? false : null, a.undef || b.undef);
  },
  not: ([a]) => {
    const t = truth(a);
    return boolIv(t === null ? null : !t, a.undef);
  },
  exp: ([a]) => expIv(a),
  expm1: ([a]) => mono(Math.expm1, a, { exactAt: [0], min: -1 }),
  log: ([a]) => logIv(a),
  log1p: ([a]) => mono(Math.log1p, a, { exactAt: [0], domainLo: -1, domainLoOpen: true }),
  sqrt: ([a]) => mono(Math.sqrt, a, { exactAt: [0, 1], min: 0, domainLo: 0, ulps: 4 }),
  cbrt: ([a]) => mono(Math.cbrt, a, { exactAt: [0, 1, -1] }),
  abs: ([a]) => absIv(a),
  sign: ([a]) => (isEmpty(a) ? EMPTY_UNDEF : { lo: R.sign(a.lo), hi: R.sign(a.hi), undef: a.undef }),
  step: ([a]) => (isEmpty(a) ? EMPTY_UNDEF : boolIv(a.lo >= 0 ? true : a.hi < 0 ? false : null, a.undef)),
  sin: ([a]) => sinLike(a, 0),
  cos: ([a]) => sinLike(a, Math.PI / 2),
  tan: ([a]) => tanIv(a),
  asin: ([a]) => mono(Math.asin, a, { exactAt: [0], domainLo: -1, domainHi: 1, min: -PI2, max: PI2 }),
  acos: ([a]) => mono(Math.acos, a, { exactAt: [1], domainLo: -1, domainHi: 1, min: 0, max: 2 * PI2 }, true),
  atan: ([a]) => mono(Math.atan, a, { exactAt: [0], min: -PI2, max: PI2 }),
  sinh: ([a]) => mono(Math.sinh, a, { exactAt: [0] }),
  cosh: ([a]) => evenIv(Math.cosh, a, true, 1),
  tanh: ([a]) => mono(Math.tanh, a, { exactAt: [0], min: -1, max: 1 }),
  sech: ([a]) => evenIv(R.sech, a, false, 0, 1),
  asinh: ([a]) => mono(Math.asinh, a, { exactAt: [0] }),
  acosh: ([a]) => mono(Math.acosh, a, { exactAt: [1], min: 0, domainLo: 1 }),
  atanh: ([a]) => mono(Math.atanh, a, { exactAt: [0], domainLo: -1, domainLoOpen: true, domainHi: 1, domainHiOpen: true }),
  erf: ([a]) => mono(R.erf, a, { exactAt: [0], min: -1, max: 1 }),
  erfc: ([a]) => mono(R.erfc, a, { exactAt: [0], min: 0, max: 2 }, true),
  sigmoid: ([a]) => mono(R.sigmoid, a, { exactAt: [0], min: 0, max: 1 }),
  softplus: ([a]) => mono(R.softplus, a, { min: 0 }),
  logsigmoid: ([a]) => mono(R.logsigmoid, a, { max: 0 }),
  sinc: ([a]) => sincDerivativeIv(0, a),
  sinc_d: ([n, a]) => (n.lo === n.hi ? sincDerivativeIv(n.lo, a) : WHOLE),
  min: ([a, b]) => minIv(a, b),
  max: ([a, b]) => maxIv(a, b),
  clamp: ([u, l, h]) => (l.hi <= h.lo ? minIv(maxIv(u, l), h) : hull(hull(u, l), h)),
  sinpi: ([a]) => sinpiLike(a, 0),
  cospi: ([a]) => sinpiLike(a, 0.5),
  hypot: ([a, b]) => {
    const x = absIv(a);
    const y = absIv(b);
    if (isEmpty(x) || isEmpty(y)) return EMPTY_UNDEF;
    const lo = x.lo === 0 ? y.lo : y.lo === 0 ? x.lo : down(Math.hypot(x.lo, y.lo), 4);
    return { lo, hi: up(Math.hypot(x.hi, y.hi), 4), undef: a.undef || b.undef };
  },
};

/**
 * The enclosure of `e` over x ∈ `box` (an expression in x only: parameters substituted beforehand; any other
 * name is unknown, the whole line). `conditionBox`, when given, decides the conditions that `box` leaves
 * undecided: the prover passes the box with an end nudged one double into an open piece, so the branch taken
 * just inside a breakpoint is the one used there.
 */
export function evalInterval(e: Expr, box: Iv, conditionBox?: Iv): Iv {
  const memo = new Map<Expr, Iv>();
  const cond = conditionBox === undefined ? undefined : { box: conditionBox, memo: new Map<Expr, Iv>() };
  const out = evalNode(e, box, memo, cond);
  // one unit of the analysis budget per node evaluated (budget.ts)
  charge(1 + memo.size + (cond?.memo.size ?? 0));
  return out;
}

interface CondCtx {
  readonly box: Iv;
  readonly memo: Map<Expr, Iv>;
}

function evalNode(e: Expr, box: Iv, memo: Map<Expr, Iv>, cond: CondCtx | undefined): Iv {
  if (e.kind === 'num') return { lo: e.value, hi: e.value, undef: e.value !== e.value };
  if (e.kind === 'sym') return e.name === 'x' ? box : WHOLE;
  const hit = memo.get(e);
  if (hit) return hit;
  let out: Iv;
  if (e.op === 'select') {
    let c = evalNode(e.args[0], box, memo, cond);
    let t = truth(c);
    if (t === null && cond) {
      const c2 = evalNode(e.args[0], cond.box, cond.memo, undefined);
      const t2 = truth(c2);
      if (t2 !== null) {
        t = t2;
        c = c2;
      }
    }
    if (t === true) out = withUndef(evalNode(e.args[1], box, memo, cond), c.undef);
    else if (t === false) out = withUndef(evalNode(e.args[2], box, memo, cond), c.undef);
    else out = withUndef(hull(evalNode(e.args[1], box, memo, cond), evalNode(e.args[2], box, memo, cond)), c.undef);
  } else {
    const args: Iv[] = new Array(e.args.length);
    for (let i = 0; i < e.args.length; i++) args[i] = evalNode(e.args[i], box, memo, cond);
    out = EXTENSIONS[e.op](args);
  }
  memo.set(e, out);
  return out;
}

function withUndef(a: Iv, undef: boolean): Iv {
  return undef && !a.undef ? { ...a, undef: true } : a;
}

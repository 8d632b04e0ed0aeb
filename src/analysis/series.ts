/**
 * Symbolic one-sided limits: the expression expanded as a generalized power series in t → 0⁺, where
 * x = c ± t at a finite point c and x = ±1/t at ±∞. A value is
 *
 *     e^(q/t) · (Σ aᵢ·t^pᵢ + o(t^err))        (pᵢ real, increasing, pᵢ ≤ err)
 *
 * which covers polynomials, roots (t^(1/2), t^(1/3)), poles and exponential growth or decay (e^(±x) at
 * ±∞). Every primitive has a rule (`RULES`, one per primitive): analytic functions by Taylor expansion at
 * the limit of their argument (coefficients from the primitive table's own derivative rule), roots and
 * powers by the binomial series, exp/log/sigmoid/softplus/tanh/… in their tails by exact identities, and
 * conditions by the sign of the leading term of l − r. When a value has a limit but no usable series (erf at
 * ±∞, log of a power of t) it is kept as a bare limit; when nothing can be said it is `unknown` and the
 * caller falls back to sampling.
 *
 * Decisions:
 * - coefficients are f64: a sum whose coefficient cancels to within 1e−13 of its parts is taken as 0 (so
 *   x − tanh(x) near 0 starts at t³/3, not at a rounding residue times t);
 * - at most 8 terms are kept; a truncated Taylor or binomial series with remainder O(t^P) records
 *   err = P − 1e−6 (the remainder is o of that);
 * - a remainder beyond every power of t (e^(−x²), erf(x) − 1 at ±∞) is kept as the error order 1e9: the
 *   value tends to its limit, and stays unknown in sign;
 * - the limit read from a series is exact up to the rounding of its coefficients.
 */
import { type Expr, op, sym } from '../expr/ast.js';
import { diff } from '../expr/diff.js';
import { compileScalar } from '../expr/compile.js';
import * as R from '../expr/runtime.js';
import type { PrimitiveName } from '../expr/primitives.js';
import { charge, exhausted } from './budget.js';

interface Term {
  readonly a: number;
  readonly p: number;
}

/** e^(q/t) · (Σ terms + o(t^err)). */
interface Series {
  readonly kind: 'series';
  readonly q: number;
  readonly terms: readonly Term[];
  readonly err: number;
}

/** A value with a known limit (finite or ±Infinity) and no usable expansion. */
interface Lim {
  readonly kind: 'lim';
  readonly lim: number;
}

/** Bounded by `bound` (Infinity when unknown) with no known limit; `oscillates`: proved to have none (sin at ∞). */
interface NoLimit {
  readonly kind: 'none';
  readonly bound: number;
  readonly oscillates: boolean;
}

interface Unknown {
  readonly kind: 'unknown';
}

/** The asymptotic value of a subexpression. */
export type Asym = Series | Lim | NoLimit | Unknown;

/** Where a one-sided limit is taken: x → at from the side `side` (−1 from the left, +1 from the right); ±Infinity for the ends. */
export interface LimitPoint {
  readonly at: number;
  readonly side: -1 | 1;
}

const UNKNOWN: Unknown = { kind: 'unknown' };
const MAX_TERMS = 8;
const TAYLOR_TERMS = 5;
const DELTA = 1e-6;
const CANCEL = 1e-13;

const lim = (v: number): Asym => (v !== v ? UNKNOWN : { kind: 'lim', lim: v });

function series(q: number, terms: Term[], err: number): Series {
  charge(1 + terms.length);
  const merged: Term[] = [];
  const sorted = [...terms].sort((x, y) => x.p - y.p);
  for (const t of sorted) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.p - t.p) < 1e-12) {
      const s = last.a + t.a;
      merged[merged.length - 1] = { a: Math.abs(s) <= CANCEL * Math.max(Math.abs(last.a), Math.abs(t.a)) ? 0 : s, p: last.p };
    } else merged.push({ ...t });
  }
  let kept = merged.filter((t) => t.a !== 0 && t.p <= err && Number.isFinite(t.a));
  let e = err;
  if (kept.length > MAX_TERMS) {
    e = Math.min(e, kept[MAX_TERMS].p - DELTA);
    kept = kept.slice(0, MAX_TERMS);
  }
  return { kind: 'series', q, terms: kept, err: e };
}

const constant = (v: number): Series => series(0, v === 0 ? [] : [{ a: v, p: 0 }], Infinity);

/** Beyond every power of t: o(t^N) for all N (e^(−x²) at ±∞), as an error order no expansion reaches. */
const FLAT = 1e9;

/** v + a remainder beyond every power of t (erf(x) → 1 at +∞ faster than any power of 1/x). */
const flat = (v: number): Series => series(0, v === 0 ? [] : [{ a: v, p: 0 }], FLAT);

/** The limit of an asymptotic value: a number (±Infinity allowed), NaN when there is none or it is unknown. */
export function limitOf(v: Asym): number {
  if (v.kind === 'lim') return v.lim;
  if (v.kind !== 'series') return Number.NaN;
  if (v.q < 0) return 0;
  const lead = v.terms[0];
  if (v.q > 0) return lead ? Math.sign(lead.a) * Infinity : Number.NaN;
  if (!lead) return v.err > 0 ? 0 : Number.NaN;
  if (lead.p < 0) return Math.sign(lead.a) * Infinity;
  if (lead.p === 0) return lead.a;
  return 0;
}

/** Whether the value has a limit at all (`none`: proved oscillating). */
export function hasNoLimit(v: Asym): boolean {
  return v.kind === 'none';
}

function asSeries(v: Asym): Series | null {
  if (v.kind === 'series') return v;
  if (v.kind === 'lim' && Number.isFinite(v.lim) && v.lim !== 0) return series(0, [{ a: v.lim, p: 0 }], 0);
  return null;
}

function leadExp(s: Series): number {
  return s.terms.length > 0 ? s.terms[0].p : s.err;
}

// ---- arithmetic -------------------------------------------------------------------------------------------

function add(x: Asym, y: Asym): Asym {
  const a = asSeries(x);
  const b = asSeries(y);
  if (a && b) {
    if (a.q !== b.q) {
      // the smaller exponential scale is beyond every power of the larger one, unless that one is exactly 0
      const [big, small] = a.q > b.q ? [a, b] : [b, a];
      if (big.terms.length > 0) return big;
      return big.err === Infinity ? small : UNKNOWN;
    }
    return series(a.q, [...a.terms, ...b.terms], Math.min(a.err, b.err));
  }
  if (x.kind === 'none' && y.kind === 'none') return { kind: 'none', bound: x.bound + y.bound, oscillates: false };
  if (x.kind === 'none' || y.kind === 'none') {
    const other = x.kind === 'none' ? y : x;
    const bound = x.kind === 'none' ? x.bound : (y as NoLimit).bound;
    const l = limitOf(other);
    if (Number.isFinite(bound) && (l === Infinity || l === -Infinity)) return lim(l);
    if (Number.isFinite(l) && other.kind !== 'none') return { kind: 'none', bound: bound + Math.abs(l), oscillates: (x.kind === 'none' ? x : (y as NoLimit)).oscillates };
    return UNKNOWN;
  }
  const lx = limitOf(x);
  const ly = limitOf(y);
  if (lx !== lx || ly !== ly) return UNKNOWN;
  if (lx === -ly && !Number.isFinite(lx)) return UNKNOWN;
  return lim(lx + ly);
}

function neg(x: Asym): Asym {
  if (x.kind === 'series') return series(x.q, x.terms.map((t) => ({ a: -t.a, p: t.p })), x.err);
  if (x.kind === 'lim') return lim(-x.lim);
  return x;
}

function mul(x: Asym, y: Asym): Asym {
  const a = asSeries(x);
  const b = asSeries(y);
  if (a && b) {
    const terms: Term[] = [];
    for (const s of a.terms) for (const t of b.terms) terms.push({ a: s.a * t.a, p: s.p + t.p });
    const err = Math.min(a.err + leadExp(b), b.err + leadExp(a));
    return series(a.q + b.q, terms, err);
  }
  if (x.kind === 'none' || y.kind === 'none') {
    // a product of two bounded values is bounded, but may have a limit ((1 + sin/2)·1/(1 + sin/2) = 1)
    if (x.kind === 'none' && y.kind === 'none') return { kind: 'none', bound: x.bound * y.bound, oscillates: false };
    const none = (x.kind === 'none' ? x : y) as NoLimit;
    const other = x.kind === 'none' ? y : x;
    const l = limitOf(other);
    if (l === 0 && Number.isFinite(none.bound)) return lim(0);
    if (Number.isFinite(l) && l !== 0) return { kind: 'none', bound: none.bound * Math.abs(l), oscillates: none.oscillates };
    return UNKNOWN;
  }
  const lx = limitOf(x);
  const ly = limitOf(y);
  if (lx !== lx || ly !== ly) return UNKNOWN;
  if ((lx === 0 && !Number.isFinite(ly)) || (ly === 0 && !Number.isFinite(lx))) return UNKNOWN;
  return lim(lx * ly);
}

/** (1 + w)^alpha for w → 0 (a series whose terms have p > 0, or q < 0). */
function binomial(w: Series, alpha: number): Asym {
  let result: Asym = constant(1);
  let power: Asym = constant(1);
  let coef = 1;
  const pw = w.q < 0 ? Infinity : leadExp(w);
  if (!(pw > 0)) return UNKNOWN;
  let k = 1;
  for (; k <= TAYLOR_TERMS; k++) {
    coef *= (alpha - k + 1) / k;
    power = mul(power, w);
    if (coef === 0) break;
    result = add(result, mul(constant(coef), power));
    if (power.kind === 'series' && power.terms.length === 0) break;
  }
  if (coef !== 0 && Number.isFinite(pw) && result.kind === 'series') {
    return series(result.q, [...result.terms], Math.min(result.err, (k + 1) * pw - DELTA));
  }
  return result;
}

/** x^alpha for a series x with a leading term (sign-aware for odd roots when `odd`). */
function power(x: Asym, alpha: number, oddRoot = false): Asym {
  // a whole power of a bounded value is bounded (sign(sin x)² = 1 has a limit: no claim of oscillation)
  if (x.kind === 'none') return Number.isInteger(alpha) && alpha > 0 ? { kind: 'none', bound: x.bound ** alpha, oscillates: false } : UNKNOWN;
  const s = asSeries(x);
  if (!s) {
    const l = limitOf(x);
    if (l !== l) return UNKNOWN;
    if (l === Infinity) return lim(alpha > 0 ? Infinity : 0);
    if (l === 0) return alpha > 0 && !oddRoot && !Number.isInteger(alpha) ? lim(0) : alpha > 0 ? lim(0) : UNKNOWN;
    return UNKNOWN;
  }
  if (s.terms.length === 0) {
    if (s.err === Infinity && s.q === 0) return alpha > 0 ? constant(0) : UNKNOWN; // exactly 0
    return alpha > 0 && s.err > 0 ? lim(0) : UNKNOWN;
  }
  const [lead, ...rest] = s.terms;
  let base: number;
  if (lead.a < 0) {
    if (oddRoot) base = -Math.pow(-lead.a, alpha);
    else if (Number.isInteger(alpha)) base = Math.pow(lead.a, alpha);
    else return UNKNOWN;
  } else base = Math.pow(lead.a, alpha);
  const w = series(0, rest.map((t) => ({ a: t.a / lead.a, p: t.p - lead.p })), s.err - lead.p);
  const scaled = binomial(w, alpha);
  return mul(series(s.q * alpha, [{ a: base, p: lead.p * alpha }], Infinity), scaled);
}

function recip(x: Asym): Asym {
  return power(x, -1);
}

// ---- Taylor expansion of analytic primitives -----------------------------------------------------------

const derivativeCache = new Map<PrimitiveName, Array<(x: number) => number>>();

/**
 * The k-th derivative (k = 0..TAYLOR_TERMS) of a unary primitive as an f64 function, from the table's own
 * derivative rule (differentiated symbolically once per primitive, compiled, cached for the process).
 */
function derivativeOf(name: PrimitiveName, k: number): (x: number) => number {
  let list = derivativeCache.get(name);
  if (!list) {
    const exprs: Expr[] = [op(name, sym('x'))];
    for (let j = 1; j <= TAYLOR_TERMS; j++) exprs.push(diff(exprs[j - 1], 'x'));
    list = exprs.map((e) => {
      const c = compileScalar(e, []);
      return (x: number) => c(x, []);
    });
    derivativeCache.set(name, list);
  }
  return list[k];
}

/** g(u) for g analytic at the (finite) limit L of u, by Taylor expansion; coefficient k from `coef(k)`. */
function taylor(u: Asym, coef: (k: number, L: number) => number): Asym {
  const L = limitOf(u);
  if (!Number.isFinite(L)) return UNKNOWN;
  const c0 = coef(0, L);
  if (!Number.isFinite(c0)) return UNKNOWN;
  const s = asSeries(u);
  if (!s) return lim(c0);
  const v = s.q < 0 ? s : series(0, s.terms.filter((t) => !(t.p === 0)), s.err);
  let result: Asym = constant(c0);
  let pw: Asym = constant(1);
  const pv = v.q < 0 ? Infinity : leadExp(v);
  if (!(pv > 0)) return lim(c0);
  let k = 1;
  let factorial = 1;
  for (; k <= TAYLOR_TERMS; k++) {
    factorial *= k;
    const ck = coef(k, L) / factorial;
    if (!Number.isFinite(ck)) return lim(c0);
    pw = mul(pw, v);
    if (ck !== 0) result = add(result, mul(constant(ck), pw));
    if (pw.kind === 'series' && pw.terms.length === 0 && pw.err === Infinity) return result;
  }
  if (result.kind === 'series' && Number.isFinite(pv)) return series(result.q, [...result.terms], Math.min(result.err, k * pv - DELTA));
  return result;
}

function analytic(name: PrimitiveName): (u: Asym) => Asym {
  return (u) => taylor(u, (k, L) => derivativeOf(name, k)(L));
}

/** Splits a series with q = 0 into its divergent part (p < 0) and the rest. */
function splitDivergent(s: Series): { div: Term[]; rest: Series } {
  return { div: s.terms.filter((t) => t.p < 0), rest: series(0, s.terms.filter((t) => t.p >= 0), s.err) };
}

function exp(u: Asym): Asym {
  const s = asSeries(u);
  const L = limitOf(u);
  if (s && s.q === 0) {
    const { div, rest } = splitDivergent(s);
    if (div.length === 0) return analytic('exp')(u);
    if (div.length === 1 && div[0].p === -1 && s.err >= 0) {
      return mul(series(div[0].a, [{ a: 1, p: 0 }], Infinity), analytic('exp')(rest));
    }
    return div[0].a > 0 ? lim(Infinity) : flat(0);
  }
  if (s && s.q < 0) return analytic('exp')(u);
  if (L === Infinity) return lim(Infinity);
  if (L === -Infinity) return lim(0);
  return Number.isFinite(L) ? analytic('exp')(u) : UNKNOWN;
}

function log(u: Asym): Asym {
  const s = asSeries(u);
  if (!s) {
    const L = limitOf(u);
    if (L === Infinity) return lim(Infinity);
    if (L === 0) return lim(-Infinity);
    return Number.isFinite(L) && L > 0 ? lim(Math.log(L)) : UNKNOWN;
  }
  if (s.terms.length === 0) return s.err > 0 && s.q <= 0 ? lim(-Infinity) : UNKNOWN;
  const [lead, ...rest] = s.terms;
  if (lead.a < 0) return UNKNOWN;
  if (lead.p === 0 && s.q === 0) return analytic('log')(u);
  const w = series(0, rest.map((t) => ({ a: t.a / lead.a, p: t.p - lead.p })), s.err - lead.p);
  const tail = add(constant(Math.log(lead.a)), analytic('log1p')(w));
  if (lead.p === 0) return add(series(0, [{ a: s.q, p: -1 }], Infinity), tail);
  // a p·log t term: o(t^−δ); exact only up to that
  if (s.q !== 0) return series(0, [{ a: s.q, p: -1 }], -DELTA);
  return lim(lead.p > 0 ? -Infinity : Infinity);
}

const ONE = constant(1);
const HALF = constant(0.5);
const sub = (a: Asym, b: Asym): Asym => add(a, neg(b));
const div = (a: Asym, b: Asym): Asym => mul(a, recip(b));
const divergesTo = (u: Asym): number => {
  const L = limitOf(u);
  return L === Infinity ? 1 : L === -Infinity ? -1 : 0;
};

/** u diverges at least like a power of 1/t (a series with a leading term of negative power, or exponential growth). */
function growsLikePower(u: Asym): boolean {
  return u.kind === 'series' && (u.q > 0 || (u.q === 0 && u.terms.length > 0 && u.terms[0].p < 0));
}

function sigmoid(u: Asym): Asym {
  if (divergesTo(u) === 0) return analytic('sigmoid')(u);
  return recip(add(ONE, exp(neg(u))));
}

function softplus(u: Asym): Asym {
  const d = divergesTo(u);
  if (d === 0) return analytic('softplus')(u);
  return d > 0 ? add(u, log1p(exp(neg(u)))) : log1p(exp(u));
}

function log1p(u: Asym): Asym {
  if (Number.isFinite(limitOf(u)) && limitOf(u) > -1) return analytic('log1p')(u);
  return log(add(ONE, u));
}

function tanhA(u: Asym): Asym {
  const d = divergesTo(u);
  if (d === 0) return analytic('tanh')(u);
  // tanh(u) = ±(1 − 2e^(∓2u)/(1 + e^(∓2u)))
  const e = exp(mul(constant(-2 * d), u));
  return mul(constant(d), sub(ONE, div(mul(constant(2), e), add(ONE, e))));
}

/** Truth of a condition value: true (nonzero eventually), false (exactly 0), null (unknown). */
function truthOf(v: Asym): boolean | null {
  if (v.kind === 'series') {
    if (v.terms.length > 0) return true;
    return v.err === Infinity && v.q === 0 ? false : null;
  }
  if (v.kind === 'lim') return v.lim !== 0 ? true : null;
  return null;
}

/** Sign of a − b near the point: −1, 0 (identically equal), 1, or null. */
function signOf(v: Asym): number | null {
  if (v.kind === 'series') {
    if (v.terms.length > 0) return Math.sign(v.terms[0].a);
    return v.err === Infinity && v.q === 0 ? 0 : null;
  }
  if (v.kind === 'lim' && v.lim !== 0) return Math.sign(v.lim);
  return null;
}

const bool = (b: boolean | null): Asym => (b === null ? UNKNOWN : constant(b ? 1 : 0));

function compareWith(test: (s: number) => boolean): (a: readonly Asym[]) => Asym {
  return ([a, b]) => {
    const s = signOf(sub(a, b));
    return s === null ? UNKNOWN : bool(test(s));
  };
}

function pick(a: Asym, b: Asym, chooseA: (s: number) => boolean): Asym {
  const s = signOf(sub(a, b));
  if (s === null) return UNKNOWN;
  return chooseA(s) ? a : b;
}

function boundedAtInfinity(bound: number): (a: readonly Asym[]) => Asym {
  return ([u]) => (divergesTo(u) !== 0 ? { kind: 'none', bound, oscillates: true } : analytic('sin')(u));
}

/** The limit rule of every primitive except `select` (evaluated lazily). */
const RULES: Record<Exclude<PrimitiveName, 'select'>, (a: readonly Asym[]) => Asym> = {
  add: ([a, b]) => add(a, b),
  sub: ([a, b]) => sub(a, b),
  mul: ([a, b]) => mul(a, b),
  div: ([a, b]) => div(a, b),
  pow: ([a, b]) => {
    const s = asSeries(b);
    if (b.kind === 'series' && b.q === 0 && b.err === Infinity && (b.terms.length === 0 || (b.terms.length === 1 && b.terms[0].p === 0))) {
      const k = b.terms.length === 0 ? 0 : b.terms[0].a;
      if (k === 0) return constant(1);
      return power(a, k);
    }
    return s ? exp(mul(b, log(a))) : UNKNOWN;
  },
  neg: ([a]) => neg(a),
  lt: compareWith((s) => s < 0),
  le: compareWith((s) => s <= 0),
  gt: compareWith((s) => s > 0),
  ge: compareWith((s) => s >= 0),
  eq: compareWith((s) => s === 0),
  ne: compareWith((s) => s !== 0),
  and: ([a, b]) => {
    const x = truthOf(a);
    const y = truthOf(b);
    return bool(x === false || y === false ? false : x === true && y === true ? true : null);
  },
  or: ([a, b]) => {
    const x = truthOf(a);
    const y = truthOf(b);
    return bool(x === true || y === true ? true : x === false && y === false ? false : null);
  },
  not: ([a]) => {
    const x = truthOf(a);
    return bool(x === null ? null : !x);
  },
  exp: ([a]) => exp(a),
  expm1: ([a]) => (divergesTo(a) !== 0 ? sub(exp(a), ONE) : analytic('expm1')(a)),
  log: ([a]) => log(a),
  log1p: ([a]) => log1p(a),
  sqrt: ([a]) => power(a, 0.5),
  cbrt: ([a]) => power(a, 1 / 3, true),
  abs: ([a]) => {
    const s = signOf(a);
    return s === null ? UNKNOWN : s < 0 ? neg(a) : a;
  },
  sign: ([a]) => {
    const s = signOf(a);
    return s === null ? UNKNOWN : constant(s);
  },
  step: ([a]) => {
    const s = signOf(a);
    return s === null ? UNKNOWN : constant(s >= 0 ? 1 : 0);
  },
  sin: boundedAtInfinity(1),
  cos: ([u]) => (divergesTo(u) !== 0 ? { kind: 'none', bound: 1, oscillates: true } : analytic('cos')(u)),
  tan: ([u]) => (divergesTo(u) !== 0 ? UNKNOWN : analytic('tan')(u)),
  asin: ([u]) => analytic('asin')(u),
  acos: ([u]) => analytic('acos')(u),
  atan: ([u]) => {
    const d = divergesTo(u);
    // atan(u) = ±π/2 − atan(1/u)
    return d === 0 ? analytic('atan')(u) : sub(constant((d * Math.PI) / 2), analytic('atan')(recip(u)));
  },
  sinh: ([u]) => (divergesTo(u) !== 0 ? mul(HALF, sub(exp(u), exp(neg(u)))) : analytic('sinh')(u)),
  cosh: ([u]) => (divergesTo(u) !== 0 ? mul(HALF, add(exp(u), exp(neg(u)))) : analytic('cosh')(u)),
  tanh: ([u]) => tanhA(u),
  sech: ([u]) => (divergesTo(u) !== 0 ? div(constant(2), add(exp(u), exp(neg(u)))) : analytic('sech')(u)),
  asinh: ([u]) => {
    const d = divergesTo(u);
    // asinh(u) = ±log(|u| + sqrt(u² + 1))
    return d === 0 ? analytic('asinh')(u) : mul(constant(d), log(add(mul(constant(d), u), power(add(mul(u, u), ONE), 0.5))));
  },
  acosh: ([u]) => (divergesTo(u) > 0 ? log(add(u, power(sub(mul(u, u), ONE), 0.5))) : analytic('acosh')(u)),
  atanh: ([u]) => analytic('atanh')(u),
  // erfc(u) ~ e^(−u²)/(u√π) as u → +∞: beyond every power when u grows at least like a power of 1/t
  erf: ([u]) => {
    const d = divergesTo(u);
    return d === 0 ? analytic('erf')(u) : growsLikePower(u) ? flat(d) : lim(d);
  },
  erfc: ([u]) => {
    const d = divergesTo(u);
    return d === 0 ? analytic('erfc')(u) : growsLikePower(u) ? flat(d > 0 ? 0 : 2) : lim(d > 0 ? 0 : 2);
  },
  sigmoid: ([u]) => sigmoid(u),
  softplus: ([u]) => softplus(u),
  logsigmoid: ([u]) => neg(softplus(neg(u))),
  sinc: ([u]) => (divergesTo(u) !== 0 ? lim(0) : taylor(u, (k, L) => R.sincDerivative(k, L))),
  sinc_d: ([n, u]) => {
    const order = limitOf(n);
    if (!Number.isInteger(order) || order < 0) return UNKNOWN;
    return divergesTo(u) !== 0 ? lim(0) : taylor(u, (k, L) => R.sincDerivative(order + k, L));
  },
  min: ([a, b]) => pick(a, b, (s) => s < 0),
  max: ([a, b]) => pick(a, b, (s) => s > 0),
  clamp: ([u, lo, hi]) => {
    const below = signOf(sub(u, lo));
    if (below === null) return UNKNOWN;
    if (below < 0) return lo;
    const above = signOf(sub(u, hi));
    if (above === null) return UNKNOWN;
    return above > 0 ? hi : u;
  },
  hypot: ([a, b]) => power(add(mul(a, a), mul(b, b)), 0.5),
  sinpi: ([u]) => (divergesTo(u) !== 0 ? { kind: 'none', bound: 1, oscillates: true } : analytic('sinpi')(u)),
  cospi: ([u]) => (divergesTo(u) !== 0 ? { kind: 'none', bound: 1, oscillates: true } : analytic('cospi')(u)),
};

/**
 * The asymptotic value of `e` (an expression in x only: parameters substituted beforehand) as x approaches
 * the point from its side. Shared subtrees are expanded once.
 */
export function expandAt(e: Expr, point: LimitPoint): Asym {
  const x: Asym = !Number.isFinite(point.at)
    ? series(0, [{ a: point.at > 0 ? 1 : -1, p: -1 }], Infinity)
    : series(0, [{ a: point.at, p: 0 }, { a: point.side, p: 1 }], Infinity);
  const memo = new Map<Expr, Asym>();
  const go = (n: Expr): Asym => {
    if (n.kind === 'num') return constant(n.value);
    if (n.kind === 'sym') return n.name === 'x' ? x : UNKNOWN;
    const hit = memo.get(n);
    if (hit) return hit;
    // once the analysis budget is spent nothing more is expanded (budget.ts): unknown is always sound
    if (exhausted()) return UNKNOWN;
    let out: Asym;
    try {
      if (n.op === 'select') {
        const c = truthOf(go(n.args[0]));
        out = c === null ? UNKNOWN : go(n.args[c ? 1 : 2]);
      } else {
        out = RULES[n.op](n.args.map(go));
      }
    } catch {
      out = UNKNOWN;
    }
    if (out.kind === 'series' && out.terms.some((t) => !Number.isFinite(t.a) || !Number.isFinite(t.p))) out = UNKNOWN;
    memo.set(n, out);
    return out;
  };
  return go(e);
}

const limitCache = new WeakMap<Expr, Map<string, number | 'none' | null>>();

/**
 * The one-sided limit of `e` at the point: a number (±Infinity allowed), `'none'` when it oscillates, or null
 * when unknown (also when the expansion ran out of its budget, `MAX_TERM_PRODUCTS`). Memoised per expression
 * and point: the sign prover asks for the same limit at a piece's end once per box that touches it.
 */
export function symbolicLimit(e: Expr, point: LimitPoint): number | 'none' | null {
  let cache = limitCache.get(e);
  if (!cache) limitCache.set(e, (cache = new Map()));
  const key = `${point.at},${point.side}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (exhausted()) return null;
  const v = expandAt(e, point);
  const out = v.kind === 'none' ? (v.oscillates ? 'none' : null) : limitOf(v);
  const answer = out !== out ? null : out;
  // an answer cut short by the budget is not the expression's: not kept for a later analysis
  if (!exhausted()) cache.set(key, answer);
  return answer;
}

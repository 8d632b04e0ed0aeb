import type { PrimitiveName } from '../expr/ir.js';

/**
 * f32x4 vector versions of the expression language's primitives, as WebAssembly text generators.
 *
 * Each generator gets its arguments as expressions over locals and returns the value's expression; it
 * may add statements (`ctx.emit`), temporaries (`ctx.tmp`), vector constants (`ctx.k`, loaded from
 * memory once before the loop, never rebuilt in it) and lanes to hand to the scalar JavaScript path
 * (`ctx.flag`: the whole kernel output of such lanes is recomputed in f64 by the same code the
 * JavaScript kernels use, then rounded to f32).
 *
 * The kernels recompute every lane whose input or output is NaN or ±∞ that way, so the special values
 * (NaN, ±∞, limits at ±∞) are exactly those of the JavaScript kernels; the generators below only have
 * to be accurate for finite results, and to return NaN/±∞ (never a finite value) where the exact
 * result is not finite. Accuracy for finite results, measured against f64 over wide sweeps by
 * test/wasm/vmath.test.ts (`ACCURACY_ULP` holds the stated bounds):
 * - exp: Cody–Waite reduction by ln 2 (two-part constant), round-to-nearest by the 1.5·2^23 magic bias,
 *   degree-6 Taylor polynomial (Horner), 2^n built in the exponent bits in two halves (so subnormal
 *   and near-overflow results are right).
 * - expm1: the same reduction, expm1(r) by a degree-7 polynomial, 2^n·expm1(r) + (2^n − 1).
 * - log: exponent and mantissa from the bits (subnormals scaled first), mantissa in [√½, √2),
 *   log(1+f) = 2·atanh(f/(2+f)) by its odd series; log1p: log(u) − ((u−1)−x)/u with u = 1+x.
 * - sigmoid (x ≥ 0 ? 1 : e)/(1+e), softplus, logsigmoid, sech, tanh through e = exp(−|x|) or
 *   expm1(−2|x|): no overflow anywhere.
 * - erf/erfc: odd Taylor series below |x| = 0.5, else the Numerical Recipes erfc fit (fractional
 *   error < 1.2e-7) with exp(−z²) split as exp(−zₕ²)·exp(−(z−zₕ)(z+zₕ)) so z² loses nothing.
 * - sin/cos: reduction by π/2 in three parts (|x| ≤ 8192; larger lanes go to the scalar path), Cephes
 *   polynomials; atan: Cephes reduction to [0, tan π/8] and its polynomial.
 * - hypot in f64x2; min/max/clamp/sign/step/abs and the comparisons exactly as the JavaScript runtime.
 */

/** What a generator may ask of the kernel being rendered. */
export interface VectorContext {
  /** A splatted f32 constant (a local loaded before the loop). */
  k(value: number): string;
  /** A splatted i32 constant. */
  ki(value: number): string;
  /** A fresh v128 temporary (its name). */
  tmp(): string;
  /** Adds a statement before the value is used. */
  emit(statement: string): void;
  /** Sends the lanes of `mask` to the scalar path. */
  flag(mask: string): void;
}

/** A value: numbers are f32x4, booleans are lane masks (all ones or zero). */
export type VectorOp = (ctx: VectorContext, args: readonly string[]) => string;

// ---- f32x4 text helpers ----
export const add = (a: string, b: string): string => `(f32x4.add ${a} ${b})`;
export const sub = (a: string, b: string): string => `(f32x4.sub ${a} ${b})`;
export const mul = (a: string, b: string): string => `(f32x4.mul ${a} ${b})`;
export const div = (a: string, b: string): string => `(f32x4.div ${a} ${b})`;
/** b < a ? b : a (one instruction on x86; a NaN in `a` is kept). */
const pmin = (a: string, b: string): string => `(f32x4.pmin ${a} ${b})`;
/** a < b ? b : a (one instruction on x86; a NaN in `a` is kept). */
const pmax = (a: string, b: string): string => `(f32x4.pmax ${a} ${b})`;
const abs = (a: string): string => `(f32x4.abs ${a})`;
const neg = (a: string): string => `(f32x4.neg ${a})`;
const sqrt = (a: string): string => `(f32x4.sqrt ${a})`;
export const lt = (a: string, b: string): string => `(f32x4.lt ${a} ${b})`;
export const le = (a: string, b: string): string => `(f32x4.le ${a} ${b})`;
export const gt = (a: string, b: string): string => `(f32x4.gt ${a} ${b})`;
export const ge = (a: string, b: string): string => `(f32x4.ge ${a} ${b})`;
export const eq = (a: string, b: string): string => `(f32x4.eq ${a} ${b})`;
export const ne = (a: string, b: string): string => `(f32x4.ne ${a} ${b})`;
/** Lane-wise mask ? a : b. */
export const sel = (mask: string, a: string, b: string): string => `(v128.bitselect ${a} ${b} ${mask})`;
const and = (a: string, b: string): string => `(v128.and ${a} ${b})`;
const or = (a: string, b: string): string => `(v128.or ${a} ${b})`;
const xor = (a: string, b: string): string => `(v128.xor ${a} ${b})`;
const iadd = (a: string, b: string): string => `(i32x4.add ${a} ${b})`;
const isub = (a: string, b: string): string => `(i32x4.sub ${a} ${b})`;
const shl = (a: string, n: number): string => `(i32x4.shl ${a} (i32.const ${n}))`;
const shrS = (a: string, n: number): string => `(i32x4.shr_s ${a} (i32.const ${n}))`;
const shrU = (a: string, n: number): string => `(i32x4.shr_u ${a} (i32.const ${n}))`;
/** Lanes that are NaN or ±∞. */
export const nonFinite = (a: string): string => `(f32x4.ne (f32x4.sub ${a} ${a}) (f32x4.sub ${a} ${a}))`;

/** Stores `value` in a fresh temporary and returns its `local.get`. */
function let_(ctx: VectorContext, value: string): string {
  const t = ctx.tmp();
  ctx.emit(`(local.set ${t} ${value})`);
  return `(local.get ${t})`;
}

/** Horner's scheme: c[0] + x·(c[1] + x·(…)). */
function horner(ctx: VectorContext, x: string, c: readonly number[]): string {
  let acc = ctx.k(c[c.length - 1]);
  for (let i = c.length - 2; i >= 0; i--) acc = add(ctx.k(c[i]), mul(x, acc));
  return acc;
}

const MAGIC = 12582912; // 1.5·2^23: adding it rounds an f32 of magnitude < 2^22 to an integer in the low bits.
const LN2_HI = 0.693145751953125;
const LN2_LO = 1.428606765330187e-6;
const LOG2E = 1.4426950408889634;

/** Integer n = round(x) (|x| < 2^22) as i32 lanes, and n as f32. */
function roundInt(ctx: VectorContext, x: string): { n: string; nf: string } {
  const t = let_(ctx, add(x, ctx.k(MAGIC)));
  const nf = let_(ctx, sub(t, ctx.k(MAGIC)));
  const n = let_(ctx, isub(t, ctx.k(MAGIC)));
  return { n, nf };
}

/** 2^n for integer lanes n in [−252, 254], as f32 (subnormal, normal or ∞), via two exponent-field halves. */
function pow2Halves(ctx: VectorContext, n: string): { a: string; b: string } {
  const n1 = let_(ctx, shrS(n, 1));
  const n2 = isub(n, n1);
  const a = shl(iadd(n1, ctx.ki(127)), 23);
  const b = shl(iadd(n2, ctx.ki(127)), 23);
  return { a, b };
}

/** Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2 (x clamped to where exp is finite and nonzero or its limit). */
function reduceLn2(ctx: VectorContext, x: string): { n: string; r: string } {
  const xc = let_(ctx, pmax(pmin(x, ctx.k(89)), ctx.k(-104)));
  const { n, nf } = roundInt(ctx, mul(xc, ctx.k(LOG2E)));
  const r = let_(ctx, sub(sub(xc, mul(nf, ctx.k(LN2_HI))), mul(nf, ctx.k(LN2_LO))));
  return { n, r };
}

const EXP_POLY = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720];
const EXPM1_POLY = [0, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040];

/** e^x. */
export function vexp(ctx: VectorContext, x: string): string {
  const { n, r } = reduceLn2(ctx, x);
  const p = horner(ctx, r, EXP_POLY);
  const { a, b } = pow2Halves(ctx, n);
  return mul(mul(p, a), b);
}

/** e^x − 1. */
export function vexpm1(ctx: VectorContext, x: string): string {
  const { n, r } = reduceLn2(ctx, x);
  const q = horner(ctx, r, EXPM1_POLY);
  const { a, b } = pow2Halves(ctx, n);
  const s = let_(ctx, mul(a, b));
  // expm1(±0) = ±0.
  return sel(eq(x, ctx.k(0)), x, add(mul(s, q), sub(s, ctx.k(1))));
}

const SQRT2 = Math.SQRT2;

/** log(x): NaN for x < 0 or NaN, −∞ at 0, ∞ at ∞. */
export function vlog(ctx: VectorContext, x: string): string {
  // Scale subnormals by 2^23.
  const small = let_(ctx, lt(x, ctx.k(1.1754943508222875e-38)));
  const xs = let_(ctx, sel(small, mul(x, ctx.k(8388608)), x));
  const e0 = isub(shrU(xs, 23), sel(small, ctx.ki(150), ctx.ki(127)));
  const m0 = let_(ctx, or(and(xs, ctx.ki(0x007fffff)), ctx.ki(0x3f800000)));
  const big = let_(ctx, gt(m0, ctx.k(SQRT2)));
  const m = let_(ctx, sel(big, mul(m0, ctx.k(0.5)), m0));
  const e = `(f32x4.convert_i32x4_s ${iadd(e0, and(big, ctx.ki(1)))})`;
  const ef = let_(ctx, e);
  const f = let_(ctx, sub(m, ctx.k(1)));
  const s = let_(ctx, div(f, add(ctx.k(2), f)));
  const z = let_(ctx, mul(s, s));
  const series = horner(ctx, z, [1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11]);
  // log(1+f) = 2s + 2s·z·(1/3 + z/5 + …) = f − s·(f − 2z·(…)): keep it as 2s(1 + z·series).
  const log1pf = let_(ctx, add(mul(ctx.k(2), s), mul(mul(ctx.k(2), s), mul(z, series))));
  let r = add(mul(ef, ctx.k(LN2_HI)), add(mul(ef, ctx.k(LN2_LO)), log1pf));
  r = sel(eq(x, ctx.k(0)), ctx.k(-Infinity), r);
  r = sel(eq(x, ctx.k(Infinity)), ctx.k(Infinity), r);
  r = sel(or(lt(x, ctx.k(0)), ne(x, x)), ctx.k(Number.NaN), r);
  return r;
}

/** log(1 + x). */
export function vlog1p(ctx: VectorContext, x: string): string {
  const u = let_(ctx, add(ctx.k(1), x));
  const c = let_(ctx, div(sub(sub(u, ctx.k(1)), x), u));
  const cc = sel(eq(c, c), c, ctx.k(0));
  // log1p(±0) = ±0.
  return sel(eq(x, ctx.k(0)), x, sub(vlog(ctx, u), cc));
}

/** 1/(1 + e^−x) through e = e^−|x|. */
export function vsigmoid(ctx: VectorContext, x: string): string {
  const e = let_(ctx, vexp(ctx, neg(abs(x))));
  return div(sel(ge(x, ctx.k(0)), ctx.k(1), e), add(ctx.k(1), e));
}

/** tanh through e = expm1(−2|x|): tanh|x| = −e/(e + 2), sign copied back. */
export function vtanh(ctx: VectorContext, x: string): string {
  const e = let_(ctx, vexpm1(ctx, mul(ctx.k(-2), abs(x))));
  const t = abs(div(e, add(e, ctx.k(2))));
  return or(t, and(x, ctx.ki(-0x80000000)));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|). */
export function vsoftplus(ctx: VectorContext, x: string): string {
  const e = let_(ctx, vexp(ctx, neg(abs(x))));
  return add(pmax(x, ctx.k(0)), vlog1p(ctx, e));
}

/** 1/cosh x = 2e/(1 + e²), e = e^−|x|. */
export function vsech(ctx: VectorContext, x: string): string {
  const e = let_(ctx, vexp(ctx, neg(abs(x))));
  return div(mul(ctx.k(2), e), add(ctx.k(1), mul(e, e)));
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/** Odd Taylor series of erf up to x^13, for |x| < 0.5. */
const ERF_SERIES = [1, -1 / 3, 1 / 10, -1 / 42, 1 / 216, -1 / 1320, 1 / 9360].map((c) => c * TWO_OVER_SQRT_PI);
/** Numerical Recipes erfcc coefficients. */
const ERFC_FIT = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

/** erfc(z) for z = |x| ≥ 0 (fractional error < 1.2e-7 before rounding). */
function erfcPositive(ctx: VectorContext, z: string): string {
  const t = let_(ctx, div(ctx.k(1), add(ctx.k(1), mul(ctx.k(0.5), z))));
  const zh = let_(ctx, and(z, ctx.ki(0xfffff000 | 0)));
  const inner = sub(horner(ctx, t, ERFC_FIT), mul(sub(z, zh), add(z, zh)));
  return mul(mul(t, vexp(ctx, neg(mul(zh, zh)))), vexp(ctx, inner));
}

/** erf. */
export function verf(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const x2 = let_(ctx, mul(x, x));
  const series = mul(x, horner(ctx, x2, ERF_SERIES));
  const tail = or(sub(ctx.k(1), erfcPositive(ctx, a)), and(x, ctx.ki(-0x80000000)));
  return sel(lt(a, ctx.k(0.5)), series, tail);
}

/** erfc. */
export function verfc(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const x2 = let_(ctx, mul(x, x));
  const small = sub(ctx.k(1), mul(x, horner(ctx, x2, ERF_SERIES)));
  const ec = let_(ctx, erfcPositive(ctx, a));
  const tail = sel(lt(x, ctx.k(0)), sub(ctx.k(2), ec), ec);
  return sel(lt(a, ctx.k(0.5)), small, tail);
}

const PIO2 = [1.5703125, 4.837512969970703125e-4, 7.54978995489188216e-8];
const SIN_POLY = [-1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4];
const COS_POLY = [4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5];

/** sin (cos = false) or cos (cos = true). */
function sinCos(ctx: VectorContext, x: string, cos: boolean): string {
  ctx.flag(gt(abs(x), ctx.k(8192)));
  const { n, nf } = roundInt(ctx, mul(x, ctx.k(2 / Math.PI)));
  const r = let_(ctx, sub(sub(sub(x, mul(nf, ctx.k(PIO2[0]))), mul(nf, ctx.k(PIO2[1]))), mul(nf, ctx.k(PIO2[2]))));
  const z = let_(ctx, mul(r, r));
  const s = let_(ctx, add(r, mul(mul(r, z), horner(ctx, z, SIN_POLY))));
  const c = let_(ctx, add(sub(ctx.k(1), mul(ctx.k(0.5), z)), mul(mul(z, z), horner(ctx, z, COS_POLY))));
  const q = cos ? let_(ctx, iadd(n, ctx.ki(1))) : n;
  // sin(x) = [s, c, −s, −c][q mod 4]; cos(x) = sin(x + π/2).
  const swap = let_(ctx, `(i32x4.eq ${and(q, ctx.ki(1))} ${ctx.ki(0)})`);
  const v = sel(swap, s, c);
  const r0 = xor(v, and(shl(q, 30), ctx.ki(-0x80000000)));
  // sin(±0) = ±0.
  return cos ? r0 : sel(eq(x, ctx.k(0)), x, r0);
}

/** atan (Cephes atanf). */
export function vatan(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const big = let_(ctx, gt(a, ctx.k(2.414213562373095)));
  const mid = let_(ctx, v128AndNot(gt(a, ctx.k(0.4142135623730950)), big));
  const t = let_(ctx, sel(big, div(ctx.k(-1), a), sel(mid, div(sub(a, ctx.k(1)), add(a, ctx.k(1))), a)));
  const y0 = sel(big, ctx.k(Math.PI / 2), sel(mid, ctx.k(Math.PI / 4), ctx.k(0)));
  const z = let_(ctx, mul(t, t));
  const p = horner(ctx, z, [-3.33329491539e-1, 1.99777106478e-1, -1.38776856032e-1, 8.05374449538e-2]);
  const r = add(y0, add(t, mul(mul(p, z), t)));
  return or(r, and(x, ctx.ki(-0x80000000)));
}

function v128AndNot(a: string, b: string): string {
  return `(v128.andnot ${a} ${b})`;
}

/** hypot(a, b) in f64 (each half of the lanes promoted), as the JavaScript Math.hypot of f32 inputs. */
function vhypot(ctx: VectorContext, a: string, b: string): string {
  const av = let_(ctx, a);
  const bv = let_(ctx, b);
  const half = (hi: boolean): string => {
    const pick = (v: string): string => (hi ? `(i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v})` : v);
    const pa = `(f64x2.promote_low_f32x4 ${pick(av)})`;
    const pb = `(f64x2.promote_low_f32x4 ${pick(bv)})`;
    const ta = let_(ctx, pa);
    const tb = let_(ctx, pb);
    return `(f32x4.demote_f64x2_zero (f64x2.sqrt (f64x2.add (f64x2.mul ${ta} ${ta}) (f64x2.mul ${tb} ${tb}))))`;
  };
  const lo = half(false);
  const hi = half(true);
  return `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 ${lo} ${hi})`;
}

/** Integer power by repeated multiplication (|n| ≤ 16). */
function intPow(ctx: VectorContext, x: string, n: number): string {
  if (n === 0) return ctx.k(1);
  let result: string | null = null;
  let base = let_(ctx, x);
  let e = Math.abs(n);
  while (e > 0) {
    if (e & 1) result = result === null ? base : let_(ctx, mul(result, base));
    e >>= 1;
    if (e > 0) base = let_(ctx, mul(base, base));
  }
  return n < 0 ? div(ctx.k(1), result as string) : (result as string);
}

/** Lanes where any of `values` is NaN (constants need no check: pass only values that may be NaN). */
function anyNaN(values: readonly string[]): string {
  return values.map((v) => ne(v, v)).reduce((a, b) => or(a, b));
}

/**
 * A comparison as a lane mask. Comparisons are three-valued in the language (NaN on a NaN operand) but
 * masks are two-valued, so lanes with a NaN operand go to the scalar path.
 */
function compare(test: (a: string, b: string) => string): VectorOp {
  return (ctx, [a, b]) => {
    ctx.flag(anyNaN([a, b]));
    return test(a, b);
  };
}

/**
 * The vector primitives by name (null: no vector version; an activation that uses one keeps its
 * JavaScript kernels). `pow` is rendered by `vpow`, which needs to know whether the exponent is a
 * constant. Masks (comparisons, logic) are all-ones or zero lanes; numbers used as conditions are
 * compared with 0 (NaN conditions go to the scalar path, where select gives NaN).
 */
export const VECTOR_OPS: { readonly [K in PrimitiveName]: VectorOp | null } = {
  add: (_c, [a, b]) => add(a, b),
  sub: (_c, [a, b]) => sub(a, b),
  mul: (_c, [a, b]) => mul(a, b),
  div: (_c, [a, b]) => div(a, b),
  pow: null,
  neg: (_c, [a]) => neg(a),
  lt: compare(lt),
  le: compare(le),
  gt: compare(gt),
  ge: compare(ge),
  eq: compare(eq),
  ne: compare(ne),
  and: (_c, [a, b]) => and(a, b),
  or: (_c, [a, b]) => or(a, b),
  not: (_c, [a]) => `(v128.not ${a})`,
  select: (_c, [m, a, b]) => sel(m, a, b),
  exp: (c, [a]) => vexp(c, a),
  expm1: (c, [a]) => vexpm1(c, a),
  log: (c, [a]) => vlog(c, a),
  log1p: (c, [a]) => vlog1p(c, a),
  sqrt: (_c, [a]) => sqrt(a),
  cbrt: null,
  abs: (_c, [a]) => abs(a),
  sign: (c, [a]) => sel(gt(a, c.k(0)), c.k(1), sel(lt(a, c.k(0)), c.k(-1), sel(eq(a, c.k(0)), c.k(0), a))),
  step: (c, [a]) => {
    c.flag(anyNaN([a]));
    return and(ge(a, c.k(0)), c.k(1));
  },
  sin: (c, [a]) => sinCos(c, a, false),
  cos: (c, [a]) => sinCos(c, a, true),
  tan: null,
  asin: null,
  acos: null,
  atan: (c, [a]) => vatan(c, a),
  sinh: (c, [a]) => {
    // sinh|x| = (e + e/(e + 1))/2 with e = expm1|x| (no cancellation), sign copied back.
    const e = let_(c, vexpm1(c, abs(a)));
    return or(mul(c.k(0.5), add(e, div(e, add(e, c.k(1))))), and(a, c.ki(-0x80000000)));
  },
  cosh: (c, [a]) => {
    const e = let_(c, vexp(c, abs(a)));
    return mul(c.k(0.5), add(e, div(c.k(1), e)));
  },
  tanh: (c, [a]) => vtanh(c, a),
  sech: (c, [a]) => vsech(c, a),
  asinh: null,
  acosh: null,
  atanh: null,
  erf: (c, [a]) => verf(c, a),
  erfc: (c, [a]) => verfc(c, a),
  sigmoid: (c, [a]) => vsigmoid(c, a),
  softplus: (c, [a]) => vsoftplus(c, a),
  logsigmoid: (c, [a]) => neg(vsoftplus(c, neg(a))),
  sinc: null,
  sinc_d: null,
  min: (_c, [a, b]) => sel(or(lt(a, b), ne(a, a)), a, b),
  max: (_c, [a, b]) => sel(or(gt(a, b), ne(a, a)), a, b),
  clamp: (c, [u, lo, hi]) => {
    // min(max(u, lo), hi) with NaN anywhere giving NaN (u NaN propagates; NaN bounds go to the scalar path).
    c.flag(anyNaN([lo, hi]));
    const m = let_(c, sel(lt(u, lo), lo, u));
    return sel(gt(m, hi), hi, m);
  },
  hypot: (c, [a, b]) => vhypot(c, a, b),
  sinpi: null,
  cospi: null,
};

/**
 * a^b: a whole exponent up to 16 by multiplications; otherwise e^(b·log a) for a > 0, with lanes where
 * a ≤ 0 (or NaN) sent to the scalar path.
 */
export function vpow(ctx: VectorContext, a: string, b: string, constantExponent: number | null): string {
  if (constantExponent !== null && Number.isInteger(constantExponent) && Math.abs(constantExponent) <= 16) return intPow(ctx, a, constantExponent);
  ctx.flag(`(v128.not ${gt(a, ctx.k(0))})`);
  return vexp(ctx, mul(b, vlog(ctx, a)));
}

/** Stated accuracy of the vector primitives for finite results, in units in the last place of the f32 result (checked by test/wasm/vmath.test.ts). */
export const ACCURACY_ULP: Readonly<Record<string, number>> = {
  exp: 2.5, expm1: 3, log: 2, log1p: 3, sigmoid: 3, tanh: 4, softplus: 3, logsigmoid: 3, sech: 4,
  erf: 4, erfc: 8, sin: 2, cos: 2, atan: 3, sinh: 4, cosh: 3, hypot: 1, sqrt: 0.5,
};

import type { PrimitiveName } from '../expr/ir.js';

/**
 * f32x4 vector versions of the expression language's primitives, as WebAssembly text generators.
 *
 * Each generator gets its arguments as expressions over locals and returns the value's expression; it
 * may add statements (`ctx.emit`), temporaries (`ctx.bind`: the same text gives the same temporary, so
 * sigmoid(x) and sigmoid(−x) share one exponential), vector constants (`ctx.k`, loaded from memory once
 * before the loop, never rebuilt in it) and lanes to hand to the scalar JavaScript path (`ctx.flag`,
 * `ctx.require`: the kernel outputs that depend on the primitive are recomputed for such lanes in f64
 * by the same code the JavaScript kernels use, then rounded to f32).
 *
 * The kernels recompute every lane whose input or output is NaN or ±∞ that way, so the special values
 * (NaN, ±∞, limits at ±∞) are exactly those of the JavaScript kernels; the generators below only have
 * to be accurate for finite results, and to return NaN/±∞ (never a finite value) where the exact
 * result is not finite. Lanes outside a primitive's vector domain (an exponential whose result is
 * subnormal or about to overflow, |x| > 8192 for sin/cos) take the scalar path too, so subnormal
 * results are exact. Accuracy for finite, normal results, measured against f64 over wide sweeps by
 * test/wasm/kernels.test.ts (`ACCURACY_ULP` holds the stated bounds):
 * - exp: Cody–Waite reduction by ln 2 (9-bit high part), round-to-nearest by a magic bias that also
 *   leaves n + 127 in the low bits (2^n is one shift), degree-5 minimax polynomial: s + (r·s)·p(r).
 * - expm1: the same reduction, r + r²·q(r) with q of degree 4, s·(r + r²q) + (s − 1).
 * - log: exponent and mantissa from the bits (subnormals scaled first), mantissa in [√½, √2),
 *   log(1+f) = 2·atanh(f/(2+f)) by its odd series; log1p: log(u) − ((u−1)−x)/u with u = 1+x.
 * - sigmoid (x < 0 ? e : 1)/(1+e) (one division), softplus max(x, 0) + 2·atanh(e/(2+e)), logsigmoid,
 *   sech through e = exp(−|x|); tanh through expm1(−2|x|): no overflow anywhere.
 * - erfc: e^(−z²)·P(z)/Q(z), a degree-4/5 rational fit of erfc(z)·e^(z²) on [0, 9.4], with z² split so
 *   it loses nothing, and 2 − erfc|x| for x < 0; erf: odd Taylor series below |x| = 0.5, else ±(1 − erfc|x|).
 * - sin/cos/tan: reduction by π/2 in f64 (|x| ≤ 8192; larger lanes go to the scalar path), so r is
 *   accurate next to the zeros too, Cephes polynomials; tan = s/c or −c/s (one division); sinc =
 *   sin(x)/x; sinc′ by its Taylor series below |x| = 1.5, else (cos x − sinc x)/x.
 * - atan: Cephes reduction to [0, tan π/8] and its polynomial; asin/acos: Cephes asinf (√((1 − |x|)/2)
 *   above ½, acos without cancellation); asinh/acosh/atanh through log1p in cancellation-free forms;
 *   cbrt: a guess from the exponent bits, two Halley steps and a final correction (scaled by 2^±90).
 * - a division by a constant is a multiplication by its f32 reciprocal (within one ulp of the quotient).
 * - hypot in f64x2; min/max/clamp/sign/step/abs and the comparisons exactly as the JavaScript runtime.
 * The polynomial and rational coefficients were fitted for this project (Lawson's iteration in f64).
 */

/** What a generator may ask of the kernel being rendered. */
export interface VectorContext {
  /** A splatted f32 constant (a local loaded before the loop). */
  k(value: number): string;
  /** A splatted i32 constant. */
  ki(value: number): string;
  /** A splatted f64 constant (f64x2). */
  kd(value: number): string;
  /** A fresh v128 temporary (its name). */
  tmp(): string;
  /** Adds a statement before the value is used. */
  emit(statement: string): void;
  /** A temporary holding `value` (the same one for the same text: common subexpressions once). */
  bind(value: string): string;
  /** Sends the lanes of `mask` to the scalar path. */
  flag(mask: string): void;
  /** Sends the lanes not in `mask` to the scalar path (a NaN comparison is false: its lane goes too). */
  require(mask: string): void;
  /** False when `value` is known never to be NaN in a lane that keeps its vector result. */
  maybeNaN(value: string): boolean;
  /** b when `value` is the program's b² (b·b or b^2), else null. */
  squareOf(value: string): string | null;
}

/** A value: numbers are f32x4, booleans are lane masks (all ones or zero). */
export type VectorOp = (ctx: VectorContext, args: readonly string[]) => string;

/** The operand of `(op operand)` when `a` is exactly that, else null. */
function unwrap(a: string, op: string): string | null {
  const head = `(${op} `;
  if (!a.startsWith(head) || !a.endsWith(')')) return null;
  let depth = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '(') depth++;
    else if (a[i] === ')' && --depth === 0 && i !== a.length - 1) return null;
  }
  return a.slice(head.length, -1);
}

// ---- f32x4 text helpers ----
export const add = (a: string, b: string): string => `(f32x4.add ${a} ${b})`;
export const sub = (a: string, b: string): string => `(f32x4.sub ${a} ${b})`;
export const mul = (a: string, b: string): string => `(f32x4.mul ${a} ${b})`;
export const div = (a: string, b: string): string => `(f32x4.div ${a} ${b})`;
/** b < a ? b : a (one instruction on x86; a NaN in `a` is kept). */
const pmin = (a: string, b: string): string => `(f32x4.pmin ${a} ${b})`;
/** a < b ? b : a (one instruction on x86; a NaN in `a` is kept). */
const pmax = (a: string, b: string): string => `(f32x4.pmax ${a} ${b})`;
/** |a| (|−a| and ||a|| are |a|). */
const abs = (a: string): string => {
  const inner = unwrap(a, 'f32x4.neg') ?? unwrap(a, 'f32x4.abs');
  return inner !== null ? abs(inner) : `(f32x4.abs ${a})`;
};
/** −a (−(−a) is a). */
const neg = (a: string): string => unwrap(a, 'f32x4.neg') ?? `(f32x4.neg ${a})`;
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
/** Lanes that are finite (x − x is 0 there and NaN for NaN and ±∞). */
export const finite = (a: string): string => `(f32x4.eq (f32x4.sub ${a} ${a}) (f32x4.sub ${a} ${a}))`;
/** All ones in the lanes whose sign bit is set (−0 and NaNs with the sign bit included). */
const signMask = (a: string): string => shrS(a, 31);
/** The sign bit of a. */
const signOf = (ctx: VectorContext, a: string): string => and(a, ctx.ki(-0x80000000));

/** Stores `value` in a temporary (shared with an identical value) and returns its `local.get`. */
function let_(ctx: VectorContext, value: string): string {
  return ctx.bind(value);
}

/** Horner's scheme: c[0] + x·(c[1] + x·(…)). */
function horner(ctx: VectorContext, x: string, c: readonly number[]): string {
  let acc = ctx.k(c[c.length - 1]);
  for (let i = c.length - 2; i >= 0; i--) acc = add(mul(acc, x), ctx.k(c[i]));
  return acc;
}

const MAGIC = 12582912; // 1.5·2^23: adding it rounds an f32 of magnitude < 2^22 to an integer in the low bits.
/** 1.5·2^23 + 127: the rounded integer n comes out biased, so shifting the bits left by 23 gives 2^n. */
const EXP_MAGIC = MAGIC + 127;
/** ln 2 in two parts (Cody–Waite); the high part has 9 bits, so n·LN2_HI is exact for |n| < 2^15. */
const LN2_HI = 0.693359375;
const LN2_LO = -2.1219444005469057e-4;
const LOG2E = 1.4426950408889634;
/** The exponential kernels take arguments in [EXP_LO, EXP_HI]: there 2^n is a normal f32 (n in [−126, 127]). */
const EXP_LO = -87.33;
const EXP_HI = 88.37;

/** Integer n = round(x) (|x| < 2^22) as i32 lanes, and n as f32. */
function roundInt(ctx: VectorContext, x: string): { n: string; nf: string } {
  const t = let_(ctx, add(x, ctx.k(MAGIC)));
  const nf = let_(ctx, sub(t, ctx.k(MAGIC)));
  const n = let_(ctx, isub(t, ctx.k(MAGIC)));
  return { n, nf };
}

/**
 * Cody–Waite reduction of e^v with v = a (or −a when `negate`; no instruction spent on the sign):
 * v = n·ln 2 + r, |r| ≤ ½ln 2 (a little more where the product v·log₂e rounds), s = 2^n. Valid for v in
 * [EXP_LO, EXP_HI] (callers clamp or send other lanes to the scalar path).
 */
function reduceExp(ctx: VectorContext, a: string, negate: boolean): { s: string; r: string } {
  const t = let_(ctx, add(mul(a, ctx.k(negate ? -LOG2E : LOG2E)), ctx.k(EXP_MAGIC)));
  const s = let_(ctx, shl(t, 23));
  const nf = let_(ctx, sub(t, ctx.k(EXP_MAGIC)));
  const hi = negate ? sub(mul(nf, ctx.k(-LN2_HI)), a) : add(mul(nf, ctx.k(-LN2_HI)), a);
  const r = let_(ctx, add(hi, mul(nf, ctx.k(-LN2_LO))));
  return { s, r };
}

/**
 * e^r − 1 = r·p(r) on |r| ≤ 0.354 by a degree-5 minimax polynomial (p of degree 4; relative error of
 * 1 + r·p below 1.1e-7 before rounding, fitted for this project by Lawson's iteration in f64).
 */
const EXP_P = [0.9999996423721313, 0.4999907910823822, 0.16667716205120087, 0.04190722107887268, 0.00828858558088541];
/** e^r − 1 = r + r²·q(r) on |r| ≤ 0.354, q of degree 4 (relative error below 1.5e-8 before rounding). */
const EXPM1_Q = [0.4999999701976776, 0.16666533052921295, 0.04166724532842636, 0.008367853239178658, 0.0013882261700928211];

/** e^v (v = a, or −a when `negate`) for v in [EXP_LO, EXP_HI]: s + (r·s)·p(r). */
function expCore(ctx: VectorContext, a: string, negate: boolean): string {
  const { s, r } = reduceExp(ctx, a, negate);
  return add(mul(mul(r, s), horner(ctx, r, EXP_P)), s);
}

/** e^x; lanes where e^x is not a normal f32 (or is about to overflow) take the scalar path. */
export function vexp(ctx: VectorContext, x: string): string {
  const n = unwrap(x, 'f32x4.neg');
  if (n !== null) return vexpNeg(ctx, n);
  ctx.require(and(ge(x, ctx.k(EXP_LO)), le(x, ctx.k(EXP_HI))));
  return expCore(ctx, x, false);
}

/** e^−z; lanes where z > −EXP_LO (a subnormal result) or z < −EXP_HI take the scalar path. */
function vexpNeg(ctx: VectorContext, z: string): string {
  const b = ctx.squareOf(z);
  if (b !== null) {
    // e^(−b²): the split form, exact in b² (and shared with erfc of the same b).
    const a = let_(ctx, abs(b));
    ctx.require(le(a, ctx.k(ERFC_Z_MAX)));
    return expNegSquare(ctx, a);
  }
  ctx.require(and(le(z, ctx.k(-EXP_LO)), ge(z, ctx.k(-EXP_HI))));
  return expCore(ctx, z, true);
}

/** e^−z for z = |something| ≥ 0 (or NaN); lanes with a subnormal result take the scalar path. */
function vexpNegAbs(ctx: VectorContext, z: string): string {
  ctx.require(le(z, ctx.k(-EXP_LO)));
  return let_(ctx, expCore(ctx, z, true));
}

/**
 * e^v − 1 for v = a (or −a) in [EXP_LO, EXP_HI]: s·(r + r²·q(r)) + (s − 1). Lanes below EXP_LO are
 * clamped there (the result rounds to −1 either way). The sign of a zero result is not kept.
 */
function expm1Core(ctx: VectorContext, a: string): string {
  const { s, r } = reduceExp(ctx, let_(ctx, pmax(a, ctx.k(EXP_LO))), false);
  const p = add(mul(mul(r, r), horner(ctx, r, EXPM1_Q)), r);
  return add(mul(s, p), sub(s, ctx.k(1)));
}

/** e^x − 1 (expm1(±0) = ±0: the result has the sign of x, so x's sign bit is or-ed in). */
export function vexpm1(ctx: VectorContext, x: string): string {
  ctx.require(le(x, ctx.k(EXP_HI)));
  return or(expm1Core(ctx, x), signOf(ctx, x));
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

/** 1/(1 + e^−x) as one division: (x < 0 ? e : 1)/(1 + e) with e = e^−|x| (shared by sigmoid(x) and sigmoid(−x)). */
export function vsigmoid(ctx: VectorContext, x: string): string {
  const e = vexpNegAbs(ctx, abs(x));
  const inner = unwrap(x, 'f32x4.neg');
  // sigmoid(−y) = (y < 0 ? 1 : e)/(1 + e); at y = ±0 both give ½.
  const num = inner !== null ? sel(signMask(inner), ctx.k(1), e) : sel(signMask(x), e, ctx.k(1));
  return div(num, let_(ctx, add(e, ctx.k(1))));
}

/** sigmoid(x)·sigmoid(−x) = e/(1 + e)² with e = e^−|x| (shares e and 1 + e with sigmoid). */
export function vsigmoidProduct(ctx: VectorContext, x: string): string {
  const e = vexpNegAbs(ctx, abs(x));
  const d = let_(ctx, add(e, ctx.k(1)));
  return div(e, mul(d, d));
}

/** tanh through e = expm1(−2|x|): tanh|x| = −e/(e + 2), the sign of x or-ed back in. */
export function vtanh(ctx: VectorContext, x: string): string {
  const e = let_(ctx, expm1Core(ctx, mul(abs(x), ctx.k(-2))));
  return or(abs(div(e, add(e, ctx.k(2)))), signOf(ctx, x));
}

/** 2·atanh(s) − 2s = s³·P(s²) on [0, ⅓] (relative error of the sum below 5e-9 before rounding). */
const LOG1P_UNIT = [0.6666641235351562, 0.40021950006484985, 0.2799416184425354, 0.2805277705192566];

/** log(1 + e) for e in [0, 1]: 2·atanh(s) with s = e/(2 + e) in [0, ⅓], by an odd minimax polynomial. */
function log1pUnit(ctx: VectorContext, e: string): string {
  const s = let_(ctx, div(e, add(e, ctx.k(2))));
  const z = let_(ctx, mul(s, s));
  // 2·atanh(s) = 2s + s·z·P(z)
  return add(mul(mul(s, z), horner(ctx, z, LOG1P_UNIT)), add(s, s));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|). */
export function vsoftplus(ctx: VectorContext, x: string): string {
  const e = vexpNegAbs(ctx, abs(x));
  return add(pmax(x, ctx.k(0)), log1pUnit(ctx, e));
}

/** 1/cosh x = 2e/(1 + e²), e = e^−|x|. */
export function vsech(ctx: VectorContext, x: string): string {
  const e = vexpNegAbs(ctx, abs(x));
  return div(add(e, e), add(mul(e, e), ctx.k(1)));
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/** Odd Taylor series of erf up to x^13, for |x| < 0.5. */
const ERF_SERIES = [1, -1 / 3, 1 / 10, -1 / 42, 1 / 216, -1 / 1320, 1 / 9360].map((c) => c * TWO_OVER_SQRT_PI);
/**
 * erfc(z)·e^(z²) ≈ P(z)/Q(z) on [0, 9.4], degrees 4 and 5 (relative error below 5e-9 before rounding;
 * fitted for this project by a linearised rational Lawson iteration in f64).
 */
const ERFCX_P = [1.000000004965503, 1.2322653516017137, 0.725183661558958, 0.2261640510082881, 0.03215723489539879];
const ERFCX_Q = [1, 2.3606450248629782, 2.3888780627709036, 1.3133849920405518, 0.40089489018200253, 0.05699640386668109];
/** erfc(z) is a normal f32 up to about 9.19 and e^(−z²) up to here. */
const ERFC_Z_MAX = 9.34;

/**
 * erfc(z) for z = |x| ≥ 0: e^(−z²)·P(z)/Q(z), with z² = zₕ² + (z − zₕ)(z + zₕ) (zₕ: z with 12 mantissa
 * bits, so zₕ² is exact) reduced as one exponent, so z² loses nothing. Valid for z ≤ ERFC_Z_MAX.
 */
function erfcPositive(ctx: VectorContext, z: string): string {
  return mul(expNegSquare(ctx, z), div(horner(ctx, z, ERFCX_P), horner(ctx, z, ERFCX_Q)));
}

/** e^(−z²) for z ≥ 0 (z ≤ ERFC_Z_MAX) with z² = zₕ² + (z − zₕ)(z + zₕ) reduced as one exponent. */
function expNegSquare(ctx: VectorContext, z: string): string {
  const zh = let_(ctx, and(z, ctx.ki(0xfffff000 | 0)));
  const hi = let_(ctx, mul(zh, zh));
  const lo = let_(ctx, mul(sub(z, zh), add(z, zh)));
  // e^(−hi − lo) = 2^n·e^r, n = round(−(hi + lo)·log₂e), r = −hi − lo − n·ln 2.
  const t = let_(ctx, add(mul(add(hi, lo), ctx.k(-LOG2E)), ctx.k(EXP_MAGIC)));
  const s = let_(ctx, shl(t, 23));
  const nf = let_(ctx, sub(t, ctx.k(EXP_MAGIC)));
  const r = let_(ctx, add(sub(sub(mul(nf, ctx.k(-LN2_HI)), hi), lo), mul(nf, ctx.k(-LN2_LO))));
  return let_(ctx, add(mul(mul(r, s), horner(ctx, r, EXP_P)), s));
}

/** erf: the odd series below |x| = 0.5, else ±(1 − erfc|x|) (|x| clamped at 4, where erf rounds to ±1). */
export function verf(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const x2 = let_(ctx, mul(x, x));
  const series = mul(x, horner(ctx, x2, ERF_SERIES));
  const tail = or(sub(ctx.k(1), erfcPositive(ctx, let_(ctx, pmin(a, ctx.k(4))))), signOf(ctx, x));
  return sel(lt(a, ctx.k(0.5)), series, tail);
}

/** erfc: erfc|x|, or 2 − erfc|x| for x < 0 (no cancellation: the result is in [1, 2] there). */
export function verfc(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  ctx.require(le(a, ctx.k(ERFC_Z_MAX)));
  const ec = let_(ctx, erfcPositive(ctx, a));
  // erfc(−y): the sign of y picks the other way (at y = ±0 both give 1).
  const y = unwrap(x, 'f32x4.neg');
  return y !== null ? sel(signMask(y), ec, sub(ctx.k(2), ec)) : sel(signMask(x), sub(ctx.k(2), ec), ec);
}

const SIN_POLY = [-1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4];
const COS_POLY = [4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5];

/** π/2 in two f64 parts (fdlibm's pio2_1, 33 bits, and pio2_1t): n·PIO2_HI is exact for |n| < 2^20. */
const PIO2_HI = 1.57079632673412561417e0;
const PIO2_LO = 6.07710050650619224932e-11;

/**
 * The reduction x = n·π/2 + r (|x| ≤ 8192; larger lanes go to the scalar path), done in f64 (each half of
 * the lanes promoted) so r keeps its relative accuracy even next to a zero of sin or cos, and sin r, cos r.
 */
function sinCosParts(ctx: VectorContext, x: string): { n: string; s: string; c: string } {
  ctx.flag(gt(abs(x), ctx.k(8192)));
  const { n, nf } = roundInt(ctx, mul(x, ctx.k(2 / Math.PI)));
  const high = (v: string): string => `(i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v})`;
  const half = (xh: string, nh: string): string => {
    const n64 = let_(ctx, `(f64x2.promote_low_f32x4 ${nh})`);
    const x64 = `(f64x2.promote_low_f32x4 ${xh})`;
    const r64 = `(f64x2.sub (f64x2.sub ${x64} (f64x2.mul ${n64} ${ctx.kd(PIO2_HI)})) (f64x2.mul ${n64} ${ctx.kd(PIO2_LO)}))`;
    return `(f32x4.demote_f64x2_zero ${r64})`;
  };
  const lo = half(x, nf);
  const hi = half(high(x), high(nf));
  const r = let_(ctx, `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 ${lo} ${hi})`);
  const z = let_(ctx, mul(r, r));
  const s = let_(ctx, add(r, mul(mul(r, z), horner(ctx, z, SIN_POLY))));
  const c = let_(ctx, add(sub(ctx.k(1), mul(ctx.k(0.5), z)), mul(mul(z, z), horner(ctx, z, COS_POLY))));
  return { n, s, c };
}

/** sin (cos = false) or cos (cos = true). */
function sinCos(ctx: VectorContext, x: string, cos: boolean): string {
  const { n, s, c } = sinCosParts(ctx, x);
  const q = cos ? let_(ctx, iadd(n, ctx.ki(1))) : n;
  // sin(x) = [s, c, −s, −c][q mod 4]; cos(x) = sin(x + π/2).
  const swap = let_(ctx, `(i32x4.eq ${and(q, ctx.ki(1))} ${ctx.ki(0)})`);
  const v = sel(swap, s, c);
  const r0 = xor(v, and(shl(q, 30), ctx.ki(-0x80000000)));
  // sin(±0) = ±0.
  return cos ? r0 : sel(eq(x, ctx.k(0)), x, r0);
}

/** tan = s/c for n even, −c/s for n odd (one division); tan(±0) = ±0. */
function vtan(ctx: VectorContext, x: string): string {
  const { n, s, c } = sinCosParts(ctx, x);
  const even = let_(ctx, `(i32x4.eq ${and(n, ctx.ki(1))} ${ctx.ki(0)})`);
  const t = div(sel(even, s, neg(c)), sel(even, c, s));
  return sel(eq(x, ctx.k(0)), x, t);
}

/** sin(x)/x with sinc(0) = 1 (sin is accurate relative to x near 0, so no series is needed). */
function vsinc(ctx: VectorContext, x: string): string {
  return sel(eq(x, ctx.k(0)), ctx.k(1), div(sinCos(ctx, x, false), x));
}

/** sinc′(x) = −x/3 + x³/30 − … (|x| < 1.5): the odd Taylor series as x·P(x²). */
const SINC_D1_SERIES = [-1 / 3, 1 / 30, -1 / 840, 1 / 45360, -1 / 3991680, 1 / 518918400, -1 / 93405312000];

/** sinc_d(n, x) for n = 0 (sinc) and n = 1: the series below |x| = 1.5, else (cos x − sinc x)/x. */
export function vsincD(ctx: VectorContext, n: number, x: string): string {
  if (n === 0) return vsinc(ctx, x);
  const x2 = let_(ctx, mul(x, x));
  // + 0: the scalar series sums to +0 at x = ±0.
  const series = add(mul(x, horner(ctx, x2, SINC_D1_SERIES)), ctx.k(0));
  const far = div(sub(sinCos(ctx, x, true), div(sinCos(ctx, x, false), x)), x);
  return sel(lt(abs(x), ctx.k(1.5)), series, far);
}

/** Cephes asinf polynomial: asin(w) = w + w·z·P(z) with z = w² (w ≤ ½). */
const ASIN_POLY = [1.6666752422e-1, 7.4953002686e-2, 4.5470025998e-2, 2.4181311049e-2, 4.2163199048e-2];

/**
 * asin|x| parts: p = asin(w) where w = |x| (|x| ≤ ½) or √((1 − |x|)/2) (|x| > ½, then asin|x| = π/2 − 2p).
 * |x| > 1 gives NaN (the square root of a negative number).
 */
function asinParts(ctx: VectorContext, x: string): { big: string; p: string } {
  const a = let_(ctx, abs(x));
  const big = let_(ctx, gt(a, ctx.k(0.5)));
  const z = let_(ctx, sel(big, mul(sub(ctx.k(1), a), ctx.k(0.5)), mul(a, a)));
  const w = let_(ctx, sel(big, sqrt(z), a));
  const p = let_(ctx, add(mul(mul(w, z), horner(ctx, z, ASIN_POLY)), w));
  return { big, p };
}

function vasin(ctx: VectorContext, x: string): string {
  const { big, p } = asinParts(ctx, x);
  const r = sel(big, sub(ctx.k(Math.PI / 2), add(p, p)), p);
  return or(r, signOf(ctx, x));
}

/** acos: π/2 − asin x for |x| ≤ ½; 2p for x > ½ and π − 2p for x < −½ (no cancellation). */
function vacos(ctx: VectorContext, x: string): string {
  const { big, p } = asinParts(ctx, x);
  const twoP = add(p, p);
  const far = sel(signMask(x), sub(ctx.k(Math.PI), twoP), twoP);
  return sel(big, far, sub(ctx.k(Math.PI / 2), or(p, signOf(ctx, x))));
}

/** asinh|x| = log1p(|x| + x²/(1 + √(1 + x²))), the sign of x or-ed back in. */
function vasinh(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const x2 = let_(ctx, mul(a, a));
  const u = add(a, div(x2, add(ctx.k(1), sqrt(add(ctx.k(1), x2)))));
  return or(vlog1p(ctx, let_(ctx, u)), signOf(ctx, x));
}

/** acosh x = log1p(t + √(t(t + 2))), t = x − 1 (exact near 1); NaN below 1. */
function vacosh(ctx: VectorContext, x: string): string {
  const t = let_(ctx, sub(x, ctx.k(1)));
  return vlog1p(ctx, let_(ctx, add(t, sqrt(mul(t, add(t, ctx.k(2)))))));
}

/** atanh|x| = ½·log1p(2|x|/(1 − |x|)), the sign of x or-ed back in (±∞ at ±1, NaN beyond). */
function vatanh(ctx: VectorContext, x: string): string {
  const a = let_(ctx, abs(x));
  const u = let_(ctx, div(add(a, a), sub(ctx.k(1), a)));
  return or(mul(ctx.k(0.5), vlog1p(ctx, u)), signOf(ctx, x));
}

/**
 * ∛x: a first guess from the bits (exponent divided by 3), two Halley steps y·(y³ + 2a)/(2y³ + a), then a
 * Newton-like correction y − y·(y³ − a)/(2y³ + a) whose rounding error is a fraction of an ulp. |x| is
 * scaled by 2^±90 into [2^−100, 2^100] first (the root by 2^∓30 after), so y³ neither underflows nor
 * overflows; ∛±0 = ±0.
 */
function vcbrt(ctx: VectorContext, x: string): string {
  const a0 = let_(ctx, abs(x));
  const small = let_(ctx, lt(a0, ctx.k(2 ** -100)));
  const big = let_(ctx, gt(a0, ctx.k(2 ** 100)));
  const a = let_(ctx, mul(a0, sel(small, ctx.k(2 ** 90), sel(big, ctx.k(2 ** -90), ctx.k(1)))));
  const guess = `(i32x4.trunc_sat_f32x4_s ${add(mul(`(f32x4.convert_i32x4_s ${a})`, ctx.k(1 / 3)), ctx.k(709921077))})`;
  let y = let_(ctx, guess);
  const a2 = let_(ctx, add(a, a));
  for (let i = 0; i < 2; i++) {
    const y3 = let_(ctx, mul(mul(y, y), y));
    y = let_(ctx, mul(y, div(add(y3, a2), add(add(y3, y3), a))));
  }
  const y3 = let_(ctx, mul(mul(y, y), y));
  y = let_(ctx, sub(y, mul(y, div(sub(y3, a), add(add(y3, y3), a)))));
  const r = mul(y, sel(small, ctx.k(2 ** -30), sel(big, ctx.k(2 ** 30), ctx.k(1))));
  return sel(eq(a0, ctx.k(0)), x, or(r, signOf(ctx, x)));
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

/** Sends the lanes where any of `values` may be NaN to the scalar path (x and constants need no check). */
function flagNaN(ctx: VectorContext, values: readonly string[]): void {
  const maybe = values.filter((v) => ctx.maybeNaN(v));
  if (maybe.length > 0) ctx.flag(maybe.map((v) => ne(v, v)).reduce((a, b) => or(a, b)));
}

/**
 * A comparison as a lane mask. Comparisons are three-valued in the language (NaN on a NaN operand) but
 * masks are two-valued, so lanes with a NaN operand go to the scalar path.
 */
function compare(test: (a: string, b: string) => string): VectorOp {
  return (ctx, [a, b]) => {
    flagNaN(ctx, [a, b]);
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
  cbrt: (c, [a]) => vcbrt(c, a),
  abs: (_c, [a]) => abs(a),
  sign: (c, [a]) => sel(gt(a, c.k(0)), c.k(1), sel(lt(a, c.k(0)), c.k(-1), sel(eq(a, c.k(0)), c.k(0), a))),
  step: (c, [a]) => {
    flagNaN(c, [a]);
    return and(ge(a, c.k(0)), c.k(1));
  },
  sin: (c, [a]) => sinCos(c, a, false),
  cos: (c, [a]) => sinCos(c, a, true),
  tan: (c, [a]) => vtan(c, a),
  asin: (c, [a]) => vasin(c, a),
  acos: (c, [a]) => vacos(c, a),
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
  asinh: (c, [a]) => vasinh(c, a),
  acosh: (c, [a]) => vacosh(c, a),
  atanh: (c, [a]) => vatanh(c, a),
  erf: (c, [a]) => verf(c, a),
  erfc: (c, [a]) => verfc(c, a),
  sigmoid: (c, [a]) => vsigmoid(c, a),
  softplus: (c, [a]) => vsoftplus(c, a),
  logsigmoid: (c, [a]) => neg(vsoftplus(c, neg(a))),
  sinc: (c, [a]) => vsinc(c, a),
  // sinc_d(n, x) is rendered by `vsincD` (n must be the literal 0 or 1; see `renderable`).
  sinc_d: null,
  min: (_c, [a, b]) => sel(or(lt(a, b), ne(a, a)), a, b),
  max: (_c, [a, b]) => sel(or(gt(a, b), ne(a, a)), a, b),
  clamp: (c, [u, lo, hi]) => {
    // min(max(u, lo), hi) with NaN anywhere giving NaN (u NaN propagates; NaN bounds go to the scalar path).
    flagNaN(c, [lo, hi]);
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
  erf: 4, erfc: 6, sin: 2, cos: 2, atan: 3, sinh: 4, cosh: 3, hypot: 1, sqrt: 0.5,
  cbrt: 1.5, tan: 3, asin: 3, acos: 2, asinh: 3, acosh: 3, atanh: 3, sinc: 2,
  /** sinc′ = sinc_d(1, x): in ulps of max(|sinc′ x|, (|cos x| + |sinc x|)/max(1, |x|)) (the recurrence cancels near its zeros). */
  sinc_d: 3,
};

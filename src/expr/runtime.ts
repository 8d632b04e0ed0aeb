/**
 * Numerically stable f64 implementations of the primitives that JavaScript's Math lacks.
 * Compiled expressions call these through one object, so generated code never names user text.
 * Every function here is self-contained (it names nothing outside its own body but `Math` and `Number`):
 * printed JavaScript (`printCode`) carries their source text (`fn.toString()`), so there is one
 * implementation of each, not a copy per target.
 */
import { erf, erfc } from '../util/special.js';

export { erf, erfc };

/** Logistic sigmoid 1/(1+e^-x), computed through e^-|x| so it never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const z = Math.exp(x);
  return z / (1 + z);
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log(sigmoid(x)) = -softplus(-x) = min(x, 0) - log1p(e^-|x|). */
export function logsigmoid(x: number): number {
  return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
}

/** Hyperbolic secant 1/cosh(x); 0 for |x| beyond overflow, not NaN. */
export function sech(x: number): number {
  return 1 / Math.cosh(x);
}

/** Sign with sign(0) = 0 and NaN → NaN (Math.sign keeps -0, we return +0). */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : Number.NaN;
}

/** min(max(u, lo), hi): hi where lo > hi (as NumPy and PyTorch); NaN if any argument is NaN. */
export function clamp(u: number, lo: number, hi: number): number {
  if (u !== u || lo !== lo || hi !== hi) return Number.NaN;
  const m = u < lo ? lo : u;
  return m > hi ? hi : m;
}

/** Heaviside step: 1 for x >= 0 (−0 included), 0 below, NaN for NaN. */
export function step(x: number): number {
  return x >= 0 ? 1 : x < 0 ? 0 : Number.NaN;
}

/** max(a, b) with NaN propagation. */
export function max(a: number, b: number): number {
  return a > b ? a : b !== b ? b : a !== a ? a : b;
}

/** min(a, b) with NaN propagation. */
export function min(a: number, b: number): number {
  return a < b ? a : b !== b ? b : a !== a ? a : b;
}

/**
 * The n-th derivative of sinc(x) = sin(x)/x (sinc(0) = 1, the removable singularity filled in).
 * Near 0 (|x| < n + 2) from the Taylor series Σ (-1)^k x^(2k) / (2k+1)!, elsewhere from the
 * recurrence x·s_n + n·s_(n-1) = sin^(n)(x), which follows from differentiating x·sinc(x) = sin(x).
 */
export function sincDerivative(n: number, x: number): number {
  if (x !== x) return Number.NaN;
  if (!Number.isFinite(x)) return 0;
  if (Math.abs(x) < n + 2) {
    // term k: (-1)^k x^(2k-n) / ((2k+1) (2k-n)!), from k0 = ceil(n/2); each term from the previous one by
    // the ratio -x² (2k-1) / ((2k+1) (2k-n) (2k-n-1)), which is never 0/0 (2k-n-1 >= 1 after k0)
    const k0 = Math.ceil(n / 2);
    let c = 1 / (2 * k0 + 1);
    for (let j = 2; j <= 2 * k0 - n; j++) c /= j;
    let t = (k0 % 2 === 0 ? c : -c) * (2 * k0 - n === 0 ? 1 : x);
    let sum = t;
    const z = x * x;
    for (let k = k0 + 1; k < 60; k++) {
      t *= (-z * (2 * k - 1)) / ((2 * k + 1) * (2 * k - n) * (2 * k - n - 1));
      sum += t;
      if (Math.abs(t) < 1e-18 * Math.abs(sum) && k > n) break;
    }
    return sum;
  }
  let s = Math.sin(x) / x;
  const sx = Math.sin(x);
  const cx = Math.cos(x);
  for (let k = 1; k <= n; k++) s = ((k % 4 === 0 ? sx : k % 4 === 1 ? cx : k % 4 === 2 ? -sx : -cx) - k * s) / x;
  return s;
}

/** sinc(x) = sin(x)/x with sinc(0) = 1. */
export function sinc(x: number): number {
  if (x !== x) return Number.NaN;
  if (!Number.isFinite(x)) return 0;
  const a = Math.abs(x);
  // Taylor 1 - x²/6 + x⁴/120 - x⁶/5040 below 1e-2 (next term < 1e-16·|value|)
  if (a < 1e-2) {
    const z = x * x;
    return 1 - (z / 6) * (1 - (z / 20) * (1 - (z / 42) * (1 - z / 72)));
  }
  return Math.sin(x) / x;
}

/**
 * sin(πx) with exact argument reduction: x = n + r with n the nearest whole number and |r| ≤ 1/2 (both
 * exact in f64), sin(πx) = (−1)^n·sin(πr). Accurate to a few ulps for every finite x, where sin(pi*x)
 * loses every digit once πx is large (the rounding of πx alone is then larger than 1). sinpi(n) = ±0 with
 * the sign of n (IEEE 754 sinPi); NaN at ±∞.
 */
export function sinpi(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  const n = Math.round(x);
  const r = x - n;
  if (r === 0) return 0 * x;
  const s = Math.sin(Math.PI * r);
  return n % 2 === 0 ? s : -s;
}

/**
 * cos(πx) with the same exact reduction of |x| = n + r: (−1)^n·cos(πr), computed as sin(π(1/2 − |r|))
 * (exact argument) for |r| ≥ 1/4. cospi(n + 1/2) = +0 (IEEE 754 cosPi); NaN at ±∞.
 */
export function cospi(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  const a = Math.abs(x);
  const n = Math.round(a);
  const r = Math.abs(a - n);
  const c = r < 0.25 ? Math.cos(Math.PI * r) : Math.sin(Math.PI * (0.5 - r));
  if (c === 0) return 0;
  return n % 2 === 0 ? c : -c;
}

/** c ? a : b with the language's rule: NaN if c is NaN, a if c is non-zero, else b. */
export function select(c: number, a: number, b: number): number {
  return c !== c ? Number.NaN : c !== 0 ? a : b;
}

/** a && b as 1 or 0; NaN if either is NaN. */
export function and(a: number, b: number): number {
  return a !== a || b !== b ? Number.NaN : a !== 0 && b !== 0 ? 1 : 0;
}

/** a || b as 1 or 0; NaN if either is NaN. */
export function or(a: number, b: number): number {
  return a !== a || b !== b ? Number.NaN : a !== 0 || b !== 0 ? 1 : 0;
}

/** !a as 1 or 0; NaN if a is NaN. */
export function not(a: number): number {
  return a !== a ? Number.NaN : a === 0 ? 1 : 0;
}

/** The runtime object handed to compiled code. */
export const RUNTIME = {
  sigmoid,
  softplus,
  logsigmoid,
  sech,
  sign,
  clamp,
  step,
  select,
  and,
  or,
  not,
  max,
  min,
  sincDerivative,
  sinc,
  erf,
  erfc,
} as const;

/** Type of the runtime object. */
export type Runtime = typeof RUNTIME;

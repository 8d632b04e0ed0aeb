/**
 * Numerically stable f64 implementations of the primitives that JavaScript's Math lacks.
 * Compiled expressions call these through one object, so generated code never names user text.
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

/** log(sigmoid(x)) = -softplus(-x). */
export function logsigmoid(x: number): number {
  return -softplus(-x);
}

/** Hyperbolic secant 1/cosh(x); 0 for |x| beyond overflow, not NaN. */
export function sech(x: number): number {
  return 1 / Math.cosh(x);
}

/** Sign with sign(0) = 0 and NaN → NaN (Math.sign keeps -0, we return +0). */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : Number.NaN;
}

/** Clamp u to [lo, hi]; NaN stays NaN. */
export function clamp(u: number, lo: number, hi: number): number {
  return u < lo ? lo : u > hi ? hi : u;
}

/** max(a, b) with NaN propagation. */
export function max(a: number, b: number): number {
  return a > b ? a : b !== b ? b : a !== a ? a : b;
}

/** min(a, b) with NaN propagation. */
export function min(a: number, b: number): number {
  return a < b ? a : b !== b ? b : a !== a ? a : b;
}

/** sin(x) at x^(k) (k-th derivative of sin). */
function sinDerivative(k: number, x: number): number {
  switch (k % 4) {
    case 0:
      return Math.sin(x);
    case 1:
      return Math.cos(x);
    case 2:
      return -Math.sin(x);
    default:
      return -Math.cos(x);
  }
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
    // term k: (-1)^k (2k)!/(2k-n)! x^(2k-n) / (2k+1)!
    let sum = 0;
    for (let k = Math.ceil(n / 2); k < 60; k++) {
      let c = 1 / (2 * k + 1); // (2k)!/(2k+1)! = 1/(2k+1), then divide by (2k-n)!
      for (let j = 2; j <= 2 * k - n; j++) c /= j;
      const t = (k % 2 === 0 ? c : -c) * Math.pow(x, 2 * k - n);
      sum += t;
      if (Math.abs(t) < 1e-18 * Math.abs(sum) && k > n) break;
    }
    return sum;
  }
  let s = Math.sin(x) / x;
  for (let k = 1; k <= n; k++) s = (sinDerivative(k, x) - k * s) / x;
  return s;
}

/** sinc(x) = sin(x)/x with sinc(0) = 1. */
export function sinc(x: number): number {
  return sincDerivative(0, x);
}

/** The runtime object handed to compiled code. */
export const RUNTIME = {
  sigmoid,
  softplus,
  logsigmoid,
  sech,
  sign,
  clamp,
  max,
  min,
  sincDerivative,
  sinc,
  erf,
  erfc,
} as const;

/** Type of the runtime object. */
export type Runtime = typeof RUNTIME;

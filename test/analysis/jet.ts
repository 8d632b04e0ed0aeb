/**
 * A test oracle independent of src/expr: truncated Taylor series ("jets") of order 3, so one closure per
 * activation yields f, f', f'', f''' exactly (up to rounding) by forward-mode differentiation.
 * A jet holds Taylor coefficients c[k] = g⁽ᵏ⁾(x)/k!.
 */
export type Jet = readonly [number, number, number, number];

/** The variable x itself. */
export const variable = (x: number): Jet => [x, 1, 0, 0];
/** A constant. */
export const c = (v: number): Jet => [v, 0, 0, 0];

export const add = (a: Jet, b: Jet): Jet => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
export const sub = (a: Jet, b: Jet): Jet => [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]];
export const scale = (k: number, a: Jet): Jet => [k * a[0], k * a[1], k * a[2], k * a[3]];
export const mul = (a: Jet, b: Jet): Jet => [
  a[0] * b[0],
  a[0] * b[1] + a[1] * b[0],
  a[0] * b[2] + a[1] * b[1] + a[2] * b[0],
  a[0] * b[3] + a[1] * b[2] + a[2] * b[1] + a[3] * b[0],
];

/** g(u) given g and its first three derivatives at u[0] (Faà di Bruno, truncated). */
function compose(u: Jet, g0: number, g1: number, g2: number, g3: number): Jet {
  return [g0, g1 * u[1], g1 * u[2] + (g2 / 2) * u[1] * u[1], g1 * u[3] + g2 * u[1] * u[2] + (g3 / 6) * u[1] ** 3];
}

export const recip = (u: Jet): Jet => {
  const r = 1 / u[0];
  return compose(u, r, -r * r, 2 * r ** 3, -6 * r ** 4);
};
export const div = (a: Jet, b: Jet): Jet => mul(a, recip(b));
export const exp = (u: Jet): Jet => {
  const e = Math.exp(u[0]);
  return compose(u, e, e, e, e);
};
export const expm1 = (u: Jet): Jet => {
  const e = Math.exp(u[0]);
  return compose(u, Math.expm1(u[0]), e, e, e);
};
export const log1p = (u: Jet): Jet => {
  const r = 1 / (1 + u[0]);
  return compose(u, Math.log1p(u[0]), r, -r * r, 2 * r ** 3);
};
export const sqrt = (u: Jet): Jet => {
  const s = Math.sqrt(u[0]);
  return compose(u, s, 0.5 / s, -0.25 / (s * u[0]), 0.375 / (s * u[0] * u[0]));
};
export const sin = (u: Jet): Jet => compose(u, Math.sin(u[0]), Math.cos(u[0]), -Math.sin(u[0]), -Math.cos(u[0]));
export const cos = (u: Jet): Jet => compose(u, Math.cos(u[0]), -Math.sin(u[0]), -Math.cos(u[0]), Math.sin(u[0]));
export const tanh = (u: Jet): Jet => {
  const t = Math.tanh(u[0]);
  const s = 1 - t * t;
  return compose(u, t, s, -2 * t * s, s * (6 * t * t - 2));
};
/** Logistic sigmoid, evaluated stably. */
export const sigmoid = (u: Jet): Jet => {
  const x = u[0];
  const e = Math.exp(-Math.abs(x));
  const s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
  const q = s * (1 - s);
  return compose(u, s, q, q * (1 - 2 * s), q * (1 - 6 * s + 6 * s * s));
};
/** softplus = max(x, 0) + log1p(exp(−|x|)), derivative sigmoid. */
export const softplus = (u: Jet): Jet => {
  const x = u[0];
  const sg = sigmoid(c(x));
  const s = sg[0];
  const q = s * (1 - s);
  return compose(u, Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), s, q, q * (1 - 2 * s));
};
/** The error function, with value from `erfValue`. */
export const erf = (u: Jet): Jet => {
  const x = u[0];
  const g1 = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
  return compose(u, erfValue(x), g1, -2 * x * g1, (4 * x * x - 2) * g1);
};
/** Branch on the value: the derivative of select is the select of derivatives, as in src/expr. */
export const select = (cond: boolean, a: Jet, b: Jet): Jet => (cond ? a : b);

/** erf(x) to ~1e−12: Taylor series for |x| < 3, continued fraction for erfc beyond. */
export function erfValue(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(ax) by Lentz's continued fraction: erfc(z) = exp(−z²)/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z + …)))).
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

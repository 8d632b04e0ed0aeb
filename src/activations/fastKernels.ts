/**
 * Hand-written Float32Array kernels for the hottest activations, used instead of the compiled ones as an
 * optimisation only (branch-free forms the JIT turns into straight-line code). Tests hold every one of
 * them equal to the kernel compiled from the catalog expression, including at 0, ±Infinity and NaN.
 *
 * Forms: relu = (x + |x|)/2 with relu' = +(x > 0); leaky_relu = ((1+a)x + (1−a)|x|)/2 with
 * leaky' = a + (1−a)·(x > 0); sigmoid, silu and tanh' through one e = exp(−|x|) (or exp(−2|x|)), which
 * never overflows. A result that comes out NaN for a non-NaN input (∞ − ∞ or ∞·0 at ±Infinity) is
 * replaced by the limit; that test is a branch the CPU predicts, since it is almost never taken.
 */
import type { ActivationKernel } from '../expr/kernel.js';

/** Builds the per-column variants from scalar closures (per-unit parameters are rare and not hot). */
function withCols(
  k: Omit<ActivationKernel, 'forwardDerivCols' | 'paramGradCols'>,
  f: (x: number, a: number) => number,
  df: (x: number, a: number) => number,
  dp: (x: number, a: number) => number,
): ActivationKernel {
  const at = (p: readonly Float32Array[], c: number): number => (p.length > 0 ? p[0][c] : 0);
  return {
    ...k,
    forwardDerivCols(x, y, d, cols, p) {
      for (let i = 0; i < x.length; i++) {
        const a = at(p, i % cols);
        y[i] = f(x[i], a);
        d[i] = df(x[i], a);
      }
    },
    paramGradCols(x, dy, cols, p, g) {
      if (p.length === 0) return;
      const g0 = g[0];
      for (let i = 0; i < x.length; i++) {
        const c = i % cols;
        g0[c] += dy[i] * dp(x[i], p[0][c]);
      }
    },
  };
}

const noParamGrad = (): number => 0;

/** relu(x) = max(x, 0); relu'(0) = 0 (PyTorch), relu'(NaN) = NaN as the compiled select gives. */
function reluKernel(): ActivationKernel {
  const f = (v: number): number => {
    const y = (v + Math.abs(v)) * 0.5;
    return y === y ? y : v !== v ? v : 0;
  };
  const df = (v: number): number => (v > 0 ? 1 : v === v ? 0 : Number.NaN);
  return withCols(
    {
      params: [],
      forward(x, y) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          let r = (v + Math.abs(v)) * 0.5;
          if (r !== r) r = v !== v ? v : 0;
          y[i] = r;
        }
      },
      forwardDeriv(x, y, d) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          let r = (v + Math.abs(v)) * 0.5;
          if (r !== r) r = v !== v ? v : 0;
          y[i] = r;
          d[i] = v > 0 ? 1 : v === v ? 0 : Number.NaN;
        }
      },
      backward(x, dy, dx) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          dx[i] = dy[i] * (v > 0 ? 1 : v === v ? 0 : Number.NaN);
        }
      },
      paramGrad() {},
    },
    f, df, noParamGrad,
  );
}

/** leaky_relu(x) = x > 0 ? x : a·x with a = negative_slope; derivative a at 0 (PyTorch). */
function leakyReluKernel(): ActivationKernel {
  const f = (v: number, a: number): number => {
    const y = 0.5 * (1 + a) * v + 0.5 * (1 - a) * Math.abs(v);
    // At −Infinity the limit of a·x; with a = 0 that limit is 0, not 0·∞.
    return y === y ? y : v > 0 ? v : a === 0 && v === -Infinity ? 0 : a * v;
  };
  const df = (v: number, a: number): number => (v > 0 ? 1 : v === v ? a : Number.NaN);
  const dp = (v: number): number => {
    const g = (v - Math.abs(v)) * 0.5;
    return g === g ? g : v > 0 ? 0 : v;
  };
  return withCols(
    {
      params: ['negative_slope'],
      forward(x, y, p) {
        const a = p[0];
        const h = 0.5 * (1 + a);
        const k = 0.5 * (1 - a);
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          let r = h * v + k * Math.abs(v);
          if (r !== r) r = f(v, a);
          y[i] = r;
        }
      },
      forwardDeriv(x, y, d, p) {
        const a = p[0];
        const h = 0.5 * (1 + a);
        const k = 0.5 * (1 - a);
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          let r = h * v + k * Math.abs(v);
          if (r !== r) r = f(v, a);
          y[i] = r;
          d[i] = v > 0 ? 1 : v === v ? a : Number.NaN;
        }
      },
      backward(x, dy, dx, p) {
        const a = p[0];
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          dx[i] = dy[i] * (v > 0 ? 1 : v === v ? a : Number.NaN);
        }
      },
      paramGrad(x, dy, p, g) {
        let s = 0;
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          let q = (v - Math.abs(v)) * 0.5;
          if (q !== q) q = dp(v);
          s += dy[i] * q;
        }
        g[0] += s;
      },
    },
    f, df, dp,
  );
}

/** sigmoid(x) = 1/(1 + e^−x) through e = exp(−|x|); sigmoid' = e/(1 + e)². */
function sigmoidKernel(): ActivationKernel {
  const f = (v: number): number => {
    const e = Math.exp(-Math.abs(v));
    const r = 1 / (1 + e);
    return v >= 0 ? r : e * r;
  };
  const df = (v: number): number => {
    const e = Math.exp(-Math.abs(v));
    const r = 1 / (1 + e);
    return e * r * r;
  };
  return withCols(
    {
      params: [],
      forward(x, y) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const e = Math.exp(-Math.abs(v));
          const r = 1 / (1 + e);
          y[i] = v >= 0 ? r : e * r;
        }
      },
      forwardDeriv(x, y, d) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const e = Math.exp(-Math.abs(v));
          const r = 1 / (1 + e);
          const er = e * r;
          y[i] = v >= 0 ? r : er;
          d[i] = er * r;
        }
      },
      backward(x, dy, dx) {
        for (let i = 0; i < x.length; i++) {
          const e = Math.exp(-Math.abs(x[i]));
          const r = 1 / (1 + e);
          dx[i] = dy[i] * (e * r * r);
        }
      },
      paramGrad() {},
    },
    f, df, noParamGrad,
  );
}

/** silu(x) = x·sigmoid(x); silu' = s + x·s·(1 − s), the limits 0 and 1 at ∓Infinity. */
function siluKernel(): ActivationKernel {
  const f = (v: number): number => {
    const e = Math.exp(-Math.abs(v));
    const r = 1 / (1 + e);
    const y = v * (v >= 0 ? r : e * r);
    return y === y || v !== v ? y : v > 0 ? v : -0;
  };
  const df = (v: number): number => {
    const e = Math.exp(-Math.abs(v));
    const r = 1 / (1 + e);
    const d = (v >= 0 ? r : e * r) + v * e * r * r;
    return d === d || v !== v ? d : v > 0 ? 1 : 0;
  };
  return withCols(
    {
      params: [],
      forward(x, y) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const e = Math.exp(-Math.abs(v));
          const r = 1 / (1 + e);
          let o = v * (v >= 0 ? r : e * r);
          if (o !== o) o = f(v);
          y[i] = o;
        }
      },
      forwardDeriv(x, y, d) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const e = Math.exp(-Math.abs(v));
          const r = 1 / (1 + e);
          const s = v >= 0 ? r : e * r;
          let o = v * s;
          let q = s + v * e * r * r;
          if (o !== o) o = f(v);
          if (q !== q) q = df(v);
          y[i] = o;
          d[i] = q;
        }
      },
      backward(x, dy, dx) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const e = Math.exp(-Math.abs(v));
          const r = 1 / (1 + e);
          let q = (v >= 0 ? r : e * r) + v * e * r * r;
          if (q !== q) q = df(v);
          dx[i] = dy[i] * q;
        }
      },
      paramGrad() {},
    },
    f, df, noParamGrad,
  );
}

/**
 * tanh(v) from e = exp(−2|v|), the exponential tanh' needs anyway (one exp per element instead of exp and
 * Math.tanh): sign(v)·(1 − e)/(1 + e), whose relative error is below 1e-14 for |v| ≥ 0.01, and the series
 * v − v³/3 + 2v⁵/15 below that (relative error < 1e-13). Both are far inside f32 rounding; NaN stays NaN.
 */
function tanhFromExp(v: number, a: number, e: number): number {
  if (a < 0.01) {
    const v2 = v * v;
    return v * (1 - v2 * (1 / 3 - v2 * (2 / 15)));
  }
  const t = (1 - e) / (1 + e);
  return v < 0 ? -t : t;
}

/** tanh, with tanh' = sech² = 4e/(1 + e)² for e = exp(−2|x|) (full precision in the tails). */
function tanhKernel(): ActivationKernel {
  const df = (v: number): number => {
    const e = Math.exp(-2 * Math.abs(v));
    const s = 1 + e;
    return (4 * e) / (s * s);
  };
  return withCols(
    {
      params: [],
      forward(x, y) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const a = Math.abs(v);
          const e = Math.exp(-2 * a);
          y[i] = tanhFromExp(v, a, e);
        }
      },
      forwardDeriv(x, y, d) {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          const a = Math.abs(v);
          const e = Math.exp(-2 * a);
          const s = 1 + e;
          y[i] = tanhFromExp(v, a, e);
          d[i] = (4 * e) / (s * s);
        }
      },
      backward(x, dy, dx) {
        for (let i = 0; i < x.length; i++) {
          const e = Math.exp(-2 * Math.abs(x[i]));
          const s = 1 + e;
          dx[i] = dy[i] * ((4 * e) / (s * s));
        }
      },
      paramGrad() {},
    },
    Math.tanh, df, noParamGrad,
  );
}

const FACTORIES: Readonly<Record<string, () => ActivationKernel>> = {
  relu: reluKernel,
  leaky_relu: leakyReluKernel,
  sigmoid: sigmoidKernel,
  silu: siluKernel,
  tanh: tanhKernel,
};

/** Catalog ids that have a hand-written kernel. */
export const FAST_KERNEL_IDS: readonly string[] = Object.keys(FACTORIES);

/**
 * The hand-written kernel for a catalog id, if there is one. Parameters still come in through `p` at
 * call time, so the kernel serves every parameter value (the catalog's parameter order).
 */
export function fastKernelFor(id: string): ActivationKernel | undefined {
  return Object.hasOwn(FACTORIES, id) ? FACTORIES[id]() : undefined;
}

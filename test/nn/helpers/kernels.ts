import type { ActivationKernel } from '../../../src/expr/kernel.js';
import type { LayerActivation } from '../../../src/nn/layerActivation.js';
import type { ScalarActivation } from '../../../src/nn/reference/referenceNet.js';

/** f64 closures of a scalar activation with parameters. */
interface Closures {
  f(x: number, p: readonly number[]): number;
  df(x: number, p: readonly number[]): number;
  dp(x: number, p: readonly number[]): number[];
}

/** An ActivationKernel built from f64 closures (hand-written stand-in for the compiled kernels). */
export function kernelFromClosures(params: readonly string[], c: Closures): ActivationKernel {
  const colParams = (p: readonly Float32Array[], j: number): number[] => p.map((a) => a[j]);
  return {
    params,
    forward(x, y, p) {
      const pv = Array.from(p);
      for (let i = 0; i < x.length; i++) y[i] = c.f(x[i], pv);
    },
    forwardDeriv(x, y, d, p) {
      const pv = Array.from(p);
      for (let i = 0; i < x.length; i++) {
        y[i] = c.f(x[i], pv);
        d[i] = c.df(x[i], pv);
      }
    },
    backward(x, dy, dx, p) {
      const pv = Array.from(p);
      for (let i = 0; i < x.length; i++) dx[i] = dy[i] * c.df(x[i], pv);
    },
    paramGrad(x, dy, p, g) {
      const pv = Array.from(p);
      for (let i = 0; i < x.length; i++) {
        const dp = c.dp(x[i], pv);
        for (let k = 0; k < dp.length; k++) g[k] += dy[i] * dp[k];
      }
    },
    forwardDerivCols(x, y, d, cols, p) {
      for (let i = 0; i < x.length; i++) {
        const pv = colParams(p, i % cols);
        y[i] = c.f(x[i], pv);
        d[i] = c.df(x[i], pv);
      }
    },
    paramGradCols(x, dy, cols, p, g) {
      for (let i = 0; i < x.length; i++) {
        const j = i % cols;
        const dp = c.dp(x[i], colParams(p, j));
        for (let k = 0; k < dp.length; k++) g[k][j] += dy[i] * dp[k];
      }
    },
  };
}

/** A test activation: the engine's view plus the reference engine's closures. */
export interface TestActivation extends LayerActivation {
  readonly scalar: ScalarActivation;
}

function make(
  key: string, family: string, params: { name: string; value: number; learnable?: boolean }[], c: Closures,
): TestActivation {
  const names = params.map((p) => p.name);
  return {
    key,
    kernel: kernelFromClosures(names, c),
    paramNames: names,
    paramValues: params.map((p) => p.value),
    spec: { family, params: params.map((p) => ({ name: p.name, learnable: p.learnable })) },
    scalar: c,
  };
}

const sig = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** tanh. */
export const tanh = make('tanh', 'sigmoidal', [], {
  f: (x) => Math.tanh(x),
  df: (x) => 1 - Math.tanh(x) ** 2,
  dp: () => [],
});

/** relu, relu'(0) = 0; with a fast hand-written forwardDeriv for benchmarks. */
export const relu: TestActivation = (() => {
  const base = make('relu', 'rectifier', [], { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0), dp: () => [] });
  const kernel: ActivationKernel = {
    ...base.kernel,
    forwardDeriv(x, y, d) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v > 0) {
          y[i] = v;
          d[i] = 1;
        } else {
          y[i] = 0;
          d[i] = 0;
        }
      }
    },
  };
  return { ...base, kernel };
})();

/** Logistic sigmoid. */
export const sigmoid = make('sigmoid', 'sigmoidal', [], {
  f: (x) => sig(x),
  df: (x) => sig(x) * (1 - sig(x)),
  dp: () => [],
});

/** Identity. */
export const identity = make('identity', 'linear', [], { f: (x) => x, df: () => 1, dp: () => [] });

/** PReLU: x > 0 ? x : alpha·x, alpha learnable (initial 0.25). */
export const prelu = make('prelu:alpha=0.25', 'rectifier', [{ name: 'alpha', value: 0.25, learnable: true }], {
  f: (x, p) => (x > 0 ? x : p[0] * x),
  df: (x, p) => (x > 0 ? 1 : p[0]),
  dp: (x) => [x > 0 ? 0 : x],
});

/** Swish with learnable beta: x·σ(βx) (smooth, so finite differences work everywhere). */
export const swish = make('swish:beta=1.5', 'gated', [{ name: 'beta', value: 1.5, learnable: true }], {
  f: (x, p) => x * sig(p[0] * x),
  df: (x, p) => {
    const s = sig(p[0] * x);
    return s + p[0] * x * s * (1 - s);
  },
  dp: (x, p) => {
    const s = sig(p[0] * x);
    return [x * x * s * (1 - s)];
  },
});

/** ELU with fixed alpha = 0.5. */
export const elu = make('elu:alpha=0.5', 'exponential', [{ name: 'alpha', value: 0.5 }], {
  f: (x, p) => (x > 0 ? x : p[0] * Math.expm1(x)),
  df: (x, p) => (x > 0 ? 1 : p[0] * Math.exp(x)),
  dp: (x) => [x > 0 ? 0 : Math.expm1(x)],
});

/** All test activations by key (the `resolve` function for deserialisation). */
export const TEST_ACTIVATIONS: readonly TestActivation[] = [tanh, relu, sigmoid, identity, prelu, swish, elu];

/** Looks a test activation up by key. */
export function resolveTestActivation(key: string): TestActivation {
  const a = TEST_ACTIVATIONS.find((t) => t.key === key);
  if (!a) throw new Error(`no test activation '${key}'`);
  return a;
}

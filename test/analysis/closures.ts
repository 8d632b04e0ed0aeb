/**
 * The common activations written as jet closures (test/analysis/jet.ts), independent of src/expr, turned into
 * `AnalyzableFunction`s with hand-listed breakpoints.
 */
import type { AnalyzableFunction } from '../../src/analysis/properties.js';
import * as J from './jet.js';
import type { Jet } from './jet.js';

/** Wraps a jet closure: f and its exact derivatives up to the third. */
export function fromJet(g: (x: Jet) => Jet, breakpoints: readonly number[] = []): AnalyzableFunction {
  return {
    f: (x) => g(J.variable(x))[0],
    derivative: (k) => {
      const factorial = k === 3 ? 6 : k;
      return (x) => g(J.variable(x))[k] * factorial;
    },
    breakpoints,
  };
}

const { c, add, sub, mul, scale, div, select } = J;
const ONE = c(1);
const ZERO = c(0);

export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

const elu = (alpha: number) => (x: Jet): Jet => select(x[0] > 0, x, scale(alpha, J.expm1(x)));
const relu6 = (x: Jet): Jet => select(x[0] <= 0, ZERO, select(x[0] >= 6, c(6), x));

/** The activations of the published comparison tables, default parameters. */
export const CLOSURES = {
  identity: fromJet((x) => x),
  binary_step: fromJet((x) => select(x[0] >= 0, ONE, ZERO), [0]),
  sigmoid: fromJet((x) => J.sigmoid(x)),
  tanh: fromJet((x) => J.tanh(x)),
  relu: fromJet((x) => select(x[0] > 0, x, ZERO), [0]),
  leaky_relu: fromJet((x) => select(x[0] > 0, x, scale(0.01, x)), [0]),
  elu: fromJet(elu(1), [0]),
  selu: fromJet((x) => scale(SELU_SCALE, elu(SELU_ALPHA)(x)), [0]),
  gelu: fromJet((x) => mul(scale(0.5, x), add(ONE, J.erf(scale(Math.SQRT1_2, x))))),
  silu: fromJet((x) => mul(x, J.sigmoid(x))),
  softplus: fromJet((x) => J.softplus(x)),
  /** Softplus as PyTorch computes it (threshold 20): the switch is a breakpoint where nothing jumps visibly. */
  softplus_threshold: fromJet((x) => select(x[0] > 20, x, J.softplus(x)), [20]),
  softsign: fromJet((x) => div(x, add(ONE, select(x[0] >= 0, x, scale(-1, x)))), [0]),
  hardtanh: fromJet((x) => select(x[0] < -1, c(-1), select(x[0] > 1, ONE, x)), [-1, 1]),
  sqnl: fromJet(
    (x) => {
      const v = x[0];
      if (v > 2) return ONE;
      if (v >= 0) return sub(x, scale(0.25, mul(x, x)));
      if (v >= -2) return add(x, scale(0.25, mul(x, x)));
      return c(-1);
    },
    [-2, 0, 2],
  ),
  gaussian: fromJet((x) => J.exp(scale(-1, mul(x, x)))),
  sinusoid: fromJet((x) => J.sin(x)),
  /** sinc with its removable singularity at 0 written as a branch. */
  sinc: fromJet((x) => select(x[0] === 0, ONE, div(J.sin(x), x)), [0]),
  /** Soft exponential with alpha = 0.5 > 0: (e^(αx) − 1)/α + α. */
  soft_exponential: fromJet((x) => add(scale(2, J.expm1(scale(0.5, x))), c(0.5))),
  bent_identity: fromJet((x) => add(scale(0.5, sub(J.sqrt(add(mul(x, x), ONE)), ONE)), x)),
  isru: fromJet((x) => div(x, J.sqrt(add(ONE, mul(x, x))))),
  /** Squareplus with b = 4: (x + √(x² + b))/2. */
  squareplus: fromJet((x) => scale(0.5, add(x, J.sqrt(add(mul(x, x), c(4)))))),
  mish: fromJet((x) => mul(x, J.tanh(J.softplus(x)))),
  hardswish: fromJet((x) => scale(1 / 6, mul(x, relu6(add(x, c(3))))), [-3, 3]),
  relu6: fromJet(relu6, [0, 6]),
} as const;

/** The ids of `CLOSURES`. */
export type ClosureId = keyof typeof CLOSURES;

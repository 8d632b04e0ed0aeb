/**
 * Vector activations (not elementwise): softmax, log-softmax and softmin, applied to each row of a
 * row-major rows×cols matrix, with their vector-Jacobian products for backpropagation.
 */
import type { FrameworkNames, PaperRef } from './spec.js';

/** A vector activation: forward and backward over rows. */
export interface VectorActivation {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  /** Formula in words/symbols for display. */
  readonly formula: string;
  readonly paper?: PaperRef;
  readonly frameworks: FrameworkNames;
  /** y = f(x) row by row (f64 or f32 arrays). */
  forward(x: ArrayLike<number>, y: Float32Array | Float64Array, rows: number, cols: number): void;
  /** dx = J(x)ᵀ·dy row by row, from the forward output y. */
  backward(y: ArrayLike<number>, dy: ArrayLike<number>, dx: Float32Array | Float64Array, rows: number, cols: number): void;
}

/** Max of a row, ignoring nothing (NaN propagates); −∞ for an all −∞ row. */
function rowMax(x: ArrayLike<number>, o: number, cols: number): number {
  let m = -Infinity;
  for (let j = 0; j < cols; j++) {
    const v = x[o + j];
    if (v > m || v !== v) m = v;
  }
  return m;
}

/** Softmax of row (sign·x) into y, stable: the max is subtracted; +∞ entries share the mass. */
function softmaxRows(x: ArrayLike<number>, y: Float32Array | Float64Array, rows: number, cols: number, sign: 1 | -1): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = sign * x[o + j];
      if (v > m || v !== v) m = v;
    }
    if (m !== m) {
      for (let j = 0; j < cols; j++) y[o + j] = Number.NaN;
      continue;
    }
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = sign * x[o + j];
      const e = m === Infinity ? (v === Infinity ? 1 : 0) : m === -Infinity ? 1 : Math.exp(v - m);
      y[o + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) y[o + j] /= s;
  }
}

/** Log-softmax via log-sum-exp with the max subtracted. */
function logSoftmaxRows(x: ArrayLike<number>, y: Float32Array | Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    const m = rowMax(x, o, cols);
    if (m !== m || m === Infinity) {
      for (let j = 0; j < cols; j++) y[o + j] = m !== m ? Number.NaN : x[o + j] === Infinity ? -Math.log(countInf(x, o, cols)) : -Infinity;
      continue;
    }
    if (m === -Infinity) {
      for (let j = 0; j < cols; j++) y[o + j] = -Math.log(cols);
      continue;
    }
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j] - m);
    const lse = m + Math.log(s);
    for (let j = 0; j < cols; j++) y[o + j] = x[o + j] - lse;
  }
}

function countInf(x: ArrayLike<number>, o: number, cols: number): number {
  let n = 0;
  for (let j = 0; j < cols; j++) if (x[o + j] === Infinity) n++;
  return n;
}

/** Softmax VJP: dx = y ⊙ (dy − Σ dy·y). */
function softmaxBackward(y: ArrayLike<number>, dy: ArrayLike<number>, dx: Float32Array | Float64Array, rows: number, cols: number, sign: 1 | -1): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += dy[o + j] * y[o + j];
    for (let j = 0; j < cols; j++) dx[o + j] = sign * y[o + j] * (dy[o + j] - dot);
  }
}

/** The vector activations of the catalog. */
export const VECTOR_ACTIVATIONS: readonly VectorActivation[] = [
  {
    id: 'softmax',
    name: 'Softmax',
    aliases: ['normalized_exponential'],
    summary:
      'exp(xᵢ)/Σⱼ exp(xⱼ) over a vector: turns scores into a probability distribution (positive, summing to 1), the output of multi-class classifiers. Computed with the maximum subtracted, so large scores do not overflow; in floating point outputs of exactly 0 and 1 do occur.',
    formula: 'softmax(x)_i = exp(x_i) / sum_j exp(x_j)',
    paper: { authors: 'J. S. Bridle', title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition', year: 1990, where: 'Neurocomputing, NATO ASI Series F68' },
    frameworks: { pytorch: 'torch.nn.Softmax', keras: 'keras.activations.softmax', tfjs: 'tf.softmax', onnx: 'Softmax' },
    forward: (x, y, rows, cols) => softmaxRows(x, y, rows, cols, 1),
    backward: (y, dy, dx, rows, cols) => softmaxBackward(y, dy, dx, rows, cols, 1),
  },
  {
    id: 'log_softmax',
    name: 'Log-softmax',
    aliases: ['logsoftmax'],
    summary: 'log(softmax(x)) = x − logsumexp(x), computed stably; paired with the negative log-likelihood loss it gives cross-entropy without ever forming a probability of exactly 0.',
    formula: 'log_softmax(x)_i = x_i - log(sum_j exp(x_j))',
    frameworks: { pytorch: 'torch.nn.LogSoftmax', keras: 'keras.activations.log_softmax', tfjs: 'tf.logSoftmax', onnx: 'LogSoftmax' },
    forward: (x, y, rows, cols) => logSoftmaxRows(x, y, rows, cols),
    backward: (y, dy, dx, rows, cols) => {
      // dx = dy − softmax·Σdy, with softmax = exp(y)
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += dy[o + j];
        for (let j = 0; j < cols; j++) dx[o + j] = dy[o + j] - Math.exp(y[o + j]) * s;
      }
    },
  },
  {
    id: 'softmin',
    name: 'Softmin',
    aliases: [],
    summary: 'softmax(−x): a probability distribution that favours the smallest entries.',
    formula: 'softmin(x)_i = exp(-x_i) / sum_j exp(-x_j)',
    frameworks: { pytorch: 'torch.nn.Softmin' },
    forward: (x, y, rows, cols) => softmaxRows(x, y, rows, cols, -1),
    backward: (y, dy, dx, rows, cols) => softmaxBackward(y, dy, dx, rows, cols, -1),
  },
];

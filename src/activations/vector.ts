/**
 * Vector activations: functions of a whole row (softmax, log-softmax, softmin), the second kind of
 * activation next to the elementwise catalog. Each has a row-wise forward pass and a backward pass that
 * computes the vector-Jacobian product from the forward's output. The same code serves Float64Array
 * (analysis) and Float32Array (training); sums are accumulated in f64 either way.
 *
 * Numerics: the row maximum is subtracted before exponentiating, so no finite input overflows; log-softmax
 * is x - max - log Σ e^(x - max) (log-sum-exp), never log(softmax). Rows containing +Infinity give the limit
 * (the mass is shared equally by the +Infinity entries); a row that is entirely -Infinity has no limit and
 * gives NaN, as in PyTorch.
 */
import type { FrameworkNames, PaperRef } from './spec.js';

/** A row-major matrix buffer: Float32Array for training, Float64Array for analysis. */
export type NumArray = Float32Array | Float64Array;

/** The catalog entry of a vector activation (metadata only; the maths is in `VectorActivation`). */
export interface VectorActivationSpec {
  /** Lowercase snake_case id (`log_softmax`). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Other names users type. */
  readonly aliases: readonly string[];
  /** One paragraph for learners. */
  readonly summary: string;
  /** Year of the original paper or first use. */
  readonly year?: number;
  readonly paper?: PaperRef;
  readonly frameworks: FrameworkNames;
}

/** A vector activation: its entry plus row-wise forward and backward passes. */
export interface VectorActivation extends VectorActivationSpec {
  /** y[r, :] = f(x[r, :]) for each of `rows` rows of length `cols` (row-major). */
  forward(x: NumArray, y: NumArray, rows: number, cols: number): void;
  /**
   * Vector-Jacobian product: dx[r, :] = dy[r, :] · J_f(x[r, :]), computed from the forward OUTPUT `y`
   * (which is all each of these functions needs). `dx` may not alias `y`; it may alias `dy`.
   */
  backward(y: NumArray, dy: NumArray, dx: NumArray, rows: number, cols: number): void;
}

/**
 * Writes softmax(sign·x) of one row into y. The maximum of sign·x is subtracted first; +Infinity entries
 * share the mass equally; an all -Infinity (or NaN) row gives NaN.
 */
function softmaxRow(x: NumArray, y: NumArray, off: number, cols: number, sign: 1 | -1): void {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) {
    const v = sign * x[off + j];
    if (v > max) max = v;
  }
  if (max === Infinity) {
    let n = 0;
    for (let j = 0; j < cols; j++) if (sign * x[off + j] === Infinity) n++;
    for (let j = 0; j < cols; j++) y[off + j] = sign * x[off + j] === Infinity ? 1 / n : x[off + j] !== x[off + j] ? Number.NaN : 0;
    return;
  }
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const e = Math.exp(sign * x[off + j] - max);
    y[off + j] = e;
    sum += e;
  }
  // max = -Infinity (all -Infinity, or NaN entries) leaves NaN or 0/0 here, which is NaN: there is no limit.
  if (max === -Infinity) sum = Number.NaN;
  for (let j = 0; j < cols; j++) y[off + j] /= sum;
}

/** Checks that the buffers hold rows × cols values. */
function checkShape(rows: number, cols: number, ...arrays: NumArray[]): void {
  const n = rows * cols;
  for (const a of arrays) {
    if (a.length < n) throw new RangeError(`vector activation: buffer of length ${a.length} is shorter than rows × cols = ${n}`);
  }
}

/** dx = s·y ⊙ (dy − Σ dy·y) for each row: the softmax VJP (s = 1) and softmin VJP (s = −1). */
function softmaxBackward(y: NumArray, dy: NumArray, dx: NumArray, rows: number, cols: number, sign: 1 | -1): void {
  checkShape(rows, cols, y, dy, dx);
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += dy[off + j] * y[off + j];
    for (let j = 0; j < cols; j++) dx[off + j] = sign * y[off + j] * (dy[off + j] - dot);
  }
}

/** Softmax: e^(x_i) / Σ_j e^(x_j) along each row. */
export const softmax: VectorActivation = {
  id: 'softmax',
  name: 'Softmax',
  aliases: ['normalized_exponential', 'softargmax'],
  summary:
    'Turns a row of real scores into a probability distribution: each output is e^(x_i) divided by the sum of the exponentials of the row, so outputs are positive and sum to 1, and adding a constant to every score changes nothing. It is the standard output layer of classifiers (paired with cross-entropy) and the weighting inside attention. In floating point, outputs of exactly 0 and 1 do occur for widely separated scores.',
  year: 1990,
  paper: {
    authors: 'J. S. Bridle',
    title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
    year: 1990,
    where: 'Neurocomputing: Algorithms, Architectures and Applications, NATO ASI Series F68, Springer',
  },
  frameworks: { pytorch: 'torch.nn.Softmax', keras: 'keras.activations.softmax', tfjs: 'tf.softmax', onnx: 'Softmax' },
  forward(x, y, rows, cols) {
    checkShape(rows, cols, x, y);
    for (let r = 0; r < rows; r++) softmaxRow(x, y, r * cols, cols, 1);
  },
  backward(y, dy, dx, rows, cols) {
    softmaxBackward(y, dy, dx, rows, cols, 1);
  },
};

/** Log-softmax: x_i − log Σ_j e^(x_j) along each row, by log-sum-exp. */
export const logSoftmax: VectorActivation = {
  id: 'log_softmax',
  name: 'Log-softmax',
  aliases: ['logsoftmax'],
  summary:
    'The logarithm of the softmax, computed directly as x_i minus the log-sum-exp of the row. It gives log-probabilities without ever forming a probability that could round to 0, which is why classifiers feed it (rather than log(softmax)) to the negative log-likelihood loss. Its outputs are at most 0.',
  frameworks: { pytorch: 'torch.nn.LogSoftmax', keras: 'keras.activations.log_softmax', tfjs: 'tf.logSoftmax', onnx: 'LogSoftmax' },
  forward(x, y, rows, cols) {
    checkShape(rows, cols, x, y);
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (x[off + j] > max) max = x[off + j];
      if (max === Infinity) {
        let n = 0;
        for (let j = 0; j < cols; j++) if (x[off + j] === Infinity) n++;
        const top = -Math.log(n);
        for (let j = 0; j < cols; j++) y[off + j] = x[off + j] === Infinity ? top : x[off + j] !== x[off + j] ? Number.NaN : -Infinity;
        continue;
      }
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += Math.exp(x[off + j] - max);
      const lse = max === -Infinity ? Number.NaN : max + Math.log(sum);
      for (let j = 0; j < cols; j++) y[off + j] = x[off + j] - lse;
    }
  },
  backward(y, dy, dx, rows, cols) {
    checkShape(rows, cols, y, dy, dx);
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      let total = 0;
      for (let j = 0; j < cols; j++) total += dy[off + j];
      for (let j = 0; j < cols; j++) dx[off + j] = dy[off + j] - Math.exp(y[off + j]) * total;
    }
  },
};

/** Softmin: softmax(−x) along each row. */
export const softmin: VectorActivation = {
  id: 'softmin',
  name: 'Softmin',
  aliases: [],
  summary:
    'Softmax of the negated scores, e^(−x_i) / Σ_j e^(−x_j): a probability distribution that puts most weight on the smallest entries of the row, a smooth version of arg-min. It is useful when the scores are costs or distances rather than preferences.',
  frameworks: { pytorch: 'torch.nn.Softmin' },
  forward(x, y, rows, cols) {
    checkShape(rows, cols, x, y);
    for (let r = 0; r < rows; r++) softmaxRow(x, y, r * cols, cols, -1);
  },
  backward(y, dy, dx, rows, cols) {
    softmaxBackward(y, dy, dx, rows, cols, -1);
  },
};

/** Every vector activation, in display order. */
export const VECTOR_ACTIVATIONS: readonly VectorActivation[] = [softmax, logSoftmax, softmin];

/**
 * Vector activations: functions of a whole row (softmax, log-softmax, softmin, sparsemax, entmax-1.5),
 * the second kind of catalog entry next to the elementwise ones. Each has a row-wise forward pass and a
 * backward pass that computes the vector-Jacobian product, exactly, from the forward's output. The same
 * code serves Float64Array (analysis) and Float32Array (training); sums are accumulated in f64 either way.
 * This file holds THE softmax of the project: the losses (src/nn/losses.ts), the engine and the explorer's
 * page call `softmaxRow`, `logSumExp` or the entries below.
 *
 * Every entry takes a temperature T > 0 and applies its map to x/T. The row maximum is subtracted before
 * dividing by T and before exponentiating, so no finite input overflows; log-softmax is
 * (x - max)/T - log Σ e^((x - max)/T) (log-sum-exp), never log(softmax). Rows containing +Infinity give
 * the limit (the mass is shared equally by the +Infinity entries); a row that is entirely -Infinity, or
 * holds a NaN, has no limit and gives NaN, as in PyTorch.
 */
import type { FrameworkNames, PaperRef, ParamSpec } from './spec.js';
import { encodeCatalogRef } from './codec.js';
import { ActlabError } from '../util/errors.js';

/** A row-major matrix buffer: Float32Array for training, Float64Array for analysis. */
export type NumArray = Float32Array | Float64Array;

/** Bounds of every output of a vector activation (null for an infinite end). */
export interface VectorRange {
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerClosed: boolean;
  readonly upperClosed: boolean;
}

/** Properties of a vector activation that the tests check numerically on random rows. */
export interface VectorProperties {
  /** Range of each output, in exact arithmetic (floating point can also reach an open end). */
  readonly range: VectorRange;
  /** Each row of outputs sums to 1 (a probability distribution). */
  readonly sumsToOne: boolean;
  /** f(x + c·1) = f(x) for every constant c. */
  readonly shiftInvariant: boolean;
  /** Outputs can be exactly 0 for finite inputs (sparse distributions). */
  readonly sparse: boolean;
  /** Larger inputs get larger (`increasing`) or smaller (`decreasing`) outputs within a row. */
  readonly order: 'increasing' | 'decreasing';
  /** What the temperature does, in words. */
  readonly temperature: string;
}

/** A formula in plain text and LaTeX. */
export interface Formula {
  readonly text: string;
  readonly latex: string;
}

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
  /** Parameters: the temperature. */
  readonly params: readonly ParamSpec[];
  /** y_i as a function of the row x (with temperature T). */
  readonly formula: Formula;
  /** The Jacobian ∂y_i/∂x_j, written with the outputs y. */
  readonly jacobian: Formula;
  readonly properties: VectorProperties;
  /** A few exact rows: input → output at the default temperature, checked by the tests. */
  readonly samples: ReadonlyArray<{ readonly x: readonly number[]; readonly y: readonly number[] }>;
}

/** A vector activation: its entry, the bound temperature, and row-wise forward and backward passes. */
export interface VectorActivation extends VectorActivationSpec {
  /** Canonical text that resolves back to this activation (`softmax`, `softmax:temperature=2`). */
  readonly key: string;
  /** The temperature T this instance divides its input by. */
  readonly temperatureValue: number;
  /** y[r, :] = f(x[r, :]) for each of `rows` rows of length `cols` (row-major). */
  forward(x: NumArray, y: NumArray, rows: number, cols: number): void;
  /**
   * Vector-Jacobian product: dx[r, :] = dy[r, :] · J_f(x[r, :]), computed from the forward OUTPUT `y`
   * (which is all each of these functions needs). `dx` may not alias `y`; it may alias `dy`.
   */
  backward(y: NumArray, dy: NumArray, dx: NumArray, rows: number, cols: number): void;
}

/** The row-wise maths of an entry, with the temperature as an argument. */
interface RowMaths {
  forward(x: NumArray, y: NumArray, off: number, cols: number, t: number): void;
  backward(y: NumArray, dy: NumArray, dx: NumArray, off: number, cols: number, t: number): void;
}

/** Checks that the buffers hold rows × cols values. */
function checkShape(rows: number, cols: number, ...arrays: NumArray[]): void {
  const n = rows * cols;
  for (const a of arrays) {
    if (a.length < n) throw new RangeError(`vector activation: buffer of length ${a.length} is shorter than rows × cols = ${n}`);
  }
}

/** Largest entry of sign·x[off .. off+cols); NaN if any entry is NaN; -Infinity for an empty row. */
function rowMax(x: ArrayLike<number>, off: number, cols: number, sign: 1 | -1): number {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) {
    const v = sign * x[off + j];
    if (v !== v) return Number.NaN;
    if (v > max) max = v;
  }
  return max;
}

/**
 * log Σ_j e^(x_j/t) over x[off .. off+cols), stable (the maximum is factored out), in f64. +Infinity for a
 * row holding +Infinity, -Infinity for an all -Infinity row, NaN for a row holding NaN.
 */
export function logSumExp(x: ArrayLike<number>, off: number, cols: number, t = 1): number {
  const max = rowMax(x, off, cols, 1);
  if (max !== max || max === Infinity || max === -Infinity) return max;
  let sum = 0;
  for (let j = 0; j < cols; j++) sum += Math.exp((x[off + j] - max) / t);
  return max / t + Math.log(sum);
}

/**
 * Writes softmax(sign·x/t) of the row at `off` into y (THE softmax: every other module calls this). The
 * maximum of sign·x is subtracted first; +Infinity entries share the mass equally; an all -Infinity row
 * or one holding NaN gives NaN.
 */
export function softmaxRow(x: ArrayLike<number>, y: NumArray, off: number, cols: number, sign: 1 | -1 = 1, t = 1): void {
  const max = specialRow(x, y, off, cols, sign);
  if (max === null) return;
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const e = Math.exp((sign * x[off + j] - max) / t);
    y[off + j] = e;
    sum += e;
  }
  for (let j = 0; j < cols; j++) y[off + j] /= sum;
}

/** The limit for a row holding +Infinity (after the sign): equal shares for those entries, 0 elsewhere. */
function shareInfinite(x: ArrayLike<number>, y: NumArray, off: number, cols: number, sign: 1 | -1): void {
  let n = 0;
  for (let j = 0; j < cols; j++) if (sign * x[off + j] === Infinity) n++;
  for (let j = 0; j < cols; j++) y[off + j] = sign * x[off + j] === Infinity ? 1 / n : 0;
}

/**
 * The rows every normalising map treats alike: NaN for a row holding NaN or an all −∞ row (after the sign),
 * and the mass shared equally among the +∞ entries of a row holding +∞. Writes y and returns null for those;
 * otherwise writes nothing and returns the row's maximum of sign·x.
 */
function specialRow(x: ArrayLike<number>, y: NumArray, off: number, cols: number, sign: 1 | -1): number | null {
  const max = rowMax(x, off, cols, sign);
  if (max !== max || max === -Infinity) {
    for (let j = 0; j < cols; j++) y[off + j] = Number.NaN;
    return null;
  }
  if (max === Infinity) {
    shareInfinite(x, y, off, cols, sign);
    return null;
  }
  return max;
}

/** dx = (s/t)·y ⊙ (dy − Σ dy·y): the softmax VJP (s = 1) and softmin VJP (s = −1). */
function softmaxVjp(y: NumArray, dy: NumArray, dx: NumArray, off: number, cols: number, t: number, sign: 1 | -1): void {
  let dot = 0;
  for (let j = 0; j < cols; j++) dot += dy[off + j] * y[off + j];
  for (let j = 0; j < cols; j++) dx[off + j] = (sign * y[off + j] * (dy[off + j] - dot)) / t;
}

const softmaxMaths: RowMaths = {
  forward: (x, y, off, cols, t) => softmaxRow(x, y, off, cols, 1, t),
  backward: (y, dy, dx, off, cols, t) => softmaxVjp(y, dy, dx, off, cols, t, 1),
};

const softminMaths: RowMaths = {
  forward: (x, y, off, cols, t) => softmaxRow(x, y, off, cols, -1, t),
  backward: (y, dy, dx, off, cols, t) => softmaxVjp(y, dy, dx, off, cols, t, -1),
};

const logSoftmaxMaths: RowMaths = {
  forward(x, y, off, cols, t) {
    const max = specialRow(x, y, off, cols, 1);
    if (max === null) {
      // A row with +Infinity shares the mass among its infinite entries: log of that share (−∞ elsewhere).
      for (let j = 0; j < cols; j++) y[off + j] = Math.log(y[off + j]);
      return;
    }
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp((x[off + j] - max) / t);
    const lse = Math.log(sum);
    for (let j = 0; j < cols; j++) y[off + j] = (x[off + j] - max) / t - lse;
  },
  backward(y, dy, dx, off, cols, t) {
    let total = 0;
    for (let j = 0; j < cols; j++) total += dy[off + j];
    for (let j = 0; j < cols; j++) dx[off + j] = (dy[off + j] - Math.exp(y[off + j]) * total) / t;
  },
};

/**
 * Projection-style maps (sparsemax, entmax-1.5): y = p(z) with z = (x − max)/t. Both have a threshold τ
 * with τ ≥ max(z) − 1, so only entries within 1 of the maximum can be in the support: the rest are 0 and
 * are left out of the sort (no overflow for any finite input).
 */
function candidates(x: ArrayLike<number>, off: number, cols: number, max: number, t: number, scale: number): number[] {
  const z: number[] = [];
  for (let j = 0; j < cols; j++) {
    const v = ((x[off + j] - max) / t) * scale;
    if (v >= -1) z.push(v);
  }
  return z.sort((a, b) => b - a);
}

const sparsemaxMaths: RowMaths = {
  forward(x, y, off, cols, t) {
    const max = specialRow(x, y, off, cols, 1);
    if (max === null) return;
    // Martins & Astudillo 2016, Algorithm 1: k(z) = max{k : 1 + k·z_(k) > Σ_{j≤k} z_(j)}, τ = (Σ_{j≤k} z_(j) − 1)/k.
    const z = candidates(x, off, cols, max, t, 1);
    let cum = 0;
    let k = 0;
    let cumK = 0;
    for (let i = 0; i < z.length; i++) {
      cum += z[i];
      if (1 + (i + 1) * z[i] > cum) {
        k = i + 1;
        cumK = cum;
      }
    }
    const tau = (cumK - 1) / k;
    for (let j = 0; j < cols; j++) {
      const v = (x[off + j] - max) / t - tau;
      y[off + j] = v > 0 ? v : 0;
    }
  },
  backward(y, dy, dx, off, cols, t) {
    // J = (diag(s) − s sᵀ/|S|)/t with s the support indicator (y > 0).
    let n = 0;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      if (y[off + j] > 0) {
        n++;
        sum += dy[off + j];
      }
    }
    const mean = n > 0 ? sum / n : 0;
    for (let j = 0; j < cols; j++) dx[off + j] = y[off + j] > 0 ? (dy[off + j] - mean) / t : 0;
  },
};

const entmax15Maths: RowMaths = {
  forward(x, y, off, cols, t) {
    const max = specialRow(x, y, off, cols, 1);
    if (max === null) return;
    // Peters, Niculae & Martins 2019, exact sort-based 1.5-entmax: y = [z/2 − τ]₊² with Σ y = 1.
    // For each support size k: mean μ_k, mean square, ss_k = k(m2_k − μ_k²), δ_k = (1 − ss_k)/k,
    // τ_k = μ_k − √max(δ_k, 0); the support is {i : τ_i ≤ z_(i)}, τ = τ_{|support|}.
    const z = candidates(x, off, cols, max, t, 0.5);
    let s1 = 0;
    let s2 = 0;
    let tau = 0;
    for (let i = 0; i < z.length; i++) {
      s1 += z[i];
      s2 += z[i] * z[i];
      const k = i + 1;
      const mean = s1 / k;
      const ss = k * (s2 / k - mean * mean);
      const delta = (1 - ss) / k;
      const tk = mean - Math.sqrt(delta > 0 ? delta : 0);
      if (tk <= z[i]) tau = tk;
    }
    for (let j = 0; j < cols; j++) {
      const v = ((x[off + j] - max) / t) * 0.5 - tau;
      y[off + j] = v > 0 ? v * v : 0;
    }
  },
  backward(y, dy, dx, off, cols, t) {
    // J = (diag(s) − s sᵀ/Σs)/(2t)·2 with s = √y on the support: dx = (s⊙dy − s·⟨s, dy⟩/Σs)/t.
    let sg = 0;
    let dot = 0;
    for (let j = 0; j < cols; j++) {
      const g = Math.sqrt(y[off + j]);
      sg += g;
      dot += g * dy[off + j];
    }
    const q = sg > 0 ? dot / sg : 0;
    for (let j = 0; j < cols; j++) {
      const g = Math.sqrt(y[off + j]);
      dx[off + j] = (g * dy[off + j] - q * g) / t;
    }
  },
};

const TEMPERATURE: ParamSpec = {
  name: 'temperature',
  default: 1,
  min: 1e-3,
  max: 1e3,
  description: 'T: the map is applied to x/T; small T sharpens towards one-hot (arg max), large T flattens towards uniform',
};

const PROBABILITIES: VectorRange = { lower: 0, upper: 1, lowerClosed: false, upperClosed: false };
const SPARSE_PROBABILITIES: VectorRange = { lower: 0, upper: 1, lowerClosed: true, upperClosed: true };
const SHARPEN = 'x is divided by T: T → 0 gives the one-hot arg max, T → ∞ the uniform distribution';

const MARTINS = {
  authors: 'A. F. T. Martins, R. F. Astudillo',
  title: 'From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification',
  year: 2016,
  where: 'ICML 2016, arXiv:1602.02068',
};

interface Entry extends VectorActivationSpec {
  readonly maths: RowMaths;
}

/** The vector entries with their maths, in display order. */
const ENTRIES: readonly Entry[] = [
  {
    id: 'softmax',
    name: 'Softmax',
    aliases: ['normalized_exponential', 'softargmax'],
    summary:
      'Turns a row of real scores into a probability distribution: each output is e^(x_i/T) divided by the sum of the exponentials of the row, so outputs are positive and sum to 1, and adding a constant to every score changes nothing. It is the standard output layer of classifiers (paired with cross-entropy) and the weighting inside attention. The temperature T sharpens (T < 1) or flattens (T > 1) the distribution. In floating point, outputs of exactly 0 and 1 do occur for widely separated scores.',
    year: 1990,
    paper: {
      authors: 'J. S. Bridle',
      title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
      year: 1990,
      where: 'Neurocomputing: Algorithms, Architectures and Applications, NATO ASI Series F68, Springer',
    },
    frameworks: { pytorch: 'torch.nn.Softmax', keras: 'keras.activations.softmax', jax: 'jax.nn.softmax', tfjs: 'tf.softmax', onnx: 'Softmax' },
    params: [TEMPERATURE],
    formula: { text: 'y_i = exp(x_i/T) / sum_j exp(x_j/T)', latex: 'y_i = \\frac{e^{x_i/T}}{\\sum_j e^{x_j/T}}' },
    jacobian: { text: 'dy_i/dx_j = y_i (delta_ij - y_j) / T', latex: '\\frac{\\partial y_i}{\\partial x_j} = \\frac{y_i(\\delta_{ij} - y_j)}{T}' },
    properties: { range: PROBABILITIES, sumsToOne: true, shiftInvariant: true, sparse: false, order: 'increasing', temperature: SHARPEN },
    samples: [
      { x: [1, 2, 3], y: [0.09003057317038046, 0.24472847105479764, 0.6652409557748218] },
      { x: [0, 0], y: [0.5, 0.5] },
      { x: [-1, 0.5, 2, 0], y: [0.03535379340874887, 0.15844470951497971, 0.7100999228861743, 0.09610157419009724] },
    ],
    maths: softmaxMaths,
  },
  {
    id: 'log_softmax',
    name: 'Log-softmax',
    aliases: ['logsoftmax'],
    summary:
      'The logarithm of the softmax, computed directly as x_i/T minus the log-sum-exp of the row. It gives log-probabilities without ever forming a probability that could round to 0, which is why classifiers feed it (rather than log(softmax)) to the negative log-likelihood loss. Its outputs are at most 0, and their exponentials sum to 1.',
    year: 1990,
    paper: {
      authors: 'J. S. Bridle',
      title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
      year: 1990,
      where: 'Neurocomputing: Algorithms, Architectures and Applications, NATO ASI Series F68, Springer',
    },
    frameworks: { pytorch: 'torch.nn.LogSoftmax', keras: 'keras.activations.log_softmax', jax: 'jax.nn.log_softmax', tfjs: 'tf.logSoftmax', onnx: 'LogSoftmax' },
    params: [TEMPERATURE],
    formula: { text: 'y_i = x_i/T - log(sum_j exp(x_j/T))', latex: 'y_i = \\frac{x_i}{T} - \\log \\sum_j e^{x_j/T}' },
    jacobian: { text: 'dy_i/dx_j = (delta_ij - exp(y_j)) / T', latex: '\\frac{\\partial y_i}{\\partial x_j} = \\frac{\\delta_{ij} - e^{y_j}}{T}' },
    properties: {
      range: { lower: null, upper: 0, lowerClosed: false, upperClosed: false },
      sumsToOne: false,
      shiftInvariant: true,
      sparse: false,
      order: 'increasing',
      temperature: SHARPEN,
    },
    samples: [
      { x: [1, 2, 3], y: [-2.4076059644443806, -1.4076059644443806, -0.4076059644443806] },
      { x: [0, 0], y: [-0.6931471805599453, -0.6931471805599453] },
      { x: [0, -1000], y: [0, -1000] },
    ],
    maths: logSoftmaxMaths,
  },
  {
    id: 'softmin',
    name: 'Softmin',
    aliases: [],
    summary:
      'Softmax of the negated scores, e^(−x_i/T) / Σ_j e^(−x_j/T): a probability distribution that puts most weight on the smallest entries of the row, a smooth version of arg-min. It is useful when the scores are costs or distances rather than preferences.',
    year: 1990,
    paper: {
      authors: 'J. S. Bridle',
      title: 'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
      year: 1990,
      where: 'Neurocomputing: Algorithms, Architectures and Applications, NATO ASI Series F68, Springer',
    },
    frameworks: { pytorch: 'torch.nn.Softmin' },
    params: [TEMPERATURE],
    formula: { text: 'y_i = exp(-x_i/T) / sum_j exp(-x_j/T)', latex: 'y_i = \\frac{e^{-x_i/T}}{\\sum_j e^{-x_j/T}}' },
    jacobian: { text: 'dy_i/dx_j = -y_i (delta_ij - y_j) / T', latex: '\\frac{\\partial y_i}{\\partial x_j} = -\\frac{y_i(\\delta_{ij} - y_j)}{T}' },
    properties: { range: PROBABILITIES, sumsToOne: true, shiftInvariant: true, sparse: false, order: 'decreasing', temperature: 'x is divided by T: T → 0 gives the one-hot arg min, T → ∞ the uniform distribution' },
    samples: [
      { x: [1, 2, 3], y: [0.6652409557748218, 0.24472847105479764, 0.09003057317038046] },
      { x: [0, 0], y: [0.5, 0.5] },
      { x: [-1, 0.5, 2, 0], y: [0.6094600375988771, 0.1359889157935055, 0.030343228559416225, 0.22420781804820114] },
    ],
    maths: softminMaths,
  },
  {
    id: 'sparsemax',
    name: 'Sparsemax',
    aliases: [],
    summary:
      'The Euclidean projection of the row x/T onto the probability simplex: y_i = max(x_i/T − τ, 0) with the threshold τ chosen so the outputs sum to 1. Like softmax it gives a distribution and ignores a common shift, but entries far enough below the maximum get exactly 0, so the distribution is sparse, which makes attention weights and multi-label outputs easier to read. It is piecewise linear; its Jacobian is (diag(s) − s sᵀ/|S|)/T on the support S (s its indicator).',
    year: 2016,
    paper: MARTINS,
    frameworks: { keras: 'keras.activations.sparsemax' },
    params: [TEMPERATURE],
    formula: { text: 'y_i = max(x_i/T - tau, 0), tau such that sum_i y_i = 1', latex: 'y_i = \\left[\\frac{x_i}{T} - \\tau\\right]_+,\\quad \\sum_i y_i = 1' },
    jacobian: { text: 'dy_i/dx_j = (s_i delta_ij - s_i s_j / |S|) / T, s = [y > 0], |S| = sum s', latex: '\\frac{\\partial y_i}{\\partial x_j} = \\frac{1}{T}\\left(s_i\\delta_{ij} - \\frac{s_i s_j}{|S|}\\right),\\ s = [y > 0]' },
    properties: { range: SPARSE_PROBABILITIES, sumsToOne: true, shiftInvariant: true, sparse: true, order: 'increasing', temperature: SHARPEN + '; larger T also makes the support larger' },
    samples: [
      { x: [1, 2, 3], y: [0, 0, 1] },
      { x: [0.5, 1, 0], y: [0.25, 0.75, 0] },
      { x: [0.1, 0.2, 0.3], y: [0.23333333333333334, 0.33333333333333337, 0.43333333333333335] },
    ],
    maths: sparsemaxMaths,
  },
  {
    id: 'entmax15',
    name: 'Entmax-1.5',
    aliases: ['entmax', '1.5_entmax', 'entmax_15', 'alpha_entmax_15'],
    summary:
      'The α-entmax mapping with α = 1.5, between softmax (α = 1) and sparsemax (α = 2): y_i = [x_i/(2T) − τ]₊² with τ chosen so the outputs sum to 1. It is sparse like sparsemax (entries far below the maximum get exactly 0) but smooth inside the support like softmax, and was introduced for sparse attention and sparse sequence-to-sequence outputs. It is computed exactly by sorting; its Jacobian is (diag(s) − s sᵀ/Σs)/T with s = √y.',
    year: 2019,
    paper: { authors: 'B. Peters, V. Niculae, A. F. T. Martins', title: 'Sparse Sequence-to-Sequence Models', year: 2019, where: 'ACL 2019, arXiv:1905.05702' },
    frameworks: {},
    params: [TEMPERATURE],
    formula: { text: 'y_i = max(x_i/(2T) - tau, 0)^2, tau such that sum_i y_i = 1', latex: 'y_i = \\left[\\frac{x_i}{2T} - \\tau\\right]_+^2,\\quad \\sum_i y_i = 1' },
    jacobian: { text: 'dy_i/dx_j = (s_i delta_ij - s_i s_j / sum_k s_k) / T, s = sqrt(y)', latex: '\\frac{\\partial y_i}{\\partial x_j} = \\frac{1}{T}\\left(s_i\\delta_{ij} - \\frac{s_i s_j}{\\sum_k s_k}\\right),\\ s = \\sqrt{y}' },
    properties: { range: SPARSE_PROBABILITIES, sumsToOne: true, shiftInvariant: true, sparse: true, order: 'increasing', temperature: SHARPEN + '; larger T also makes the support larger' },
    samples: [
      { x: [1, 2, 3], y: [0, 0.1692810861169263, 0.8307189138830741] },
      { x: [0.5, 1, 0], y: [0.29166666666666674, 0.6241975291003276, 0.08413580423300586] },
      { x: [0, 4], y: [0, 1] },
    ],
    maths: entmax15Maths,
  },
];

/** The catalog entries of the vector activations (metadata), in display order. */
export const VECTOR_CATALOG: readonly VectorActivationSpec[] = ENTRIES.map(({ maths: _maths, ...spec }) => spec);

/** Binds an entry to a temperature. */
function bindVector(entry: Entry, t: number): VectorActivation {
  const { maths, ...spec } = entry;
  const key = encodeCatalogRef(spec.id, t === TEMPERATURE.default ? [] : [['temperature', t]]);
  return {
    ...spec,
    key,
    temperatureValue: t,
    forward(x, y, rows, cols) {
      checkShape(rows, cols, x, y);
      for (let r = 0; r < rows; r++) maths.forward(x, y, r * cols, cols, t);
    },
    backward(y, dy, dx, rows, cols) {
      checkShape(rows, cols, y, dy, dx);
      for (let r = 0; r < rows; r++) maths.backward(y, dy, dx, r * cols, cols, t);
    },
  };
}

/**
 * The vector activation with this id and parameter overrides (`{ temperature: 2 }`). Throws a one-line
 * ActlabError for an unknown parameter or a value out of range.
 */
export function vectorActivationFromSpec(spec: VectorActivationSpec, overrides: Readonly<Record<string, number>> = {}): VectorActivation {
  const entry = ENTRIES.find((e) => e.id === spec.id);
  if (!entry) throw new ActlabError(`unknown vector activation '${spec.id}'; the vector activations are ${ENTRIES.map((e) => e.id).join(', ')}`);
  let t = TEMPERATURE.default;
  for (const [name, value] of Object.entries(overrides)) {
    if (name !== 'temperature') throw new ActlabError(`${spec.id} has no parameter '${name}'; its only parameter is temperature, e.g. ${spec.id}:temperature=0.5`);
    if (!Number.isFinite(value) || value < TEMPERATURE.min! || value > TEMPERATURE.max!) {
      throw new ActlabError(`parameter 'temperature' of ${spec.id} must be between ${TEMPERATURE.min} and ${TEMPERATURE.max}, got ${value}; choose a value in that range`);
    }
    t = value;
  }
  return bindVector(entry, t);
}

/** Softmax at temperature 1. */
export const softmax: VectorActivation = bindVector(ENTRIES[0], 1);
/** Log-softmax at temperature 1. */
export const logSoftmax: VectorActivation = bindVector(ENTRIES[1], 1);
/** Softmin at temperature 1. */
export const softmin: VectorActivation = bindVector(ENTRIES[2], 1);
/** Sparsemax at temperature 1. */
export const sparsemax: VectorActivation = bindVector(ENTRIES[3], 1);
/** Entmax-1.5 at temperature 1. */
export const entmax15: VectorActivation = bindVector(ENTRIES[4], 1);

/** Every vector activation at its default temperature, in display order. */
export const VECTOR_ACTIVATIONS: readonly VectorActivation[] = [softmax, logSoftmax, softmin, sparsemax, entmax15];

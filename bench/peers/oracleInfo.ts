/**
 * What every peer-framework adapter (TF.js, ONNX Runtime) says about one of its catalog mappings: which op
 * it runs, the definition and parameters it assumes, how closely it can be trusted, and where gradients
 * conventions may differ. Shared by the oracle tests and the benchmark.
 */

/** Agreement bound: |a − b| ≤ max(abs, rel·max(|a|, |b|)). */
export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

/** The bound the brief asks for wherever the peer computes in f64 or rounds each step exactly. */
export const DEFAULT_TOLERANCE: Tolerance = { rel: 1e-6, abs: 1e-7 };

/** A mapping from an actlab catalog id to one op of a peer framework. */
export interface OracleInfo {
  /** actlab catalog id. */
  readonly id: string;
  /** The op the peer runs, e.g. `tf.leakyRelu(x, 0.01)` or `ONNX LeakyRelu(alpha=0.01)`. */
  readonly op: string;
  /** The definition and default parameters this mapping assumes actlab's entry has. */
  readonly definition: string;
  /** True for vector activations (softmax, log-softmax): the whole input is one row, axis −1. */
  readonly vector: boolean;
  /** How closely the peer's f32 output follows the exact function on any finite f32 input (why, if loosened). */
  readonly tolerance: Tolerance;
  /** Inputs where the derivative does not exist and frameworks pick different one-sided values. */
  readonly kinks: readonly number[];
  /** The largest |x| at which the peer is trusted (Infinity unless its formula overflows in f32 first). */
  readonly domain: number;
}

/** True when a and b agree within the tolerance (NaN only agrees with NaN; equal infinities agree). */
export function withinTolerance(a: number, b: number, tol: Tolerance): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return Math.abs(a - b) <= Math.max(tol.abs, tol.rel * Math.max(Math.abs(a), Math.abs(b)));
}

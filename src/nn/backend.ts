import type { ActivationKernel } from '../expr/kernel.js';
import type { LayerActivation } from './layerActivation.js';
import type { Optimizer, OptimizerConfig, Param } from './optimizers.js';

/**
 * The numeric primitives the training engine needs, on row-major Float32Array matrices. The engine
 * calls only this interface, so a WebAssembly SIMD backend can replace the JavaScript one without
 * touching layers, losses or the trainer.
 *
 * All `gemm*` variants write C (m×n); with `accumulate` they add to C instead of overwriting it.
 */
export interface Backend {
  /** Short name for reports (`js`). */
  readonly name: string;
  /** C(m×n) (+)= A(m×k) · B(k×n). */
  gemm(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void;
  /** C(m×n) (+)= Aᵀ · B with A stored k×m and B stored k×n. */
  gemmTN(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void;
  /** C(m×n) (+)= A · Bᵀ with A stored m×k and B stored n×k. */
  gemmNT(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void;
  /** Every row of C (rows×cols) set to `row`. */
  broadcastRows(row: Float32Array, c: Float32Array, rows: number, cols: number): void;
  /** out[j] (+)= Σ_i A[i, j] over the rows of A (rows×cols). */
  sumRows(a: Float32Array, out: Float32Array, rows: number, cols: number, accumulate: boolean): void;
  /** out[i] = a[i] * b[i] over the length of `out`. */
  mul(a: Float32Array, b: Float32Array, out: Float32Array): void;
  /**
   * A zeroed array of `length` floats where this backend works on it fastest (the wasm backend: in its
   * WebAssembly memory). Layers and the trainer allocate their buffers here; default `new Float32Array`.
   */
  alloc?(length: number): Float32Array;
  /**
   * Releases an array `alloc` returned, once nothing uses it (a disposed model's buffers); default
   * nothing (the garbage collector takes plain arrays).
   */
  free?(a: Float32Array): void;
  /**
   * A dense layer's forward pass in one call: z (n×units) = x (n×inputSize) · W (inputSize×units) + b.
   * Default `broadcastRows` then `gemm` with accumulate, whose f32 operations it must repeat exactly.
   */
  denseForward?(x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, n: number, inputSize: number, units: number): void;
  /**
   * A dense layer's backward pass in one call: dz = da ∘ d (when `d` is null, dz is da and the `dz`
   * array is not written), dW = xᵀ·dz, db = Σ_rows dz and, when `dx` is not null, dx = dz·Wᵀ. Default
   * `mul`, `gemmTN`, `sumRows` and `gemmNT`, whose f32 operations it must repeat exactly.
   */
  denseBackward?(
    x: Float32Array, da: Float32Array, d: Float32Array | null, w: Float32Array, dz: Float32Array,
    gw: Float32Array, gb: Float32Array, dx: Float32Array | null, n: number, inputSize: number, units: number,
  ): void;
  /** The kernels this backend runs for an activation; default `activation.kernel` (compiled JavaScript). */
  kernel?(activation: LayerActivation): ActivationKernel;
  /** The optimiser over `params`; default the engine's JavaScript `createOptimizer`. */
  createOptimizer?(config: OptimizerConfig, params: readonly Param[]): Optimizer;
  /**
   * z(n×u) = b + x(n×k)·W(k×u), bit-identical to `broadcastRows(b)` then `gemm(…, accumulate)`; a backend
   * with a faster path for some shapes offers it here (forward-only inference, `src/nn/inference.ts`).
   */
  dense?(x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, n: number, k: number, u: number): void;
}

/** `backend.free(a)` where the backend has one (arrays from `allocFor` only). */
export function freeFor(backend: Backend, a: Float32Array): void {
  backend.free?.(a);
}

/** `backend.alloc(length)`, or a plain array for a backend without one. */
export function allocFor(backend: Backend, length: number): Float32Array {
  return backend.alloc ? backend.alloc(length) : new Float32Array(length);
}

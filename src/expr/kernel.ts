/**
 * Compiled Float32Array kernels of a scalar activation. Produced by `compileKernel` from the
 * expression and its symbolic derivatives; the training engine only sees this interface, so a
 * hand-tuned or WebAssembly implementation can stand in for a compiled one.
 *
 * Parameters are passed in the order of `params`. All arrays are used over their full length
 * (`x.length`), except the `*Cols` variants which read a row-major rows×cols matrix with one value of
 * each parameter per column (per-unit learnable parameters).
 */
export interface ActivationKernel {
  /** Parameter names, in the order the `p` arguments use. */
  readonly params: readonly string[];
  /** y[i] = f(x[i]). */
  forward(x: Float32Array, y: Float32Array, p: ArrayLike<number>): void;
  /** y[i] = f(x[i]) and d[i] = f'(x[i]) in one pass. */
  forwardDeriv(x: Float32Array, y: Float32Array, d: Float32Array, p: ArrayLike<number>): void;
  /** dx[i] = dy[i] * f'(x[i]). */
  backward(x: Float32Array, dy: Float32Array, dx: Float32Array, p: ArrayLike<number>): void;
  /** g[k] += Σ_i dy[i] * ∂f/∂p_k (x[i]) for every parameter k (f64 accumulation). */
  paramGrad(x: Float32Array, dy: Float32Array, p: ArrayLike<number>, g: Float64Array): void;
  /** Per-column parameters: p[k][j] is parameter k of column j; fills y and d like forwardDeriv. */
  forwardDerivCols(x: Float32Array, y: Float32Array, d: Float32Array, cols: number, p: readonly Float32Array[]): void;
  /** Per-column parameter gradients: g[k][j] += Σ_rows dy * ∂f/∂p_k at column j. */
  paramGradCols(x: Float32Array, dy: Float32Array, cols: number, p: readonly Float32Array[], g: readonly Float64Array[]): void;
}

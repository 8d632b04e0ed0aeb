import type { ActivationKernel } from '../expr/kernel.js';
import { allocFor, freeFor, type Backend } from './backend.js';
import { learnableParamNames, type LayerActivation } from './layerActivation.js';

/**
 * How a layer's activation parameters are handled: `fixed` (never trained), `shared` (one trained
 * value per parameter for the whole layer) or `per-unit` (one trained value per unit, PReLU-style).
 */
export type ParamMode = 'fixed' | 'shared' | 'per-unit';

/** Activation buffers of one layer for one batch size; reused across steps. */
interface LayerBuffers {
  /** Pre-activations, n×units. */
  readonly z: Float32Array;
  /** Outputs, n×units (the same array as z for a layer without activation). */
  readonly a: Float32Array;
  /** f'(z), n×units. */
  readonly d: Float32Array;
  /** dL/dz, n×units. */
  readonly dz: Float32Array;
  /** dL/dinput, n×inputSize. */
  readonly dx: Float32Array;
}

/**
 * A fully connected layer: z = x·W + b (W stored inputSize×units, row-major), a = f(z). The output
 * layer has no activation (`activation` null) and emits logits for the loss.
 */
export class DenseLayer {
  /** Input width. */
  readonly inputSize: number;
  /** Number of units (output width). */
  readonly units: number;
  /** Activation, or null for the logits layer. */
  readonly activation: LayerActivation | null;
  /** How the activation's parameters are treated. */
  readonly paramMode: ParamMode;
  /** W, inputSize×units. */
  readonly weights: Float32Array;
  /** b, units. */
  readonly bias: Float32Array;
  /** dL/dW of the last backward pass. */
  readonly gradWeights: Float32Array;
  /** dL/db of the last backward pass. */
  readonly gradBias: Float32Array;
  /**
   * Activation parameter values in kernel order. `fixed`/`shared`: one array of length
   * paramNames.length (`sharedParams`); `per-unit`: one array of length `units` per parameter.
   */
  readonly sharedParams: Float32Array;
  /** Per-unit parameter values (per-unit mode only; empty otherwise). */
  readonly unitParams: Float32Array[];
  /** Which parameters (kernel order) are trained. */
  readonly learned: readonly boolean[];
  /** Gradients of the activation parameters, same layout as the values. */
  readonly gradSharedParams: Float32Array;
  /** Per-unit parameter gradients. */
  readonly gradUnitParams: Float32Array[];
  private readonly backend: Backend;
  /** The activation's kernels on this backend (compiled JavaScript, or rendered WebAssembly). */
  private readonly kernel: ActivationKernel | null;
  private readonly g64: Float64Array;
  private readonly g64Cols: Float64Array[];
  private readonly buffers = new Map<number, LayerBuffers>();

  constructor(inputSize: number, units: number, activation: LayerActivation | null, paramMode: ParamMode, backend: Backend) {
    this.inputSize = inputSize;
    this.units = units;
    this.activation = activation;
    this.backend = backend;
    this.kernel = activation ? (backend.kernel ? backend.kernel(activation) : activation.kernel) : null;
    const names = activation?.paramNames ?? [];
    const learnable = activation ? learnableParamNames(activation) : [];
    this.paramMode = names.length === 0 ? 'fixed' : paramMode;
    this.learned = names.map((name) => this.paramMode !== 'fixed' && learnable.includes(name));
    this.weights = allocFor(backend, inputSize * units);
    this.bias = allocFor(backend, units);
    this.gradWeights = allocFor(backend, inputSize * units);
    this.gradBias = allocFor(backend, units);
    const values = activation?.paramValues ?? [];
    this.sharedParams = allocFor(backend, values.length);
    this.sharedParams.set(values);
    this.gradSharedParams = allocFor(backend, values.length);
    this.g64 = new Float64Array(values.length);
    const perUnit = this.paramMode === 'per-unit';
    this.unitParams = perUnit ? values.map((v) => allocFor(backend, units).fill(v)) : [];
    this.gradUnitParams = perUnit ? values.map(() => allocFor(backend, units)) : [];
    this.g64Cols = perUnit ? values.map(() => new Float64Array(units)) : [];
  }

  /** Buffers for batch size n (allocated on first use, then reused). */
  buffersFor(n: number): LayerBuffers {
    let b = this.buffers.get(n);
    if (!b) {
      const alloc = (length: number): Float32Array => allocFor(this.backend, length);
      const z = alloc(n * this.units);
      b = {
        z,
        a: this.activation ? alloc(n * this.units) : z,
        d: alloc(this.activation ? n * this.units : 0),
        dz: alloc(n * this.units),
        dx: alloc(n * this.inputSize),
      };
      this.buffers.set(n, b);
    }
    return b;
  }

  /** Forward pass of n rows of `x` (n×inputSize); returns the output buffer (valid until the next call with n). Also fills f'(z). */
  forward(x: Float32Array, n: number): Float32Array {
    const buf = this.buffersFor(n);
    const { backend, units } = this;
    if (backend.denseForward) backend.denseForward(x, this.weights, this.bias, buf.z, n, this.inputSize, units);
    else {
      backend.broadcastRows(this.bias, buf.z, n, units);
      backend.gemm(x, this.weights, buf.z, n, this.inputSize, units, true);
    }
    const kernel = this.kernel;
    if (kernel) {
      if (this.paramMode === 'per-unit') kernel.forwardDerivCols(buf.z, buf.a, buf.d, units, this.unitParams);
      else kernel.forwardDeriv(buf.z, buf.a, buf.d, this.sharedParams);
    }
    return buf.a;
  }

  /**
   * Backward pass for the last forward with n rows: `da` is dL/da (n×units; for the logits layer
   * dL/dz). Fills the weight, bias and activation-parameter gradients; returns dL/dx, or null when
   * `needInputGrad` is false.
   */
  backward(x: Float32Array, da: Float32Array, n: number, needInputGrad: boolean): Float32Array | null {
    const buf = this.buffersFor(n);
    const { backend, units, inputSize } = this;
    const kernel = this.kernel;
    if (backend.denseBackward) {
      if (kernel) this.paramGradients(kernel, buf.z, da);
      const dx = needInputGrad ? buf.dx : null;
      backend.denseBackward(x, da, kernel ? buf.d : null, this.weights, buf.dz, this.gradWeights, this.gradBias, dx, n, inputSize, units);
      return dx;
    }
    let dz = da;
    if (kernel) {
      backend.mul(da, buf.d, buf.dz);
      dz = buf.dz;
      this.paramGradients(kernel, buf.z, da);
    }
    backend.gemmTN(x, dz, this.gradWeights, inputSize, n, units, false);
    backend.sumRows(dz, this.gradBias, n, units, false);
    if (!needInputGrad) return null;
    backend.gemmNT(dz, this.weights, buf.dx, n, units, inputSize, false);
    return buf.dx;
  }

  /** Pre-activations and derivatives of the last forward with n rows (for diagnostics). */
  lastPass(n: number): { z: Float32Array; a: Float32Array; d: Float32Array } {
    const b = this.buffersFor(n);
    return { z: b.z, a: b.a, d: b.d };
  }

  /**
   * Frees the layer's arrays on its backend (weights, gradients, parameters, batch buffers). The layer
   * must not be used afterwards.
   */
  dispose(): void {
    const arrays = [this.weights, this.bias, this.gradWeights, this.gradBias, this.sharedParams, this.gradSharedParams, ...this.unitParams, ...this.gradUnitParams];
    for (const b of this.buffers.values()) arrays.push(b.z, ...(b.a === b.z ? [] : [b.a]), b.d, b.dz, b.dx);
    this.buffers.clear();
    for (const a of arrays) freeFor(this.backend, a);
  }

  private paramGradients(kernel: ActivationKernel, z: Float32Array, da: Float32Array): void {
    if (this.paramMode === 'shared') {
      this.g64.fill(0);
      kernel.paramGrad(z, da, this.sharedParams, this.g64);
      for (let k = 0; k < this.g64.length; k++) this.gradSharedParams[k] = this.learned[k] ? this.g64[k] : 0;
    } else if (this.paramMode === 'per-unit') {
      for (const g of this.g64Cols) g.fill(0);
      kernel.paramGradCols(z, da, this.units, this.unitParams, this.g64Cols);
      for (let k = 0; k < this.g64Cols.length; k++) {
        const src = this.g64Cols[k];
        const dst = this.gradUnitParams[k];
        if (this.learned[k]) for (let j = 0; j < this.units; j++) dst[j] = src[j];
        else dst.fill(0);
      }
    }
  }
}

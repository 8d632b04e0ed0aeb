/**
 * Forward-only inference: a model's forward pass for n rows through the model's own backend, without the
 * derivatives the training forward also fills (f'(z) for backprop), into buffers owned here. Drawing a
 * heatmap, packing unit maps, histograms or a divergence check therefore never touches the buffers training
 * uses: `Model.logits` (which reuses the layers' training buffers) and an inference pass interleave freely.
 *
 * Same numbers as the training forward: z = bias rows + x·W with the backend's `dense` when it has one
 * (bit-identical to bias rows plus `gemm` by contract) or exactly those two calls, and the activation through
 * the kernels the backend runs for training (`backend.kernel`). So on one backend an inference pass and
 * `Model.logits` at the same row count are bit-identical (test/nn/inference.test.ts).
 */
import type { ActivationKernel } from '../expr/kernel.js';
import type { Backend } from './backend.js';
import type { DenseLayer } from './denseLayer.js';
import { outputFromLogits } from './losses.js';
import { checkInput, type Model } from './model.js';

/** One layer's outputs of a pass: z (pre-activations) and a (outputs; the same array as z when z was not kept or the layer has no activation). */
export interface PassLayer {
  readonly z: Float32Array;
  readonly a: Float32Array;
}

/** Buffers for one model at one row count. */
interface Buffers {
  readonly z: Float32Array[];
  readonly a: Float32Array[];
  /** f'(z) scratch of per-unit layers (their kernels fill it along with a); empty otherwise. */
  readonly d: Float32Array[];
}

/**
 * Forward passes of models with reusable buffers per (row count, keepZ). Not tied to one model: the buffers
 * are re-made when the layer widths differ from the last model's.
 */
export class Inference {
  private readonly cache = new Map<string, Buffers>();
  private readonly kernels = new WeakMap<DenseLayer, ActivationKernel>();

  /**
   * Runs n rows of x (n×inputSize) through `model`; returns every layer's z and a (hidden layers, then the
   * output layer's logits as `a`), valid until the next call with the same n and keepZ. With keepZ false a
   * is computed in place over z (z is then lost).
   */
  run(model: Model, x: Float32Array, n: number, keepZ = false): PassLayer[] {
    checkInput(x, n, model.inputSize);
    const buf = this.buffers(model, n, keepZ);
    const out: PassLayer[] = [];
    let h = x;
    for (let li = 0; li < model.layers.length; li++) {
      const layer = model.layers[li];
      const z = buf.z[li];
      const a = buf.a[li];
      denseForward(model.backend, layer, h, n, z);
      const kernel = this.kernelOf(model.backend, layer);
      if (kernel) {
        if (layer.paramMode === 'per-unit') kernel.forwardDerivCols(z, a, buf.d[li], layer.units, layer.unitParams);
        else kernel.forward(z, a, layer.sharedParams);
      }
      out.push({ z, a });
      h = a;
    }
    return out;
  }

  /** The logits for n rows (an inference buffer, valid until the next pass with n rows and keepZ false). */
  logits(model: Model, x: Float32Array, n: number): Float32Array {
    const pass = this.run(model, x, n);
    return pass[pass.length - 1].a;
  }

  /** Outputs (identity, sigmoid or softmax probabilities, as `Model.predict`) for n rows, as a new n×outputSize array. */
  predict(model: Model, x: Float32Array, n: number): Float32Array {
    const out = new Float32Array(n * model.outputSize);
    outputFromLogits(model.loss, this.logits(model, x, n), out, n, model.outputSize);
    return out;
  }

  private kernelOf(backend: Backend, layer: DenseLayer): ActivationKernel | null {
    const act = layer.activation;
    if (!act) return null;
    let k = this.kernels.get(layer);
    if (!k) {
      k = backend.kernel ? backend.kernel(act) : act.kernel;
      this.kernels.set(layer, k);
    }
    return k;
  }

  private buffers(model: Model, n: number, keepZ: boolean): Buffers {
    const key = `${n}|${keepZ ? 1 : 0}`;
    let b = this.cache.get(key);
    if (!b || b.z.length !== model.layers.length || b.z.some((z, i) => z.length !== n * model.layers[i].units)) {
      const z = model.layers.map((l) => new Float32Array(n * l.units));
      b = {
        z,
        a: model.layers.map((l, i) => (keepZ && l.activation ? new Float32Array(n * l.units) : z[i])),
        d: model.layers.map((l) => new Float32Array(l.activation && l.paramMode === 'per-unit' ? n * l.units : 0)),
      };
      this.cache.set(key, b);
    }
    return b;
  }
}

/** z = bias rows + x·W for n rows, as the training forward computes it on this backend. */
function denseForward(backend: Backend, layer: DenseLayer, x: Float32Array, n: number, z: Float32Array): void {
  const { inputSize: k, units: u } = layer;
  if (backend.dense) {
    backend.dense(x, layer.weights, layer.bias, z, n, k, u);
    return;
  }
  backend.broadcastRows(layer.bias, z, n, u);
  backend.gemm(x, layer.weights, z, n, k, u, true);
}

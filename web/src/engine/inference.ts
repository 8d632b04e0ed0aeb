/**
 * Forward-only evaluation of a Model for drawing: no derivatives (the layers' own forward also fills
 * f'(z) for backprop, which drawing never needs), bias rows written in a plain loop, and buffers owned
 * here, so drawing never disturbs the buffers training uses. One batched pass over all rows.
 */
import type { Backend } from '../../../src/nn/backend.js';
import type { DenseLayer } from '../../../src/nn/denseLayer.js';
import type { Model } from '../../../src/nn/model.js';

/** Per-layer outputs of one pass: z (pre-activations) and a (outputs; the same array as z without activation, or when z was not kept). */
export interface PassLayer {
  readonly z: Float32Array;
  readonly a: Float32Array;
}

/** Buffers for one model at one row count. */
interface Buffers {
  readonly z: Float32Array[];
  readonly a: Float32Array[];
  readonly d: Float32Array[];
}

/** Forward passes of one model with reusable buffers per row count. */
export class Inference {
  private readonly cache = new Map<string, Buffers>();

  /**
   * Runs n rows of x (n×inputSize) through `model`; returns every layer's z and a (valid until the next
   * call with the same n and keepZ). With keepZ false, a is computed in place over z (cheaper; z lost).
   */
  run(model: Model, x: Float32Array, n: number, keepZ = false): PassLayer[] {
    const buf = this.buffers(model, n, keepZ);
    const out: PassLayer[] = [];
    let h = x;
    model.layers.forEach((layer, li) => {
      const z = buf.z[li];
      const a = buf.a[li];
      forwardLayer(model.backend, layer, h, n, z, a, buf.d[li]);
      out.push({ z, a });
      h = a;
    });
    return out;
  }

  private buffers(model: Model, n: number, keepZ: boolean): Buffers {
    const key = `${n}|${keepZ ? 1 : 0}`;
    let b = this.cache.get(key);
    if (!b || b.z.length !== model.layers.length || b.z.some((z, i) => z.length !== n * model.layers[i].units)) {
      const z = model.layers.map((l) => new Float32Array(n * l.units));
      b = {
        z,
        a: model.layers.map((l, i) => (keepZ && l.activation ? new Float32Array(n * l.units) : z[i])),
        d: model.layers.map((l) => (l.activation && l.paramMode === 'per-unit' ? new Float32Array(n * l.units) : new Float32Array(0))),
      };
      this.cache.set(key, b);
    }
    return b;
  }
}

/** z = x·W + b, a = f(z) for n rows. `a` may be `z` (in place). */
function forwardLayer(backend: Backend, layer: DenseLayer, x: Float32Array, n: number, z: Float32Array, a: Float32Array, d: Float32Array): void {
  const u = layer.units;
  const k = layer.inputSize;
  const dense = denseKernel(k, u);
  if (dense) {
    dense(x, layer.weights, layer.bias, z, n);
  } else {
    const b = layer.bias;
    for (let r = 0; r < n; r++) {
      const o = r * u;
      for (let j = 0; j < u; j++) z[o + j] = b[j];
    }
    backend.gemm(x, layer.weights, z, n, k, u, true);
  }
  const act = layer.activation;
  if (!act) return;
  if (layer.paramMode === 'per-unit') act.kernel.forwardDerivCols(z, a, d, u, layer.unitParams);
  else if (act.key === 'tanh') fastTanh(z, a, n * u);
  else act.kernel.forward(z, a, layer.sharedParams);
}

/** z(n×u) = b + x(n×k)·W(k×u), one generated loop per shape. */
type DenseKernel = (x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, n: number) => void;

/** Largest k·u that gets a generated kernel (its weights live in locals); wider layers use the backend's gemm. */
const MAX_GENERATED = 512;
const kernels = new Map<string, DenseKernel | null>();

/**
 * A loop for one layer shape with the weights loaded into locals and the row's inputs in locals: for the
 * explorer's narrow layers about 4× faster than the general tiled gemm, whose 4×4 tiles hardly fill, and
 * bit-identical to it (same summation order, f64 accumulation, one rounding to f32).
 * Returns null when the shape is too large or code generation is not allowed.
 */
export function denseKernel(k: number, u: number): DenseKernel | null {
  if (k * u > MAX_GENERATED) return null;
  const key = `${k}x${u}`;
  const hit = kernels.get(key);
  if (hit !== undefined) return hit;
  const lines: string[] = [];
  for (let j = 0; j < u; j++) lines.push(`const b${j} = b[${j}];`);
  for (let i = 0; i < k; i++) for (let j = 0; j < u; j++) lines.push(`const w${i}_${j} = w[${i * u + j}];`);
  lines.push(`for (let r = 0; r < n; r++) {`, `const xo = r * ${k}, zo = r * ${u};`);
  for (let i = 0; i < k; i++) lines.push(`const x${i} = x[xo + ${i}];`);
  for (let j = 0; j < u; j++) {
    const terms = Array.from({ length: k }, (_, i) => `x${i} * w${i}_${j}`);
    // b + (Σ in input order): the jsBackend's order (bias rows, then the f64 sum added once), so z is bit-identical.
    lines.push(`z[zo + ${j}] = b${j} + (${terms.join(' + ')});`);
  }
  lines.push('}');
  let fn: DenseKernel | null;
  try {
    fn = new Function('x', 'w', 'b', 'z', 'n', lines.join('\n')) as DenseKernel;
  } catch {
    fn = null;
  }
  kernels.set(key, fn);
  return fn;
}

/**
 * tanh for drawing: Eigen's rational approximation (clamped to ±7.905, where tanh rounds to ±1 in f32),
 * within 3e-7 of Math.tanh and about 5× faster in V8. Training uses the catalog kernel; the heatmaps
 * differ from it by less than a pixel's colour step.
 */
export function fastTanh(x: Float32Array, out: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    let v = x[i];
    if (v > 7.90531110763549805) v = 7.90531110763549805;
    else if (v < -7.90531110763549805) v = -7.90531110763549805;
    const v2 = v * v;
    const p = v * (4.89352455891786e-3 + v2 * (6.37261928875436e-4 + v2 * (1.48572235717979e-5 + v2 * (5.12229709037114e-8 + v2 * (-8.60467152213735e-11 + v2 * (2.00018790482477e-13 + v2 * -2.76076847742355e-16))))));
    const q = 4.89352518554385e-3 + v2 * (2.268434632439e-3 + v2 * (1.18534705686654e-4 + v2 * 1.19825839466702e-6));
    out[i] = p / q;
  }
}

/**
 * TF.js as an independent implementation of catalog activations: an oracle for the tests (cpu backend,
 * which evaluates each op in f64 and rounds once to f32) and a peer for the benchmark (cpu or wasm).
 * Each mapping is listed only where TF.js computes exactly actlab's definition (see /work/shared/FACTS.md).
 * Gradients come from TF.js's own autodiff (`tf.grad`, registered by importing tfjs-layers).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { DEFAULT_TOLERANCE, type OracleInfo, type Tolerance } from './oracleInfo.js';
import type { PeerRun } from './peerRun.js';

tf.enableProdMode();

/** The TF.js backends the adapter runs on. */
export type TfjsBackend = 'cpu' | 'wasm';

type Fn = (x: tf.Tensor) => tf.Tensor;

interface Mapping {
  readonly op: string;
  readonly definition: string;
  readonly make: () => Fn;
  readonly vector?: boolean;
  readonly tolerance?: Tolerance;
  readonly gradTolerance?: Tolerance;
  readonly kinks?: readonly number[];
  readonly domain?: number;
}

/** A tfjs-layers activation (`'gelu'`, `'swish'`, ...) applied eagerly. */
function layerActivation(name: Parameters<typeof tfl.layers.activation>[0]['activation']): Fn {
  const layer = tfl.layers.activation({ activation: name });
  return (x) => layer.apply(x) as tf.Tensor;
}

const MAPPINGS: Readonly<Record<string, Mapping>> = {
  identity: { op: "tfjs-layers 'linear'", definition: 'x', make: () => layerActivation('linear') },
  relu: { op: 'tf.relu', definition: 'x > 0 ? x : 0', make: () => tf.relu, kinks: [0] },
  relu6: { op: 'tf.relu6', definition: 'min(max(x, 0), 6)', make: () => tf.relu6, kinks: [0, 6] },
  leaky_relu: { op: 'tf.leakyRelu(x, 0.01)', definition: 'x > 0 ? x : 0.01 x (slope 0.01)', make: () => (x) => tf.leakyRelu(x, 0.01), kinks: [0] },
  prelu: {
    op: 'tf.prelu(x, 0.25)',
    definition: 'x > 0 ? x : 0.25 x (initial slope 0.25, as PyTorch)',
    make: () => {
      const alpha = tf.keep(tf.scalar(0.25)); // outlives the tidy scope the op is first built in
      return (x) => tf.prelu(x, alpha);
    },
    kinks: [0],
  },
  elu: { op: 'tf.elu', definition: 'x > 0 ? x : expm1(x) (alpha 1)', make: () => tf.elu, kinks: [0] },
  selu: { op: 'tf.selu', definition: 'scale · (x > 0 ? x : alpha expm1(x)), full-precision alpha and scale', make: () => tf.selu, kinks: [0] },
  sigmoid: { op: 'tf.sigmoid', definition: '1 / (1 + exp(−x))', make: () => tf.sigmoid },
  tanh: { op: 'tf.tanh', definition: 'tanh(x)', make: () => tf.tanh },
  softplus: {
    op: 'tf.softplus',
    definition: 'log(1 + exp(x)); TF.js returns x above ≈13.9 and PyTorch above 20, which agree in f32 to < 1e-7 relative',
    make: () => tf.softplus,
  },
  logsigmoid: { op: 'tf.logSigmoid', definition: '−softplus(−x)', make: () => tf.logSigmoid },
  softsign: { op: "tfjs-layers 'softsign'", definition: 'x / (1 + |x|)', make: () => layerActivation('softsign') },
  hard_sigmoid_keras: {
    op: "tfjs-layers 'hardSigmoid'",
    definition: 'clip(0.2 x + 0.5, 0, 1) (Keras 2 / TF.js form)',
    make: () => layerActivation('hardSigmoid'),
    kinks: [-2.5, 2.5],
  },
  silu: { op: "tfjs-layers 'swish'", definition: 'x · sigmoid(x)', make: () => layerActivation('swish') },
  mish: { op: "tfjs-layers 'mish'", definition: 'x · tanh(softplus(x))', make: () => layerActivation('mish') },
  gelu: {
    op: "tfjs-layers 'gelu'",
    definition: 'x · Φ(x), exact erf form',
    make: () => layerActivation('gelu'),
    // tf.erf is Abramowitz–Stegun 7.1.26 (absolute error ≤ 1.5e-7) and each step is rounded to f32: on the
    // dense grid the error reaches 2.6e-7 absolute (value) and 1.2e-7 (gradient) where |f| is small.
    tolerance: { rel: 1e-6, abs: 5e-7 },
    gradTolerance: { rel: 1e-6, abs: 3e-7 },
  },
  gelu_tanh: {
    op: "tfjs-layers 'gelu_new'",
    definition: '0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))',
    make: () => layerActivation('gelu_new'),
    // Computed op by op in f32; the gradient's 1 + tanh(u) cancels for negative x (5.5e-7 absolute on the
    // dense grid). x³ overflows f32 beyond ≈ 7e12, giving Infinity (value) and NaN (gradient) there.
    gradTolerance: { rel: 1e-6, abs: 1e-6 },
    domain: 1e12,
  },
  hardtanh: { op: 'tf.clipByValue(x, −1, 1)', definition: 'clip(x, −1, 1)', make: () => (x) => tf.clipByValue(x, -1, 1), kinks: [-1, 1] },
  relu_n: { op: 'tf.clipByValue(x, 0, 1)', definition: 'clip(x, 0, 1) (bounded ReLU with n = 1)', make: () => (x) => tf.clipByValue(x, 0, 1), kinks: [0, 1] },
  satlin: { op: 'tf.clipByValue(x, 0, 1)', definition: 'clip(x, 0, 1)', make: () => (x) => tf.clipByValue(x, 0, 1), kinks: [0, 1] },
  sparse_sigmoid: { op: 'tf.clipByValue((x + 1)/2, 0, 1)', definition: 'clip((x + 1)/2, 0, 1)', make: () => (x) => tf.clipByValue(tf.div(tf.add(x, 1), 2), 0, 1), kinks: [-1, 1] },
  sign: { op: 'tf.sign', definition: 'sign(x), 0 at 0; gradient 0', make: () => tf.sign, kinks: [0] },
  step_tfjs: { op: 'tf.step(x, 0)', definition: 'x > 0 ? 1 : 0; gradient 0', make: () => (x) => tf.step(x, 0), kinks: [0] },
  // e^x overflows f32 beyond x ≈ 88.7 (value and gradient Infinity).
  exponential: { op: 'tf.exp', definition: 'e^x', make: () => tf.exp, domain: 88 },
  threshold: {
    // tfjs-layers' thresholdedReLU computes the same, but its Greater op has no gradient; x − 1 > 0 ⇔ x > 1
    // exactly in f32 (Sterbenz), so this is the same function with a differentiable mask.
    op: 'x · tf.step(x − 1)',
    definition: 'x > 1 ? x : 0 (PyTorch Threshold with threshold 1, value 0; ONNX ThresholdedRelu, alpha 1)',
    make: () => (x) => tf.mul(x, tf.step(tf.sub(x, 1))),
    kinks: [1],
  },
  softmax: { op: 'tf.softmax(x, −1)', definition: 'exp(x_i − max) / Σ exp(x_j − max) over the whole row', make: () => (x) => tf.softmax(x, -1), vector: true },
  log_softmax: { op: 'tf.logSoftmax(x, −1)', definition: 'x_i − max − log Σ exp(x_j − max) over the whole row', make: () => (x) => tf.logSoftmax(x, -1), vector: true },
};

/** Catalog ids of scalar activations that TF.js computes with actlab's exact definition and defaults. */
export const TFJS_IDS: readonly string[] = Object.keys(MAPPINGS).filter((id) => !MAPPINGS[id].vector);

/** Catalog ids of vector activations (one row, axis −1) that TF.js computes. */
export const TFJS_VECTOR_IDS: readonly string[] = Object.keys(MAPPINGS).filter((id) => MAPPINGS[id].vector === true);

/** A TF.js oracle for one catalog id on one backend. */
export interface TfjsOracle extends OracleInfo {
  readonly backend: TfjsBackend;
  /** How closely `grad` follows the exact derivative away from kinks. */
  readonly gradTolerance: Tolerance;
  /** f(x) elementwise (or of the whole row for a vector activation). */
  forward(x: Float32Array): Promise<Float32Array>;
  /** The vector–Jacobian product dyᵀ·∂f/∂x by TF.js autodiff; dy defaults to ones (= f'(x) for scalar ops). */
  grad(x: Float32Array, dy?: Float32Array): Promise<Float32Array>;
}

let wasmLoaded = false;

/** Makes `backend` the active TF.js backend (loading the wasm backend on first use). */
export async function useTfjsBackend(backend: TfjsBackend): Promise<void> {
  if (backend === 'wasm' && !wasmLoaded) {
    await import('@tensorflow/tfjs-backend-wasm');
    wasmLoaded = true;
  }
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`tfjs: backend '${backend}' failed to initialise; check that @tensorflow/tfjs-backend-${backend} is installed`);
  }
  await tf.ready();
}

/** Runs `fn` on fresh tensors and returns copies of the outputs, freeing every tensor. */
function evaluate(fn: () => tf.Tensor[]): Float32Array[] {
  const outs = tf.tidy(fn);
  try {
    return outs.map((t) => Float32Array.from(t.dataSync() as Float32Array));
  } finally {
    tf.dispose(outs);
  }
}

/** The TF.js oracle for a catalog id, or undefined where TF.js has no op with actlab's exact definition. */
export function tfjsActivation(id: string, backend: TfjsBackend = 'cpu'): TfjsOracle | undefined {
  const m = Object.hasOwn(MAPPINGS, id) ? MAPPINGS[id] : undefined;
  if (!m) return undefined;
  let fn: Fn | undefined;
  let vjp: ((x: tf.Tensor, dy: tf.Tensor) => tf.Tensor) | undefined;
  const getFn = (): Fn => (fn ??= m.make());
  const getVjp = (): ((x: tf.Tensor, dy: tf.Tensor) => tf.Tensor) => (vjp ??= tf.grad(getFn()));
  return {
    id,
    backend,
    op: m.op,
    definition: m.definition,
    vector: m.vector === true,
    tolerance: m.tolerance ?? DEFAULT_TOLERANCE,
    gradTolerance: m.gradTolerance ?? DEFAULT_TOLERANCE,
    kinks: m.kinks ?? [],
    domain: m.domain ?? Infinity,
    async forward(x) {
      await useTfjsBackend(backend);
      return evaluate(() => [getFn()(tf.tensor1d(x))])[0];
    },
    async grad(x, dy) {
      await useTfjsBackend(backend);
      const g = getVjp();
      return evaluate(() => [g(tf.tensor1d(x), dy ? tf.tensor1d(dy) : tf.onesLike(tf.tensor1d(x)))])[0];
    },
  };
}

/**
 * Prepares a benchmark run of `id` on `backend` over `x`: the input (and the upstream gradient of ones)
 * become tensors once, outside the timed region; each `run()` computes the forward values (and, with
 * `withGrad`, the input gradient through `tf.valueAndGrad`) and reads them back with `dataSync`.
 * Returns undefined where TF.js has no mapping for `id` or the backend lacks one of the kernels.
 */
export async function prepareTfjsRun(id: string, backend: TfjsBackend, x: Float32Array, withGrad: boolean): Promise<PeerRun | undefined> {
  const m = Object.hasOwn(MAPPINGS, id) ? MAPPINGS[id] : undefined;
  if (!m) return undefined;
  await useTfjsBackend(backend);
  const fn = m.make();
  const xt = tf.tensor1d(x);
  const dy = tf.onesLike(xt);
  const vg = tf.valueAndGrad(fn);
  const runSync = (): Float32Array[] => {
    if (!withGrad) {
      const y = fn(xt);
      const out = y.dataSync() as Float32Array;
      y.dispose();
      return [out];
    }
    const { value, grad } = vg(xt, dy);
    const outs = [value.dataSync() as Float32Array, grad.dataSync() as Float32Array];
    value.dispose();
    grad.dispose();
    return outs;
  };
  try {
    runSync();
  } catch (e) {
    xt.dispose();
    dy.dispose();
    if (e instanceof Error && /not registered|not implemented/i.test(e.message)) return undefined;
    throw e;
  }
  return {
    label: `tfjs-${backend} ${id} ${withGrad ? 'forward+backward' : 'forward'}`,
    run: async () => runSync(),
    dispose: () => {
      xt.dispose();
      dy.dispose();
    },
  };
}

/**
 * ONNX Runtime (onnxruntime-node, CPU) as an independent implementation of catalog activations: each
 * mapping is a one-node ONNX model (opset 20) built in memory, listed only where the ONNX op with the given
 * attributes is exactly actlab's definition. Forward only (ONNX Runtime for Node has no autodiff).
 * Sessions are cached per id and thread count.
 */
import * as ort from 'onnxruntime-node';
import { encodeOnnxModel, type OnnxNodeModel } from './onnxModel.js';
import { DEFAULT_TOLERANCE, type OracleInfo, type Tolerance } from './oracleInfo.js';
import type { PeerRun } from './peerRun.js';

/** SELU constants at full precision; ONNX stores attributes as float32, so these round exactly as the defaults. */
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

interface Mapping {
  readonly op: string;
  readonly definition: string;
  readonly model: OnnxNodeModel;
  readonly vector?: boolean;
  readonly tolerance?: Tolerance;
  readonly kinks?: readonly number[];
}

const scalarInit = (name: string, v: number) => ({ name, dims: [], values: [v] });

const MAPPINGS: Readonly<Record<string, Mapping>> = {
  identity: { op: 'Identity', definition: 'x', model: { opType: 'Identity' } },
  relu: { op: 'Relu', definition: 'x > 0 ? x : 0', model: { opType: 'Relu' }, kinks: [0] },
  relu6: { op: 'Clip(0, 6)', definition: 'min(max(x, 0), 6)', model: { opType: 'Clip', initializers: [scalarInit('lo', 0), scalarInit('hi', 6)] }, kinks: [0, 6] },
  hardtanh: { op: 'Clip(−1, 1)', definition: 'clip(x, −1, 1)', model: { opType: 'Clip', initializers: [scalarInit('lo', -1), scalarInit('hi', 1)] }, kinks: [-1, 1] },
  leaky_relu: { op: 'LeakyRelu(alpha=0.01)', definition: 'x > 0 ? x : 0.01 x', model: { opType: 'LeakyRelu', attributes: [{ name: 'alpha', f: 0.01 }] }, kinks: [0] },
  prelu: { op: 'PRelu(slope=[0.25])', definition: 'x > 0 ? x : 0.25 x (initial slope 0.25)', model: { opType: 'PRelu', initializers: [{ name: 'slope', dims: [1], values: [0.25] }] }, kinks: [0] },
  elu: { op: 'Elu(alpha=1)', definition: 'x > 0 ? x : expm1(x)', model: { opType: 'Elu', attributes: [{ name: 'alpha', f: 1 }] }, kinks: [0] },
  celu: { op: 'Celu(alpha=1)', definition: 'max(0, x) + min(0, expm1(x))', model: { opType: 'Celu', attributes: [{ name: 'alpha', f: 1 }] }, kinks: [0] },
  selu: {
    op: 'Selu(alpha, gamma given explicitly)',
    definition: 'scale · (x > 0 ? x : alpha expm1(x)), full-precision constants (rounded to f32 by ONNX)',
    model: { opType: 'Selu', attributes: [{ name: 'alpha', f: SELU_ALPHA }, { name: 'gamma', f: SELU_SCALE }] },
    // exp(x) − 1 in f32 near 0: 1.04e-7 absolute on the dense grid.
    tolerance: { rel: 1e-6, abs: 2e-7 },
    kinks: [0],
  },
  gelu: { op: "Gelu(approximate='none')", definition: 'x · Φ(x), exact erf form', model: { opType: 'Gelu', attributes: [{ name: 'approximate', s: 'none' }] } },
  gelu_tanh: {
    op: "Gelu(approximate='tanh')",
    definition: '0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))',
    model: { opType: 'Gelu', attributes: [{ name: 'approximate', s: 'tanh' }] },
    // 1 + tanh(u) cancels in f32 for negative x: 5.3e-7 absolute on the dense grid.
    tolerance: { rel: 1e-6, abs: 1e-6 },
  },
  sigmoid: {
    op: 'Sigmoid',
    definition: '1 / (1 + exp(−x))',
    model: { opType: 'Sigmoid' },
    // MLAS's rational approximation, clamped to |x| ≤ 18: 1.1e-7 absolute on the dense grid.
    tolerance: { rel: 1e-6, abs: 2e-7 },
  },
  tanh: { op: 'Tanh', definition: 'tanh(x)', model: { opType: 'Tanh' } },
  hard_sigmoid: {
    op: 'HardSigmoid(alpha=1/6, beta=0.5)',
    definition: 'clip(x/6 + 1/2, 0, 1) (PyTorch form)',
    model: { opType: 'HardSigmoid', attributes: [{ name: 'alpha', f: 1 / 6 }, { name: 'beta', f: 0.5 }] },
    kinks: [-3, 3],
  },
  hard_sigmoid_keras: {
    op: 'HardSigmoid(alpha=0.2, beta=0.5)',
    definition: 'clip(0.2 x + 0.5, 0, 1) (Keras 2 form)',
    model: { opType: 'HardSigmoid', attributes: [{ name: 'alpha', f: 0.2 }, { name: 'beta', f: 0.5 }] },
    kinks: [-2.5, 2.5],
  },
  hard_swish: { op: 'HardSwish', definition: 'x · relu6(x + 3) / 6', model: { opType: 'HardSwish' }, kinks: [-3, 3] },
  softplus: {
    op: 'Softplus',
    definition: 'log(1 + exp(x)); ONNX has no threshold, PyTorch returns x above 20, which agree in f32 (log1p(exp(−20)) ≈ 2e-9 < ulp)',
    model: { opType: 'Softplus' },
  },
  softsign: { op: 'Softsign', definition: 'x / (1 + |x|)', model: { opType: 'Softsign' } },
  mish: { op: 'Mish', definition: 'x · tanh(softplus(x))', model: { opType: 'Mish' } },
  threshold: { op: 'ThresholdedRelu(alpha=1)', definition: 'x > 1 ? x : 0 (PyTorch Threshold with threshold 1, value 0)', model: { opType: 'ThresholdedRelu', attributes: [{ name: 'alpha', f: 1 }] }, kinks: [1] },
  hardshrink: {
    op: 'Shrink(bias=0, lambd=0.5)',
    definition: '|x| > 0.5 ? x : 0',
    model: { opType: 'Shrink', attributes: [{ name: 'bias', f: 0 }, { name: 'lambd', f: 0.5 }] },
    kinks: [-0.5, 0.5],
  },
  softshrink: {
    op: 'Shrink(bias=0.5, lambd=0.5)',
    definition: 'x > 0.5 ? x − 0.5 : x < −0.5 ? x + 0.5 : 0',
    model: { opType: 'Shrink', attributes: [{ name: 'bias', f: 0.5 }, { name: 'lambd', f: 0.5 }] },
    kinks: [-0.5, 0.5],
  },
  shrink: {
    op: 'Shrink (defaults bias=0, lambd=0.5)',
    definition: 'x < −0.5 ? x : x > 0.5 ? x : 0',
    model: { opType: 'Shrink', attributes: [{ name: 'bias', f: 0 }, { name: 'lambd', f: 0.5 }] },
    kinks: [-0.5, 0.5],
  },
  relu_n: { op: 'Clip(0, 1)', definition: 'min(max(x, 0), 1) (bounded ReLU with n = 1)', model: { opType: 'Clip', initializers: [scalarInit('lo', 0), scalarInit('hi', 1)] }, kinks: [0, 1] },
  satlin: { op: 'Clip(0, 1)', definition: 'min(max(x, 0), 1)', model: { opType: 'Clip', initializers: [scalarInit('lo', 0), scalarInit('hi', 1)] }, kinks: [0, 1] },
  sparse_sigmoid: {
    op: 'HardSigmoid(alpha=0.5, beta=0.5)',
    definition: 'clip((x + 1)/2, 0, 1)',
    model: { opType: 'HardSigmoid', attributes: [{ name: 'alpha', f: 0.5 }, { name: 'beta', f: 0.5 }] },
    kinks: [-1, 1],
  },
  sign: { op: 'Sign', definition: 'sign(x), 0 at 0', model: { opType: 'Sign' }, kinks: [0] },
  exponential: { op: 'Exp', definition: 'e^x', model: { opType: 'Exp' } },
  arcsinh: { op: 'Asinh', definition: 'asinh(x)', model: { opType: 'Asinh' } },
  softmax: { op: 'Softmax(axis=−1)', definition: 'exp(x_i − max) / Σ exp(x_j − max) over the whole row', model: { opType: 'Softmax', attributes: [{ name: 'axis', i: -1 }] }, vector: true },
  log_softmax: {
    op: 'LogSoftmax(axis=−1)',
    definition: 'x_i − max − log Σ exp(x_j − max) over the whole row',
    model: { opType: 'LogSoftmax', attributes: [{ name: 'axis', i: -1 }] },
    vector: true,
  },
};

/** Catalog ids of scalar activations that ONNX Runtime computes with actlab's exact definition and defaults. */
export const ONNX_IDS: readonly string[] = Object.keys(MAPPINGS).filter((id) => !MAPPINGS[id].vector);

/** Catalog ids of vector activations (one row, axis −1) that ONNX Runtime computes. */
export const ONNX_VECTOR_IDS: readonly string[] = Object.keys(MAPPINGS).filter((id) => MAPPINGS[id].vector === true);

/** An ONNX Runtime oracle for one catalog id. */
export interface OnnxOracle extends OracleInfo {
  /** f(x) elementwise (or of the whole row for a vector activation). */
  forward(x: Float32Array): Promise<Float32Array>;
}

/** Session options: `threads` = intra-op threads (default 1, to compare with single-threaded JavaScript). */
export interface OnnxOptions {
  readonly threads?: number;
}

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** The cached session running the mapping of `id`. */
function session(id: string, m: Mapping, threads: number): Promise<ort.InferenceSession> {
  const key = `${id}/${threads}`;
  let s = sessions.get(key);
  if (!s) {
    s = ort.InferenceSession.create(encodeOnnxModel(m.model), { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    sessions.set(key, s);
  }
  return s;
}

async function runSession(s: ort.InferenceSession, x: ort.Tensor): Promise<Float32Array> {
  const out = await s.run({ x });
  return out.y.data as Float32Array;
}

function lookup(id: string): Mapping | undefined {
  return Object.hasOwn(MAPPINGS, id) ? MAPPINGS[id] : undefined;
}

/** The ONNX Runtime oracle for a catalog id, or undefined where ONNX has no op with actlab's exact definition. */
export function onnxActivation(id: string, options: OnnxOptions = {}): OnnxOracle | undefined {
  const m = lookup(id);
  if (!m) return undefined;
  const threads = options.threads ?? 1;
  return {
    id,
    op: `ONNX ${m.op}`,
    definition: m.definition,
    vector: m.vector === true,
    tolerance: m.tolerance ?? DEFAULT_TOLERANCE,
    kinks: m.kinks ?? [],
    domain: Infinity,
    async forward(x) {
      const s = await session(id, m, threads);
      return runSession(s, new ort.Tensor('float32', x, [x.length]));
    },
  };
}

/**
 * Prepares a benchmark run of `id` over `x`: the session and the input tensor are made once, outside the
 * timed region; each `run()` executes the model and returns the output ONNX Runtime copied back to JS.
 */
export async function prepareOnnxRun(id: string, x: Float32Array, options: OnnxOptions = {}): Promise<PeerRun | undefined> {
  const m = lookup(id);
  if (!m) return undefined;
  const threads = options.threads ?? 1;
  const s = await session(id, m, threads);
  const xt = new ort.Tensor('float32', x, [x.length]);
  return {
    label: `onnxruntime(${threads} thread${threads === 1 ? '' : 's'}) ${id} forward`,
    run: async () => [await runSession(s, xt)],
    dispose: () => xt.dispose(),
  };
}

/**
 * The oracles themselves are checked before anything is checked against them: known values and
 * derivatives, TF.js against ONNX Runtime on the dense grid, vector activations against f64 formulas,
 * and the benchmark's prepared runs against the oracles.
 */
import { describe, expect, it } from 'vitest';
import {
  denseGrid,
  onnxActivation,
  ONNX_IDS,
  ONNX_VECTOR_IDS,
  tfjsActivation,
  TFJS_IDS,
  TFJS_VECTOR_IDS,
  withinTolerance,
  type OracleInfo,
  type Tolerance,
} from './index.js';
import { mismatches } from './mismatches.js';
import { prepareOnnxRun, prepareTfjsRun } from '../../bench/peers/index.js';
import { findSpec } from '../../src/activations/registry.js';
import { createRng } from '../../src/util/rng.js';
import { erfc } from '../../src/util/special.js';

const SELU_A = 1.6732632423543772848170429916717;
const SELU_S = 1.0507009873554804934193349852946;
const GELU_C = Math.sqrt(2 / Math.PI);
const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const clip = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
const geluTanhU = (x: number): number => GELU_C * (x + 0.044715 * x * x * x);

/** Each mapped function and its derivative in f64, written from the definitions (stable forms). */
const REFERENCE: Readonly<Record<string, readonly [(x: number) => number, (x: number) => number]>> = {
  identity: [(x) => x, () => 1],
  relu: [(x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0)],
  relu6: [(x) => clip(x, 0, 6), (x) => (x > 0 && x < 6 ? 1 : 0)],
  hardtanh: [(x) => clip(x, -1, 1), (x) => (Math.abs(x) < 1 ? 1 : 0)],
  leaky_relu: [(x) => (x > 0 ? x : 0.01 * x), (x) => (x > 0 ? 1 : 0.01)],
  prelu: [(x) => (x > 0 ? x : 0.25 * x), (x) => (x > 0 ? 1 : 0.25)],
  elu: [(x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x))],
  celu: [(x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x))],
  selu: [(x) => SELU_S * (x > 0 ? x : SELU_A * Math.expm1(x)), (x) => SELU_S * (x > 0 ? 1 : SELU_A * Math.exp(x))],
  gelu: [(x) => 0.5 * x * erfc(-x / Math.SQRT2), (x) => 0.5 * erfc(-x / Math.SQRT2) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI)],
  gelu_tanh: [
    (x) => x * sigmoid(2 * geluTanhU(x)),
    (x) => {
      const t = Math.tanh(geluTanhU(x));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * x * x);
    },
  ],
  sigmoid: [sigmoid, (x) => sigmoid(x) * sigmoid(-x)],
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  softplus: [(x) => (x > 20 ? x : softplus(x)), (x) => (x > 20 ? 1 : sigmoid(x))],
  logsigmoid: [(x) => -softplus(-x), (x) => sigmoid(-x)],
  softsign: [(x) => x / (1 + Math.abs(x)), (x) => 1 / (1 + Math.abs(x)) ** 2],
  hard_sigmoid: [(x) => clip(x / 6 + 0.5, 0, 1), (x) => (Math.abs(x) < 3 ? 1 / 6 : 0)],
  hard_sigmoid_keras: [(x) => clip(0.2 * x + 0.5, 0, 1), (x) => (Math.abs(x) < 2.5 ? 0.2 : 0)],
  hard_swish: [(x) => (x * clip(x + 3, 0, 6)) / 6, (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6)],
  silu: [(x) => x * sigmoid(x), (x) => sigmoid(x) * (1 + x * sigmoid(-x))],
  mish: [(x) => x * Math.tanh(softplus(x)), (x) => Math.tanh(softplus(x)) + x * sigmoid(x) * (1 - Math.tanh(softplus(x)) ** 2)],
  threshold: [(x) => (x > 1 ? x : 0), (x) => (x > 1 ? 1 : 0)],
  hardshrink: [(x) => (Math.abs(x) > 0.5 ? x : 0), (x) => (Math.abs(x) > 0.5 ? 1 : 0)],
  softshrink: [(x) => (x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0), (x) => (Math.abs(x) > 0.5 ? 1 : 0)],
  shrink: [(x) => (Math.abs(x) > 0.5 ? x : 0), (x) => (Math.abs(x) > 0.5 ? 1 : 0)],
  relu_n: [(x) => clip(x, 0, 1), (x) => (x > 0 && x < 1 ? 1 : 0)],
  satlin: [(x) => clip(x, 0, 1), (x) => (x > 0 && x < 1 ? 1 : 0)],
  sparse_sigmoid: [(x) => clip((x + 1) / 2, 0, 1), (x) => (Math.abs(x) < 1 ? 0.5 : 0)],
  sign: [Math.sign, () => 0],
  step_tfjs: [(x) => (x > 0 ? 1 : 0), () => 0],
  exponential: [Math.exp, Math.exp],
  arcsinh: [Math.asinh, (x) => 1 / Math.hypot(1, x)],
};

/** Exact values (f64, from the definitions) that each mapping must reproduce. */
const KNOWN: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  identity: [[3.5, 3.5], [-2, -2]],
  relu: [[-1, 0], [0, 0], [2, 2]],
  relu6: [[-1, 0], [3, 3], [7, 6]],
  hardtanh: [[-2, -1], [0.25, 0.25], [2, 1]],
  leaky_relu: [[-2, -0.02], [3, 3]],
  prelu: [[-2, -0.5], [3, 3]],
  elu: [[-1, -0.6321205588285577], [2, 2]],
  celu: [[-1, -0.6321205588285577], [2, 2]],
  selu: [[-1, -1.1113307378125625], [1, 1.0507009873554805]],
  gelu: [[1, 0.8413447460685429], [-1, -0.15865525393145707], [-3, -0.004049694094890287], [0, 0]],
  gelu_tanh: [[1, 0.8411919906082768], [0, 0]],
  sigmoid: [[0, 0.5], [1, 0.7310585786300049]],
  tanh: [[1, 0.7615941559557649], [0, 0]],
  softplus: [[0, Math.LN2], [30, 30], [-30, 9.357622968840175e-14]],
  logsigmoid: [[0, -Math.LN2], [30, -9.357622968840175e-14]],
  softsign: [[1, 0.5], [-3, -0.75]],
  hard_sigmoid: [[1, 2 / 3], [-3, 0], [3, 1], [0, 0.5]],
  hard_sigmoid_keras: [[1, 0.7], [-2.5, 0], [2.5, 1], [0, 0.5]],
  hard_swish: [[1, 2 / 3], [-1, -1 / 3], [-3, 0], [3, 3]],
  silu: [[1, 0.7310585786300049], [0, 0]],
  mish: [[1, 0.8650983882673103], [0, 0]],
  threshold: [[1, 0], [1.5, 1.5], [-2, 0]],
  hardshrink: [[0.5, 0], [-0.5, 0], [0.75, 0.75], [-0.75, -0.75]],
  softshrink: [[0.5, 0], [0.75, 0.25], [-0.75, -0.25]],
  shrink: [[0.5, 0], [-0.75, -0.75], [2, 2]],
  relu_n: [[-1, 0], [0.25, 0.25], [3, 1]],
  satlin: [[-1, 0], [0.75, 0.75], [3, 1]],
  sparse_sigmoid: [[-2, 0], [0, 0.5], [0.5, 0.75], [2, 1]],
  sign: [[-3, -1], [0, 0], [0.5, 1]],
  step_tfjs: [[-1, 0], [0, 0], [2, 1]],
  exponential: [[0, 1], [1, Math.E], [-2, 0.1353352832366127]],
  arcsinh: [[0, 0], [1, 0.881373587019543], [-10, -2.99822295029797]],
};

/** Exact derivatives; at kinks the value TF.js's autodiff is documented to give (FACTS.md). */
const KNOWN_GRAD: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  relu: [[0, 0], [1, 1], [-1, 0]],
  relu6: [[6, 1], [0, 0]],
  leaky_relu: [[-1, 0.01], [0, 0.01]],
  selu: [[0, 1.0507009873554805 * 1.6732632423543772], [1, 1.0507009873554805]],
  elu: [[-1, 0.36787944117144233], [0, 1]],
  sigmoid: [[0, 0.25]],
  tanh: [[0, 1]],
  softplus: [[0, 0.5]],
  logsigmoid: [[0, 0.5]],
  silu: [[0, 0.5]],
  gelu: [[0, 0.5], [1, 1.0833154705876864]],
  gelu_tanh: [[0, 0.5]],
  softsign: [[0, 1], [1, 0.25]],
  threshold: [[2, 1], [0.5, 0]],
};

/** Both tolerances at once: the bound two approximations of one function can differ by. */
function sum(a: Tolerance, b: Tolerance): Tolerance {
  return { rel: a.rel + b.rel, abs: a.abs + b.abs };
}

async function checkKnown(o: OracleInfo & { forward(x: Float32Array): Promise<Float32Array> }, pairs: readonly (readonly [number, number])[]): Promise<void> {
  const y = await o.forward(Float32Array.from(pairs.map((p) => p[0])));
  pairs.forEach(([xi, want], i) => expect(withinTolerance(y[i], Math.fround(want), o.tolerance), `${o.op} at ${xi}: ${y[i]} vs ${want}`).toBe(true));
}

describe('the dense grid', () => {
  const x = denseGrid();

  it('is sorted, symmetric about 0, finite and holds every probe point and kink exactly', () => {
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1]);
    for (let i = 0; i < x.length; i++) expect(x[x.length - 1 - i] === -x[i], `${x[i]}`).toBe(true);
    expect(x.every(Number.isFinite)).toBe(true);
    const has = new Set(x);
    for (const v of [0, 1e-30, 1e-7, 0.001, 0.5, 1, 2.5, 3, 6, 10, 20, 100, 1e4, 1e30, 3.4028234663852886e38]) {
      expect(has.has(Math.fround(v)), `${v}`).toBe(true);
      expect(has.has(Math.fround(-v)), `-${v}`).toBe(true);
    }
    expect(x.length).toBeGreaterThan(20_000);
  });
});

describe('the TF.js oracle', () => {
  it('has a known value for every id it covers and reproduces each within its tolerance', async () => {
    for (const id of TFJS_IDS) {
      expect(KNOWN[id], `known values for ${id}`).toBeDefined();
      await checkKnown(tfjsActivation(id)!, KNOWN[id]);
    }
  });

  it('gives the known derivatives, including its conventions at kinks', async () => {
    for (const [id, pairs] of Object.entries(KNOWN_GRAD)) {
      const o = tfjsActivation(id)!;
      const g = await o.grad(Float32Array.from(pairs.map((p) => p[0])));
      pairs.forEach(([xi, want], i) => expect(withinTolerance(g[i], Math.fround(want), o.gradTolerance), `${id}'(${xi}): ${g[i]} vs ${want}`).toBe(true));
    }
  });

  it('gives finite values and gradients on the whole dense grid within its domain', async () => {
    const x = denseGrid();
    for (const id of TFJS_IDS) {
      const o = tfjsActivation(id)!;
      const [y, g] = [await o.forward(x), await o.grad(x)];
      const bad = [...x].filter((v, i) => Math.abs(v) <= o.domain && !(Number.isFinite(g[i]) && (Number.isFinite(y[i]) || Math.abs(v) > 1e38)));
      expect(bad, id).toEqual([]);
    }
  });

  it('knows nothing about ids it does not compute exactly (binary_step: tf.step gives 0 at 0)', () => {
    expect(tfjsActivation('binary_step')).toBeUndefined();
    expect(tfjsActivation('hard_sigmoid')).toBeUndefined();
    expect(tfjsActivation('toString')).toBeUndefined();
  });
});

describe('the ONNX Runtime oracle', () => {
  it('has a known value for every id it covers and reproduces each within its tolerance', async () => {
    for (const id of ONNX_IDS) {
      expect(KNOWN[id], `known values for ${id}`).toBeDefined();
      await checkKnown(onnxActivation(id)!, KNOWN[id]);
    }
  });

  it('keeps full-precision SELU constants apart from the short table values', async () => {
    const y = await onnxActivation('selu')!.forward(Float32Array.from([-10]));
    expect(y[0]).toBeCloseTo(1.0507009873554805 * 1.6732632423543772 * Math.expm1(-10), 6);
    expect(Math.abs(y[0] - 1.0507 * 1.67326 * Math.expm1(-10))).toBeGreaterThan(2e-6);
  });

  it('knows nothing about ids it does not compute exactly', () => {
    expect(onnxActivation('binary_step')).toBeUndefined();
    expect(onnxActivation('tanhshrink')).toBeUndefined();
  });
});

describe('both oracles', () => {
  const x = denseGrid();

  it('are keyed by catalog ids, not by aliases or framework names', () => {
    for (const id of [...TFJS_IDS, ...ONNX_IDS]) expect(findSpec(id)?.id, id).toBe(id);
  });

  it('follow the f64 definitions on the dense grid within their declared tolerances', async () => {
    for (const o of [...TFJS_IDS.map((id) => tfjsActivation(id)!), ...ONNX_IDS.map((id) => onnxActivation(id)!)]) {
      expect(REFERENCE[o.id], `reference for ${o.id}`).toBeDefined();
      const want = [...x].map((v) => Math.fround(REFERENCE[o.id][0](v)));
      expect(mismatches(x, await o.forward(x), want, o.tolerance, o.domain), o.op).toEqual([]);
    }
  });

  it('give TF.js gradients that follow the f64 derivatives away from kinks within their tolerances', async () => {
    for (const id of TFJS_IDS) {
      const o = tfjsActivation(id)!;
      const want = [...x].map((v) => Math.fround(REFERENCE[id][1](v)));
      expect(mismatches(x, await o.grad(x), want, o.gradTolerance, o.domain, o.kinks), o.op).toEqual([]);
    }
  });
});

describe('TF.js and ONNX Runtime', () => {
  it('agree on the dense grid wherever both compute an id, within their summed tolerances', async () => {
    const x = denseGrid();
    const both = TFJS_IDS.filter((id) => ONNX_IDS.includes(id));
    expect(both.length).toBeGreaterThanOrEqual(15);
    for (const id of both) {
      const t = tfjsActivation(id)!;
      const o = onnxActivation(id)!;
      const [a, b] = [await t.forward(x), await o.forward(x)];
      expect(mismatches(x, a, b, sum(t.tolerance, o.tolerance), Math.min(t.domain, o.domain)), id).toEqual([]);
    }
  });
});

describe('the vector oracles', () => {
  const rng = createRng(7);
  const row = Float32Array.from({ length: 257 }, () => rng.uniform(-30, 30));
  const max = Math.max(...row);
  const logSum = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));

  it('cover softmax and log-softmax in both frameworks', () => {
    expect([...TFJS_VECTOR_IDS].sort()).toEqual(['log_softmax', 'softmax']);
    expect([...ONNX_VECTOR_IDS].sort()).toEqual(['log_softmax', 'softmax']);
  });

  it('compute softmax and log-softmax of a row as the f64 formulas do', async () => {
    for (const o of [tfjsActivation('softmax')!, onnxActivation('softmax')!]) {
      expect(mismatches(row, await o.forward(row), [...row].map((v) => Math.exp(v - logSum)), o.tolerance), o.op).toEqual([]);
    }
    for (const o of [tfjsActivation('log_softmax')!, onnxActivation('log_softmax')!]) {
      expect(mismatches(row, await o.forward(row), [...row].map((v) => v - logSum), { rel: 1e-6, abs: 1e-5 }), o.op).toEqual([]);
    }
  });

  it("give softmax's vector-Jacobian product s ⊙ (dy − ⟨dy, s⟩) through TF.js autodiff", async () => {
    const dy = Float32Array.from(row, () => rng.uniform(-1, 1));
    const s = [...row].map((v) => Math.exp(v - logSum));
    const dot = s.reduce((acc, si, i) => acc + si * dy[i], 0);
    const g = await tfjsActivation('softmax')!.grad(row, dy);
    expect(mismatches(row, g, s.map((si, i) => si * (dy[i] - dot)), { rel: 1e-5, abs: 1e-7 })).toEqual([]);
  });
});

describe('the benchmark runs', () => {
  const x = Float32Array.from({ length: 1000 }, (_, i) => (i - 500) / 50);

  it('return the forward values, then the gradient, as the TF.js cpu oracle does', async () => {
    const run = (await prepareTfjsRun('gelu', 'cpu', x, true))!;
    const [y, g] = await run.run();
    run.dispose();
    const o = tfjsActivation('gelu')!;
    expect(mismatches(x, y, await o.forward(x), { rel: 0, abs: 0 })).toEqual([]);
    expect(mismatches(x, g, await o.grad(x), { rel: 0, abs: 0 })).toEqual([]);
  });

  it('give on the wasm backend what the cpu backend gives, within f32 evaluation error', async () => {
    for (const id of ['relu', 'sigmoid', 'silu']) {
      const run = (await prepareTfjsRun(id, 'wasm', x, true))!;
      const [y, g] = await run.run();
      run.dispose();
      const o = tfjsActivation(id)!;
      expect(mismatches(x, y, await o.forward(x), { rel: 1e-5, abs: 1e-6 }), id).toEqual([]);
      expect(mismatches(x, g, await o.grad(x), { rel: 1e-5, abs: 1e-6 }), id).toEqual([]);
    }
  });

  it('return the ONNX Runtime oracle values and nothing for unmapped ids', async () => {
    const run = (await prepareOnnxRun('mish', x))!;
    const [y] = await run.run();
    run.dispose();
    expect(mismatches(x, y, await onnxActivation('mish')!.forward(x), { rel: 0, abs: 0 })).toEqual([]);
    expect(await prepareOnnxRun('sinc', x)).toBeUndefined();
    expect(await prepareTfjsRun('sinc', 'cpu', x, false)).toBeUndefined();
  });
});

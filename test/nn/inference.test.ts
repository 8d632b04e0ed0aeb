import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import type { Backend } from '../../src/nn/backend.js';
import { Inference } from '../../src/nn/inference.js';
import { denseKernel, jsBackend } from '../../src/nn/jsBackend.js';
import { createModel, type Model } from '../../src/nn/model.js';
import { createRng } from '../../src/util/rng.js';
import { createIsolatedWasmBackend } from '../../src/wasm/index.js';

function modelOn(backend: Backend, seed: number, acts: string[], widths: number[], inputSize = 3, params: 'fixed' | 'per-unit' = 'fixed'): Model {
  const rng = createRng(seed);
  const model = createModel({
    inputSize,
    hidden: acts.map((a, i) => ({ units: widths[i], activation: resolveActivation(a), params })),
    outputSize: 3, loss: 'categorical_crossentropy',
  }, rng, backend);
  for (const l of model.layers) for (let i = 0; i < l.bias.length; i++) l.bias[i] = rng.normal();
  return model;
}

const inputs = (seed: number, n: number, w: number): Float32Array => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * w }, () => rng.normal() * 4);
};

/** Every layer of an inference pass equals the training forward's buffers, bit for bit. */
function expectSameAsTraining(model: Model, x: Float32Array, n: number): void {
  const pass = new Inference().run(model, x, n, true);
  const logits = model.logits(x, n);
  expect(Array.from(pass[pass.length - 1].a)).toEqual(Array.from(logits));
  model.layers.forEach((l, i) => {
    expect(Array.from(pass[i].z)).toEqual(Array.from(l.lastPass(n).z));
    expect(Array.from(pass[i].a)).toEqual(Array.from(l.lastPass(n).a));
  });
}

describe('forward-only inference (src/nn/inference.ts)', () => {
  it('is bit-identical to the training forward on the js backend (generated dense kernels, tanh included)', () => {
    const model = modelOn(jsBackend, 3, ['elu', 'x*sigmoid(x)', 'relu', 'tanh'], [7, 5, 16, 8]);
    expectSameAsTraining(model, inputs(4, 500, 3), 500);
  });

  it('is bit-identical for wide layers (the tiled gemm) and per-unit parameters', () => {
    const model = modelOn(jsBackend, 5, ['prelu', 'tanh'], [40, 30], 40, 'per-unit');
    expect(denseKernel(40, 40)).toBeNull();
    expectSameAsTraining(model, inputs(6, 37, 40), 37);
  });

  it('generated dense kernels equal bias rows + gemm for any small shape (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (k, u, n, seed) => {
      const rng = createRng(seed);
      const r = (len: number): Float32Array => Float32Array.from({ length: len }, () => rng.normal() * 3);
      const x = r(n * k), w = r(k * u), b = r(u);
      const z = new Float32Array(n * u);
      jsBackend.dense!(x, w, b, z, n, k, u);
      const ref = new Float32Array(n * u);
      jsBackend.broadcastRows(b, ref, n, u);
      jsBackend.gemm(x, w, ref, n, k, u, true);
      expect(Array.from(z)).toEqual(Array.from(ref));
    }), { numRuns: 60 });
  });

  it('never disturbs the training buffers: a pass between training forwards leaves them as they were', () => {
    const model = modelOn(jsBackend, 7, ['tanh', 'tanh'], [8, 8], 2);
    const x = inputs(8, 10, 2);
    model.logits(x, 10);
    const before = model.layers.map((l) => Array.from(l.lastPass(10).a));
    new Inference().run(model, inputs(9, 10, 2), 10, true);
    expect(model.layers.map((l) => Array.from(l.lastPass(10).a))).toEqual(before);
  });

  it('predict equals Model.predict', () => {
    const model = modelOn(jsBackend, 11, ['gelu'], [6], 3);
    const x = inputs(12, 50, 3);
    expect(Array.from(new Inference().predict(model, x, 50))).toEqual(Array.from(model.predict(x, 50)));
  });

  it('rejects an input too short for n rows with a one-line error', () => {
    const model = modelOn(jsBackend, 1, ['relu'], [4], 3);
    expect(() => new Inference().run(model, new Float32Array(5), 2)).toThrow(/input has 5 numbers but 2 rows of width 3/);
  });

  describe('on the wasm backend', () => {
    let wasm: Backend;
    beforeAll(async () => {
      // WebAssembly at every size, so the pass really runs the SIMD gemm and kernels.
      wasm = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
    });

    it('is bit-identical to the training forward (the same gemm and SIMD kernels)', () => {
      const model = modelOn(wasm, 13, ['tanh', 'x*sigmoid(1.702*x)', 'softplus'], [8, 12, 5]);
      expectSameAsTraining(model, inputs(14, 300, 3), 300);
    });

    it('agrees with the js backend within 1e-5 relative (f32 SIMD kernels vs the JavaScript ones)', () => {
      const mw = modelOn(wasm, 15, ['tanh', 'tanh', 'tanh'], [8, 8, 8], 2);
      const mj = modelOn(jsBackend, 15, ['tanh', 'tanh', 'tanh'], [8, 8, 8], 2);
      const x = inputs(16, 400, 2);
      const a = new Inference().logits(mw, x, 400);
      const b = new Inference().logits(mj, x, 400);
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b[i])));
    });
  });
});

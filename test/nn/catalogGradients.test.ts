/**
 * The fast Float32Array engine against the scalar f64 reference engine, for EVERY activation of the
 * catalog on a small 3-5-4-2 network: same loss, same weight, bias and learnable-parameter gradients.
 * The catalog list drives the test, so a new entry is covered with no new test code.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { activationFromSpec } from '../../src/activations/resolve.js';
import { compileScalar } from '../../src/expr/compile.js';
import { forwardBackward } from '../../src/nn/backprop.js';
import { createModel } from '../../src/nn/model.js';
import { referenceLossAndGrads } from '../../src/nn/reference/referenceNet.js';
import { createRng } from '../../src/util/rng.js';
import type { TestActivation } from './helpers/kernels.js';
import { referenceLayersOf, rowsOf } from './helpers/reference.js';

function testActivation(id: string): TestActivation {
  const spec = CATALOG.find((s) => s.id === id)!;
  const a = activationFromSpec(spec);
  const names = a.paramNames;
  const f = compileScalar(a.expr, names);
  const df = compileScalar(a.derivative, names);
  const dps = a.paramDerivatives.map((e) => compileScalar(e, names));
  return {
    key: a.key,
    kernel: a.kernel,
    paramNames: names,
    paramValues: a.paramValues,
    spec: { family: spec.family, params: spec.params.map((p) => ({ name: p.name, learnable: p.learnable ?? false })) },
    scalar: { f: (x, p) => f(x, p), df: (x, p) => df(x, p), dp: (x, p) => dps.map((g) => g(x, p)) },
  } as TestActivation;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 2e-4 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe.each(CATALOG.map((s) => s.id))('the engine with %s', (id) => {
  it("computes the reference engine's loss and gradients (weights, biases, learnable parameters)", () => {
    const act = testActivation(id);
    const rng = createRng(7);
    const loss = 'mse';
    const [inW, outW, n] = [3, 2, 6];
    const mode = act.paramNames.length > 0 ? 'shared' : 'fixed';
    const model = createModel({ inputSize: inW, hidden: [{ units: 5, activation: act, params: mode }, { units: 4, activation: act, params: mode }], outputSize: outW, loss }, rng);
    const x = new Float32Array(n * inW).map(() => rng.normal());
    const y = new Float32Array(n * outW).map(() => rng.normal());
    const fast = forwardBackward(model, x, y, n, new Float32Array(n * outW));
    const ref = referenceLossAndGrads(referenceLayersOf(model), loss, rowsOf(x, n, inW), rowsOf(y, n, outW));
    expect(close(fast, ref.loss), `loss ${fast} vs ${ref.loss}`).toBe(true);
    model.layers.forEach((l, li) => {
      const g = ref.grads[li];
      g.weights.flat().forEach((v, i) => expect(close(l.gradWeights[i], v), `layer ${li} w${i}: ${l.gradWeights[i]} vs ${v}`).toBe(true));
      g.bias.forEach((v, j) => expect(close(l.gradBias[j], v), `layer ${li} b${j}`).toBe(true));
      l.learned.forEach((on, k) => {
        if (!on) return;
        const refSum = g.params.reduce((s, row) => s + row[k], 0);
        expect(close(l.gradSharedParams[k], refSum), `layer ${li} param ${k}: ${l.gradSharedParams[k]} vs ${refSum}`).toBe(true);
      });
    });
  });
});

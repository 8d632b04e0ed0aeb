import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { createModel, type Model } from '../../src/nn/model.js';
import type { LossName } from '../../src/nn/losses.js';
import { createRng } from '../../src/util/rng.js';
import { bindActivation, explainUnit, forwardTrace, formatValue, linkOfLoss, type InspectLayer } from '../../web/src/views/inspect.js';

/** The layers of a model as the worker sends them (LayerParams). */
function layersOf(model: Model): InspectLayer[] {
  return model.layers.map((l) => ({
    inputSize: l.inputSize,
    units: l.units,
    activation: l.activation?.key ?? null,
    weights: l.weights,
    bias: l.bias,
    params: l.sharedParams,
  }));
}

function tinyModel(seed: number, loss: LossName, outputSize: number, hidden: string[], outputActivation?: string): Model {
  const rng = createRng(seed);
  const model = createModel(
    {
      inputSize: 3,
      hidden: hidden.map((a, i) => ({ units: 2 + i, activation: resolveActivation(a) })),
      outputSize,
      loss,
      outputActivation: outputActivation ? resolveActivation(outputActivation) : undefined,
    },
    rng,
  );
  // Non-zero biases, so the test sees them.
  for (const l of model.layers) for (let j = 0; j < l.bias.length; j++) l.bias[j] = rng.uniform(-0.5, 0.5);
  return model;
}

const input = fc.tuple(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }));

describe('the inspector arithmetic', () => {
  const cases: Array<[string, LossName, number, string[], string?]> = [
    ['binary classification through tanh and relu', 'binary_crossentropy', 1, ['tanh', 'relu']],
    ['three classes through elu with a parameter', 'categorical_crossentropy', 3, ['elu:alpha=0.5', 'x*sigmoid(x)']],
    ['regression with a tanh output', 'mse', 1, ['sigmoid'], 'tanh'],
  ];
  for (const [name, loss, k, hidden, outAct] of cases) {
    it(`matches model.predict for ${name}`, () => {
      const model = tinyModel(7, loss, k, hidden, outAct);
      const layers = layersOf(model);
      fc.assert(
        fc.property(input, (x) => {
          const trace = forwardTrace(layers, x, linkOfLoss(loss));
          const pred = model.predict(Float32Array.from(x), 1);
          const out = trace.a[trace.a.length - 1];
          expect(out.length).toBe(k);
          out.forEach((v, j) => expect(v).toBeCloseTo(pred[j], 4));
        }),
        { numRuns: 50 },
      );
    });
  }

  it('explains a hidden unit: the terms add up to z with the bias, and a = f(z) is what the next layer reads', () => {
    const model = tinyModel(3, 'binary_crossentropy', 1, ['tanh', 'relu']);
    const layers = layersOf(model);
    const x = [0.5, -1.25, 2];
    const e = explainUnit(layers, x, 1, 1, 'sigmoid');
    expect(e).not.toBeNull();
    if (!e) return;
    expect(e.terms.map((t) => t.input)).toEqual(x);
    expect(e.terms.map((t) => t.weight)).toEqual([0, 1, 2].map((i) => layers[0].weights[i * 2 + 1]));
    expect(e.z).toBeCloseTo(e.terms.reduce((s, t) => s + t.product, 0) + e.bias, 12);
    expect(e.fz).toBeCloseTo(Math.tanh(e.z), 12);
    expect(e.a).toBe(e.fz);
    expect(e.activation?.formula).toContain('tanh');
    const next = explainUnit(layers, x, 2, 0, 'sigmoid');
    expect(next?.terms[1].input).toBeCloseTo(e.a, 12);
    expect(next?.fz).toBeCloseTo(Math.max(0, next?.z ?? NaN), 12);
  });

  it('explains an output unit: no activation, the link gives the prediction', () => {
    const model = tinyModel(5, 'binary_crossentropy', 1, ['tanh']);
    const layers = layersOf(model);
    const e = explainUnit(layers, [1, 2, 3], 2, 0, 'sigmoid');
    expect(e?.isOutput).toBe(true);
    expect(e?.activation).toBeNull();
    expect(e?.fz).toBe(e?.z);
    expect(e?.a).toBeCloseTo(1 / (1 + Math.exp(-(e?.z ?? 0))), 12);
    expect(e?.a).toBeCloseTo(model.predict(Float32Array.from([1, 2, 3]), 1)[0], 5);
  });

  it('returns null for a unit that does not exist', () => {
    const layers = layersOf(tinyModel(5, 'mse', 1, ['tanh']));
    expect(explainUnit(layers, [0, 0, 0], 0, 0, 'identity')).toBeNull();
    expect(explainUnit(layers, [0, 0, 0], 1, 9, 'identity')).toBeNull();
    expect(explainUnit(layers, [0, 0, 0], 3, 0, 'identity')).toBeNull();
  });

  it('uses the layer’s current (learned) parameter values, not the defaults', () => {
    const a = bindActivation('elu', [2]);
    expect(a.f(-1)).toBeCloseTo(2 * (Math.exp(-1) - 1), 6);
    expect(bindActivation('elu', [1]).f(-1)).toBeCloseTo(Math.exp(-1) - 1, 6);
  });

  it('maps losses to output links', () => {
    expect(linkOfLoss('mse')).toBe('identity');
    expect(linkOfLoss('binary_crossentropy')).toBe('sigmoid');
    expect(linkOfLoss('categorical_crossentropy')).toBe('softmax');
  });

  it('formats numbers without NaN and with a real minus sign', () => {
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-0.123456)).toBe('−0.1235');
    expect(formatValue(1.5e-7)).toBe('1.50e-7');
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(formatValue(v)).not.toContain('NaN');
      }),
    );
  });
});

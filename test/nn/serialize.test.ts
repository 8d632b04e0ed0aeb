import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/nn/model.js';
import { modelFromJson, modelToJson } from '../../src/nn/serialize.js';
import { train } from '../../src/nn/trainer.js';
import { ActlabError } from '../../src/util/errors.js';
import { createRng } from '../../src/util/rng.js';
import { elu, prelu, resolveTestActivation, tanh } from './helpers/kernels.js';

describe('modelToJson / modelFromJson', () => {
  it('round-trips through JSON text with bit-identical weights and predictions', () => {
    const rng = createRng(4);
    const model = createModel(
      {
        inputSize: 3,
        hidden: [{ units: 6, activation: prelu, params: 'per-unit' }, { units: 5, activation: elu }, { units: 4, activation: tanh }],
        outputSize: 3,
        loss: 'categorical_crossentropy',
      },
      rng,
    );
    const rows = 30;
    const x = new Float32Array(rows * 3).map(() => rng.normal());
    const y = new Float32Array(rows * 3);
    for (let r = 0; r < rows; r++) y[r * 3 + rng.int(3)] = 1;
    train(model, { train: { x, y, rows } }, { epochs: 3, learningRate: 0.1, batchSize: 8, seed: 1 });
    model.meta = { classNames: ['a', 'b', 'c'], standardizer: { mean: [0, 1, 2], std: [1, 1, 1] } };
    const text = JSON.stringify(modelToJson(model));
    const back = modelFromJson(JSON.parse(text), resolveTestActivation);
    back.layers.forEach((l, i) => {
      expect(l.weights).toEqual(model.layers[i].weights);
      expect(l.bias).toEqual(model.layers[i].bias);
      expect(l.unitParams).toEqual(model.layers[i].unitParams);
      expect(l.activation?.key).toBe(model.layers[i].activation?.key);
    });
    expect(Array.from(back.predict(x, rows))).toEqual(Array.from(model.predict(x, rows)));
    expect(back.meta).toEqual(model.meta);
    expect(JSON.parse(text).layers[0].activation).toBe('prelu:alpha=0.25');
  });

  it('rejects data that is not a saved model, and damaged weights, with ActlabError', () => {
    expect(() => modelFromJson({ format: 'other' }, resolveTestActivation)).toThrow(ActlabError);
    const json = modelToJson(createModel({ inputSize: 2, hidden: [{ units: 3, activation: tanh }], outputSize: 1, loss: 'mse' }, createRng(1)));
    const damaged = { ...json, layers: [{ ...json.layers[0], weights: [1, 2] }, json.layers[1]] };
    expect(() => modelFromJson(damaged, resolveTestActivation)).toThrow(/layer 0 has bad weights/);
  });
});

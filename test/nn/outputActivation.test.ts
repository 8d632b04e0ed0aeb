import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/nn/model.js';
import { modelFromJson, modelToJson } from '../../src/nn/serialize.js';
import { train } from '../../src/nn/trainer.js';
import { ActlabError } from '../../src/util/errors.js';
import { createRng } from '../../src/util/rng.js';
import { relu, resolveTestActivation, tanh } from './helpers/kernels.js';

describe('ModelSpec.outputActivation', () => {
  it('trains a regression through a tanh output, bounded in (-1, 1), and round-trips through JSON', () => {
    const rng = createRng(11);
    const model = createModel({ inputSize: 2, hidden: [{ units: 8, activation: tanh }], outputSize: 1, loss: 'mse', outputActivation: tanh }, rng);
    expect(model.layers[1].activation?.key).toBe('tanh');
    const rows = 64;
    const x = new Float32Array(rows * 2).map(() => rng.uniform(-1, 1));
    // Target 0.9·sin(x1 + x2) lies inside tanh's range.
    const y = new Float32Array(rows).map((_, r) => 0.9 * Math.sin(x[2 * r] + x[2 * r + 1]));
    const { history } = train(model, { train: { x, y, rows } }, { epochs: 60, learningRate: 0.1, batchSize: 8, seed: 2 });
    expect(history[history.length - 1].trainLoss).toBeLessThan(history[0].trainLoss * 0.5);
    const far = new Float32Array([100, 100, -100, -100]);
    for (const v of model.predict(far, 2)) expect(Math.abs(v)).toBeLessThanOrEqual(1);

    const json = modelToJson(model);
    expect(json.layers[1].activation).toBe('tanh');
    const back = modelFromJson(JSON.parse(JSON.stringify(json)), resolveTestActivation);
    expect(back.layers[1].activation?.key).toBe('tanh');
    expect(Array.from(back.predict(x, rows))).toEqual(Array.from(model.predict(x, rows)));
  });

  it('a linear output (no outputActivation) is unchanged: the last layer has no activation', () => {
    const model = createModel({ inputSize: 2, hidden: [{ units: 3, activation: relu }], outputSize: 1, loss: 'mse' }, createRng(1));
    expect(model.layers[1].activation).toBeNull();
  });

  it('rejects an output activation with a cross-entropy loss', () => {
    const make = () => createModel({ inputSize: 2, hidden: [], outputSize: 1, loss: 'binary_crossentropy', outputActivation: tanh }, createRng(1));
    expect(make).toThrow(ActlabError);
    expect(make).toThrow(/needs loss mse/);
  });
});

import { describe, expect, it } from 'vitest';
import { createModel, type Model } from '../../src/nn/model.js';
import { createTrainer, train, type TrainConfig, type TrainSplit } from '../../src/nn/trainer.js';
import { ActlabError } from '../../src/util/errors.js';
import { createRng } from '../../src/util/rng.js';
import { identity, prelu, relu, tanh, type TestActivation } from './helpers/kernels.js';

/** XOR with four corners, repeated 10 times. */
const xor: TrainSplit = (() => {
  const pts = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
  const rows = 40;
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const [a, b, t] = pts[r % 4];
    x[r * 2] = a * 2 - 1;
    x[r * 2 + 1] = b * 2 - 1;
    y[r] = t;
  }
  return { train: { x, y, rows } };
})();

function xorModel(act: TestActivation, seed: number): Model {
  return createModel({ inputSize: 2, hidden: [{ units: 8, activation: act }], outputSize: 1, loss: 'binary_crossentropy' }, createRng(seed));
}

const config: TrainConfig = { epochs: 150, learningRate: 0.05, batchSize: 8, seed: 3, optimizer: { name: 'adam' } };

describe('train', () => {
  it('learns XOR with tanh (2-8-1) to at least 95% accuracy', () => {
    const result = train(xorModel(tanh, 1), xor, config);
    expect(result.final.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.history).toHaveLength(150);
    expect(result.history[149].trainLoss).toBeLessThan(result.history[0].trainLoss);
  });

  it('stays at or below 75% on XOR with identity activations (a linear model)', () => {
    for (const seed of [1, 2, 3]) {
      const result = train(xorModel(identity, seed), xor, config);
      expect(result.final.trainAccuracy).toBeLessThanOrEqual(0.75);
    }
  });

  it('is deterministic: the same seeds give bit-identical weights', () => {
    const a = xorModel(tanh, 9);
    const b = xorModel(tanh, 9);
    train(a, xor, { ...config, epochs: 20 });
    train(b, xor, { ...config, epochs: 20 });
    a.layers.forEach((l, i) => expect(Array.from(l.weights)).toEqual(Array.from(b.layers[i].weights)));
    const c = xorModel(tanh, 9);
    train(c, xor, { ...config, epochs: 20, seed: 4 });
    expect(Array.from(c.layers[0].weights)).not.toEqual(Array.from(a.layers[0].weights));
  });

  it('stops with an ActlabError (exit code 1) naming the epoch and learning rate when the loss diverges', () => {
    const rows = 32;
    const rng = createRng(1);
    const x = new Float32Array(rows * 4).map(() => rng.normal() * 10);
    const y = new Float32Array(rows).map(() => rng.normal() * 100);
    const model = createModel({ inputSize: 4, hidden: [{ units: 16, activation: relu }], outputSize: 1, loss: 'mse' }, rng);
    let error: unknown;
    try {
      train(model, { train: { x, y, rows } }, { epochs: 50, learningRate: 3, batchSize: 8, seed: 1, optimizer: { name: 'sgd' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ActlabError);
    expect((error as ActlabError).exitCode).toBe(1);
    expect((error as Error).message).toMatch(/^training diverged at epoch \d+ \(loss is (NaN|Infinity)\); lower the learning rate \(now 3\)$/);
  });

  it('gives the same history stepping epoch by epoch as train()', () => {
    const a = xorModel(tanh, 5);
    const whole = train(a, xor, { ...config, epochs: 5 });
    const b = xorModel(tanh, 5);
    const trainer = createTrainer(b, xor, { ...config, epochs: 5 });
    const records = [];
    while (!trainer.done) records.push(trainer.runEpoch());
    expect(records).toEqual(whole.history);
    expect(() => trainer.step()).toThrow(ActlabError);
  });

  it('trains learnable per-unit PReLU slopes and reports R² for regression with a test set', () => {
    const rng = createRng(2);
    const rows = 64;
    const x = new Float32Array(rows).map(() => rng.next() * 4 - 2);
    const y = x.map((v) => Math.abs(v));
    const model = createModel({ inputSize: 1, hidden: [{ units: 6, activation: prelu, params: 'per-unit' }], outputSize: 1, loss: 'mse' }, rng);
    const before = Array.from(model.layers[0].unitParams[0]);
    const result = train(model, { train: { x, y, rows }, test: { x: x.slice(0, 16), y: y.slice(0, 16), rows: 16 } }, { epochs: 200, learningRate: 0.02, batchSize: 16, seed: 1, optimizer: { name: 'adam' }, l2: 1e-4 });
    expect(Array.from(model.layers[0].unitParams[0])).not.toEqual(before);
    expect(result.final.trainR2).toBeGreaterThan(0.9);
    expect(result.final.testR2).toBeDefined();
    expect(result.final.testLoss).not.toBeNull();
  });

  it('records diagnostics: a relu layer pushed far negative is all dead, sparse and saturated', () => {
    const model = createModel({ inputSize: 2, hidden: [{ units: 8, activation: relu }, { units: 4, activation: tanh }], outputSize: 1, loss: 'binary_crossentropy' }, createRng(1));
    model.layers[0].bias.fill(-100);
    model.layers[1].bias.fill(0.5);
    const [rec] = train(model, xor, { ...config, epochs: 1 }).history;
    const [d0, d1, out] = rec.diagnostics;
    expect(d0.deadFraction).toBe(1);
    expect(d0.saturatedFraction).toBe(1);
    expect(d0.sparsity).toBe(1);
    expect(d0.gradNorm).toBe(0);
    expect(d0.preActivationMean).toBeLessThan(-90);
    expect(d1.deadFraction).toBe(0);
    expect(d1.sparsity).toBe(0);
    expect(out.deadFraction).toBeNull();
    expect(out.gradNorm).toBeGreaterThan(0);
    expect(d0.deadUnits).toEqual(new Array(8).fill(1));
    expect(d0.saturatedUnits).toEqual(new Array(8).fill(1));
    expect(d1.deadUnits).toEqual([0, 0, 0, 0]);
    expect(out.deadUnits).toBeUndefined();
  });

  it('rejects bad settings with ActlabError', () => {
    const bad: Partial<TrainConfig>[] = [{ epochs: 0 }, { batchSize: 1.5 }, { learningRate: -1 }, { l2: -1 }];
    for (const b of bad) expect(() => createTrainer(xorModel(tanh, 1), xor, { ...config, ...b })).toThrow(ActlabError);
  });
});

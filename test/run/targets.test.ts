import { describe, expect, it } from 'vitest';
import { createDataset } from '../../src/data/dataset.js';
import { encodeTargets, lossFor, outputWidth } from '../../src/run/targets.js';
import { createModel } from '../../src/nn/model.js';
import { classificationAccuracy } from '../../src/run/accuracy.js';
import { createRng } from '../../src/util/rng.js';

describe('loss, targets and accuracy are decided once, in the core', () => {
  it('regression always uses MSE; classes use the requested loss, else binary or categorical cross-entropy', () => {
    expect(lossFor('regression', 0, 'binary_crossentropy')).toBe('mse');
    expect(lossFor('classification', 2)).toBe('binary_crossentropy');
    expect(lossFor('classification', 3)).toBe('categorical_crossentropy');
    expect(lossFor('classification', 2, 'mse')).toBe('mse');
  });

  it('two classes are one 0/1 column under every loss; more classes are one-hot rows', () => {
    const two = createDataset({ name: 't', task: 'classification', featureNames: ['a'], x: Float32Array.of(0, 1, 2), y: Float32Array.of(0, 1, 1), classNames: ['a', 'b'] });
    const three = createDataset({ name: 't', task: 'classification', featureNames: ['a'], x: Float32Array.of(0, 1), y: Float32Array.of(2, 0), classNames: ['a', 'b', 'c'] });
    for (const loss of ['mse', 'binary_crossentropy', 'categorical_crossentropy'] as const) {
      expect(outputWidth(two, loss)).toBe(1);
      expect(Array.from(encodeTargets(two, loss).y)).toEqual([0, 1, 1]);
      expect(outputWidth(three, loss)).toBe(3);
    }
    expect(Array.from(encodeTargets(three, 'mse').y)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('accuracy compares the predicted class (≥ 0.5, or the first largest output) with the target class', () => {
    const m = createModel({ inputSize: 3, hidden: [], outputSize: 3, loss: 'mse' }, createRng(1));
    m.layers[0].weights.set([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    m.layers[0].bias.fill(0);
    const x = Float32Array.of(1, 0, 0, 0, 2, 1, 0, 0, 3, 1, 1, 0);
    const y = Float32Array.of(1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0);
    expect(classificationAccuracy(m, { x, y, rows: 4 })).toBe(3 / 4);
    const b = createModel({ inputSize: 1, hidden: [], outputSize: 1, loss: 'mse' }, createRng(1));
    b.layers[0].weights[0] = 1;
    b.layers[0].bias[0] = 0;
    expect(classificationAccuracy(b, { x: Float32Array.of(0.5, 0.49, 2, -1), y: Float32Array.of(1, 1, 0, 0), rows: 4 })).toBe(2 / 4);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { getDataset } from '../../src/data/builtins.js';
import { runJob } from '../../src/experiments/runJob.js';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { createModel } from '../../src/nn/model.js';
import type { Backend } from '../../src/nn/backend.js';
import {
  backendName, buildNetwork, datasetTargets, fitModel, prepareData, resolveJob, trainRun, trainedBackend, upgradeSavedModel,
} from '../../src/run/index.js';
import { createRng } from '../../src/util/rng.js';

describe('the network of a run', () => {
  it('weightScale and biasInit give what scaling the initialiser draws and filling the hidden biases by hand gives', () => {
    const spec = { inputSize: 3, hidden: [5, 4], activation: 'relu', outputSize: 2, loss: 'categorical_crossentropy' as const, seed: 9, init: 'he_normal' as const };
    const built = buildNetwork({ ...spec, weightScale: 1.5, biasInit: -0.25 });
    // The same draws from the same seed, then × 1.5 on every weight (output layer too) and −0.25 on hidden biases.
    const relu = resolveActivation('relu');
    const plain = createModel({ inputSize: 3, hidden: [{ units: 5, activation: relu, init: 'he_normal' }, { units: 4, activation: relu, init: 'he_normal' }], outputSize: 2, loss: 'categorical_crossentropy' }, createRng(9));
    plain.layers.forEach((layer, i) => {
      for (let k = 0; k < layer.weights.length; k++) layer.weights[k] *= 1.5;
      if (i < plain.layers.length - 1) layer.bias.fill(-0.25);
    });
    built.layers.forEach((layer, i) => {
      expect(Array.from(layer.weights)).toEqual(Array.from(plain.layers[i].weights));
      expect(Array.from(layer.bias)).toEqual(Array.from(plain.layers[i].bias));
    });
    expect(Array.from(built.layers[2].bias)).toEqual([0, 0]);
  });

  it('refuses a weight scale that is not a positive number, in the engine and in a run spec', () => {
    const base = { inputSize: 2, hidden: [3], activation: 'tanh', outputSize: 1, loss: 'mse' as const, seed: 1 };
    expect(() => buildNetwork({ ...base, weightScale: 0 })).toThrow(/weight scale must be a positive number/);
    const data = prepareData({ name: 'xor', n: 40 });
    expect(() => resolveJob({ data: { name: 'xor', n: 40 }, model: { activation: 'tanh', weightScale: -1 } }, data)).toThrow(/weight scale must be a positive number, got -1/);
    expect(() => resolveJob({ data: { name: 'xor', n: 40 }, model: { activation: 'tanh', biasInit: Number.NaN } }, data)).toThrow(/bias init must be a finite number/);
  });

  it('hiddenPasses gives every hidden layer\'s z = x·W + b and f(z), as an f64 computation does to f32 rounding', () => {
    const model = buildNetwork({ inputSize: 2, hidden: [4, 3], activation: ['tanh', 'elu:alpha=0.5'], outputSize: 1, loss: 'binary_crossentropy', seed: 4, biasInit: 0.1 });
    const ds = getDataset('moons', { n: 30, seed: 2 });
    const passes = model.hiddenPasses(ds.x, ds.n);
    expect(passes.map((p) => p.z.length)).toEqual([30 * 4, 30 * 3]);
    const fs = [resolveActivation('tanh'), resolveActivation('elu:alpha=0.5')];
    let h = Array.from(ds.x);
    model.layers.slice(0, -1).forEach((layer, l) => {
      const z: number[] = [];
      for (let r = 0; r < ds.n; r++) {
        for (let j = 0; j < layer.units; j++) {
          let s = layer.bias[j];
          for (let k = 0; k < layer.inputSize; k++) s += h[r * layer.inputSize + k] * layer.weights[k * layer.units + j];
          z.push(s);
        }
      }
      z.forEach((v, i) => expect(Math.abs(passes[l].z[i] - v)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(v))));
      h = z.map((v) => fs[l].f(v));
      h.forEach((v, i) => expect(Math.abs(passes[l].a[i] - v)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(v))));
    });
  });
});

describe('the training loop of a run', () => {
  it('a diverging fit throws the engine\'s one-line error, or with onDivergence stop reports it with the epochs before', () => {
    const data = datasetTargets(getDataset('xor', { n: 40, seed: 1 }));
    const make = () => buildNetwork({ inputSize: 2, hidden: [4], activation: 'x', outputSize: 1, loss: 'mse', seed: 1 });
    const config = { epochs: 5, learningRate: 1e30, batchSize: 4, seed: 1 };
    expect(() => fitModel(make(), { train: data }, config)).toThrow(/training diverged at epoch 1/);
    const r = fitModel(make(), { train: data }, config, { onDivergence: 'stop' });
    expect(r.diverged).toBe(true);
    expect(r.history.length).toBeLessThan(5);
  });

  it('records the backend the model was built on in the spec and in the saved model, and never the CSV text', () => {
    const csv = ['a,b,label', ...Array.from({ length: 30 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2 ? 'yes' : 'no'}`)].join('\n');
    const r = trainRun({ data: { name: 'd.csv', csv: { text: csv, target: 'label', path: 'd.csv', rows: 30 } }, model: { activation: 'tanh', hidden: [3] }, train: { epochs: 2 } }, { backend: jsBackend });
    expect(r.spec).toMatchObject({ version: 1, backend: 'js' });
    expect(r.spec.data.csv?.text).toBe(csv);
    expect(r.saved.spec?.backend).toBe('js');
    expect(r.saved.spec?.data.csv).toEqual({ target: 'label', path: 'd.csv', rows: 30 });
    expect(JSON.stringify(r.saved)).not.toContain('yes\n');
    expect(r.saved.target).toEqual({ name: 'label', task: 'classification', classNames: ['no', 'yes'] });
    const other: Backend = { ...jsBackend, name: 'gpu' };
    expect(() => backendName(other)).toThrow(/backend 'gpu' cannot be recorded in a run spec/);
  });

  it('comparisons\' runJob is the run module\'s trainRun: the same job gives the same numbers', () => {
    const job = { data: { name: 'spiral', n: 100 }, model: { activation: 'relu', hidden: [6] }, train: { epochs: 3 } };
    const a = runJob(job);
    const b = trainRun(job);
    expect(a.history).toEqual(b.history);
    expect(a.saved.network).toEqual(b.saved.network);
  });

  it('a version-1 file from the last release that names its backend (and has no run spec) still says which backend trained it', () => {
    const v1 = {
      format: 'actlab-model@1', inputSize: 1, outputSize: 1, loss: 'mse',
      layers: [{ inputSize: 1, units: 1, activation: null, paramMode: 'fixed', weights: [2], bias: [0], params: [] }],
      meta: { standardizer: { mean: [0], std: [1] } },
      training: { featureNames: ['x'], target: 'y', task: 'regression', data: { name: 'x.csv' }, backend: 'wasm' },
    };
    const up = upgradeSavedModel(v1);
    expect(up.spec).toBeNull();
    expect(trainedBackend(up)).toBe('wasm');
    expect(trainedBackend(upgradeSavedModel({ ...v1, training: { ...v1.training, backend: undefined } }))).toBeNull();
  });
});

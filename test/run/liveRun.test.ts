import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { getDataset } from '../../src/data/builtins.js';
import { prepareData } from '../../src/run/preparedData.js';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { datasetFromRows, liveData, targetRange, type LiveData } from '../../src/run/liveData.js';
import { LiveRun, histogram, stepsPerEpoch, type LiveHyper } from '../../src/run/liveRun.js';
import { loadSavedModel } from '../../src/run/savedModel.js';
import { createIsolatedWasmBackend } from '../../src/wasm/index.js';

const HYPER: LiveHyper = { learningRate: 0.03, batchSize: 10, optimizer: 'sgd', regularization: 'none', regRate: 0 };

function xorData(testRatio = 0.5, loss?: 'mse'): LiveData {
  return liveData(prepareData({ name: 'xor', n: 120, noise: 0.1, seed: 4, testRatio }, {}, { allowNoTest: true }), loss ? { loss } : {});
}

function run(data: LiveData, acts: string[][] = [['tanh', 'tanh']], hyper: LiveHyper = HYPER): LiveRun {
  return new LiveRun({ data, architecture: { hidden: [6, 5], activations: acts.map((a) => a.map((t) => resolveActivation(t))) }, hyper, initSeed: 3, backend: jsBackend });
}

const weights = (r: LiveRun, k = 0): number[] => r.model(k).layers.flatMap((l) => [...l.weights, ...l.bias]);

describe('live data (src/run/liveData.ts, prepareData with rows in memory)', () => {
  it('checks rows held in memory with one-line errors', () => {
    const ok = { task: 'classification' as const, featureNames: ['a', 'b'], x: [0, 1, 2, 3, 4, 5], y: [0, 1, 1] };
    expect(datasetFromRows(ok).numClasses).toBe(2);
    expect(() => datasetFromRows({ ...ok, y: [0] , x: [0, 1] })).toThrow(/has 1 point\(s\); add at least 2$/);
    expect(() => datasetFromRows({ ...ok, x: [0, 1, 2] })).toThrow(/3 values for 3 rows × 2 columns/);
    expect(() => datasetFromRows({ ...ok, x: [0, 1, Number.NaN, 3, 4, 5] })).toThrow(/row 2, column 'a'/);
    expect(() => datasetFromRows({ ...ok, task: 'cluster' as never })).toThrow(/unknown task 'cluster'/);
  });

  it('trains on every row with testRatio 0 only when asked, and uses rows in memory instead of the named set', () => {
    const all = prepareData({ name: 'xor', n: 50, seed: 1, testRatio: 0 }, {}, { allowNoTest: true });
    expect([all.raw.train.n, all.raw.test.n]).toEqual([50, 0]);
    expect(liveData(all).test).toBeNull();
    expect(() => prepareData({ name: 'xor', n: 50, seed: 1, testRatio: 0 })).toThrow(/test ratio 0 is out of range/);
    const rows = datasetFromRows({ task: 'regression', featureNames: ['u'], x: [1, 2, 3, 4, 5, 6], y: [2, 4, 6, 8, 10, 12], source: 'mine' });
    const p = prepareData({ name: 'ignored', seed: 2, testRatio: 0.5 }, {}, { rows });
    expect(p.raw.train.n + p.raw.test.n).toBe(6);
    expect(p.featureNames).toEqual(['u']);
    expect(targetRange(p)).toEqual([2, 12]);
    // The named set made the usual way: the same rows as getDataset with the same options.
    const named = prepareData({ name: 'spiral', n: 80, noise: 0.2, seed: 9, testRatio: 0 }, {}, { allowNoTest: true });
    expect(Array.from(named.raw.train.x)).toEqual(Array.from(getDataset('spiral', { n: 80, noise: 0.2, seed: 9 }).x));
  });

  it('decides loss, output width and targets as the core does everywhere', () => {
    expect(xorData().loss).toBe('binary_crossentropy');
    expect(xorData(0.5, 'mse').loss).toBe('mse');
    const three = liveData(prepareData({ name: 'blobs3', n: 90, seed: 1, testRatio: 0.2 }));
    expect([three.loss, three.outputSize, three.train.y.length]).toEqual(['categorical_crossentropy', 3, three.train.rows * 3]);
  });
});

describe('LiveRun (src/run/liveRun.ts)', () => {
  it('trains the same whatever the slicing: steps one by one equal whole epochs (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), (slices) => {
      const data = xorData();
      const a = run(data);
      const b = run(data);
      let steps = 0;
      for (const s of slices) steps += a.trainSteps(s);
      const epochs = Math.ceil(steps / a.epochSteps);
      a.trainSteps(epochs * a.epochSteps - steps);
      for (let e = 0; e < epochs; e++) b.trainEpoch();
      expect(a.epoch).toBe(b.epoch);
      expect(weights(a)).toEqual(weights(b));
      expect(a.takeEpochs(0)).toEqual(b.takeEpochs(0));
    }), { numRuns: 15 });
  });

  it('compare mode: the same initial weights, one record per epoch for each model', () => {
    const r = run(xorData(), [['tanh', 'tanh'], ['relu', 'relu']]);
    expect(weights(r, 1)).toEqual(weights(r, 0));
    for (let i = 0; i < 3; i++) r.trainEpoch();
    expect([r.takeEpochs(0).length, r.takeEpochs(1).length]).toEqual([3, 3]);
    expect(r.takeEpochs(0)).toEqual([]);
    expect(weights(r, 1)).not.toEqual(weights(r, 0));
  });

  it('applies new hyper-parameters at the end of the epoch in progress', () => {
    const r = run(xorData());
    r.trainSteps(2);
    r.setHyper({ ...HYPER, batchSize: 30 });
    expect(r.epochSteps).toBe(stepsPerEpoch(60, 10));
    r.trainEpoch();
    expect(r.midEpoch).toBe(false);
    r.trainSteps(1);
    expect(r.epochSteps).toBe(stepsPerEpoch(60, 30));
  });

  it('reports accuracy the one way for mse on classes too', () => {
    const r = run(xorData(0.5, 'mse'));
    r.trainEpoch();
    const [e] = r.takeEpochs(0);
    expect(e.trainAccuracy).not.toBeNull();
    expect(e.testAccuracy).not.toBeNull();
  });

  it('names the activation that gave NaN for a finite input, and the loss otherwise', () => {
    const bad = run(xorData(), [['tanh', 'log(x)']]);
    bad.trainEpoch();
    expect(bad.stopped).toBe(true);
    expect(bad.divergence(0)).toMatchObject({ epoch: 1, cause: 'activation', layer: 2, value: 'NaN', activation: 'log(x)' });
    const loud = run(xorData(0.5, 'mse'), [['relu', 'relu']], { ...HYPER, learningRate: 1e4 });
    for (let i = 0; i < 10 && !loud.stopped; i++) loud.trainEpoch();
    expect(loud.divergence(0)).toMatchObject({ cause: 'loss' });
    loud.reset();
    expect([loud.divergence(0), loud.epoch]).toEqual([null, 0]);
  });

  it('predicts through the inference API, counts every training value in the histograms, and saves a loadable model', () => {
    const data = xorData();
    const r = run(data);
    for (let i = 0; i < 3; i++) r.trainEpoch();
    const { x, rows } = data.train;
    expect(Array.from(r.predict(0, x, rows))).toEqual(Array.from(r.model(0).predict(x, rows)));
    const hs = r.histograms(0);
    expect(hs.map((h) => h.counts.reduce((s, c) => s + c, 0))).toEqual([rows * 6, rows * 5]);
    expect(hs.map((h) => h.zCounts.reduce((s, c) => s + c, 0))).toEqual([rows * 6, rows * 5]);
    const saved = r.save(0, { spec: null, featureNames: ['x1', 'x2'], standardizer: { mean: [0, 0], std: [1, 1] }, target: null });
    const loaded = loadSavedModel(JSON.parse(JSON.stringify(saved)), resolveActivation, jsBackend);
    expect(Array.from(loaded.model.predict(x, rows))).toEqual(Array.from(r.predict(0, x, rows)));
    expect(() => r.setWeight(0, 9, 0, 0, 1)).toThrow(/layer 9 does not exist/);
    r.setWeight(0, 0, -1, 2, 0.25);
    expect(r.model(0).layers[0].bias[2]).toBe(0.25);
  });

  it('trains on the wasm backend with the js backend’s losses (within 1e-4 relative)', async () => {
    const wasm = await createIsolatedWasmBackend();
    const data = xorData();
    const mk = (backend: typeof jsBackend) => new LiveRun({ data, architecture: { hidden: [8, 8], activations: [[resolveActivation('tanh'), resolveActivation('tanh')]] }, hyper: { ...HYPER, batchSize: 60 }, initSeed: 5, backend });
    const a = mk(jsBackend);
    const b = mk(wasm);
    for (let i = 0; i < 3; i++) {
      a.trainEpoch();
      b.trainEpoch();
    }
    const ea = a.takeEpochs(0);
    const eb = b.takeEpochs(0);
    ea.forEach((e, i) => expect(Math.abs(e.trainLoss - eb[i].trainLoss)).toBeLessThanOrEqual(1e-4 * e.trainLoss));
  });

  it('histogram puts every finite value in a bin and widens a constant range', () => {
    const [edges, counts] = histogram(Float32Array.of(1, 1, 1, Number.NaN), 4, 4);
    expect(Array.from(edges)).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(3);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { loadSavedModel } from '../../src/run/savedModel.js';
import { ActlabError } from '../../src/util/errors.js';
import type { EpochPoint, FrameRequest, RunSpec } from '../../web/src/engine/protocol.js';
import { Session } from '../../web/src/engine/session.js';
import { DEFAULT_STATE, type CustomData } from '../../web/src/state/types.js';
import { runCli } from '../cli/helpers.js';

function spec(patch: Partial<RunSpec> = {}): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, speed: _sp, ...rest } = DEFAULT_STATE;
  return { ...rest, points: 200, customData: null, ...patch };
}

const FRAME: FrameRequest = { grid: 20, unitGrid: 6, histograms: true };

/** Trains `epochs` epochs and returns the new epoch records of every run. */
function trainFor(s: Session, epochs: number): EpochPoint[][] {
  for (let i = 0; i < epochs; i++) s.trainEpoch();
  return s.snapshot(FRAME).models.map((m) => m.newEpochs);
}

const weightsOf = (s: Session, k = 0): number[][] => s.model(k).layers.map((l) => [...l.weights, ...l.bias]);

describe('Session: data and models', () => {
  it('is deterministic: the same spec gives the same weights and losses', () => {
    const a = new Session(spec());
    const b = new Session(spec());
    const ha = trainFor(a, 5);
    const hb = trainFor(b, 5);
    expect(ha).toEqual(hb);
    expect(weightsOf(a)).toEqual(weightsOf(b));
    const c = new Session(spec({ initSeed: 2 }));
    expect(weightsOf(c)).not.toEqual(new Session(spec()).model(0).layers.map((l) => [...l.weights, ...l.bias]));
  });

  it('describes built-in data in the Playground box, split by the training ratio', () => {
    const s = new Session(spec({ points: 200, trainRatio: 70 }));
    const d = s.data;
    expect(d.task).toBe('classification');
    expect(d.numClasses).toBe(2);
    expect(d.extent).toEqual([-6, 6, -6, 6]);
    expect(d.nTrain).toBe(140);
    expect(d.nTest).toBe(60);
    expect(d.points.xy.length).toBe(400);
    expect(d.points.isTest.reduce((a, v) => a + v, 0)).toBe(60);
    expect(d.inputNames).toEqual(['x1', 'x2']);
    expect(s.labels).toEqual(['tanh']);
  });

  it.each(['circle', 'xor'] as const)('lowers the loss on %s', (dataset) => {
    const s = new Session(spec({ dataset, features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2'], hidden: [{ units: 6, activation: 'tanh' }], learningRate: 0.1 }));
    const [h] = trainFor(s, 40);
    expect(h).toHaveLength(40);
    expect(h[39].trainLoss).toBeLessThan(h[0].trainLoss * 0.6);
    expect(h[39].trainAccuracy).toBeGreaterThan(0.85);
    expect(h[39].testLoss).not.toBeNull();
    expect(h[39].gradNorms).toHaveLength(2);
    expect(h[39].deadFractions).toHaveLength(1);
  });

  it('compare mode: one run per activation, the same initial weights, trained in lockstep', () => {
    const s = new Session(spec({ hidden: [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'relu' }], compare: ['relu', 'x*sigmoid(x)'] }));
    expect(s.runCount).toBe(3);
    expect(s.labels).toEqual(['tanh, relu', 'relu', 'x*sigmoid(x)']);
    expect(weightsOf(s, 1)).toEqual(weightsOf(s, 0));
    expect(weightsOf(s, 2)).toEqual(weightsOf(s, 0));
    expect(s.model(2).layers.map((l) => l.activation?.key ?? null)).toEqual(['x*sigmoid(x)', 'x*sigmoid(x)', null]);
    const hs = trainFor(s, 3);
    expect(hs.map((h) => h.length)).toEqual([3, 3, 3]);
    expect(weightsOf(s, 1)).not.toEqual(weightsOf(s, 0));
  });

  it('multi-class blobs3: softmax output, packed class + confidence heatmap, accuracy rises', () => {
    const s = new Session(spec({ dataset: 'blobs3', points: 300, learningRate: 0.1 }));
    expect(s.data.numClasses).toBe(3);
    expect(s.model(0).loss).toBe('categorical_crossentropy');
    expect(s.model(0).outputSize).toBe(3);
    const [h] = trainFor(s, 30);
    expect(h[29].trainAccuracy).toBeGreaterThan(0.8);
    const snap = s.snapshot({ grid: 30, unitGrid: 5, histograms: false }).models[0];
    const classes = new Set(Array.from(snap.output, (v) => Math.floor(v)));
    expect([...classes].every((c) => c >= 0 && c <= 2)).toBe(true);
    expect(classes.size).toBe(3);
    for (const v of snap.output) expect(v - Math.floor(v)).toBeGreaterThanOrEqual(1 / 3 - 1e-6);
    // 2 inputs + 4 + 2 hidden units + 3 output units.
    expect(snap.units.length).toBe((2 + 6 + 3) * 25);
  });

  it('two classes use binary cross-entropy unless the spec says mse; mse takes the output activation', () => {
    expect(new Session(spec({ loss: 'categorical_crossentropy' })).model(0).loss).toBe('binary_crossentropy');
    const m = new Session(spec({ loss: 'mse', outputActivation: 'tanh' })).model(0);
    expect(m.loss).toBe('mse');
    expect(m.layers[m.layers.length - 1].activation?.key).toBe('tanh');
    const ce = new Session(spec({ loss: 'binary_crossentropy', outputActivation: 'tanh' })).model(0);
    expect(ce.layers[ce.layers.length - 1].activation).toBeNull();
  });

  it('mse classification reports accuracy', () => {
    const s = new Session(spec({ loss: 'mse', outputActivation: 'sigmoid', features: ['x1sq', 'x2sq'], learningRate: 0.3 }));
    const [h] = trainFor(s, 20);
    expect(h[19].trainAccuracy).not.toBeNull();
    expect(h[19].trainAccuracy).toBeGreaterThan(0.8);
  });

  it('regression plane with mse: the loss falls and the heatmap holds predictions', () => {
    const s = new Session(spec({ problem: 'regression', dataset: 'plane', loss: 'binary_crossentropy', learningRate: 0.01 }));
    expect(s.data.task).toBe('regression');
    expect(s.model(0).loss).toBe('mse');
    expect(s.data.targetRange[0]).toBeLessThan(-0.5);
    expect(s.data.targetRange[1]).toBeGreaterThan(0.5);
    const [h] = trainFor(s, 30);
    expect(h[29].trainLoss).toBeLessThan(h[0].trainLoss * 0.5);
    expect(h[29].trainAccuracy).toBeNull();
    const out = s.snapshot({ grid: 10, unitGrid: 0, histograms: false }).models[0].output;
    // Target (x1 + x2)/10: top-right high, bottom-left low.
    expect(out[9]).toBeGreaterThan(0.5);
    expect(out[90]).toBeLessThan(-0.5);
  });

  it('custom data with 3 columns: all columns standardised, plane columns drawn, the rest at the mean', () => {
    const n = 120;
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = 10 + Math.sin(i) * 5;
      const b = 100 + Math.cos(i * 1.3) * 40;
      const c = (i % 7) - 3;
      x.push(a, b, c);
      y.push(a - 10 + (b - 100) / 8 > 0 ? 1 : 0);
    }
    const customData: CustomData = { task: 'classification', featureNames: ['a', 'b', 'c'], classNames: ['no', 'yes'], x, y, planeColumns: [0, 1], source: 'test.csv' };
    const s = new Session(spec({ dataset: 'custom', customData, features: ['x1'], learningRate: 0.1 }));
    expect(s.data.inputNames).toEqual(['a', 'b', 'c']);
    expect(s.data.featureNames).toEqual(['a', 'b', 'c']);
    expect(s.data.classNames).toEqual(['no', 'yes']);
    expect(s.model(0).inputSize).toBe(3);
    const [x0, x1, y0, y1] = s.data.extent;
    expect(x0).toBeLessThan(5.1);
    expect(x1).toBeGreaterThan(14.9);
    expect(y0).toBeLessThan(60.1);
    expect(y1).toBeGreaterThan(139.9);
    const [h] = trainFor(s, 30);
    expect(h[29].trainAccuracy).toBeGreaterThan(0.85);
    const snap = s.snapshot({ grid: 10, unitGrid: 4, histograms: false }).models[0];
    // The third input's unit map is all zeros (held at its standardised mean).
    expect(Array.from(snap.units.subarray(2 * 16, 3 * 16)).every((v) => v === 0)).toBe(true);
    const json = JSON.parse(s.exportModel(0));
    expect(json.inputs.names).toEqual(['a', 'b', 'c']);
    expect(json.inputs.standardizer.mean[1]).toBeGreaterThan(50);
    // The page can rebuild the inputs of a plane point (neuron inspector) from what DataInfo carries.
    expect(s.data.inputStandardizer?.mean).toEqual(json.inputs.standardizer.mean);
    expect(s.data.inputStandardizer?.std).toEqual(json.inputs.standardizer.std);
    expect(s.data.planeColumns).toEqual([0, 1]);
  });

  it('2-column custom data uses the features of its columns', () => {
    const customData: CustomData = { task: 'regression', featureNames: ['u', 'v'], x: [0, 0, 1, 2, 2, 1, 3, 3], y: [0, 1, 2, 3], planeColumns: [0, 1], source: 'clicked' };
    const s = new Session(spec({ dataset: 'custom', customData, features: ['x1', 'x1sq'], trainRatio: 50 }));
    expect(s.data.inputNames).toEqual(['u', 'u^2']);
    expect(s.data.inputStandardizer).toBeNull();
    expect(s.data.task).toBe('regression');
  });

  it('keeps the plane at its built-in scale for clicked points inside it, and grows it only for points outside', () => {
    const inside: CustomData = { task: 'classification', featureNames: ['x1', 'x2'], classNames: ['a', 'b'], x: [0.5, 0.5, 1, 1.2], y: [0, 1], planeColumns: [0, 1], source: 'clicked' };
    expect(new Session(spec({ dataset: 'custom', customData: inside })).data.extent).toEqual([-6, 6, -6, 6]);
    const outside: CustomData = { ...inside, x: [0.5, 0.5, 9, 1.2] };
    const e = new Session(spec({ dataset: 'custom', customData: outside })).data.extent;
    expect(e[1]).toBeGreaterThan(9);
    expect([e[0], e[2], e[3]]).toEqual([-6, -6, 6]);
  });
});

describe('Session: errors', () => {
  it('names the layer of a bad activation and forwards the resolver message', () => {
    let err: unknown;
    try {
      new Session(spec({ hidden: [{ units: 3, activation: 'tanh' }, { units: 2, activation: 'notanactivation' }] }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActlabError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^hidden layer 2: /);
    expect(msg).not.toContain('\n');
    expect(() => new Session(spec({ compare: ['x+'] }))).toThrow(/compared activation 1/);
    expect(() => new Session(spec({ loss: 'mse', outputActivation: 'zzz' }))).toThrow(/output activation/);
  });

  it('rejects bad settings with one-line messages', () => {
    expect(() => new Session(spec({ hidden: [{ units: 0, activation: 'tanh' }] }))).toThrow(/width of hidden layer 1/);
    expect(() => new Session(spec({ learningRate: 0 }))).toThrow(/learning rate/);
    expect(() => new Session(spec({ features: [] }))).toThrow(/at least one feature/);
    expect(() => new Session(spec({ dataset: 'custom', customData: null }))).toThrow(/custom data set is empty/);
    expect(() => new Session(spec({ points: 5 }))).toThrow(/number of points/);
    const s = new Session(spec());
    expect(() => s.snapshot({ grid: 0, unitGrid: 0, histograms: false })).toThrow(/grid/);
    expect(() => s.exportModel(3)).toThrow(/model 3 does not exist/);
  });

  it('stops a diverged run with a clear message; the others go on', () => {
    const s = new Session(spec({
      problem: 'regression', dataset: 'plane', hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }],
      compare: ['tanh'], learningRate: 5,
    }));
    for (let i = 0; i < 30; i++) s.trainEpoch();
    expect(s.diverged(0)).toMatch(/^training diverged at epoch \d+ \(loss became (NaN|infinite)\); lower the learning rate and press play to restart the network$/);
    const d = s.divergence(0);
    expect(d).toMatchObject({ cause: 'loss' });
    expect(d?.value === 'NaN' || d?.value === 'infinite').toBe(true);
    expect(d?.epoch).toBeGreaterThanOrEqual(1);
    expect(d?.epoch).toBeLessThanOrEqual(30);
    expect(d?.activation).toBeUndefined();
    const snap = s.snapshot(FRAME).models;
    expect(snap[0].diverged).toBe(s.diverged(0));
    expect(snap[0].divergence).toEqual(d);
    for (const v of snap[0].output) expect(Number.isFinite(v)).toBe(true);
    // The bounded tanh run may or may not diverge, but a diverged run never stops the session early.
    if (s.diverged(1) === null) expect(snap[1].newEpochs.length).toBe(30);
    s.reset();
    expect(s.diverged(0)).toBeNull();
    expect(s.divergence(0)).toBeNull();
    expect(s.epoch).toBe(0);
  });

  it.each([
    ['log(x)', 'NaN'],
    ['sqrt(x)', 'NaN'],
    ['1/0', 'infinite'],
    ['x^1e308', 'infinite'],
  ] as const)('blames the activation %s when it gives NaN/∞ for finite inputs', (activation, value) => {
    const s = new Session(spec({ hidden: [{ units: 4, activation: 'tanh' }, { units: 4, activation }], learningRate: 0.03 }));
    s.trainEpoch();
    expect(s.stopped).toBe(true);
    const d = s.divergence(0);
    expect(d).toMatchObject({ epoch: 1, cause: 'activation', layer: 2, value });
    expect(d?.activation).toBe(resolveActivation(activation).key);
    expect(Number.isFinite(d?.input)).toBe(true);
    expect(s.diverged(0)).toMatch(/choose another activation$/);
  });

  it('blames the loss, not a bounded activation, when the learning rate is too large', () => {
    const s = new Session(spec({
      problem: 'regression', dataset: 'plane', hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }], learningRate: 10,
    }));
    for (let i = 0; i < 5 && !s.stopped; i++) s.trainEpoch();
    expect(s.divergence(0)).toMatchObject({ cause: 'loss' });
  });
});

describe('Session: controls', () => {
  it('reset gives the initial weights again; hyper changes keep the weights', () => {
    const s = new Session(spec());
    const w0 = weightsOf(s);
    trainFor(s, 3);
    const w3 = weightsOf(s);
    s.setHyper({ learningRate: 0.3, batchSize: 5, optimizer: 'adam', regularization: 'l2', regRate: 0.001 });
    expect(weightsOf(s)).toEqual(w3);
    const [h] = trainFor(s, 2);
    expect(h.map((p) => p.epoch)).toEqual([4, 5]);
    s.reset();
    expect(weightsOf(s)).toEqual(w0);
    expect(() => s.setHyper({ learningRate: -1, batchSize: 5, optimizer: 'adam', regularization: 'l2', regRate: 0 })).toThrow(/learning rate/);
  });

  it('setWeight changes a weight or (from -1) a bias, and the heatmap follows', () => {
    const s = new Session(spec({ hidden: [] }));
    const out = s.model(0).layers[0];
    s.setWeight(0, 0, 0, 0, 0);
    s.setWeight(0, 0, 1, 0, 0);
    s.setWeight(0, 0, -1, 0, 3);
    expect(out.bias[0]).toBe(3);
    const snap = s.snapshot({ grid: 4, unitGrid: 0, histograms: false }).models[0];
    for (const v of snap.output) expect(v).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(snap.layers[0].bias[0]).toBe(3);
    expect(() => s.setWeight(0, 1, 0, 0, 1)).toThrow(/layer 1 does not exist/);
    expect(() => s.setWeight(0, 0, 2, 0, 1)).toThrow(/input 2 does not exist/);
    expect(() => s.setWeight(0, 0, 0, 0, Number.NaN)).toThrow(/not a finite number/);
  });

  it('heatmap orientation: row 0 is the top (largest x2), column 0 the left (smallest x1)', () => {
    const s = new Session(spec({ hidden: [] }));
    s.setWeight(0, 0, -1, 0, 0);
    s.setWeight(0, 0, 0, 0, 0);
    s.setWeight(0, 0, 1, 0, 1); // p = sigmoid(x2)
    let out = s.snapshot({ grid: 10, unitGrid: 0, histograms: false }).models[0].output;
    expect(out[0]).toBeGreaterThan(0.99);
    expect(out[99]).toBeLessThan(0.01);
    expect(out[0]).toBeCloseTo(out[9], 6);
    s.setWeight(0, 0, 0, 0, 1);
    s.setWeight(0, 0, 1, 0, 0); // p = sigmoid(x1)
    out = s.snapshot({ grid: 10, unitGrid: 0, histograms: false }).models[0].output;
    expect(out[0]).toBeLessThan(0.01);
    expect(out[9]).toBeGreaterThan(0.99);
  });

  it('the heatmap matches model.predict at the cell centres', () => {
    const s = new Session(spec({ features: ['x1', 'x2', 'sinx1'], hidden: [{ units: 5, activation: 'tanh' }, { units: 3, activation: 'elu' }] }));
    trainFor(s, 3);
    const grid = 8;
    const out = s.snapshot({ grid, unitGrid: 0, histograms: false }).models[0].output;
    const x = new Float32Array(grid * grid * 3);
    for (let r = 0; r < grid; r++) {
      for (let c = 0; c < grid; c++) {
        const x1 = -6 + (c + 0.5) * 1.5;
        const x2 = 6 - (r + 0.5) * 1.5;
        x.set([x1, x2, Math.sin(x1)], (r * grid + c) * 3);
      }
    }
    const p = s.model(0).predict(x, grid * grid);
    for (let i = 0; i < grid * grid; i++) expect(out[i]).toBeCloseTo(p[i], 5);
  });

  it('snapshots carry layers, health, histograms and only new epochs', () => {
    const s = new Session(spec());
    s.trainEpoch();
    s.trainEpoch();
    const { models, transfer } = s.snapshot(FRAME);
    const m = models[0];
    expect(m.newEpochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(m.layers.map((l) => [l.inputSize, l.units, l.activation])).toEqual([[2, 4, 'tanh'], [4, 2, 'tanh'], [2, 1, null]]);
    expect(m.health.dead.map((a) => a.length)).toEqual([4, 2]);
    expect(m.histograms).toHaveLength(2);
    const h = m.histograms[0];
    expect(h.edges.length).toBe(h.counts.length + 1);
    expect(h.counts.reduce((a, v) => a + v, 0)).toBe(s.data.nTrain * 4);
    expect(h.zCounts.reduce((a, v) => a + v, 0)).toBe(s.data.nTrain * 4);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(s.snapshot(FRAME).models[0].newEpochs).toEqual([]);
  });

  it('exports a model that reloads to the same predictions', () => {
    const s = new Session(spec({ dataset: 'blobs3', points: 150, hidden: [{ units: 5, activation: 'elu:alpha=0.5' }] }));
    trainFor(s, 3);
    const json = JSON.parse(s.exportModel(0));
    const back = loadSavedModel(json, resolveActivation).model;
    const x = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i) * 5);
    expect(Array.from(back.predict(x, 20))).toEqual(Array.from(s.model(0).predict(x, 20)));
    expect(json.format).toBe('actlab-model');
    expect(json.target.classNames).toEqual(s.data.classNames);
    expect(json.inputs.names).toEqual(['x1', 'x2']);
  });

  it('an exported model predicts the same through `actlab predict` on a CSV of its inputs', async () => {
    const s = new Session(spec({ features: ['x1', 'x2', 'x1sq', 'x1x2'], loss: 'mse', outputActivation: 'tanh' }));
    trainFor(s, 3);
    const dir = mkdtempSync(join(tmpdir(), 'actlab-session-'));
    writeFileSync(join(dir, 'model.json'), s.exportModel(0));
    const n = 12;
    const raw = Float32Array.from({ length: 2 * n }, (_, i) => Math.fround(Math.cos(i * 0.7) * 5));
    const x = new Float32Array(n * 4);
    const lines = [s.data.inputNames.join(',')];
    for (let i = 0; i < n; i++) {
      const a = raw[2 * i];
      const b = raw[2 * i + 1];
      const row = Float32Array.of(a, b, a * a, a * b);
      x.set(row, i * 4);
      lines.push(Array.from(row, (v) => String(v)).join(','));
    }
    expect(s.data.inputNames).toEqual(['x1', 'x2', 'x1^2', 'x1*x2']);
    writeFileSync(join(dir, 'in.csv'), `${lines.join('\n')}\n`);
    const r = await runCli(['predict', '--model', 'model.json', '--data', 'in.csv', '--json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { predictions: { output: number[] }[] };
    const expected = Array.from(s.model(0).predict(x, n));
    expect(doc.predictions.map((p) => p.output[0])).toEqual(expected);
  });
});

/**
 * One training session of the explorer: maps the page's settings (a RunSpec of the page's state) onto the
 * core and packs what the page draws. The core does the work: the data are made, split and standardised by
 * `prepareData` (src/run), turned into inputs and targets with the loss decided once by `liveData`,
 * trained in lockstep (run 0 as specified; in compare mode one more model per compared activation, with the
 * same initial weights and shuffling) by `LiveRun` (src/run/liveRun.ts), which also detects divergence,
 * keeps the epoch records, makes histograms and saves models; drawing passes go through the engine's
 * forward-only inference (src/nn/inference.ts). What stays here: checking the page's settings, the
 * Playground input features, the plane's points and extent, and packing frames. Pure: no worker globals, so
 * it runs (and is tested) in Node as well as in the worker.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import type { Dataset } from '../../../src/data/dataset.js';
import { prepareData, type PreparedData } from '../../../src/run/preparedData.js';
import type { Backend } from '../../../src/nn/backend.js';
import type { LayerActivation } from '../../../src/nn/layerActivation.js';
import { outputFromLogits } from '../../../src/nn/losses.js';
import type { Model } from '../../../src/nn/model.js';
import { datasetFromRows, liveData, targetRange } from '../../../src/run/liveData.js';
import { LiveRun, divergenceText, type LiveHyper } from '../../../src/run/liveRun.js';
import { ActlabError } from '../../../src/util/errors.js';
import { CLASSIFICATION_SETS, LIMITS, REGRESSION_SETS } from '../state/types.js';
import { BUILTIN_EXTENT, featureEncoder, gridPoints, standardEncoder, type InputEncoder } from './features.js';
import type { DataInfo, Divergence, FrameRequest, HyperParams, LayerParams, ModelSnapshot, RunSpec } from './protocol.js';

export { HISTOGRAM_BINS, MAX_PENDING_EPOCHS, divergenceText } from '../../../src/run/liveRun.js';
/** Largest heatmap resolution a frame may ask for. */
export const MAX_GRID = 400;
/** Largest multi-class confidence packed into the output heatmap (class + p stays below class + 1). */
const MAX_PACKED_P = 0.9999;

/**
 * Builds data and models from a RunSpec, trains them mini-batch by mini-batch and describes them for
 * drawing. Training is deterministic whatever the slicing (see LiveRun).
 */
export class Session {
  /** Data description for the page ('ready'). */
  readonly data: DataInfo;
  /** One label per run. */
  readonly labels: string[];
  private spec: RunSpec;
  private readonly encoder: InputEncoder;
  private readonly run: LiveRun;
  private readonly outputActivation: LayerActivation | undefined;
  private readonly planes = new Map<number, Float32Array>();

  /** `backend`: what the models train on (default: the engine's default backend). */
  constructor(spec: RunSpec, backend?: Backend) {
    this.spec = checkSpec(spec);
    const { prepared, planeColumns, custom } = prepare(this.spec);
    this.encoder = inputEncoder(prepared, this.spec.features, planeColumns, custom);
    const encoder = this.encoder;
    const data = liveData(prepared, {
      ...(this.spec.loss === 'mse' ? { loss: 'mse' as const } : {}),
      inputs: { width: encoder.width, encode: (raw) => encoder.encodeRows(raw.x, raw.n) },
    });
    this.data = dataInfo(prepared, data.numClasses, encoder, planeColumns, this.spec);
    const base = this.spec.hidden.map((h, i) => resolveNamed(h.activation, `hidden layer ${i + 1}`));
    const activations = [base, ...this.spec.compare.map((text, k) => {
      const act = resolveNamed(text, `compared activation ${k + 1}`);
      return base.map(() => act);
    })];
    this.outputActivation = data.loss === 'mse' ? outputActivationOf(this.spec.outputActivation) : undefined;
    this.labels = activations.map(runLabel);
    this.run = new LiveRun({
      data,
      architecture: { hidden: this.spec.hidden.map((h) => h.units), activations, ...(this.outputActivation ? { outputActivation: this.outputActivation } : {}) },
      hyper: hyperOf(this.spec),
      initSeed: this.spec.initSeed,
      ...(backend ? { backend } : {}),
    });
  }

  /** Session epochs done (every live run trains one epoch per session epoch). */
  get epoch(): number {
    return this.run.epoch;
  }

  /** The backend the models train on (`js` or `wasm`). */
  get backendName(): string {
    return this.run.backend.name;
  }

  /** Number of runs (1, or 1 + compared activations). */
  get runCount(): number {
    return this.run.size;
  }

  /** True when every run has diverged: nothing is left to train. */
  get stopped(): boolean {
    return this.run.stopped;
  }

  /** The model of run `k` (for tests and the benchmark; do not keep it across `reset`). */
  model(k: number): Model {
    return this.run.model(k);
  }

  /** Divergence message of run `k` (English, one line), or null. */
  diverged(k: number): string | null {
    const d = this.run.divergence(k);
    return d ? divergenceText(d) : null;
  }

  /** Why run `k` diverged, or null. */
  divergence(k: number): Divergence | null {
    return this.run.divergence(k);
  }

  /** Mini-batches in one epoch (for paced training). */
  get epochSteps(): number {
    return this.run.epochSteps;
  }

  /** True between two epoch boundaries (some batches of the current epoch are done). */
  get midEpoch(): boolean {
    return this.run.midEpoch;
  }

  /** Changes learning rate, batch size, optimiser or regularisation; mid-epoch they take effect at the epoch's end. */
  setHyper(h: HyperParams): void {
    this.spec = checkSpec({ ...this.spec, ...pickHyper(h) });
    this.run.setHyper(hyperOf(this.spec));
  }

  /** Re-initialises the weights (same seed → same weights) with the current settings, and clears the history and divergence. */
  reset(): void {
    this.run.reset();
  }

  /** Trains to the end of the current epoch (a whole epoch at a boundary) every run that has not diverged. */
  trainEpoch(): void {
    this.run.trainEpoch();
  }

  /** Trains up to `maxSteps` mini-batches of every live run, stopping early when `enough()` says so; returns the steps done. */
  trainSteps(maxSteps: number, enough?: () => boolean): number {
    return this.run.trainSteps(maxSteps, enough);
  }

  /** Sets weight W[from, to] of layer `layer` (0 = first hidden layer; the last is the output layer) of run `model`; `from` -1 sets bias[to]. */
  setWeight(model: number, layer: number, from: number, to: number, value: number): void {
    this.run.setWeight(model, layer, from, to, value);
  }

  /**
   * Run `k`'s model as saved-model JSON (src/run, version 2), what `actlab predict` and `actlab export` read:
   * the network inputs as CSV column names, the standardiser and class names. Derived inputs (x1^2, sin(x1), …)
   * must be columns of the CSV given to predict; `notes.explorer` says how they are made.
   */
  exportModel(k: number): string {
    const model = this.run.model(k);
    const { encoder, data: info } = this;
    const s = this.spec;
    const saved = this.run.save(k, {
      spec: null,
      featureNames: [...encoder.names],
      standardizer: { mean: [...encoder.standardizer.mean], std: [...encoder.standardizer.std] },
      target: null,
      notes: {
        explorer: {
          config: {
            dataset: s.dataset, hidden: s.hidden, activations: this.labels[k], outputActivation: this.outputActivation?.key ?? null,
            loss: model.loss, optimizer: s.optimizer, learningRate: s.learningRate, batchSize: s.batchSize,
            regularization: s.regularization, regRate: s.regRate, initSeed: s.initSeed, epochs: this.epoch,
          },
          inputs: [...encoder.names],
          features: encoder.features ? [...encoder.features] : null,
          rawColumns: info.featureNames,
          note: encoder.features
            ? 'inputs are features of the raw columns (x^2, x*y, sin(x)); give predict a CSV with one column per input, computed from the raw values'
            : 'inputs are the raw CSV columns; predict standardises them with the saved standardiser',
        },
      },
    });
    return JSON.stringify(saved);
  }

  /** Everything the page draws for the request, and the buffers that can be transferred. */
  snapshot(req: FrameRequest): { models: ModelSnapshot[]; transfer: ArrayBuffer[] } {
    const grid = checkGrid(req.grid, 'grid', 1);
    const unitGrid = checkGrid(req.unitGrid, 'unitGrid', 0);
    const transfer: ArrayBuffer[] = [];
    const models = this.labels.map((_, k) => {
      const snap = this.modelSnapshot(k, grid, unitGrid, req.histograms);
      transfer.push(snap.output.buffer as ArrayBuffer, snap.units.buffer as ArrayBuffer);
      for (const l of snap.layers) transfer.push(l.weights.buffer as ArrayBuffer, l.bias.buffer as ArrayBuffer, l.params.buffer as ArrayBuffer);
      for (const h of snap.histograms) transfer.push(h.edges.buffer as ArrayBuffer, h.counts.buffer as ArrayBuffer, h.zEdges.buffer as ArrayBuffer, h.zCounts.buffer as ArrayBuffer);
      for (const a of [...snap.health.dead, ...snap.health.saturated]) transfer.push(a.buffer as ArrayBuffer);
      return snap;
    });
    return { models, transfer };
  }

  /** The network inputs of a grid×grid raster of the plane (cached per resolution). */
  private plane(grid: number): Float32Array {
    let c = this.planes.get(grid);
    if (!c) {
      c = this.encoder.encodePlane(gridPoints(this.data.extent, grid), grid * grid);
      this.planes.set(grid, c);
    }
    return c;
  }

  private modelSnapshot(k: number, grid: number, unitGrid: number, withHistograms: boolean): ModelSnapshot {
    const model = this.run.model(k);
    const n = grid * grid;
    const output = new Float32Array(n);
    packOutput(this.run.predict(k, this.plane(grid), n), model.outputSize, model.loss === 'mse' && this.data.task === 'classification', this.data.task, output);
    const units = unitGrid > 0 ? this.unitMaps(k, unitGrid) : new Float32Array(0);
    const divergence = this.run.divergence(k);
    if (divergence) {
      for (const a of [output, units]) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) a[i] = 0;
    }
    return {
      label: this.labels[k],
      newEpochs: this.run.takeEpochs(k),
      output,
      grid,
      units,
      unitGrid,
      layers: model.layers.map(layerParams),
      health: this.run.unitHealth(k),
      histograms: withHistograms ? this.run.histograms(k) : [],
      diverged: divergence ? divergenceText(divergence) : null,
      divergence: divergence ? { ...divergence } : null,
    };
  }

  /** Inputs, hidden units and output units over the plane, each unitGrid², concatenated in network order. */
  private unitMaps(k: number, unitGrid: number): Float32Array {
    const model = this.run.model(k);
    const n = unitGrid * unitGrid;
    const inputs = this.plane(unitGrid);
    const w = model.inputSize;
    const hiddenUnits = model.layers.slice(0, -1).reduce((s, l) => s + l.units, 0);
    const out = new Float32Array((w + hiddenUnits + model.outputSize) * n);
    let o = 0;
    for (let c = 0; c < w; c++) {
      for (let i = 0; i < n; i++) out[o + i] = inputs[i * w + c];
      o += n;
    }
    const pass = this.run.pass(k, inputs, n);
    for (let li = 0; li < pass.length - 1; li++) {
      const a = pass[li].a;
      const u = model.layers[li].units;
      for (let j = 0; j < u; j++) {
        for (let i = 0; i < n; i++) out[o + i] = a[i * u + j];
        o += n;
      }
    }
    const kk = model.outputSize;
    const probs = new Float32Array(n * kk);
    outputFromLogits(model.loss, pass[pass.length - 1].a, probs, n, kk);
    for (let j = 0; j < kk; j++) {
      for (let i = 0; i < n; i++) out[o + i] = probs[i * kk + j];
      o += n;
    }
    return out;
  }
}

/** The page's data choice as a core data spec: built-in sets by name, uploaded or clicked points as rows in memory. */
function prepare(spec: RunSpec): { prepared: PreparedData; planeColumns: [number, number]; custom: boolean } {
  const split = { testRatio: spec.trainRatio >= 100 ? 0 : 1 - spec.trainRatio / 100, seed: Number.isInteger(spec.dataSeed) ? spec.dataSeed : 0 };
  if (spec.dataset === 'custom') {
    const cd = spec.customData;
    if (!cd) throw new ActlabError('the custom data set is empty; upload a CSV file or click points on the plane');
    const rows: Dataset = datasetFromRows(cd);
    const planeColumns = checkPlaneColumns(cd.planeColumns, rows.d);
    return { prepared: prepareData({ name: rows.name, ...split }, {}, { rows, allowNoTest: true }), planeColumns, custom: true };
  }
  const known = (CLASSIFICATION_SETS as readonly string[]).includes(spec.dataset) || (REGRESSION_SETS as readonly string[]).includes(spec.dataset);
  if (!known) throw new ActlabError(`unknown data set '${String(spec.dataset)}'; pick one of the thumbnails`);
  if (!Number.isInteger(spec.points) || spec.points < LIMITS.minPoints || spec.points > LIMITS.maxPoints) {
    throw new ActlabError(`the number of points must be a whole number from ${LIMITS.minPoints} to ${LIMITS.maxPoints} (got ${String(spec.points)}); change it in the controls`);
  }
  if (!(spec.noise >= 0 && spec.noise <= 100)) throw new ActlabError(`noise must be a number from 0 to 100 (got ${String(spec.noise)}); move the noise slider`);
  if (!Number.isInteger(spec.dataSeed)) throw new ActlabError(`the data seed must be a whole number (got ${String(spec.dataSeed)}); press Regenerate`);
  const data = { name: spec.dataset, n: spec.points, noise: spec.noise / 100, ...split };
  return { prepared: prepareData(data, {}, { allowNoTest: true }), planeColumns: [0, 1], custom: false };
}

/** The network's inputs: Playground features of the plane columns, or every CSV column standardised (more than 2 columns). */
function inputEncoder(p: PreparedData, features: readonly string[], planeColumns: [number, number], custom: boolean): InputEncoder {
  const d = p.featureNames.length;
  if (custom && d > 2) return standardEncoder(p.featureNames, p.standardizer.mean, p.standardizer.std, planeColumns);
  const names: [string, string] = custom ? [p.featureNames[planeColumns[0]], p.featureNames[planeColumns[1] ?? 0]] : ['x1', 'x2'];
  return featureEncoder(features, d, planeColumns, names);
}

/** The page's description of the data: names, the plane's points (raw coordinates of the plane columns) and extent. */
function dataInfo(p: PreparedData, numClasses: number, encoder: InputEncoder, planeColumns: [number, number], spec: RunSpec): DataInfo {
  const { train, test } = p.raw;
  const d = train.d;
  const nAll = train.n + test.n;
  const xy = new Float32Array(2 * nAll);
  const label = new Float32Array(nAll);
  const isTest = new Uint8Array(nAll);
  const [c1, c2] = planeColumns;
  [train, test].forEach((part, t) => {
    const off = t === 0 ? 0 : train.n;
    for (let i = 0; i < part.n; i++) {
      xy[2 * (off + i)] = part.x[i * d + c1];
      xy[2 * (off + i) + 1] = part.x[i * d + (d > 1 ? c2 : c1)];
      label[off + i] = part.y[i];
      isTest[off + i] = t;
    }
  });
  const custom = spec.dataset === 'custom';
  return {
    task: p.task,
    numClasses,
    classNames: p.task === 'classification' ? [...(p.classNames ?? Array.from({ length: numClasses }, (_, i) => String(i)))] : [],
    featureNames: [...p.featureNames],
    inputNames: [...encoder.names],
    inputStandardizer: encoder.features === null ? { mean: [...encoder.standardizer.mean], std: [...encoder.standardizer.std] } : null,
    planeColumns: [planeColumns[0], planeColumns[1] ?? 0],
    // Points clicked on the plane keep the plane's scale (it must not rescale under the cursor).
    extent: custom ? (spec.customData?.source === 'clicked' ? withinBuiltin(extentOf(xy, nAll)) : extentOf(xy, nAll)) : [...BUILTIN_EXTENT],
    targetRange: targetRange(p),
    points: { xy, label, isTest },
    nTrain: train.n,
    nTest: test.n,
  };
}

/** The page's hyper-parameters as the core's. */
function hyperOf(s: RunSpec): LiveHyper {
  return { learningRate: s.learningRate, batchSize: s.batchSize, optimizer: s.optimizer, regularization: s.regularization, regRate: s.regRate };
}

/**
 * The output heatmap values (see ModelSnapshot.output) from the model's outputs (probabilities, or values for
 * mse): one column as it is (clamped to [0, 1] for a classification trained with mse); more columns packed as
 * the argmax class + its confidence.
 */
function packOutput(probs: Float32Array, k: number, clamp: boolean, task: DataInfo['task'], out: Float32Array): void {
  const n = out.length;
  if (task === 'regression') {
    out.set(probs.subarray(0, n));
    return;
  }
  if (k === 1) {
    for (let i = 0; i < n; i++) out[i] = clamp ? clamp01(probs[i]) : probs[i];
    return;
  }
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let best = 0;
    let max = probs[o];
    for (let j = 1; j < k; j++) {
      if (probs[o + j] > max) {
        max = probs[o + j];
        best = j;
      }
    }
    out[r] = best + Math.min(MAX_PACKED_P, clamp ? clamp01(max) : max);
  }
}

/** Checks the parts of a RunSpec the session reads; throws a one-line ActlabError. */
function checkSpec(spec: RunSpec): RunSpec {
  if (!spec || typeof spec !== 'object') throw new ActlabError('the run settings are missing; reload the page');
  const int = (v: number, what: string, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new ActlabError(`${what} must be a whole number from ${lo} to ${hi} (got ${String(v)}); change it in the controls`);
  };
  const num = (v: number, what: string, lo: number, hi: number, example: string): void => {
    if (typeof v !== 'number' || !(v >= lo && v <= hi)) throw new ActlabError(`${what} must be a number from ${lo} to ${hi} (got ${String(v)}); try ${example}`);
  };
  if (!Array.isArray(spec.hidden)) throw new ActlabError('the hidden layers are missing from the settings; reload the page');
  int(spec.hidden.length, 'the number of hidden layers', 0, LIMITS.maxLayers);
  spec.hidden.forEach((h, i) => int(h?.units, `the width of hidden layer ${i + 1}`, 1, LIMITS.maxUnits));
  if (!Array.isArray(spec.compare)) throw new ActlabError('the compared activations are missing from the settings; reload the page');
  int(spec.compare.length, 'the number of compared activations', 0, LIMITS.maxCompare);
  if (spec.compare.length > 0 && spec.hidden.length === 0) throw new ActlabError('compare mode needs at least one hidden layer; add a layer or stop comparing');
  if (typeof spec.learningRate !== 'number' || !(spec.learningRate > 0 && spec.learningRate <= 1e6)) {
    throw new ActlabError(`the learning rate must be a positive number up to 1000000 (got ${String(spec.learningRate)}); try 0.03`);
  }
  int(spec.batchSize, 'the batch size', 1, 100_000);
  num(spec.regRate, 'the regularisation rate', 0, 1e6, '0.001');
  num(spec.trainRatio, 'the training ratio', 1, 100, '50');
  int(spec.initSeed, 'the initialisation seed', -2_147_483_648, 4_294_967_295);
  if (!['sgd', 'momentum', 'adam'].includes(spec.optimizer)) throw new ActlabError(`unknown optimizer '${String(spec.optimizer)}'; use sgd, momentum or adam`);
  if (!['none', 'l1', 'l2'].includes(spec.regularization)) throw new ActlabError(`unknown regularization '${String(spec.regularization)}'; use none, l1 or l2`);
  if (!['mse', 'binary_crossentropy', 'categorical_crossentropy'].includes(spec.loss)) {
    throw new ActlabError(`unknown loss '${String(spec.loss)}'; use mse, binary_crossentropy or categorical_crossentropy`);
  }
  return spec;
}

function pickHyper(h: HyperParams): Partial<RunSpec> {
  return { learningRate: h.learningRate, batchSize: h.batchSize, optimizer: h.optimizer, regularization: h.regularization, regRate: h.regRate };
}

/** Resolves activation text, naming where it was typed in the error. */
function resolveNamed(text: string, where: string): LayerActivation {
  if (typeof text !== 'string') throw new ActlabError(`${where} has no activation; pick one such as tanh`);
  try {
    return resolveActivation(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ActlabError(`${where}: ${msg}`);
  }
}

/** The MSE output activation; identity/linear means none (a plain linear output). */
function outputActivationOf(text: string | undefined): LayerActivation | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const act = resolveNamed(text, 'the output activation');
  const id = act.key.split(':')[0].trim().toLowerCase();
  return id === 'identity' || id === 'linear' || id === 'x' ? undefined : act;
}

/** Label of a run: its hidden activations (one key when all layers share it). */
function runLabel(acts: readonly LayerActivation[]): string {
  if (acts.length === 0) return 'linear';
  const keys = acts.map((a) => a.key);
  return keys.every((k) => k === keys[0]) ? keys[0] : keys.join(', ');
}

function checkPlaneColumns(pc: readonly number[] | undefined, d: number): [number, number] {
  const cols: [number, number] = pc && pc.length === 2 ? [pc[0], pc[1]] : [0, Math.min(1, d - 1)];
  for (const c of cols) {
    if (!Number.isInteger(c) || c < 0 || c >= d) throw new ActlabError(`plane column ${String(c)} does not exist (the data has ${d} columns); pick the plane's columns again`);
  }
  return cols;
}

/** The built-in plane extent, grown only where points lie outside it. */
function withinBuiltin(e: [number, number, number, number]): [number, number, number, number] {
  const b = BUILTIN_EXTENT;
  return [Math.min(b[0], e[0]), Math.max(b[1], e[1]), Math.min(b[2], e[2]), Math.max(b[3], e[3])];
}

/** Extent of the points with 10% padding, at least 1 wide in each direction. */
function extentOf(xy: Float32Array, n: number): [number, number, number, number] {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, xy[2 * i]);
    x1 = Math.max(x1, xy[2 * i]);
    y0 = Math.min(y0, xy[2 * i + 1]);
    y1 = Math.max(y1, xy[2 * i + 1]);
  }
  const pad = (lo: number, hi: number): [number, number] => {
    const w = Math.max(hi - lo, 1);
    const c = (lo + hi) / 2;
    return [c - 0.55 * w, c + 0.55 * w];
  };
  const [a, b] = pad(x0, x1);
  const [c, d] = pad(y0, y1);
  return [a, b, c, d];
}

function checkGrid(v: number, what: string, min: number): number {
  if (!Number.isInteger(v) || v < min || v > MAX_GRID) throw new ActlabError(`frame ${what} must be a whole number from ${min} to ${MAX_GRID} (got ${String(v)}); ask for a smaller frame`);
  return v;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function layerParams(l: Model['layers'][number]): LayerParams {
  return {
    inputSize: l.inputSize,
    units: l.units,
    activation: l.activation ? l.activation.key : null,
    weights: l.weights.slice(),
    bias: l.bias.slice(),
    params: l.sharedParams.slice(),
  };
}


/**
 * One training session of the explorer: the data (built-in or custom), the train/test split, the input
 * encoding, and one model per run (run 0 as specified; in compare mode one more run per compared
 * activation, with the same initial weights and shuffling, trained in lockstep). Pure: no worker globals,
 * so it runs (and is tested) in Node as well as in the worker.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import { logSumExp } from '../../../src/activations/vector.js';
import { createDataset, type Dataset } from '../../../src/data/dataset.js';
import { getDataset } from '../../../src/data/builtins.js';
import { fitStandardizer } from '../../../src/data/standardizer.js';
import { trainTestSplit } from '../../../src/data/trainTestSplit.js';
import type { LayerDiagnostics } from '../../../src/nn/diagnostics.js';
import type { LayerActivation } from '../../../src/nn/layerActivation.js';
import { outputFromLogits, type LossName } from '../../../src/nn/losses.js';
import { createModel, type Model } from '../../../src/nn/model.js';
import { saveModel } from '../../../src/run/savedModel.js';
import { createTrainer, type EpochRecord, type TrainData, type Trainer } from '../../../src/nn/trainer.js';
import { sigmoid } from '../../../src/expr/runtime.js';
import { lossFor } from '../../../src/experiments/defaults.js';
import { encodeTargets, outputWidth } from '../../../src/experiments/encodeTargets.js';
import { classificationAccuracy } from '../../../src/run/accuracy.js';
import { ActlabError } from '../../../src/util/errors.js';
import { createRng } from '../../../src/util/rng.js';
import { CLASSIFICATION_SETS, LIMITS, REGRESSION_SETS, type CustomData } from '../state/types.js';
import { Inference } from './inference.js';
import { BUILTIN_EXTENT, featureEncoder, gridPoints, standardEncoder, type InputEncoder } from './features.js';
import type { DataInfo, Divergence, EpochPoint, FrameRequest, Histogram, HyperParams, LayerParams, ModelSnapshot, RunSpec, UnitHealth } from './protocol.js';

/** Bins of the activation histograms. */
export const HISTOGRAM_BINS = 30;
/** Largest heatmap resolution a frame may ask for. */
export const MAX_GRID = 400;
/** Epoch records kept for the page between two snapshots (older ones are dropped if nobody asks). */
export const MAX_PENDING_EPOCHS = 20_000;
/** Largest multi-class confidence packed into the output heatmap (class + p stays below class + 1). */
const MAX_PACKED_P = 0.9999;
/** Epoch limit handed to the trainer: practically unbounded. */
const ENDLESS = 1_000_000_000;

/** What one run trains: its model, trainer and what the page has not seen yet. */
interface Run {
  readonly label: string;
  readonly model: Model;
  trainer: Trainer | null;
  diverged: string | null;
  divergence: Divergence | null;
  pending: EpochPoint[];
  lastDiagnostics: readonly LayerDiagnostics[] | null;
  /** Drawing passes (own buffers). */
  readonly inference: Inference;
}

/** Prepared data: network inputs and targets of both parts. */
interface Prepared {
  readonly info: DataInfo;
  readonly encoder: InputEncoder;
  readonly train: TrainData;
  readonly test: TrainData | null;
  /** Loss from the task and the spec. */
  readonly loss: LossName;
  readonly outputSize: number;
  readonly classNames: string[] | null;
}

/** Grid buffers reused across snapshots, per resolution. */
interface PlaneCache {
  readonly inputs: Float32Array;
}

/**
 * Builds data and models from a RunSpec, trains them mini-batch by mini-batch (every live run one batch per
 * session step, in lockstep) and describes them for drawing. Training is deterministic whatever the slicing:
 * n steps at once or one by one give bit-identical weights and records.
 */
export class Session {
  /** Data description for the page ('ready'). */
  readonly data: DataInfo;
  /** One label per run. */
  readonly labels: string[];
  /** Session epochs done (every live run trains one epoch per session epoch). */
  epoch = 0;
  private spec: RunSpec;
  private readonly prepared: Prepared;
  private readonly hiddenActivations: LayerActivation[][];
  private readonly outputActivation: LayerActivation | undefined;
  private runs: Run[] = [];
  private readonly planes = new Map<number, PlaneCache>();
  private trainerStart = 0;
  /** Steps done in the current epoch (0 at an epoch boundary), and steps per epoch at the current batch size. */
  private stepInEpoch = 0;
  private stepsPerEpoch = 1;
  /** New hyper-parameters wait for the end of the epoch in progress (epochs stay whole). */
  private hyperPending = false;

  constructor(spec: RunSpec) {
    this.spec = checkSpec(spec);
    this.prepared = prepareData(this.spec);
    this.data = this.prepared.info;
    const base = this.spec.hidden.map((h, i) => resolveNamed(h.activation, `hidden layer ${i + 1}`));
    this.hiddenActivations = [base, ...this.spec.compare.map((text, k) => {
      const act = resolveNamed(text, `compared activation ${k + 1}`);
      return base.map(() => act);
    })];
    this.outputActivation = this.prepared.loss === 'mse' ? outputActivationOf(this.spec.outputActivation) : undefined;
    this.labels = this.hiddenActivations.map(runLabel);
    this.build();
  }

  /** Number of runs (1, or 1 + compared activations). */
  get runCount(): number {
    return this.runs.length;
  }

  /** True when every run has diverged: nothing is left to train. */
  get stopped(): boolean {
    return this.runs.every((r) => r.diverged !== null);
  }

  /** The model of run `k` (for tests and the benchmark; do not keep it across `reset`). */
  model(k: number): Model {
    return this.runAt(k).model;
  }

  /** Divergence message of run `k` (English, one line), or null. */
  diverged(k: number): string | null {
    return this.runAt(k).diverged;
  }

  /** Why run `k` diverged, or null. */
  divergence(k: number): Divergence | null {
    return this.runAt(k).divergence;
  }

  /** Mini-batches in one epoch (for paced training). */
  get epochSteps(): number {
    return this.stepsPerEpoch;
  }

  /** True between two epoch boundaries (some batches of the current epoch are done). */
  get midEpoch(): boolean {
    return this.stepInEpoch > 0;
  }

  /**
   * Changes learning rate, batch size, optimiser or regularisation; the weights stay as they are. Mid-epoch,
   * the change takes effect at the end of the epoch in progress (so epochs stay whole and the result does
   * not depend on when, within an epoch, the change arrived).
   */
  setHyper(h: HyperParams): void {
    this.spec = checkSpec({ ...this.spec, ...pickHyper(h) });
    if (this.stepInEpoch === 0) this.applyHyper();
    else this.hyperPending = true;
  }

  /** Re-initialises the weights (same seed → same weights) with the current settings, and clears the history and divergence. */
  reset(): void {
    this.epoch = 0;
    this.trainerStart = 0;
    this.stepInEpoch = 0;
    this.hyperPending = false;
    this.build();
  }

  /** Trains to the end of the current epoch (a whole epoch at a boundary) every run that has not diverged. */
  trainEpoch(): void {
    if (this.stopped) return;
    do this.stepOnce();
    while (this.stepInEpoch !== 0 && !this.stopped);
  }

  /**
   * Trains up to `maxSteps` mini-batches (each: one batch of every live run, in lockstep), stopping early
   * when `enough()` (asked after each step) says so or every run has diverged. Epochs finish across calls;
   * their records are made at epoch ends. Returns the steps done.
   */
  trainSteps(maxSteps: number, enough?: () => boolean): number {
    let done = 0;
    while (done < maxSteps && !this.stopped) {
      this.stepOnce();
      done++;
      if (enough?.()) break;
    }
    return done;
  }

  /** One mini-batch of every live run; closes the epoch after its last batch. */
  private stepOnce(): void {
    if (this.stepInEpoch === 0 && this.hyperPending) this.applyHyper();
    const ended: Array<[Run, EpochRecord]> = [];
    for (const r of this.runs) {
      if (!r.trainer) continue;
      try {
        const { epochRecord } = r.trainer.step();
        if (epochRecord) ended.push([r, epochRecord]);
      } catch (e) {
        if (e instanceof ActlabError && /diverged/.test(e.message)) {
          this.diverge(r, e.message);
          continue;
        }
        throw e;
      }
    }
    this.stepInEpoch++;
    if (this.stepInEpoch >= this.stepsPerEpoch || ended.length > 0) {
      this.stepInEpoch = 0;
      this.epoch++;
    }
    for (const [r, rec] of ended) {
      r.lastDiagnostics = rec.diagnostics;
      r.pending.push(this.epochPoint(r, rec));
      if (r.pending.length > MAX_PENDING_EPOCHS) r.pending.splice(0, r.pending.length - MAX_PENDING_EPOCHS);
    }
  }

  private applyHyper(): void {
    this.hyperPending = false;
    this.trainerStart = this.epoch;
    for (const r of this.runs) if (r.trainer) r.trainer = this.makeTrainer(r.model);
    this.stepsPerEpoch = stepsPerEpoch(this.prepared.train.rows, this.spec.batchSize);
  }

  /** Stops run `r`, saying why: its activation's fault when one gave NaN/∞ for a finite input, else the loss's. */
  private diverge(r: Run, message: string): void {
    const epoch = this.epoch + 1;
    const value: Divergence['value'] = /Infinity/.test(message) ? 'infinite' : 'NaN';
    const fault = activationFault(r, this.prepared.train);
    r.divergence = fault ? { epoch, cause: 'activation', ...fault } : { epoch, cause: 'loss', value };
    r.diverged = divergenceText(r.divergence);
    r.trainer = null;
  }

  /** Sets weight W[from, to] of layer `layer` (0 = first hidden layer; the last is the output layer) of run `model`; `from` -1 sets bias[to]. */
  setWeight(model: number, layer: number, from: number, to: number, value: number): void {
    const m = this.runAt(model).model;
    if (!Number.isInteger(layer) || layer < 0 || layer >= m.layers.length) {
      throw new ActlabError(`layer ${layer} does not exist (the model has layers 0..${m.layers.length - 1}); pick a drawn link`);
    }
    const l = m.layers[layer];
    if (!Number.isInteger(to) || to < 0 || to >= l.units) throw new ActlabError(`unit ${to} does not exist in layer ${layer} (it has ${l.units}); pick a drawn unit`);
    if (!Number.isInteger(from) || from < -1 || from >= l.inputSize) {
      throw new ActlabError(`input ${from} does not exist in layer ${layer} (it has ${l.inputSize}; -1 is the bias); pick a drawn link`);
    }
    if (!Number.isFinite(value)) throw new ActlabError(`weight value ${value} is not a finite number; type a number such as 0.5`);
    if (from === -1) l.bias[to] = value;
    else l.weights[from * l.units + to] = value;
  }

  /**
   * Run `k`'s model as saved-model JSON (src/run, version 2), what `actlab predict` and `actlab export` read:
   * the network inputs as CSV column names, the standardiser and class names. Derived inputs (x1^2, sin(x1), …)
   * must be columns of the CSV given to predict; `notes.explorer` says how they are made.
   */
  exportModel(k: number): string {
    const run = this.runAt(k);
    const { encoder, classNames, info } = this.prepared;
    const s = this.spec;
    const saved = saveModel(run.model, {
      spec: null,
      featureNames: [...encoder.names],
      standardizer: { mean: [...encoder.standardizer.mean], std: [...encoder.standardizer.std] },
      target: null,
      task: info.task,
      classNames,
      notes: {
        explorer: {
          config: {
            dataset: s.dataset, hidden: s.hidden, activations: run.label, outputActivation: this.outputActivation?.key ?? null,
            loss: run.model.loss, optimizer: s.optimizer, learningRate: s.learningRate, batchSize: s.batchSize,
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
    const models = this.runs.map((r) => {
      const snap = this.modelSnapshot(r, grid, unitGrid, req.histograms);
      transfer.push(snap.output.buffer as ArrayBuffer, snap.units.buffer as ArrayBuffer);
      for (const l of snap.layers) transfer.push(l.weights.buffer as ArrayBuffer, l.bias.buffer as ArrayBuffer, l.params.buffer as ArrayBuffer);
      for (const h of snap.histograms) transfer.push(h.edges.buffer as ArrayBuffer, h.counts.buffer as ArrayBuffer, h.zEdges.buffer as ArrayBuffer, h.zCounts.buffer as ArrayBuffer);
      for (const a of [...snap.health.dead, ...snap.health.saturated]) transfer.push(a.buffer as ArrayBuffer);
      return snap;
    });
    return { models, transfer };
  }

  private runAt(k: number): Run {
    const r = this.runs[k];
    if (!Number.isInteger(k) || !r) throw new ActlabError(`model ${k} does not exist (there ${this.runs.length === 1 ? 'is 1 model' : `are ${this.runs.length} models`}); pick one of 0..${this.runs.length - 1}`);
    return r;
  }

  private build(): void {
    const { prepared, spec } = this;
    let first: Model | null = null;
    this.runs = this.hiddenActivations.map((acts, k) => {
      const model = createModel(
        {
          inputSize: prepared.encoder.width,
          hidden: spec.hidden.map((h, i) => ({ units: h.units, activation: acts[i] })),
          outputSize: prepared.outputSize,
          loss: prepared.loss,
          ...(this.outputActivation ? { outputActivation: this.outputActivation } : {}),
        },
        createRng(spec.initSeed),
      );
      if (first) {
        const src: Model = first;
        model.layers.forEach((l, i) => {
          l.weights.set(src.layers[i].weights);
          l.bias.set(src.layers[i].bias);
        });
      } else {
        first = model;
      }
      return { label: this.labels[k], model, trainer: this.makeTrainer(model), diverged: null, divergence: null, pending: [], lastDiagnostics: null, inference: new Inference() };
    });
    this.stepsPerEpoch = stepsPerEpoch(prepared.train.rows, spec.batchSize);
  }

  private makeTrainer(model: Model): Trainer {
    const s = this.spec;
    const p = this.prepared;
    return createTrainer(model, { train: p.train, ...(p.test ? { test: p.test } : {}) }, {
      epochs: ENDLESS,
      learningRate: s.learningRate,
      batchSize: s.batchSize,
      // The same shuffling for every run; a new stream after each change of hyper-parameters.
      seed: (s.initSeed + 1_000_003 * this.trainerStart) >>> 0,
      optimizer: { name: s.optimizer },
      l1: s.regularization === 'l1' ? s.regRate : 0,
      l2: s.regularization === 'l2' ? s.regRate : 0,
      diagnostics: true,
    });
  }

  private epochPoint(r: Run, rec: EpochRecord): EpochPoint {
    const hidden = rec.diagnostics.filter((d) => d.deadFraction !== null);
    let trainAccuracy = rec.trainAccuracy ?? null;
    let testAccuracy = rec.testAccuracy ?? null;
    const p = this.prepared;
    if (p.info.task === 'classification' && p.loss === 'mse') {
      trainAccuracy = classificationAccuracy(r.model, p.train);
      testAccuracy = p.test ? classificationAccuracy(r.model, p.test) : null;
    }
    return {
      epoch: this.epoch,
      trainLoss: rec.trainLoss,
      testLoss: rec.testLoss,
      trainAccuracy,
      testAccuracy,
      gradNorms: rec.diagnostics.map((d) => d.gradNorm),
      deadFractions: hidden.map((d) => d.deadFraction ?? 0),
      saturatedFractions: hidden.map((d) => d.saturatedFraction ?? 0),
    };
  }

  private plane(grid: number): PlaneCache {
    let c = this.planes.get(grid);
    if (!c) {
      const xy = gridPoints(this.data.extent, grid);
      c = { inputs: this.prepared.encoder.encodePlane(xy, grid * grid) };
      this.planes.set(grid, c);
    }
    return c;
  }

  private modelSnapshot(r: Run, grid: number, unitGrid: number, withHistograms: boolean): ModelSnapshot {
    const model = r.model;
    const p = this.prepared;
    const n = grid * grid;
    const pass = r.inference.run(model, this.plane(grid).inputs, n);
    const logits = pass[pass.length - 1].a;
    const output = new Float32Array(n);
    packOutput(p, logits, n, output);
    const units = unitGrid > 0 ? this.unitMaps(r, unitGrid) : new Float32Array(0);
    if (r.diverged) {
      for (const a of [output, units]) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) a[i] = 0;
    }
    const newEpochs = r.pending;
    r.pending = [];
    return {
      label: r.label,
      newEpochs,
      output,
      grid,
      units,
      unitGrid,
      layers: model.layers.map(layerParams),
      health: healthOf(model, r.lastDiagnostics),
      histograms: withHistograms ? histogramsOf(r, p.train) : [],
      diverged: r.diverged,
      divergence: r.divergence ? { ...r.divergence } : null,
    };
  }

  /** Inputs, hidden units and output units over the plane, each unitGrid², concatenated in network order. */
  private unitMaps(r: Run, unitGrid: number): Float32Array {
    const model = r.model;
    const n = unitGrid * unitGrid;
    const inputs = this.plane(unitGrid).inputs;
    const w = model.inputSize;
    const hiddenUnits = model.layers.slice(0, -1).reduce((s, l) => s + l.units, 0);
    const out = new Float32Array((w + hiddenUnits + model.outputSize) * n);
    let o = 0;
    for (let k = 0; k < w; k++) {
      for (let i = 0; i < n; i++) out[o + i] = inputs[i * w + k];
      o += n;
    }
    const pass = r.inference.run(model, inputs, n);
    const logits = pass[pass.length - 1].a;
    for (let li = 0; li < pass.length - 1; li++) {
      const a = pass[li].a;
      const u = model.layers[li].units;
      for (let j = 0; j < u; j++) {
        for (let i = 0; i < n; i++) out[o + i] = a[i * u + j];
        o += n;
      }
    }
    const k = model.outputSize;
    const probs = new Float32Array(n * k);
    outputFromLogits(model.loss, logits, probs, n, k);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < n; i++) out[o + i] = probs[i * k + j];
      o += n;
    }
    return out;
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

/** Mini-batches per epoch (the trainer's last batch takes the rows left over). */
function stepsPerEpoch(rows: number, batchSize: number): number {
  return Math.ceil(rows / Math.max(1, Math.min(batchSize, rows)));
}

/**
 * The first layer whose activation gave NaN/∞ for a finite pre-activation on the training rows (with the
 * weights as they are), or null: then the loss itself blew up.
 */
function activationFault(r: Run, train: TrainData): Omit<Divergence, 'epoch' | 'cause'> | null {
  const layers = r.model.layers;
  const pass = r.inference.run(r.model, train.x, train.rows, true);
  for (let li = 0; li < layers.length; li++) {
    const act = layers[li].activation;
    if (!act) continue;
    const { z, a } = pass[li];
    const len = train.rows * layers[li].units;
    for (let i = 0; i < len; i++) {
      if (Number.isFinite(z[i]) && !Number.isFinite(a[i])) {
        return {
          value: Number.isNaN(a[i]) ? 'NaN' : 'infinite',
          activation: act.key,
          layer: li === layers.length - 1 ? 'output' : li + 1,
          input: z[i],
        };
      }
    }
  }
  return null;
}

/** English one-line summary of a divergence (ModelSnapshot.diverged). */
export function divergenceText(d: Divergence): string {
  if (d.cause === 'activation') {
    const where = d.layer === 'output' ? 'the output layer' : `hidden layer ${String(d.layer)}`;
    return `training diverged at epoch ${d.epoch}: the activation ${d.activation ?? '?'} of ${where} gave ${d.value} for a finite input (${String(d.input)}); choose another activation`;
  }
  return `training diverged at epoch ${d.epoch} (loss became ${d.value}); lower the learning rate and press play to restart the network`;
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

/** Makes the data set, splits it, encodes the inputs and targets, and describes it. */
function prepareData(spec: RunSpec): Prepared {
  const custom = spec.dataset === 'custom';
  let ds: Dataset;
  let planeColumns: [number, number] = [0, 1];
  if (custom) {
    const cd = spec.customData;
    if (!cd) throw new ActlabError('the custom data set is empty; upload a CSV file or click points on the plane');
    ds = customDataset(cd);
    planeColumns = checkPlaneColumns(cd.planeColumns, ds.d);
  } else {
    const known = (CLASSIFICATION_SETS as readonly string[]).includes(spec.dataset) || (REGRESSION_SETS as readonly string[]).includes(spec.dataset);
    if (!known) throw new ActlabError(`unknown data set '${String(spec.dataset)}'; pick one of the thumbnails`);
    if (!Number.isInteger(spec.points) || spec.points < LIMITS.minPoints || spec.points > LIMITS.maxPoints) {
      throw new ActlabError(`the number of points must be a whole number from ${LIMITS.minPoints} to ${LIMITS.maxPoints} (got ${String(spec.points)}); change it in the controls`);
    }
    if (!(spec.noise >= 0 && spec.noise <= 100)) throw new ActlabError(`noise must be a number from 0 to 100 (got ${String(spec.noise)}); move the noise slider`);
    if (!Number.isInteger(spec.dataSeed)) throw new ActlabError(`the data seed must be a whole number (got ${String(spec.dataSeed)}); press Regenerate`);
    ds = getDataset(spec.dataset, { n: spec.points, noise: spec.noise / 100, seed: spec.dataSeed });
  }
  const task = ds.task;
  const numClasses = task === 'classification' ? (ds.numClasses ?? 2) : 0;
  // Rows: train then test, each in the split's order.
  let trainDs: Dataset;
  let testDs: Dataset | null;
  if (spec.trainRatio >= 100) {
    trainDs = ds;
    testDs = null;
  } else {
    const split = trainTestSplit(ds, { testRatio: 1 - spec.trainRatio / 100, seed: Number.isInteger(spec.dataSeed) ? spec.dataSeed : 0 });
    trainDs = split.train;
    testDs = split.test;
  }
  let encoder: InputEncoder;
  if (custom && ds.d > 2) {
    const s = fitStandardizer(trainDs);
    encoder = standardEncoder(ds.featureNames, s.mean, s.std, planeColumns);
  } else {
    const names: [string, string] = custom ? [ds.featureNames[planeColumns[0]], ds.featureNames[planeColumns[1] ?? 0]] : ['x1', 'x2'];
    encoder = featureEncoder(spec.features, ds.d, planeColumns, names);
  }
  // Loss, output width and target encoding are the core's (src/experiments): the CLI and the lessons decide them the same way.
  const loss: LossName = lossFor(task, numClasses, spec.loss === 'mse' ? 'mse' : undefined);
  const outputSize = outputWidth(ds, loss);
  const targets = (part: Dataset): Float32Array => encodeTargets(part, loss).y.slice();
  const train: TrainData = { x: encoder.encodeRows(trainDs.x, trainDs.n), y: targets(trainDs), rows: trainDs.n };
  const test: TrainData | null = testDs && testDs.n > 0 ? { x: encoder.encodeRows(testDs.x, testDs.n), y: targets(testDs), rows: testDs.n } : null;

  const nAll = trainDs.n + (testDs?.n ?? 0);
  const xy = new Float32Array(2 * nAll);
  const label = new Float32Array(nAll);
  const isTest = new Uint8Array(nAll);
  const [c1, c2] = planeColumns;
  [trainDs, testDs].forEach((part, t) => {
    if (!part) return;
    const off = t === 0 ? 0 : trainDs.n;
    for (let i = 0; i < part.n; i++) {
      xy[2 * (off + i)] = part.x[i * ds.d + c1];
      xy[2 * (off + i) + 1] = part.x[i * ds.d + (ds.d > 1 ? c2 : c1)];
      label[off + i] = part.y[i];
      isTest[off + i] = t;
    }
  });
  let targetRange: [number, number] = [0, 1];
  if (task === 'regression') {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < ds.n; i++) {
      lo = Math.min(lo, ds.y[i]);
      hi = Math.max(hi, ds.y[i]);
    }
    targetRange = lo < hi ? [lo, hi] : [lo - 1, lo + 1];
  }
  const classNames = task === 'classification' ? (ds.classNames ?? Array.from({ length: numClasses }, (_, i) => String(i))) : null;
  const info: DataInfo = {
    task,
    numClasses,
    classNames: classNames ?? [],
    featureNames: [...ds.featureNames],
    inputNames: [...encoder.names],
    inputStandardizer: encoder.features === null ? { mean: [...encoder.standardizer.mean], std: [...encoder.standardizer.std] } : null,
    planeColumns: [planeColumns[0], planeColumns[1] ?? 0],
    // Points clicked on the plane keep the plane's scale (it must not rescale under the cursor).
    extent: custom ? (spec.customData?.source === 'clicked' ? withinBuiltin(extentOf(xy, nAll)) : extentOf(xy, nAll)) : [...BUILTIN_EXTENT],
    targetRange,
    points: { xy, label, isTest },
    nTrain: trainDs.n,
    nTest: testDs?.n ?? 0,
  };
  return { info, encoder, train, test, loss, outputSize, classNames };
}

/** A Dataset from uploaded or clicked points, checked. */
function customDataset(cd: CustomData): Dataset {
  if (!Array.isArray(cd.featureNames) || !Array.isArray(cd.x) || !Array.isArray(cd.y)) {
    throw new ActlabError('the custom data is damaged (missing columns or rows); upload the CSV file again');
  }
  const d = cd.featureNames.length;
  if (d < 1) throw new ActlabError('the custom data has no feature columns; give the CSV at least two number columns and a target');
  if (cd.y.length < 2) throw new ActlabError(`the custom data has ${cd.y.length} point(s); add at least 2`);
  if (cd.x.length !== cd.y.length * d) {
    throw new ActlabError(`the custom data has ${cd.x.length} values for ${cd.y.length} rows × ${d} columns; upload the CSV file again`);
  }
  for (let i = 0; i < cd.x.length; i++) {
    if (typeof cd.x[i] !== 'number' || !Number.isFinite(cd.x[i])) {
      throw new ActlabError(`the custom data has a missing or non-numeric value in row ${Math.floor(i / d) + 1}, column '${cd.featureNames[i % d]}'; fix the CSV file`);
    }
  }
  for (let i = 0; i < cd.y.length; i++) {
    if (typeof cd.y[i] !== 'number' || !Number.isFinite(cd.y[i])) throw new ActlabError(`the custom data has a missing or non-numeric target in row ${i + 1}; fix the CSV file`);
  }
  const classification = cd.task === 'classification';
  if (!classification && cd.task !== 'regression') throw new ActlabError(`unknown task '${String(cd.task)}' of the custom data; use classification or regression`);
  let classNames: string[] | undefined;
  if (classification) {
    const maxLabel = cd.y.reduce((m, v) => Math.max(m, v), 0);
    classNames = cd.classNames && cd.classNames.length >= 2 ? [...cd.classNames] : Array.from({ length: Math.max(2, maxLabel + 1) }, (_, i) => String(i));
  }
  return createDataset({
    name: cd.source || 'custom',
    task: cd.task,
    featureNames: [...cd.featureNames],
    ...(classNames ? { classNames } : {}),
    x: Float32Array.from(cd.x),
    y: Float32Array.from(cd.y),
  });
}

function checkPlaneColumns(pc: readonly number[] | undefined, d: number): [number, number] {
  const cols: [number, number] = pc && pc.length === 2 ? [pc[0], pc[1]] : [0, Math.min(1, d - 1)];
  for (const c of cols) {
    if (!Number.isInteger(c) || c < 0 || c >= d) throw new ActlabError(`plane column ${String(c)} does not exist (the data has ${d} columns); pick the plane's columns again`);
  }
  return cols;
}

/** Extent of the points with 10% padding, at least 1 wide in each direction. */
/** The built-in plane extent, grown only where points lie outside it. */
function withinBuiltin(e: [number, number, number, number]): [number, number, number, number] {
  const b = BUILTIN_EXTENT;
  return [Math.min(b[0], e[0]), Math.max(b[1], e[1]), Math.min(b[2], e[2]), Math.max(b[3], e[3])];
}

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

/** The output heatmap values (see ModelSnapshot.output) from the last layer's outputs. */
function packOutput(p: Prepared, logits: Float32Array, n: number, out: Float32Array): void {
  const k = p.outputSize;
  if (p.info.task === 'regression') {
    out.set(logits.subarray(0, n));
    return;
  }
  if (k === 1) {
    if (p.loss === 'mse') for (let i = 0; i < n; i++) out[i] = clamp01(logits[i]);
    else for (let i = 0; i < n; i++) out[i] = sigmoid(logits[i]);
    return;
  }
  const softmax = p.loss !== 'mse';
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let best = 0;
    let max = logits[o];
    for (let j = 1; j < k; j++) {
      if (logits[o + j] > max) {
        max = logits[o + j];
        best = j;
      }
    }
    let conf: number;
    if (softmax) {
      conf = Math.exp(max - logSumExp(logits, o, k));
    } else {
      conf = clamp01(max);
    }
    out[r] = best + Math.min(MAX_PACKED_P, conf);
  }
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

function healthOf(model: Model, diags: readonly LayerDiagnostics[] | null): UnitHealth {
  const hidden = model.layers.slice(0, -1);
  return {
    dead: hidden.map((l, i) => Uint8Array.from(diags?.[i]?.deadUnits ?? new Array<number>(l.units).fill(0))),
    saturated: hidden.map((l, i) => Uint8Array.from(diags?.[i]?.saturatedUnits ?? new Array<number>(l.units).fill(0))),
  };
}

/** Histograms of z and a of every hidden layer over the training rows (one forward pass). */
function histogramsOf(r: Run, train: TrainData): Histogram[] {
  const hidden = r.model.layers.slice(0, -1);
  if (hidden.length === 0) return [];
  const n = train.rows;
  const pass = r.inference.run(r.model, train.x, n, true);
  return hidden.map((l, li) => {
    const { z, a } = pass[li];
    const len = n * l.units;
    const [zEdges, zCounts] = histogram(z, len);
    const [edges, counts] = histogram(a, len);
    let zeros = 0;
    for (let i = 0; i < len; i++) if (a[i] === 0) zeros++;
    return { edges, counts, zEdges, zCounts, zeroFraction: len > 0 ? zeros / len : 0 };
  });
}

function histogram(v: Float32Array, len: number, bins = HISTOGRAM_BINS): [Float32Array, Float32Array] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < len; i++) {
    const x = v[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = -1;
    hi = 1;
  } else if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float32Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  const counts = new Float32Array(bins);
  const scale = bins / (hi - lo);
  for (let i = 0; i < len; i++) {
    const x = v[i];
    if (!(x >= lo && x <= hi)) continue;
    const b = Math.min(bins - 1, Math.floor((x - lo) * scale));
    counts[b]++;
  }
  return [edges, counts];
}

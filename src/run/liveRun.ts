/**
 * A live run: one or more models trained mini-batch by mini-batch in lockstep on the same data (the
 * explorer's run, and its compare mode: the same initial weights and shuffling, one model per compared
 * activation), with hyper-parameters changed mid-run, epoch records, divergence detection that names its
 * cause, activation histograms, unit health, predictions through the inference API (src/nn/inference.ts,
 * buffers of its own) and saving through `saveModel`. Deterministic whatever the slicing: n steps at once or
 * one by one give bit-identical weights and records. Pure core: no worker or DOM globals.
 */
import type { Backend } from '../nn/backend.js';
import { defaultBackend } from '../nn/defaultBackend.js';
import type { LayerDiagnostics } from '../nn/diagnostics.js';
import { Inference, type PassLayer } from '../nn/inference.js';
import type { LayerActivation } from '../nn/layerActivation.js';
import { createModel, type Model } from '../nn/model.js';
import type { OptimizerName } from '../nn/optimizers.js';
import { createTrainer, type EpochRecord, type TrainData, type Trainer } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';
import { createRng } from '../util/rng.js';
import { classificationAccuracy } from './accuracy.js';
import type { LiveData } from './liveData.js';
import { saveModel, type SaveInfo, type SavedModelJson } from './savedModel.js';

/** Bins of the activation histograms. */
export const HISTOGRAM_BINS = 30;
/** Epoch records kept per model between two `takeEpochs` (older ones are dropped if nobody asks). */
export const MAX_PENDING_EPOCHS = 20_000;
/** Epoch limit handed to the trainer: practically unbounded. */
const ENDLESS = 1_000_000_000;

/** Training settings that can change mid-run without rebuilding the models. */
export interface LiveHyper {
  readonly learningRate: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly regularization: 'none' | 'l1' | 'l2';
  readonly regRate: number;
}

/** The models of a live run: hidden widths, each model's activation per hidden layer, the output activation (mse only). */
export interface LiveArchitecture {
  readonly hidden: readonly number[];
  /** One list per model, one activation per hidden layer. */
  readonly activations: readonly (readonly LayerActivation[])[];
  readonly outputActivation?: LayerActivation;
}

/** One epoch of one model. Accuracy: the one definition of `classificationAccuracy` whatever the loss. */
export interface LiveEpoch {
  epoch: number;
  trainLoss: number;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Mean L2 norm of dL/dW per layer (hidden layers then output). */
  gradNorms: number[];
  /** Dead-unit fraction per hidden layer. */
  deadFractions: number[];
  /** Saturated-unit fraction per hidden layer. */
  saturatedFractions: number[];
}

/**
 * Why a model stopped. `loss`: the loss became NaN/∞ (too large a learning rate, usually). `activation`: a
 * hidden (or the output) layer's activation gave NaN/∞ for a finite input, which no learning rate fixes.
 */
export interface LiveDivergence {
  /** Epoch during which it happened (1-based: the epoch being trained). */
  epoch: number;
  cause: 'loss' | 'activation';
  value: 'NaN' | 'infinite';
  /** Cause 'activation': the activation's key. */
  activation?: string;
  /** Cause 'activation': 1-based hidden layer, or 'output'. */
  layer?: number | 'output';
  /** Cause 'activation': a finite pre-activation that gave the non-finite output. */
  input?: number;
}

/** Histogram of one hidden layer's z and a over the training rows. */
export interface LayerHistogram {
  /** Bin edges of a, length bins+1, and the counts of a. */
  edges: Float32Array;
  counts: Float32Array;
  /** Bin edges of z over z's own range, and the counts of z. */
  zEdges: Float32Array;
  zCounts: Float32Array;
  /** Share of the layer's outputs that are exactly 0. */
  zeroFraction: number;
}

/** Per hidden layer, per unit: 1 dead / saturated over the last epoch, else 0. */
export interface UnitHealthMaps {
  dead: Uint8Array[];
  saturated: Uint8Array[];
}

interface Member {
  readonly model: Model;
  trainer: Trainer | null;
  divergence: LiveDivergence | null;
  pending: LiveEpoch[];
  lastDiagnostics: readonly LayerDiagnostics[] | null;
  /** Forward passes for drawing, checks and predictions (buffers apart from training's). */
  readonly inference: Inference;
}

/** Settings of a live run. */
export interface LiveRunSpec {
  readonly data: LiveData;
  readonly architecture: LiveArchitecture;
  readonly hyper: LiveHyper;
  /** Seeds the initial weights and the shuffling. */
  readonly initSeed: number;
  /** Default: the engine's default backend. */
  readonly backend?: Backend;
}

/** Models trained in lockstep from a live-run spec; see the file comment. */
export class LiveRun {
  /** Epochs done (every live model trains one epoch per run epoch). */
  epoch = 0;
  readonly data: LiveData;
  readonly backend: Backend;
  private readonly architecture: LiveArchitecture;
  private readonly initSeed: number;
  private hyper: LiveHyper;
  private members: Member[] = [];
  private trainerStart = 0;
  private stepInEpoch = 0;
  private stepsPerEpoch = 1;
  /** New hyper-parameters wait for the end of the epoch in progress (epochs stay whole). */
  private hyperPending = false;

  constructor(spec: LiveRunSpec) {
    this.data = spec.data;
    this.architecture = spec.architecture;
    this.hyper = spec.hyper;
    this.initSeed = spec.initSeed;
    this.backend = spec.backend ?? defaultBackend();
    if (spec.architecture.activations.length < 1) throw new ActlabError('a live run needs at least one model; give it one list of activations');
    this.build();
  }

  /** Number of models. */
  get size(): number {
    return this.members.length;
  }

  /** True when every model has diverged: nothing is left to train. */
  get stopped(): boolean {
    return this.members.every((m) => m.divergence !== null);
  }

  /** Mini-batches in one epoch at the current batch size. */
  get epochSteps(): number {
    return this.stepsPerEpoch;
  }

  /** True between two epoch boundaries. */
  get midEpoch(): boolean {
    return this.stepInEpoch > 0;
  }

  /** Model `k` (do not keep it across `reset`). */
  model(k: number): Model {
    return this.member(k).model;
  }

  /** Why model `k` diverged, or null. */
  divergence(k: number): LiveDivergence | null {
    return this.member(k).divergence;
  }

  /** Changes the hyper-parameters; mid-epoch they take effect at the end of the epoch in progress. */
  setHyper(h: LiveHyper): void {
    this.hyper = h;
    if (this.stepInEpoch === 0) this.applyHyper();
    else this.hyperPending = true;
  }

  /** Re-initialises the weights (same seed → same weights) with the current settings; clears records and divergences. */
  reset(): void {
    this.epoch = 0;
    this.trainerStart = 0;
    this.stepInEpoch = 0;
    this.hyperPending = false;
    this.build();
  }

  /** Trains to the end of the current epoch (a whole epoch at a boundary) every model that has not diverged. */
  trainEpoch(): void {
    if (this.stopped) return;
    do this.step();
    while (this.stepInEpoch !== 0 && !this.stopped);
  }

  /** Trains up to `maxSteps` mini-batches, stopping early when `enough()` (asked after each) says so or every model diverged. Returns the steps done. */
  trainSteps(maxSteps: number, enough?: () => boolean): number {
    let done = 0;
    while (done < maxSteps && !this.stopped) {
      this.step();
      done++;
      if (enough?.()) break;
    }
    return done;
  }

  /** Epoch records of model `k` not taken yet (oldest first), and forgets them. */
  takeEpochs(k: number): LiveEpoch[] {
    const m = this.member(k);
    const out = m.pending;
    m.pending = [];
    return out;
  }

  /** Dead and saturated units of model `k` over its last epoch (all 0 before the first). */
  unitHealth(k: number): UnitHealthMaps {
    const m = this.member(k);
    const hidden = m.model.layers.slice(0, -1);
    const diags = m.lastDiagnostics;
    return {
      dead: hidden.map((l, i) => Uint8Array.from(diags?.[i]?.deadUnits ?? new Array<number>(l.units).fill(0))),
      saturated: hidden.map((l, i) => Uint8Array.from(diags?.[i]?.saturatedUnits ?? new Array<number>(l.units).fill(0))),
    };
  }

  /** Every layer's z and a of model `k` for n rows (inference buffers, valid until its next pass at n rows). */
  pass(k: number, x: Float32Array, n: number, keepZ = false): PassLayer[] {
    const m = this.member(k);
    return m.inference.run(m.model, x, n, keepZ);
  }

  /** Outputs (identity, sigmoid or softmax probabilities) of model `k` for n rows, a new n×outputSize array. */
  predict(k: number, x: Float32Array, n: number): Float32Array {
    const m = this.member(k);
    return m.inference.predict(m.model, x, n);
  }

  /** Histograms of z and a of every hidden layer of model `k` over the training rows. */
  histograms(k: number, bins = HISTOGRAM_BINS): LayerHistogram[] {
    const m = this.member(k);
    const hidden = m.model.layers.slice(0, -1);
    if (hidden.length === 0) return [];
    const { x, rows } = this.data.train;
    const pass = m.inference.run(m.model, x, rows, true);
    return hidden.map((l, li) => {
      const { z, a } = pass[li];
      const len = rows * l.units;
      const [zEdges, zCounts] = histogram(z, len, bins);
      const [edges, counts] = histogram(a, len, bins);
      let zeros = 0;
      for (let i = 0; i < len; i++) if (a[i] === 0) zeros++;
      return { edges, counts, zEdges, zCounts, zeroFraction: len > 0 ? zeros / len : 0 };
    });
  }

  /** Sets weight W[from, to] of layer `layer` (the last is the output layer) of model `k`; `from` -1 sets bias[to]. */
  setWeight(k: number, layer: number, from: number, to: number, value: number): void {
    const model = this.member(k).model;
    if (!Number.isInteger(layer) || layer < 0 || layer >= model.layers.length) {
      throw new ActlabError(`layer ${layer} does not exist (the model has layers 0..${model.layers.length - 1}); pick a drawn link`);
    }
    const l = model.layers[layer];
    if (!Number.isInteger(to) || to < 0 || to >= l.units) throw new ActlabError(`unit ${to} does not exist in layer ${layer} (it has ${l.units}); pick a drawn unit`);
    if (!Number.isInteger(from) || from < -1 || from >= l.inputSize) {
      throw new ActlabError(`input ${from} does not exist in layer ${layer} (it has ${l.inputSize}; -1 is the bias); pick a drawn link`);
    }
    if (!Number.isFinite(value)) throw new ActlabError(`weight value ${value} is not a finite number; type a number such as 0.5`);
    if (from === -1) l.bias[to] = value;
    else l.weights[from * l.units + to] = value;
  }

  /** Model `k` as saved-model JSON (src/run/savedModel.ts). */
  save(k: number, info: Omit<SaveInfo, 'task' | 'classNames'>): SavedModelJson {
    return saveModel(this.member(k).model, { ...info, task: this.data.task, classNames: this.data.classNames });
  }

  private member(k: number): Member {
    const m = this.members[k];
    if (!Number.isInteger(k) || !m) {
      const n = this.members.length;
      throw new ActlabError(`model ${k} does not exist (there ${n === 1 ? 'is 1 model' : `are ${n} models`}); pick one of 0..${n - 1}`);
    }
    return m;
  }

  /** One mini-batch of every live model; closes the epoch after its last batch. */
  private step(): void {
    if (this.stepInEpoch === 0 && this.hyperPending) this.applyHyper();
    const ended: Array<[Member, EpochRecord]> = [];
    for (const m of this.members) {
      if (!m.trainer) continue;
      try {
        const { epochRecord } = m.trainer.step();
        if (epochRecord) ended.push([m, epochRecord]);
      } catch (e) {
        if (e instanceof ActlabError && /diverged/.test(e.message)) {
          this.diverge(m, e.message);
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
    for (const [m, rec] of ended) {
      m.lastDiagnostics = rec.diagnostics;
      m.pending.push(this.liveEpoch(m, rec));
      if (m.pending.length > MAX_PENDING_EPOCHS) m.pending.splice(0, m.pending.length - MAX_PENDING_EPOCHS);
    }
  }

  private applyHyper(): void {
    this.hyperPending = false;
    this.trainerStart = this.epoch;
    for (const m of this.members) if (m.trainer) m.trainer = this.makeTrainer(m.model);
    this.stepsPerEpoch = stepsPerEpoch(this.data.train.rows, this.hyper.batchSize);
  }

  /** Stops member `m`, saying why: its activation's fault when one gave NaN/∞ for a finite input, else the loss's. */
  private diverge(m: Member, message: string): void {
    const epoch = this.epoch + 1;
    const value: LiveDivergence['value'] = /Infinity/.test(message) ? 'infinite' : 'NaN';
    const fault = activationFault(m.model, m.inference.run(m.model, this.data.train.x, this.data.train.rows, true), this.data.train.rows);
    m.divergence = fault ? { epoch, cause: 'activation', ...fault } : { epoch, cause: 'loss', value };
    m.trainer = null;
  }

  private build(): void {
    const { architecture: arch, data } = this;
    let first: Model | null = null;
    this.members = arch.activations.map((acts) => {
      const model = createModel(
        {
          inputSize: data.inputSize,
          hidden: arch.hidden.map((units, i) => ({ units, activation: acts[i] })),
          outputSize: data.outputSize,
          loss: data.loss,
          ...(arch.outputActivation && data.loss === 'mse' ? { outputActivation: arch.outputActivation } : {}),
        },
        createRng(this.initSeed),
        this.backend,
      );
      // Compared models start from the first one's weights.
      if (first) {
        const src: Model = first;
        model.layers.forEach((l, i) => {
          l.weights.set(src.layers[i].weights);
          l.bias.set(src.layers[i].bias);
        });
      } else {
        first = model;
      }
      return { model, trainer: this.makeTrainer(model), divergence: null, pending: [], lastDiagnostics: null, inference: new Inference() };
    });
    this.stepsPerEpoch = stepsPerEpoch(data.train.rows, this.hyper.batchSize);
  }

  private makeTrainer(model: Model): Trainer {
    const h = this.hyper;
    const { train, test } = this.data;
    return createTrainer(model, { train, ...(test ? { test } : {}) }, {
      epochs: ENDLESS,
      learningRate: h.learningRate,
      batchSize: h.batchSize,
      // The same shuffling for every model; a new stream after each change of hyper-parameters.
      seed: (this.initSeed + 1_000_003 * this.trainerStart) >>> 0,
      optimizer: { name: h.optimizer },
      l1: h.regularization === 'l1' ? h.regRate : 0,
      l2: h.regularization === 'l2' ? h.regRate : 0,
      diagnostics: true,
    });
  }

  private liveEpoch(m: Member, rec: EpochRecord): LiveEpoch {
    const hidden = rec.diagnostics.filter((d) => d.deadFraction !== null);
    let trainAccuracy = rec.trainAccuracy ?? null;
    let testAccuracy = rec.testAccuracy ?? null;
    const d = this.data;
    if (d.task === 'classification' && d.loss === 'mse') {
      trainAccuracy = classificationAccuracy(m.model, d.train);
      testAccuracy = d.test ? classificationAccuracy(m.model, d.test) : null;
    }
    return {
      epoch: this.epoch,
      trainLoss: rec.trainLoss,
      testLoss: rec.testLoss,
      trainAccuracy,
      testAccuracy,
      gradNorms: rec.diagnostics.map((x) => x.gradNorm),
      deadFractions: hidden.map((x) => x.deadFraction ?? 0),
      saturatedFractions: hidden.map((x) => x.saturatedFraction ?? 0),
    };
  }
}

/** Mini-batches per epoch (the trainer's last batch takes the rows left over). */
export function stepsPerEpoch(rows: number, batchSize: number): number {
  return Math.ceil(rows / Math.max(1, Math.min(batchSize, rows)));
}

/**
 * The first layer whose activation gave NaN/∞ for a finite pre-activation in a pass over n rows, or null
 * (then the loss itself blew up).
 */
export function activationFault(model: Model, pass: readonly PassLayer[], n: number): Omit<LiveDivergence, 'epoch' | 'cause'> | null {
  const layers = model.layers;
  for (let li = 0; li < layers.length; li++) {
    const act = layers[li].activation;
    if (!act) continue;
    const { z, a } = pass[li];
    const len = n * layers[li].units;
    for (let i = 0; i < len; i++) {
      if (Number.isFinite(z[i]) && !Number.isFinite(a[i])) {
        return { value: Number.isNaN(a[i]) ? 'NaN' : 'infinite', activation: act.key, layer: li === layers.length - 1 ? 'output' : li + 1, input: z[i] };
      }
    }
  }
  return null;
}

/** English one-line summary of a divergence (logs, tests). */
export function divergenceText(d: LiveDivergence): string {
  if (d.cause === 'activation') {
    const where = d.layer === 'output' ? 'the output layer' : `hidden layer ${String(d.layer)}`;
    return `training diverged at epoch ${d.epoch}: the activation ${d.activation ?? '?'} of ${where} gave ${d.value} for a finite input (${String(d.input)}); choose another activation`;
  }
  return `training diverged at epoch ${d.epoch} (loss became ${d.value}); lower the learning rate and press play to restart the network`;
}

/** Equal-width histogram of the first `len` values: [edges (bins+1), counts (bins)]; non-finite values are not counted. */
export function histogram(v: Float32Array, len: number, bins = HISTOGRAM_BINS): [Float32Array, Float32Array] {
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

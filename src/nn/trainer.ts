import { ActlabError } from '../util/errors.js';
import { allocFor, freeFor } from './backend.js';
import { createRng } from '../util/rng.js';
import { LayerStats, type LayerDiagnostics } from './diagnostics.js';
import { forwardBackward } from './backprop.js';
import { evaluate, type Metrics } from './metrics.js';
import { checkInput, type Model } from './model.js';
import { createOptimizer, type OptimizerConfig, type Param } from './optimizers.js';
import { shuffleInPlace } from './rngLike.js';

/** Rows of inputs and targets: x is rows×inputSize, y rows×outputSize (one-hot rows for categorical cross-entropy). */
export interface TrainData {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

/** The training set and an optional held-out test set. */
export interface TrainSplit {
  readonly train: TrainData;
  readonly test?: TrainData;
}

/** Training settings. */
export interface TrainConfig {
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  /** Seeds the shuffling of the training rows (weights are initialised by `createModel`). */
  readonly seed: number;
  /** Default `{name: 'sgd'}`. */
  readonly optimizer?: OptimizerConfig;
  /** L1 and L2 penalties on the weights (not biases or activation parameters): l1·Σ|w| + l2·Σw². */
  readonly l1?: number;
  readonly l2?: number;
  /** Shuffle the rows each epoch (default true). */
  readonly shuffle?: boolean;
  /** Record per-layer diagnostics (default true). */
  readonly diagnostics?: boolean;
}

/** One epoch's record. Losses are data losses without the regularisation penalty, on the whole set after the epoch. */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number | null;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  readonly trainR2?: number;
  readonly testR2?: number;
  /** One entry per layer (hidden layers, then the logits layer); empty when diagnostics are off. */
  readonly diagnostics: readonly LayerDiagnostics[];
}

/** What a finished run returns. */
export interface TrainResult {
  readonly model: Model;
  readonly history: readonly EpochRecord[];
  /** Records of the last epoch. */
  readonly final: EpochRecord;
  /** Optimiser steps taken. */
  readonly steps: number;
}

/** Step-by-step control of a run (for a UI that trains a little per animation frame). */
export interface Trainer {
  /** Completed epochs. */
  readonly epoch: number;
  /** True once `config.epochs` epochs are done. */
  readonly done: boolean;
  readonly history: readonly EpochRecord[];
  /** Trains one mini-batch; returns its loss; returns the epoch's record instead when this batch ended an epoch. */
  step(): { loss: number; epochRecord: EpochRecord | null };
  /** Trains to the end of the current epoch and returns its record. */
  runEpoch(): EpochRecord;
  /**
   * Frees the trainer's own arrays (batch buffers, optimiser state) on the model's backend; the model
   * stays. The trainer must not step afterwards. Optional: they are also freed once it is collected.
   */
  dispose(): void;
}

/** Callbacks of `train`. */
export interface TrainCallbacks {
  onEpoch?: (record: EpochRecord) => void;
}

/** Creates a trainer; nothing is trained until `step` or `runEpoch` is called. */
export function createTrainer(model: Model, data: TrainSplit, config: TrainConfig): Trainer {
  checkConfig(config);
  checkData(model, data.train, 'training');
  if (data.test) checkData(model, data.test, 'test');
  const rng = createRng(config.seed);
  const { layers, backend } = model;
  const params: Param[] = [];
  for (const layer of layers) {
    params.push({ value: layer.weights, grad: layer.gradWeights }, { value: layer.bias, grad: layer.gradBias });
    if (layer.paramMode === 'shared' && layer.learned.some(Boolean)) {
      params.push({ value: layer.sharedParams, grad: layer.gradSharedParams });
    } else if (layer.paramMode === 'per-unit') {
      layer.learned.forEach((on, k) => {
        if (on) params.push({ value: layer.unitParams[k], grad: layer.gradUnitParams[k] });
      });
    }
  }
  const optConfig = config.optimizer ?? { name: 'sgd' };
  const optimizer = backend.createOptimizer ? backend.createOptimizer(optConfig, params) : createOptimizer(optConfig, params);
  const l1 = config.l1 ?? 0;
  const l2 = config.l2 ?? 0;
  const withDiagnostics = config.diagnostics ?? true;
  const train = data.train;
  const inW = model.inputSize;
  const outW = model.outputSize;
  const order = new Uint32Array(train.rows).map((_, i) => i);
  const maxBatch = Math.min(config.batchSize, train.rows);
  const xb = allocFor(backend, maxBatch * inW);
  const yb = allocFor(backend, maxBatch * outW);
  const grads = new Map<number, Float32Array>();
  const history: EpochRecord[] = [];
  let stats: LayerStats[] = [];
  let epoch = 0;
  let cursor = 0;

  const startEpoch = (): void => {
    if (config.shuffle ?? true) shuffleInPlace(order, rng);
    stats = withDiagnostics ? layers.map((l) => new LayerStats(l.units)) : [];
    cursor = 0;
  };

  const diverged = (what: string): never => {
    throw new ActlabError(
      `training diverged at epoch ${epoch + 1} (${what}); lower the learning rate (now ${config.learningRate})`,
      1,
    );
  };

  const trainBatch = (): number => {
    const n = Math.min(maxBatch, train.rows - cursor);
    for (let r = 0; r < n; r++) {
      const row = order[cursor + r];
      xb.set(train.x.subarray(row * inW, (row + 1) * inW), r * inW);
      yb.set(train.y.subarray(row * outW, (row + 1) * outW), r * outW);
    }
    cursor += n;
    const x = n === maxBatch ? xb : xb.subarray(0, n * inW);
    const y = n === maxBatch ? yb : yb.subarray(0, n * outW);
    let g = grads.get(n);
    if (!g) {
      g = allocFor(backend, n * outW);
      grads.set(n, g);
    }
    const loss = forwardBackward(model, x, y, n, g);
    if (!Number.isFinite(loss)) diverged(`loss is ${String(loss)}`);
    if (withDiagnostics) {
      layers.forEach((layer, li) => {
        const p = layer.lastPass(n);
        stats[li].add(p.z, p.a, layer.activation ? p.d : null, n, layer.gradWeights);
      });
    }
    if (l1 !== 0 || l2 !== 0) {
      for (const layer of layers) {
        const w = layer.weights;
        const gw = layer.gradWeights;
        for (let i = 0; i < w.length; i++) gw[i] += 2 * l2 * w[i] + l1 * Math.sign(w[i]);
      }
    }
    optimizer.step(config.learningRate);
    return loss;
  };

  const endEpoch = (): EpochRecord => {
    const trainM = evaluate(model, train);
    if (!Number.isFinite(trainM.loss)) diverged(`loss is ${String(trainM.loss)}`);
    const testM: Metrics | null = data.test ? evaluate(model, data.test) : null;
    const record: EpochRecord = {
      epoch: epoch + 1,
      trainLoss: trainM.loss,
      testLoss: testM ? testM.loss : null,
      ...(trainM.accuracy !== undefined ? { trainAccuracy: trainM.accuracy } : {}),
      ...(testM?.accuracy !== undefined ? { testAccuracy: testM.accuracy } : {}),
      ...(trainM.r2 !== undefined ? { trainR2: trainM.r2 } : {}),
      ...(testM?.r2 !== undefined ? { testR2: testM.r2 } : {}),
      diagnostics: stats.map((s, li) => s.finish(li, layers[li].activation !== null)),
    };
    history.push(record);
    epoch++;
    return record;
  };

  let started = false;
  const trainer: Trainer = {
    get epoch() {
      return epoch;
    },
    get done() {
      return epoch >= config.epochs;
    },
    history,
    step() {
      if (epoch >= config.epochs) throw new ActlabError(`training already finished after ${epoch} epochs; create a new trainer to train more`);
      if (!started || cursor >= train.rows) {
        startEpoch();
        started = true;
      }
      const loss = trainBatch();
      return { loss, epochRecord: cursor >= train.rows ? endEpoch() : null };
    },
    runEpoch() {
      for (;;) {
        const { epochRecord } = trainer.step();
        if (epochRecord) return epochRecord;
      }
    },
    dispose() {
      optimizer.dispose?.();
      for (const a of [xb, yb, ...grads.values()]) freeFor(backend, a);
      grads.clear();
    },
  };
  return trainer;
}

/** Trains `model` in place for `config.epochs` epochs and returns the history. */
export function train(model: Model, data: TrainSplit, config: TrainConfig, callbacks: TrainCallbacks = {}): TrainResult {
  const trainer = createTrainer(model, data, config);
  let steps = 0;
  try {
    while (!trainer.done) {
      const { epochRecord } = trainer.step();
      steps++;
      if (epochRecord) callbacks.onEpoch?.(epochRecord);
    }
  } finally {
    trainer.dispose();
  }
  const history = trainer.history;
  return { model, history, final: history[history.length - 1], steps };
}

function checkConfig(c: TrainConfig): void {
  if (!Number.isInteger(c.epochs) || c.epochs < 1) throw new ActlabError(`epochs must be a whole number ≥ 1 (got ${c.epochs}); pass e.g. 100`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1) throw new ActlabError(`batch size must be a whole number ≥ 1 (got ${c.batchSize}); pass e.g. 32`);
  if (!(c.learningRate > 0) || !Number.isFinite(c.learningRate)) throw new ActlabError(`learning rate must be a positive number (got ${c.learningRate}); pass e.g. 0.01`);
  for (const [name, v] of [['l1', c.l1], ['l2', c.l2]] as const) {
    if (v !== undefined && !(v >= 0 && Number.isFinite(v))) throw new ActlabError(`${name} must be a number ≥ 0 (got ${v}); pass e.g. 0.001`);
  }
}

function checkData(model: Model, d: TrainData, what: string): void {
  if (!Number.isInteger(d.rows) || d.rows < 1) throw new ActlabError(`the ${what} set has no rows; provide at least one`);
  checkInput(d.x, d.rows, model.inputSize);
  if (d.y.length < d.rows * model.outputSize) {
    throw new ActlabError(`the ${what} targets have ${d.y.length} numbers but ${d.rows} rows need ${d.rows * model.outputSize}; check the targets' shape`);
  }
}

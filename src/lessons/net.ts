/** Small helpers the lessons share for building and training little networks with the src/nn engine. */
import { resolveActivation } from '../activations/resolve.js';
import type { Dataset } from '../data/dataset.js';
import { lossFor as coreLossFor } from '../experiments/defaults.js';
import { encodeTargets } from '../experiments/encodeTargets.js';
import { classificationAccuracy } from '../run/accuracy.js';
import { createModel, type Model } from '../nn/model.js';
import type { InitializerName } from '../nn/initializers.js';
import type { LossName } from '../nn/losses.js';
import type { OptimizerConfig } from '../nn/optimizers.js';
import { train, type EpochRecord, type TrainData } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';
import { createRng } from '../util/rng.js';

/** A fully connected network to build. */
export interface NetSpec {
  readonly inputSize: number;
  readonly hidden: readonly number[];
  /** Activation text (catalog id or expression) of every hidden layer. */
  readonly activation: string;
  /** Per hidden layer activation texts; overrides `activation` where given (same length as `hidden`). */
  readonly activations?: readonly string[];
  /** Activation of the output layer (loss mse only); default none, a linear output. */
  readonly outputActivation?: string;
  readonly outputSize: number;
  readonly loss: LossName;
  /** Seeds the weights. */
  readonly seed: number;
  readonly init?: InitializerName;
  /** Value every hidden bias starts at (default 0). */
  readonly biasInit?: number;
  /** Multiplies every initial weight (hidden and output), e.g. 0.1 for small initial weights. */
  readonly weightScale?: number;
}

/** Builds a network from a {@link NetSpec}. */
export function buildNet(spec: NetSpec): Model {
  const act = resolveActivation(spec.activation);
  const model = createModel(
    {
      inputSize: spec.inputSize,
      hidden: spec.hidden.map((units, i) => ({ units, activation: spec.activations?.[i] !== undefined ? resolveActivation(spec.activations[i]) : act, ...(spec.init ? { init: spec.init } : {}) })),
      outputSize: spec.outputSize,
      loss: spec.loss,
      ...(spec.outputActivation ? { outputActivation: resolveActivation(spec.outputActivation) } : {}),
    },
    createRng(spec.seed),
  );
  const scale = spec.weightScale ?? 1;
  model.layers.forEach((layer, i) => {
    if (scale !== 1) for (let k = 0; k < layer.weights.length; k++) layer.weights[k] *= scale;
    if (i < model.layers.length - 1 && spec.biasInit) layer.bias.fill(spec.biasInit);
  });
  return model;
}

/** Training data for a data set under its loss (the core's encoding: one 0/1 column for 2 classes, one-hot for more). */
export function classData(ds: Dataset): TrainData {
  return encodeTargets(ds, lossFor(ds));
}

/** The loss that fits a data set (decided by the core: mse for regression, binary or categorical cross-entropy for classes). */
export function lossFor(ds: Dataset): LossName {
  return coreLossFor(ds.task, ds.numClasses ?? 2);
}

/** Training settings of {@link fit}. */
export interface FitOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly optimizer?: OptimizerConfig;
  readonly test?: TrainData;
  readonly diagnostics?: boolean;
  /** Called after every epoch (after the record is kept). */
  readonly onEpoch?: (record: EpochRecord) => void;
}

/** A training run that may have diverged: the history up to the divergence. */
export interface FitResult {
  readonly history: readonly EpochRecord[];
  readonly diverged: boolean;
}

/** Trains in place; divergence (a non-finite loss) ends the run and is reported rather than thrown. */
export function fit(model: Model, data: TrainData, o: FitOptions): FitResult {
  const history: EpochRecord[] = [];
  try {
    train(
      model,
      { train: data, ...(o.test ? { test: o.test } : {}) },
      { epochs: o.epochs, learningRate: o.learningRate, batchSize: o.batchSize, seed: o.seed, diagnostics: o.diagnostics ?? true, ...(o.optimizer ? { optimizer: o.optimizer } : {}) },
      { onEpoch: (r) => { history.push(r); o.onEpoch?.(r); } },
    );
    return { history, diverged: false };
  } catch (e) {
    if (e instanceof ActlabError && e.exitCode === 1) return { history, diverged: true };
    throw e;
  }
}

/** Fraction of rows classified correctly (the core's definition: binary p ≥ 0.5, multi-class argmax). */
export function accuracy(model: Model, data: TrainData): number {
  return classificationAccuracy(model, data);
}

/** Outputs of every hidden layer for the given rows (copies), first hidden layer first. */
export function hiddenOutputs(model: Model, x: Float32Array, rows: number): Float32Array[] {
  const out: Float32Array[] = [];
  let h = x;
  for (const layer of model.layers.slice(0, -1)) {
    h = layer.forward(h, rows);
    out.push(Float32Array.from(h.subarray(0, rows * layer.units)));
  }
  return out;
}

/** Pre-activations z = x·W + b of every hidden layer for the given rows (copies), first hidden layer first. */
export function preActivations(model: Model, x: Float32Array, rows: number): Float32Array[] {
  const out: Float32Array[] = [];
  let h = x;
  for (const layer of model.layers.slice(0, -1)) {
    h = layer.forward(h, rows);
    out.push(Float32Array.from(layer.lastPass(rows).z.subarray(0, rows * layer.units)));
  }
  return out;
}

/** Per unit of a layer: 1 when its pre-activation is ≤ 0 on every row (it never fires on the data), else 0. */
export function silentUnits(z: Float32Array, rows: number, units: number): Uint8Array {
  const silent = new Uint8Array(units).fill(1);
  for (let r = 0; r < rows; r++) for (let j = 0; j < units; j++) if (z[r * units + j] > 0) silent[j] = 0;
  return silent;
}

/**
 * The training loop of a run: the engine's trainer over a model and its data, with the run spec's settings,
 * one callback per epoch, and divergence either thrown (the CLI's exit code 1) or reported (lessons count a
 * diverged run as a result).
 */
import type { OptimizerConfig } from '../nn/optimizers.js';
import type { Model } from '../nn/model.js';
import { train, type EpochRecord, type TrainConfig, type TrainSplit } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';
import type { TrainSettings } from './trainingJob.js';

/** The engine's settings for a run spec's training settings. */
export function trainConfig(t: TrainSettings): TrainConfig {
  const optimizer: OptimizerConfig = { name: t.optimizer };
  return { epochs: t.epochs, learningRate: t.lr, batchSize: t.batch, seed: t.seed, optimizer, l1: t.l1, l2: t.l2 };
}

/** Options of {@link fitModel}. */
export interface FitOptions {
  /** Called after every epoch, once its record is kept. */
  readonly onEpoch?: (record: EpochRecord) => void;
  /** A non-finite loss: `throw` the engine's one-line error (default), or `stop` and report `diverged`. */
  readonly onDivergence?: 'throw' | 'stop';
}

/** The epochs trained (all of them, or up to a divergence). */
export interface FitResult {
  readonly history: readonly EpochRecord[];
  /** True when training stopped at a non-finite loss (only with `onDivergence: 'stop'`). */
  readonly diverged: boolean;
}

/** Trains `model` in place on `data`; deterministic for the config's seed and the model's initial weights. */
export function fitModel(model: Model, data: TrainSplit, config: TrainConfig, options: FitOptions = {}): FitResult {
  const history: EpochRecord[] = [];
  try {
    train(model, data, config, { onEpoch: (r) => { history.push(r); options.onEpoch?.(r); } });
    return { history, diverged: false };
  } catch (e) {
    if (options.onDivergence === 'stop' && e instanceof ActlabError && e.exitCode === 1) return { history, diverged: true };
    throw e;
  }
}

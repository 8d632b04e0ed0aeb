import { epochsToTarget } from './epochsToTarget.js';
import type { RunTask } from './comparePlan.js';
import { trainRun, type FinalMetrics, type RunResult, type TrainRunOptions } from '../run/trainRun.js';

/** The compact, serialisable outcome of one run of a comparison. */
export interface RunSummary {
  readonly index: number;
  readonly activation: string;
  readonly seed: number;
  readonly final: FinalMetrics;
  /** First epoch reaching the plan's target, or null. */
  readonly epochsToTarget: number | null;
  /** Mean over hidden layers of the last epoch's dead-unit fraction. */
  readonly deadFraction: number;
  /** Per epoch: train loss, test loss, test score (accuracy or R²). */
  readonly curves: { readonly trainLoss: readonly number[]; readonly testLoss: readonly number[]; readonly testScore: readonly number[] };
  /** Wall-clock seconds per epoch (varies between equal runs; everything else does not). */
  readonly secondsPerEpoch: number;
}

/** Condenses a finished run into a run summary. */
export function summarizeRun(task: RunTask, result: RunResult): RunSummary {
  const hidden = result.diagnostics.layers.filter((l) => l.deadFraction !== null);
  const dead = hidden.length > 0 ? hidden.reduce((s, l) => s + (l.deadFraction ?? 0), 0) / hidden.length : 0;
  return {
    index: task.index,
    activation: task.activation,
    seed: task.seed,
    final: result.final,
    epochsToTarget: epochsToTarget(result.history, task.targetAccuracy),
    deadFraction: dead,
    curves: {
      trainLoss: result.history.map((h) => h.trainLoss),
      testLoss: result.history.map((h) => h.testLoss ?? Number.NaN),
      testScore: result.history.map((h) => h.testAccuracy ?? h.testR2 ?? Number.NaN),
    },
    secondsPerEpoch: result.seconds / Math.max(1, result.history.length),
  };
}

/** Runs one task in this thread. */
export function runTask(task: RunTask, options: Omit<TrainRunOptions, 'onEpoch'> = {}): RunSummary {
  return summarizeRun(task, trainRun(task.job, options));
}

import type { DataSpec, ModelConfig, TrainSettings, TrainingJobInput } from '../run/trainingJob.js';

/** A comparison: the same data, network and seed stream for each activation. Plain JSON. */
export interface ComparePlan {
  readonly data: DataSpec;
  /** The network without its activation. */
  readonly model: Partial<Omit<ModelConfig, 'activation'>>;
  /** Training settings; `seed` is the first of the seed stream (default 1). */
  readonly train: Partial<TrainSettings>;
  readonly activations: readonly string[];
  /** Runs per activation, with training seeds seed, seed+1, …. */
  readonly seeds: number;
  /** Score a run must reach for `epochsToTarget`: test accuracy (classification) or test R² (regression). */
  readonly targetAccuracy: number;
}

/** One run of a plan. */
export interface RunTask {
  /** Position in the plan's run list (activation-major). */
  readonly index: number;
  readonly activation: string;
  /** The training seed of this run. */
  readonly seed: number;
  readonly job: TrainingJobInput;
  readonly targetAccuracy: number;
}

/** Expands a plan into its runs: for each activation, one run per seed of the shared seed stream. */
export function planRuns(plan: ComparePlan): RunTask[] {
  const base = plan.train.seed ?? 1;
  const tasks: RunTask[] = [];
  for (const activation of plan.activations) {
    for (let s = 0; s < plan.seeds; s++) {
      tasks.push({
        index: tasks.length,
        activation,
        seed: base + s,
        job: { data: plan.data, model: { ...plan.model, activation }, train: { ...plan.train, seed: base + s } },
        targetAccuracy: plan.targetAccuracy,
      });
    }
  }
  return tasks;
}

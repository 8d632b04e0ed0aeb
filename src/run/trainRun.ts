import { runJob, type JobResult, type RunJobOptions } from '../experiments/runJob.js';
import type { TrainingJob, TrainingJobInput } from '../experiments/trainingJob.js';
import { BUILTIN_TARGET } from './dataCsv.js';
import { RUN_SPEC_VERSION, type RunSpec } from './runSpec.js';
import { saveModel, type SavedModelJson } from './savedModel.js';

/** A finished run: the engine's result, the resolved spec and the model ready to save. */
export interface RunResult extends JobResult {
  readonly spec: RunSpec;
  /** The trained model as saved-model JSON (version 2). */
  readonly saved: SavedModelJson;
}

/** Trains the run a spec (or a job with defaults left out) describes; deterministic for its seeds. */
export function trainRun(input: TrainingJobInput | TrainingJob, options: RunJobOptions = {}): RunResult {
  const r = runJob(input, options);
  const spec: RunSpec = { version: RUN_SPEC_VERSION, backend: 'js', ...r.config };
  const target = input.data.csv?.target ?? BUILTIN_TARGET;
  const saved = saveModel(r.model, {
    spec,
    featureNames: r.data.featureNames,
    standardizer: r.data.standardizer,
    target,
    task: r.data.task,
    classNames: r.data.classNames ?? null,
    ...(r.data.columns ? { columns: r.data.columns } : {}),
  });
  return { ...r, spec, saved };
}

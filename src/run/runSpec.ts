/**
 * The run spec: one serialisable description of a training run (data and preprocessing, layers, the
 * activation of every layer including the output, loss, optimiser, regularisation, seeds, backend). The CLI,
 * the explorer and the lessons build one and hand it to the core; saved models carry it.
 */
import { resolveJob } from '../experiments/resolveJob.js';
import type { PreparedData } from '../experiments/preparedData.js';
import type { TrainingJob, TrainingJobInput } from '../experiments/trainingJob.js';

/** Version of the run-spec JSON. */
export const RUN_SPEC_VERSION = 1;

/** Compute backends a run may ask for (`js`: the Float32Array reference engine). */
export type BackendName = 'js';

/** A fully resolved run: every default filled in. */
export interface RunSpec extends TrainingJob {
  readonly version: typeof RUN_SPEC_VERSION;
  readonly backend: BackendName;
}

/** Fills a job's defaults for its prepared data and stamps the run-spec version. */
export function toRunSpec(input: TrainingJobInput | TrainingJob, data: PreparedData): RunSpec {
  const job = resolveJob(input, data);
  return { version: RUN_SPEC_VERSION, backend: 'js', ...job };
}

/** The activation text of each hidden layer (a single text applies to every layer). */
export function hiddenActivations(spec: Pick<TrainingJob, 'model'>): string[] {
  const a = spec.model.activation;
  return typeof a === 'string' ? spec.model.hidden.map(() => a) : [...a];
}

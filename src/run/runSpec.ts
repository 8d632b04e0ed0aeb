/**
 * The run spec: one serialisable description of a training run (data and preprocessing, layers, the
 * activation of every layer including the output, initial weights, loss, optimiser, regularisation, seeds,
 * backend). The CLI, the explorer and the lessons build one and hand it to the core; saved models carry it.
 */
import type { Backend } from '../nn/backend.js';
import { defaultBackend } from '../nn/defaultBackend.js';
import { ActlabError } from '../util/errors.js';
import type { PreparedData } from './preparedData.js';
import { resolveJob } from './resolveJob.js';
import type { TrainingJob, TrainingJobInput } from './trainingJob.js';

/** Version of the run-spec JSON. */
export const RUN_SPEC_VERSION = 1;

/** Compute backends a run may use: `wasm` (WebAssembly SIMD, the CLI's default) and `js` (the Float32Array reference). */
export const RUN_BACKENDS = ['js', 'wasm'] as const;

/** One of the run backends. */
export type BackendName = (typeof RUN_BACKENDS)[number];

/** A fully resolved run: every default filled in, and the backend that trained it. */
export interface RunSpec extends TrainingJob {
  readonly version: typeof RUN_SPEC_VERSION;
  readonly backend: BackendName;
}

/** The run-spec name of an engine backend (refuses one that is neither js nor wasm). */
export function backendName(backend: Backend): BackendName {
  const name = backend.name;
  if (name !== 'js' && name !== 'wasm') throw new ActlabError(`backend '${name}' cannot be recorded in a run spec; train on js or wasm`);
  return name;
}

/**
 * Fills a job's defaults for its prepared data and stamps the run-spec version and the backend (default: the
 * one new models are built on in this thread, `defaultBackend()`).
 */
export function toRunSpec(input: TrainingJobInput | TrainingJob, data: PreparedData, backend: BackendName = backendName(defaultBackend())): RunSpec {
  const job = resolveJob(input, data);
  return { version: RUN_SPEC_VERSION, ...job, backend };
}

/** The activation text of each hidden layer (a single text applies to every layer). */
export function hiddenActivations(spec: Pick<TrainingJob, 'model'>): string[] {
  const a = spec.model.activation;
  return typeof a === 'string' ? spec.model.hidden.map(() => a) : [...a];
}

/**
 * A training run, start to end: prepare the data a spec names, fill its defaults, build the network, train
 * it (./fit.ts) and return the history, the last epoch's diagnostics, the model, and the model as a saved
 * model (version 2, with the spec and the backend that really trained it). The one run loop of the CLI's
 * `train`, comparisons, search and the library.
 */
import type { Backend } from '../nn/backend.js';
import type { LayerDiagnostics } from '../nn/diagnostics.js';
import type { Model } from '../nn/model.js';
import type { EpochRecord } from '../nn/trainer.js';
import { BUILTIN_TARGET } from './dataCsv.js';
import { fitModel, trainConfig } from './fit.js';
import { buildNetwork } from './network.js';
import { prepareData, type DataLoaders, type PreparedData } from './preparedData.js';
import { RUN_SPEC_VERSION, backendName, type RunSpec } from './runSpec.js';
import { resolveJob } from './resolveJob.js';
import { saveModel, type SavedModelJson } from './savedModel.js';
import { encodeTargets, outputWidth } from './targets.js';
import { describeDataSpec, type TrainingJob, type TrainingJobInput } from './trainingJob.js';

/** Metrics of one epoch without the per-layer diagnostics. */
export type HistoryRecord = Omit<EpochRecord, 'diagnostics'>;

/** The last epoch's metrics. */
export interface FinalMetrics {
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  readonly trainR2?: number;
  readonly testR2?: number;
}

/** A finished run. */
export interface RunResult {
  /** The run spec: every default filled in, the backend that trained it (CSV data keep their text). */
  readonly spec: RunSpec;
  /** The same spec (the name `runJob` callers know). */
  readonly config: RunSpec;
  readonly final: FinalMetrics;
  readonly history: readonly HistoryRecord[];
  /** Per-layer diagnostics of the last epoch (hidden layers, then the output layer). */
  readonly diagnostics: { readonly layers: readonly LayerDiagnostics[] };
  /** The trained model, with the standardiser and class names in `model.meta`. */
  readonly model: Model;
  readonly data: PreparedData;
  /** Wall-clock seconds of training (not data preparation); the only field that varies between equal runs. */
  readonly seconds: number;
  /** The trained model as saved-model JSON (version 2); its spec describes CSV data (path, rows, SHA-256), never their text. */
  readonly saved: SavedModelJson;
}

/** Options of `trainRun`. */
export interface TrainRunOptions {
  /** Called after every epoch. */
  readonly onEpoch?: (record: HistoryRecord, epochs: number) => void;
  /** Host loaders (MNIST under Node). */
  readonly loaders?: DataLoaders;
  /** Data already prepared for `job.data` (a comparison prepares them once for all its runs). */
  readonly data?: PreparedData;
  /** Engine backend to train on; default the thread's (`defaultBackend()`). */
  readonly backend?: Backend;
}

/** Strips the diagnostics from an epoch record. */
export function historyRecord(r: EpochRecord): HistoryRecord {
  const { diagnostics: _d, ...rest } = r;
  return rest;
}

/** Trains the run a spec (or a job with defaults left out) describes; deterministic for its seeds. */
export function trainRun(input: TrainingJobInput | TrainingJob, options: TrainRunOptions = {}): RunResult {
  const data = options.data ?? prepareData(input.data, options.loaders);
  const job = resolveJob(input, data);
  const loss = job.model.loss ?? 'mse';
  const model = buildNetwork({ ...job.model, inputSize: data.train.d, outputSize: outputWidth(data.train, loss), loss, seed: job.train.seed }, options.backend);
  const spec: RunSpec = { version: RUN_SPEC_VERSION, ...job, backend: backendName(model.backend) };
  model.meta = { standardizer: data.standardizer, ...(data.classNames ? { classNames: data.classNames } : {}) };
  const epochs = job.train.epochs;
  const start = performance.now();
  const { history } = fitModel(
    model,
    { train: encodeTargets(data.train, loss), test: encodeTargets(data.test, loss) },
    trainConfig(job.train),
    { onEpoch: options.onEpoch ? (r) => options.onEpoch?.(historyRecord(r), epochs) : undefined },
  );
  const seconds = (performance.now() - start) / 1000;
  const lastRecord = history[history.length - 1];
  const { epoch: _e, ...last } = historyRecord(lastRecord);
  const saved = saveModel(model, {
    spec: { ...spec, data: describeDataSpec(spec.data) },
    featureNames: data.featureNames,
    standardizer: data.standardizer,
    // Built-in sets name their target column 'label', as train --save-data writes it.
    target: input.data.csv?.target ?? BUILTIN_TARGET,
    task: data.task,
    classNames: data.classNames ?? null,
    ...(data.columns ? { columns: data.columns } : {}),
  });
  return {
    spec,
    config: spec,
    final: { ...last, testLoss: last.testLoss ?? Number.NaN },
    history: history.map(historyRecord),
    diagnostics: { layers: lastRecord.diagnostics },
    model,
    data,
    seconds,
    saved,
  };
}

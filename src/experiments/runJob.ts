import { resolveActivation } from '../activations/resolve.js';
import type { LayerDiagnostics } from '../nn/diagnostics.js';
import { createModel, type HiddenLayerSpec, type Model } from '../nn/model.js';
import { train, type EpochRecord } from '../nn/trainer.js';
import { createRng } from '../util/rng.js';
import { encodeTargets, outputWidth } from './encodeTargets.js';
import { prepareData, type DataLoaders, type PreparedData } from './preparedData.js';
import { resolveJob } from './resolveJob.js';
import type { TrainingJob, TrainingJobInput } from './trainingJob.js';

/** Metrics of one epoch without the per-layer diagnostics. */
export interface HistoryRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number | null;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  readonly trainR2?: number;
  readonly testR2?: number;
}

/** The last epoch's metrics. */
export interface FinalMetrics {
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  readonly trainR2?: number;
  readonly testR2?: number;
}

/** What `runJob` returns. */
export interface JobResult {
  /** The job with every default filled in. */
  readonly config: TrainingJob;
  readonly final: FinalMetrics;
  readonly history: readonly HistoryRecord[];
  /** Per-layer diagnostics of the last epoch (hidden layers, then the output layer). */
  readonly diagnostics: { readonly layers: readonly LayerDiagnostics[] };
  /** The trained model, with the standardiser and class names in `model.meta`. */
  readonly model: Model;
  readonly data: PreparedData;
  /** Wall-clock seconds of training (not data preparation); the only field that varies between equal runs. */
  readonly seconds: number;
}

/** Options of `runJob`. */
export interface RunJobOptions {
  /** Called after every epoch. */
  readonly onEpoch?: (record: HistoryRecord, epochs: number) => void;
  /** Host loaders (MNIST under Node). */
  readonly loaders?: DataLoaders;
  /** Data already prepared for `job.data` (a comparison prepares them once for all its runs). */
  readonly data?: PreparedData;
}

/** Strips the diagnostics from an epoch record. */
export function historyRecord(r: EpochRecord): HistoryRecord {
  const { diagnostics: _d, ...rest } = r;
  return rest;
}

/** Trains the network a job describes on its data; deterministic for the job's seeds. */
export function runJob(input: TrainingJobInput | TrainingJob, options: RunJobOptions = {}): JobResult {
  const data = options.data ?? prepareData(input.data, options.loaders);
  const job = resolveJob(input, data);
  const loss = job.model.loss ?? 'mse';
  const acts = typeof job.model.activation === 'string' ? job.model.hidden.map(() => job.model.activation as string) : job.model.activation;
  const hidden: HiddenLayerSpec[] = job.model.hidden.map((units, i) => ({
    units,
    activation: resolveActivation(acts[i]),
    ...(job.model.init ? { init: job.model.init } : {}),
    ...(job.model.params ? { params: job.model.params } : {}),
  }));
  const trainData = encodeTargets(data.train, loss);
  const testData = encodeTargets(data.test, loss);
  const model = createModel(
    {
      inputSize: data.train.d, hidden, outputSize: outputWidth(data.train, loss), loss,
      ...(job.model.outputActivation ? { outputActivation: resolveActivation(job.model.outputActivation) } : {}),
    },
    createRng(job.train.seed),
  );
  model.meta = {
    standardizer: data.standardizer,
    ...(data.classNames ? { classNames: data.classNames } : {}),
  };
  const t = job.train;
  const start = performance.now();
  const result = train(
    model,
    { train: trainData, test: testData },
    { epochs: t.epochs, learningRate: t.lr, batchSize: t.batch, seed: t.seed, optimizer: { name: t.optimizer }, l1: t.l1, l2: t.l2 },
    { onEpoch: options.onEpoch ? (r) => options.onEpoch?.(historyRecord(r), t.epochs) : undefined },
  );
  const seconds = (performance.now() - start) / 1000;
  const last = historyRecord(result.final);
  const { epoch: _e, ...finalRest } = last;
  return {
    config: job,
    final: { ...finalRest, testLoss: last.testLoss ?? Number.NaN },
    history: result.history.map(historyRecord),
    diagnostics: { layers: result.final.diagnostics },
    model,
    data,
    seconds,
  };
}

/**
 * One unit of search work: a candidate activation trained once, on one seed, under the search's spec.
 * Tasks are plain JSON with a content hash as id, so they travel to worker threads and to Redis workers
 * and a result found once (before an interruption, or by another worker) is never computed again.
 */
import { prepareData, type DataLoaders, type PreparedData } from '../run/preparedData.js';
import { trainRun } from '../run/trainRun.js';
import type { TrainingJobInput } from '../run/trainingJob.js';
import { ActlabError } from '../util/errors.js';

/** A training run of one activation on one seed. */
export interface EvalTask {
  /** Content hash of `job` and `probe` (hex). */
  readonly id: string;
  readonly job: TrainingJobInput;
  /** Measure the untrained network instead of training it (the surrogate): see `InitProbe`. */
  readonly probe?: boolean;
  /** Engine backend the run must use (part of the id: backends agree only to f32 rounding). Default: the thread's. */
  readonly backend?: 'wasm' | 'js';
}

/**
 * The untrained network, measured over one pass of the training data with a negligible learning rate
 * (the weights move by ~1e-12): gradient norms of the first and last layers, and the share of hidden
 * units that are saturated or dead. The cheap surrogate of Bingham & Miikkulainen 2023 looks at the same
 * kind of quantities (gradient statistics and output distribution at initialisation).
 */
export interface InitProbe {
  /** log10 of (first layer's gradient norm / last layer's). */
  readonly gradientRatioLog10: number;
  /** Mean over hidden layers of the saturated fraction. */
  readonly saturated: number;
  /** Mean over hidden layers of the dead fraction. */
  readonly dead: number;
  /** Standard deviation of the last hidden layer's pre-activations. */
  readonly lastPreActivationStd: number;
}

/** What one run gives: the score (test accuracy, or test R² for regression) or why it failed. */
export type EvalOutcome =
  | { readonly ok: true; readonly score: number; readonly metric: 'accuracy' | 'r2'; readonly testLoss: number; readonly trainLoss: number; readonly seconds: number; readonly probe?: InitProbe }
  | { readonly ok: false; readonly reason: string };

/** 64-bit FNV-1a of a string, as 16 hex digits (ids only; not a security hash). */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Builds a task for a job (a probe of the untrained network when `probe`), on `backend` when given. */
export function evalTask(job: TrainingJobInput, probe = false, backend?: 'wasm' | 'js'): EvalTask {
  const b = backend ? { backend } : {};
  const tag = backend ? `${backend}:` : '';
  if (!probe) return { id: contentHash(`${tag}${JSON.stringify(job)}`), job, ...b };
  const j: TrainingJobInput = { ...job, train: { ...job.train, epochs: 1, lr: 1e-12 } };
  return { id: contentHash(`${tag}probe:${JSON.stringify(j)}`), job: j, probe: true, ...b };
}

const mean = (v: readonly number[]): number => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0);

/** Runs a task in this thread; a failure of the candidate (divergence, bad values) is an outcome, not an error. */
export function runEvalTask(task: EvalTask, data?: PreparedData, loaders?: DataLoaders): EvalOutcome {
  try {
    const r = trainRun(task.job, { ...(data ? { data } : {}), ...(loaders ? { loaders } : {}) });
    let probe: InitProbe | undefined;
    if (task.probe) {
      const layers = r.diagnostics.layers;
      const hidden = layers.filter((l) => l.saturatedFraction !== null);
      const first = layers[0]?.gradNorm ?? Number.NaN;
      const last = layers[layers.length - 1]?.gradNorm ?? Number.NaN;
      probe = {
        gradientRatioLog10: Math.log10(first / last),
        saturated: mean(hidden.map((l) => l.saturatedFraction ?? 0)),
        dead: mean(hidden.map((l) => l.deadFraction ?? 0)),
        lastPreActivationStd: hidden.length ? hidden[hidden.length - 1].preActivationStd : Number.NaN,
      };
    }
    const score = r.final.testAccuracy ?? r.final.testR2 ?? Number.NaN;
    if (!Number.isFinite(score) || !Number.isFinite(r.final.testLoss)) return { ok: false, reason: 'diverged: the loss or score is not finite' };
    return { ok: true, score, metric: r.final.testAccuracy !== undefined ? 'accuracy' : 'r2', testLoss: r.final.testLoss, trainLoss: r.final.trainLoss, seconds: r.seconds, ...(probe ? { probe } : {}) };
  } catch (e) {
    if (e instanceof ActlabError) return { ok: false, reason: e.message.split('\n')[0] };
    return { ok: false, reason: `failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** Prepared data per data spec, kept by a worker so that it builds each data set once. */
export class DataCache {
  private readonly cache = new Map<string, PreparedData>();
  constructor(private readonly loaders: DataLoaders = {}) {}
  /** Runs a task with cached data. */
  run(task: EvalTask): EvalOutcome {
    const key = JSON.stringify(task.job.data);
    let data = this.cache.get(key);
    if (!data) {
      try {
        data = prepareData(task.job.data, this.loaders);
      } catch (e) {
        return { ok: false, reason: (e as Error).message.split('\n')[0] };
      }
      this.cache.set(key, data);
    }
    return runEvalTask(task, data);
  }
}

import { isInitializerName } from '../nn/initializers.js';
import { checkLossName } from '../nn/losses.js';
import { OPTIMIZERS } from '../nn/optimizers.js';
import { ActlabError } from '../util/errors.js';
import { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS } from './defaults.js';
import { defaultLoss } from './targets.js';
import type { PreparedData } from './preparedData.js';
import type { TrainingJob, TrainingJobInput } from './trainingJob.js';

/** Fills a job's defaults (the loss from the data's task and classes) and checks its settings. */
export function resolveJob(input: TrainingJobInput | TrainingJob, data: PreparedData): TrainingJob {
  const mnist = data.name === 'mnist';
  const hidden = input.model.hidden ?? (mnist ? MNIST_HIDDEN : DEFAULT_HIDDEN);
  if (hidden.some((u) => !Number.isInteger(u) || u < 1 || u > 100_000)) {
    throw new ActlabError(`hidden layer widths must be whole numbers from 1 to 100000, got ${hidden.join(',')}; write e.g. --hidden 8,8`);
  }
  const activation = input.model.activation;
  if (typeof activation !== 'string' && activation.length !== hidden.length) {
    throw new ActlabError(`${activation.length} activations for ${hidden.length} hidden layers; give one for all layers or one per layer`);
  }
  const loss = input.model.loss ? checkLossName(input.model.loss) : defaultLoss(data.task, data.classNames?.length ?? 2);
  if (input.model.init !== undefined && !isInitializerName(input.model.init)) {
    throw new ActlabError(`unknown initialiser '${String(input.model.init)}'; use glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_uniform, lecun_normal or zeros`);
  }
  const params = input.model.params;
  if (params !== undefined && !['fixed', 'shared', 'per-unit'].includes(params)) {
    throw new ActlabError(`unknown parameter mode '${String(params)}'; use fixed, shared or per-unit`);
  }
  const { weightScale, biasInit } = input.model;
  if (weightScale !== undefined && !(weightScale > 0 && Number.isFinite(weightScale))) {
    throw new ActlabError(`weight scale must be a positive number, got ${String(weightScale)}; e.g. 0.1 for small initial weights`);
  }
  if (biasInit !== undefined && !Number.isFinite(biasInit)) throw new ActlabError(`bias init must be a finite number, got ${String(biasInit)}; e.g. 0.1`);
  const train = { ...TRAIN_DEFAULTS, ...(mnist ? MNIST_TRAIN_DEFAULTS : {}), ...stripUndefined(input.train ?? {}) };
  checkNetworkSize(data, hidden, train.batch);
  if (!OPTIMIZERS.includes(train.optimizer)) throw new ActlabError(`unknown optimizer '${train.optimizer}'; use ${OPTIMIZERS.join(', ')}`);
  return {
    data: { ...input.data, seed: input.data.seed ?? DATA_DEFAULTS.seed },
    model: { hidden: [...hidden], activation: typeof activation === 'string' ? activation : [...activation], loss, ...(input.model.init ? { init: input.model.init } : {}),
      ...(input.model.outputActivation ? { outputActivation: input.model.outputActivation } : {}),
      ...(params && params !== 'fixed' ? { params } : {}),
      ...(weightScale !== undefined && weightScale !== 1 ? { weightScale } : {}),
      ...(biasInit !== undefined && biasInit !== 0 ? { biasInit } : {}) },
    train,
  };
}

/** Most weights (and biases) a network may have: with gradients and Adam's two moments, about 320 MB. */
export const MAX_WEIGHTS = 20_000_000;
/** Most activation values one mini-batch (or evaluation chunk of 256 rows) may hold across the layers: about 200 MB. */
export const MAX_BATCH_ACTIVATIONS = 50_000_000;

/** Refuses networks whose weights or activations would not fit in memory, stating the limits. */
function checkNetworkSize(data: PreparedData, hidden: readonly number[], batch: number): void {
  const k = data.classNames?.length ?? 1;
  const widths = [data.train.d, ...hidden, k > 2 ? k : 1];
  let weights = 0;
  for (let i = 1; i < widths.length; i++) weights += (widths[i - 1] + 1) * widths[i];
  const shape = widths.join('-');
  if (weights > MAX_WEIGHTS) {
    throw new ActlabError(
      `the network ${shape} would have ${weights.toLocaleString('en-US')} weights; the limit is ${MAX_WEIGHTS.toLocaleString('en-US')} (about 320 MB with gradients and optimiser state), so use narrower or fewer hidden layers`,
    );
  }
  const values = Math.max(batch, 256) * widths.reduce((a, b) => a + b, 0);
  if (values > MAX_BATCH_ACTIVATIONS) {
    throw new ActlabError(
      `a batch of ${Math.max(batch, 256)} rows through ${shape} would hold ${values.toLocaleString('en-US')} activations; the limit is ${MAX_BATCH_ACTIVATIONS.toLocaleString('en-US')} (about 200 MB), so use a smaller --batch or narrower layers`,
    );
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

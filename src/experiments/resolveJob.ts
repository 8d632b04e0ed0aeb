import { isInitializerName } from '../nn/initializers.js';
import { checkLossName } from '../nn/losses.js';
import { OPTIMIZERS } from '../nn/optimizers.js';
import { ActlabError } from '../util/errors.js';
import { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS, defaultLoss } from './defaults.js';
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
  const train = { ...TRAIN_DEFAULTS, ...(mnist ? MNIST_TRAIN_DEFAULTS : {}), ...stripUndefined(input.train ?? {}) };
  if (!OPTIMIZERS.includes(train.optimizer)) throw new ActlabError(`unknown optimizer '${train.optimizer}'; use ${OPTIMIZERS.join(', ')}`);
  return {
    data: { ...input.data, seed: input.data.seed ?? DATA_DEFAULTS.seed },
    model: { hidden: [...hidden], activation: typeof activation === 'string' ? activation : [...activation], loss, ...(input.model.init ? { init: input.model.init } : {}),
      ...(input.model.outputActivation ? { outputActivation: input.model.outputActivation } : {}),
      ...(params && params !== 'fixed' ? { params } : {}) },
    train,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

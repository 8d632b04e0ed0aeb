/** Run specs, the training run and saved models: re-exports only. */
export type { CsvSource, DataSpec, ModelConfig, TrainSettings, TrainingJob, TrainingJobInput } from './trainingJob.js';
export { describeDataSpec } from './trainingJob.js';
export { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_DEFAULTS, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS } from './defaults.js';
export { datasetLoss, datasetTargets, defaultLoss, encodeTargets, lossFor, outputWidth } from './targets.js';
export { prepareData, type DataLoaders, type PreparedData } from './preparedData.js';
export { MAX_BATCH_ACTIVATIONS, MAX_WEIGHTS, resolveJob } from './resolveJob.js';
export { RUN_BACKENDS, RUN_SPEC_VERSION, backendName, hiddenActivations, toRunSpec, type BackendName, type RunSpec } from './runSpec.js';
export { buildNetwork, type NetworkSpec } from './network.js';
export { fitModel, trainConfig, type FitOptions, type FitResult } from './fit.js';
export { historyRecord, trainRun, type FinalMetrics, type HistoryRecord, type RunResult, type TrainRunOptions } from './trainRun.js';
export {
  SAVED_MODEL_FORMAT, SAVED_MODEL_VERSION, SavedModel, classIndex, loadSavedModel, saveModel, trainedBackend, upgradeSavedModel,
  type CsvPrediction, type NetworkJson, type Prediction, type SaveInfo, type SavedModelJson, type StandardizerJson,
} from './savedModel.js';
export { encodeModelInput, readModelInput, targetKey, type EncodedModelInput, type ModelInputRows } from './csvInput.js';
export { SAVED_MODEL_SCHEMA } from './schema.js';
export { BUILTIN_TARGET, datasetToCsv } from './dataCsv.js';
export { classificationAccuracy } from './accuracy.js';

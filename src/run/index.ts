/** Run specs and saved models: re-exports only. */
export { RUN_SPEC_VERSION, hiddenActivations, toRunSpec, type BackendName, type RunSpec } from './runSpec.js';
export {
  SAVED_MODEL_FORMAT, SAVED_MODEL_VERSION, SavedModel, classIndex, loadSavedModel, saveModel, upgradeSavedModel,
  type NetworkJson, type Prediction, type SaveInfo, type SavedModelJson, type StandardizerJson,
} from './savedModel.js';
export { readModelInput, targetKey, type ModelInputRows } from './csvInput.js';
export { trainRun, type RunResult } from './trainRun.js';
export { SAVED_MODEL_SCHEMA } from './schema.js';
export { BUILTIN_TARGET, datasetToCsv } from './dataCsv.js';
export { classificationAccuracy } from './accuracy.js';

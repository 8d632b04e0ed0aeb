/** The training engine: re-exports only. */
export type { Backend } from './backend.js';
export { jsBackend } from './jsBackend.js';
export { allocFor } from './backend.js';
export { defaultBackend, setDefaultBackend } from './defaultBackend.js';
export type { LayerActivation } from './layerActivation.js';
export { learnableParamNames } from './layerActivation.js';
export type { RngLike } from './rngLike.js';
export { DenseLayer, type ParamMode } from './denseLayer.js';
export { INITIALIZERS, defaultInitializer, initializeWeights, isInitializerName, type InitializerName } from './initializers.js';
export { LOSSES, checkLossName, isLossName, lossAndGrad, lossValue, outputFromLogits, type LossName } from './losses.js';
export { Model, createModel, type HiddenLayerSpec, type ModelMeta, type ModelSpec } from './model.js';
export { OPTIMIZERS, createOptimizer, type Optimizer, type OptimizerConfig, type OptimizerName, type Param } from './optimizers.js';
export { forwardBackward } from './backprop.js';
export { evaluate, type Metrics } from './metrics.js';
export { SATURATION_THRESHOLD, LayerStats, type LayerDiagnostics } from './diagnostics.js';
export {
  createTrainer, train,
  type EpochRecord, type TrainCallbacks, type TrainConfig, type TrainData, type TrainResult, type TrainSplit, type Trainer,
} from './trainer.js';
export { MODEL_FORMAT, modelFromJson, modelToJson, type LayerJson, type ModelJson } from './serialize.js';
export {
  referenceLoss, referenceLossAndGrads,
  type ReferenceLayer, type ReferenceLayerGrads, type ReferenceLoss, type ScalarActivation,
} from './reference/referenceNet.js';

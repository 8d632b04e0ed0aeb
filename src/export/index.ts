/** Export of activations and saved models to ONNX, PyTorch, TF.js and NumPy: re-exports only. */
export { ONNX_FUNCTION_DOMAIN, ONNX_OPSET, activationToOnnx, modelToOnnx, onnxFunctionName } from './onnxExport.js';
export { activationToPytorch, modelToPytorch } from './pytorchExport.js';
export { activationToTfjs, modelToTfjs, tfjsClassName } from './tfjsExport.js';
export { activationToNumpy, modelToNumpy } from './numpyExport.js';
export { exportActivation, exportModelOf, identifierOf, type ExportActivation, type ExportLayer, type ExportModel } from './model.js';
export { lower, usedInstructions, type Instr, type PrimitiveName, type Program } from './ir.js';
export { ExportError } from './exportError.js';

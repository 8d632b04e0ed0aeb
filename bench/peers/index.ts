/** The benchmark's peers: TF.js (cpu, wasm) and ONNX Runtime, prepared runs and a timer. Re-exports only. */
export { prepareTfjsRun, tfjsActivation, useTfjsBackend, TFJS_IDS, TFJS_VECTOR_IDS, type TfjsBackend } from './tfjsPeer.js';
export { prepareOnnxRun, onnxActivation, ONNX_IDS, ONNX_VECTOR_IDS, type OnnxOptions } from './onnxPeer.js';
export { timeRuns, type PeerRun, type RunTimes } from './peerRun.js';
export { encodeOnnxModel, type OnnxAttribute, type OnnxInitializer, type OnnxNodeModel } from './onnxModel.js';

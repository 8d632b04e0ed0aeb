/**
 * Independent implementations of catalog activations (TF.js, ONNX Runtime) for the tests. The adapters
 * live in bench/peers/, where the benchmark uses them too; this index only re-exports them.
 */
export { DEFAULT_TOLERANCE, withinTolerance, type OracleInfo, type Tolerance } from '../../bench/peers/oracleInfo.js';
export { TFJS_IDS, TFJS_VECTOR_IDS, tfjsActivation, useTfjsBackend, type TfjsBackend, type TfjsOracle } from '../../bench/peers/tfjsPeer.js';
export { ONNX_IDS, ONNX_VECTOR_IDS, onnxActivation, type OnnxOptions, type OnnxOracle } from '../../bench/peers/onnxPeer.js';
export { denseGrid } from './denseGrid.js';
export { mismatches } from './mismatches.js';

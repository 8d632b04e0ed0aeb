// Preloaded by bench/run.js (`node --import`): imports binaryen before tsx registers (through tsx's loader it
// takes tens of seconds to load), with V8's dynamic tier-up off for binaryen's own module, as
// src/node/binaryenImport.ts does for the CLI: otherwise V8's background recompilation of hot binaryen
// functions, after the kernels are assembled, delays the optimisation of the code being timed.
import v8 from 'node:v8';

v8.setFlagsFromString('--wasm-tiering-budget=2000000000');
try {
  await import('binaryen');
} finally {
  v8.setFlagsFromString('--wasm-tiering-budget=1800000');
}

/**
 * Node only: loads binaryen with V8's dynamic tier-up of its WebAssembly switched off.
 *
 * binaryen.js is about 10 MB of WebAssembly. Assembling the wasm backend's kernels makes hundreds of its
 * functions hot, and V8 then recompiles each with its optimising compiler on background threads. On a
 * small machine those jobs crowd out the optimisation of the training code that runs next (the engine's
 * own JavaScript and WebAssembly), which then runs unoptimised for seconds: on the 2-core test machine
 * `actlab train --data mnist` trained 4-5× slower than with binaryen's functions left on V8's baseline
 * compiler. binaryen only assembles a few small modules per process, so its baseline code is fast
 * enough. V8 gives every function of a module its tier-up budget when the module is compiled, so a
 * budget that never runs out while binaryen's module compiles, restored right after, affects binaryen
 * alone; the modules compiled later (the core, the kernels) tier up as usual.
 */
import v8 from 'node:v8';
import { setBinaryenImport } from '../wasm/assemble.js';

/** V8's default `--wasm-tiering-budget` (Node 20). */
const DEFAULT_TIERING_BUDGET = 1_800_000;

let installed = false;

/** Makes this thread's `loadBinaryen` import binaryen with tier-up off for binaryen's module (idempotent). */
export function installBinaryenImport(): void {
  if (installed) return;
  installed = true;
  setBinaryenImport(async () => {
    v8.setFlagsFromString('--wasm-tiering-budget=2000000000');
    try {
      return await import('binaryen');
    } finally {
      v8.setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`);
    }
  });
}

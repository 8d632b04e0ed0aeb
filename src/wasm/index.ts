/** The WebAssembly SIMD backend and the choice between backends: re-exports and `loadBackend`. */
import type { Backend } from '../nn/backend.js';
import { jsBackend } from '../nn/jsBackend.js';
import { createWasmBackend } from './wasmBackend.js';

export { createWasmBackend, createIsolatedWasmBackend, DEFAULT_CUTOFFS, type SizeCutoffs, type WasmBackend } from './wasmBackend.js';
export { DEFAULT_KERNEL_CACHE_SIZE, KernelCache, kernelKey } from './kernelCache.js';
export { Heap } from './heap.js';
export { assemble, loadBinaryen, vectorConstantsInLoops } from './assemble.js';
export { renderKernelModule, renderable } from './render.js';
export { ACCURACY_ULP } from './vmath.js';

/** The engine backends by name. */
export const BACKENDS = ['wasm', 'js'] as const;

/** One of the backends. */
export type BackendName = (typeof BACKENDS)[number];

/** True when `name` is a backend name. */
export function isBackendName(name: string): name is BackendName {
  return (BACKENDS as readonly string[]).includes(name);
}

/** The backend of that name (the wasm one is created, once per thread, on first use). */
export async function loadBackend(name: BackendName): Promise<Backend> {
  return name === 'js' ? jsBackend : createWasmBackend();
}

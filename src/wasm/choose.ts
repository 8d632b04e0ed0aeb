/**
 * Which engine backend a host can run: the WebAssembly SIMD backend where WebAssembly with 128-bit SIMD is
 * there and binaryen assembles its core, else the JavaScript backend with a one-line note saying why (a face
 * shows it). Network size needs no choice here: the wasm backend hands calls below its size cutoffs
 * (`DEFAULT_CUTOFFS`, src/wasm/wasmBackend.ts) to the JavaScript code on the same arrays, so the explorer's
 * 2-8-8-1 networks at batch 10 train as fast as on `js` while its 100×100 heatmaps and larger layers get SIMD.
 */
import type { Backend } from '../nn/backend.js';
import { jsBackend } from '../nn/jsBackend.js';
import { loadBackend, type BackendName } from './index.js';

/**
 * The smallest module using a SIMD instruction (i32.const 0; i8x16.splat; i8x16.popcnt): it validates exactly
 * where WebAssembly has the fixed-width SIMD proposal (Chromium 91+, Firefox 89+, Safari 16.4+, Node 16.4+).
 */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** True when this host runs WebAssembly with 128-bit SIMD. */
export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** The backend chosen, and why it is not the one wanted (null when it is). */
export interface BackendChoice {
  readonly backend: Backend;
  readonly note: string | null;
}

/**
 * The backend `wanted` names when this host can run it, else the JavaScript one with a note. Loads binaryen
 * (a few megabytes) on first use of `wasm`; call it off the critical path (the explorer's worker does).
 */
export async function chooseBackend(wanted: BackendName = 'wasm'): Promise<BackendChoice> {
  if (wanted === 'js') return { backend: jsBackend, note: null };
  if (!wasmSimdSupported()) {
    return { backend: jsBackend, note: 'this browser has no WebAssembly SIMD, so training runs on the JavaScript backend (slower); a current Chromium or Firefox has it' };
  }
  try {
    return { backend: await loadBackend('wasm'), note: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { backend: jsBackend, note: `the WebAssembly backend could not start (${why.split('\n')[0]}), so training runs on the JavaScript backend (slower)` };
  }
}

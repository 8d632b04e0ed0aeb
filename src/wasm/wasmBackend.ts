import type { ActivationKernel } from '../expr/kernel.js';
import type { Backend } from '../nn/backend.js';
import { jsBackend } from '../nn/jsBackend.js';
import type { LayerActivation } from '../nn/layerActivation.js';
import { createOptimizer, type Optimizer, type OptimizerConfig, type Param } from '../nn/optimizers.js';
import { loadBinaryen } from './assemble.js';
import { CORE_WASM_SHARED, CORE_WASM_UNSHARED } from './coreBinary.js';
import { PARAM_ENTRY_BYTES } from './coreWat.js';
import { Heap } from './heap.js';
import { KernelCache } from './kernelCache.js';

interface CoreExports {
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, acc: number, ar: number, as: number): void;
  transpose(a: number, out: number, r: number, c: number): void;
  sumRows(a: number, out: number, rows: number, cols: number, acc: number): void;
  mul(a: number, b: number, out: number, len: number): void;
  sgd(w: number, g: number, len: number, lr: number): void;
  momentum(w: number, g: number, v: number, len: number, lr: number, mu: number): void;
  adam(w: number, g: number, m: number, v: number, len: number, lr: number, b1: number, b2: number, eps: number, c1: number, c2: number): void;
  dense(x: number, w: number, b: number, z: number, n: number, k: number, u: number): void;
  denseBack(x: number, da: number, d: number, w: number, dz: number, gw: number, gb: number, dx: number, tmp: number, n: number, k: number, u: number): void;
  sgdMany(table: number, count: number, lr: number): void;
  momentumMany(table: number, count: number, lr: number, mu: number): void;
  adamMany(table: number, count: number, lr: number, b1: number, b2: number, eps: number, c1: number, c2: number): void;
}

/** The wasm backend: the engine's Backend plus what it adds (allocation, kernels, optimisers). */
export interface WasmBackend extends Backend {
  readonly name: 'wasm';
  readonly heap: Heap;
  alloc(length: number): Float32Array;
  free(a: Float32Array): void;
  denseForward: NonNullable<Backend['denseForward']>;
  denseBackward: NonNullable<Backend['denseBackward']>;
  kernel(activation: LayerActivation): ActivationKernel;
  createOptimizer(config: OptimizerConfig, params: readonly Param[]): Optimizer;
}

/**
 * Below these sizes a call into WebAssembly costs more than it saves, so the backend runs the JavaScript
 * code on the same arrays (a 2-8-8-1 network at batch 10 is all small calls).
 */
export interface SizeCutoffs {
  /** Matrix products with fewer multiply-adds (m·k·n) than this. */
  readonly gemmMacs: number;
  /** Row sums, products and activation kernels over fewer elements than this. */
  readonly elements: number;
}

/** The cutoffs of `createWasmBackend` (measured on the 2-8-8-1 and 784-128-64-10 networks of `npm run bench`). */
export const DEFAULT_CUTOFFS: SizeCutoffs = { gemmMacs: 2048, elements: 256 };

/**
 * The core module, compiled from the binary embedded in coreBinary.ts (coreWat.ts assembled by binaryen
 * ahead of time: scripts/core-wasm.ts), so the backend starts without running binaryen on it.
 */
export function coreModule(shared: boolean): WebAssembly.Module {
  const text = atob(shared ? CORE_WASM_SHARED : CORE_WASM_UNSHARED);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new WebAssembly.Module(bytes);
}

function build(heap: Heap, cut: SizeCutoffs): WasmBackend {
  const module = coreModule(heap.shared);
  const core = new WebAssembly.Instance(module, { env: { memory: heap.memory } }).exports as unknown as CoreExports;
  const kernels = new KernelCache(heap);

  const gemmStrided = (a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean, ar: number, as: number): void => {
    heap.begin(heap.need(a, b, c));
    const pa = heap.arg(a, true, false, m * k);
    const pb = heap.arg(b, true, false, k * n);
    const pc = heap.arg(c, accumulate, true, m * n);
    core.gemm(pa, pb, pc, m, k, n, accumulate ? 1 : 0, ar, as);
    heap.finish();
  };

  // A block for W transposed by denseBack when every operand is in the memory (grown as needed).
  let tAt = 0;
  let tBytes = 0;
  const transposeScratch = (bytes: number): number => {
    if (bytes > tBytes) {
      if (tBytes > 0) heap.release(tAt);
      const want = Math.max(bytes, 2 * tBytes);
      tAt = heap.reserve(want);
      if (tAt < 0) throw new Error('wasm heap: out of memory for a transposed operand');
      tBytes = want;
    }
    return tAt;
  };

  return {
    name: 'wasm',
    heap,
    gemm(a, b, c, m, k, n, accumulate) {
      if (m * k * n < cut.gemmMacs) jsBackend.gemm(a, b, c, m, k, n, accumulate);
      else gemmStrided(a, b, c, m, k, n, accumulate, 4 * k, 4);
    },
    gemmTN(a, b, c, m, k, n, accumulate) {
      if (m * k * n < cut.gemmMacs) jsBackend.gemmTN(a, b, c, m, k, n, accumulate);
      else gemmStrided(a, b, c, m, k, n, accumulate, 4, 4 * m);
    },
    gemmNT(a, b, c, m, k, n, accumulate) {
      if (m * k * n < cut.gemmMacs) {
        jsBackend.gemmNT(a, b, c, m, k, n, accumulate);
        return;
      }
      // C = A·Bᵀ: transpose B (n×k) into scratch once, then the A·B kernel.
      heap.begin(heap.need(a, b, c) + n * k * 4 + 16);
      const pa = heap.arg(a, true, false, m * k);
      const pb = heap.arg(b, true, false, n * k);
      const pc = heap.arg(c, accumulate, true, m * n);
      const bt = heap.temp(n * k * 4);
      core.transpose(pb, bt, n, k);
      core.gemm(pa, bt, pc, m, k, n, accumulate ? 1 : 0, 4 * k, 4);
      heap.finish();
    },
    denseForward(x, w, b, z, n, k, u) {
      if (heap.owns(x) && heap.owns(w) && heap.owns(b) && heap.owns(z)) {
        core.dense(x.byteOffset, w.byteOffset, b.byteOffset, z.byteOffset, n, k, u);
        return;
      }
      heap.begin(heap.need(x, w, b, z));
      const px = heap.arg(x, true, false, n * k);
      const pw = heap.arg(w, true, false, k * u);
      const pb = heap.arg(b, true, false, u);
      const pz = heap.arg(z, false, true, n * u);
      core.dense(px, pw, pb, pz, n, k, u);
      heap.finish();
    },
    denseBackward(x, da, d, w, dz, gw, gb, dx, n, k, u) {
      const own = heap.owns(x) && heap.owns(da) && heap.owns(w) && heap.owns(gw) && heap.owns(gb)
        && (d === null || (heap.owns(d) && heap.owns(dz))) && (dx === null || heap.owns(dx));
      if (own) {
        const t = dx ? transposeScratch(k * u * 4) : 0;
        core.denseBack(x.byteOffset, da.byteOffset, d ? d.byteOffset : 0, w.byteOffset, d ? dz.byteOffset : 0, gw.byteOffset, gb.byteOffset, dx ? dx.byteOffset : 0, t, n, k, u);
        return;
      }
      heap.begin(heap.need(x, da, w, dz, gw, gb) + (d ? heap.need(d) : 0) + (dx ? heap.need(dx) + k * u * 4 + 16 : 0));
      const px = heap.arg(x, true, false, n * k);
      const pda = heap.arg(da, true, false, n * u);
      const pd = d ? heap.arg(d, true, false, n * u) : 0;
      const pw = heap.arg(w, true, false, k * u);
      const pdz = d ? heap.arg(dz, false, true, n * u) : 0;
      const pgw = heap.arg(gw, false, true, k * u);
      const pgb = heap.arg(gb, false, true, u);
      const pdx = dx ? heap.arg(dx, false, true, n * k) : 0;
      const tmp = dx ? heap.temp(k * u * 4) : 0;
      core.denseBack(px, pda, pd, pw, pdz, pgw, pgb, pdx, tmp, n, k, u);
      heap.finish();
    },
    broadcastRows(row, c, rows, cols) {
      const r = row.length === cols ? row : row.subarray(0, cols);
      for (let i = 0; i < rows; i++) c.set(r, i * cols);
    },
    sumRows(a, out, rows, cols, accumulate) {
      if (rows * cols < cut.elements) {
        jsBackend.sumRows(a, out, rows, cols, accumulate);
        return;
      }
      heap.begin(heap.need(a, out));
      const pa = heap.arg(a, true, false, rows * cols);
      const po = heap.arg(out, accumulate, true, cols);
      core.sumRows(pa, po, rows, cols, accumulate ? 1 : 0);
      heap.finish();
    },
    mul(a, b, out) {
      const len = out.length;
      if (len < cut.elements) {
        jsBackend.mul(a, b, out);
        return;
      }
      heap.begin(heap.need(a, b, out));
      const pa = heap.arg(a, true, false, len);
      const pb = heap.arg(b, true, false, len);
      const po = heap.arg(out, false, true, len);
      core.mul(pa, pb, po, len);
      heap.finish();
    },
    alloc(length) {
      return heap.alloc(length);
    },
    free(a) {
      heap.free(a);
    },
    kernel(activation) {
      return bySize(kernels.kernelFor(activation), activation.kernel, cut.elements);
    },
    createOptimizer(config, params) {
      const inMemory = params.every((p) => heap.owns(p.value) && heap.owns(p.grad));
      if (!inMemory || params.length === 0) return createOptimizer(config, params);
      const moments = config.name === 'adam' ? 2 : config.name === 'momentum' ? 1 : 0;
      const state = params.map((p) => Array.from({ length: moments }, () => heap.alloc(p.value.length)));
      // The parameter table the *Many steps read: w, g, m, v, len per parameter.
      const tableView = heap.alloc((params.length * PARAM_ENTRY_BYTES) / 4);
      if (!state.every((s) => s.every((a) => heap.owns(a))) || !heap.owns(tableView)) {
        for (const a of [...state.flat(), tableView]) heap.free(a);
        return createOptimizer(config, params);
      }
      const entries = new Int32Array(tableView.buffer, tableView.byteOffset, tableView.length);
      params.forEach((p, i) => {
        const e = (i * PARAM_ENTRY_BYTES) / 4;
        entries[e] = p.value.byteOffset;
        entries[e + 1] = p.grad.byteOffset;
        entries[e + 2] = state[i][0]?.byteOffset ?? 0;
        entries[e + 3] = state[i][1]?.byteOffset ?? 0;
        entries[e + 4] = p.value.length;
      });
      const table = tableView.byteOffset;
      const count = params.length;
      const dispose = (): void => {
        // `params` is named here so the closures keep the arrays whose addresses the table holds alive.
        if (params.length > 0) for (const a of [...state.flat(), tableView]) heap.free(a);
      };
      switch (config.name) {
        case 'sgd':
          return { step: (lr) => core.sgdMany(table, count, lr), dispose };
        case 'momentum': {
          const mu = config.momentum ?? 0.9;
          return { step: (lr) => core.momentumMany(table, count, lr, mu), dispose };
        }
        case 'adam': {
          const b1 = config.beta1 ?? 0.9;
          const b2 = config.beta2 ?? 0.999;
          const eps = config.epsilon ?? 1e-7;
          let t = 0;
          return {
            step(lr) {
              t++;
              core.adamMany(table, count, lr, b1, b2, eps, 1 - Math.pow(b1, t), 1 - Math.pow(b2, t));
            },
            dispose,
          };
        }
        default:
          dispose();
          return createOptimizer(config, params);
      }
    },
  };
}

/** `wasm` for arrays of at least `min` elements, `js` below (the same kernels' JavaScript version). */
function bySize(wasm: ActivationKernel, js: ActivationKernel, min: number): ActivationKernel {
  if (wasm === js || min <= 0) return wasm;
  return {
    params: wasm.params,
    forward: (x, y, p) => (x.length < min ? js : wasm).forward(x, y, p),
    forwardDeriv: (x, y, d, p) => (x.length < min ? js : wasm).forwardDeriv(x, y, d, p),
    backward: (x, dy, dx, p) => (x.length < min ? js : wasm).backward(x, dy, dx, p),
    paramGrad: (x, dy, p, g) => (x.length < min ? js : wasm).paramGrad(x, dy, p, g),
    forwardDerivCols: (x, y, d, cols, p) => (x.length < min ? js : wasm).forwardDerivCols(x, y, d, cols, p),
    paramGradCols: (x, dy, cols, p, g) => (x.length < min ? js : wasm).paramGradCols(x, dy, cols, p, g),
  };
}

let shared: Promise<WasmBackend> | null = null;

/**
 * The WebAssembly SIMD backend (one per thread: its memory holds the buffers of every model built on
 * it). Loads binaryen and assembles the core on first call.
 */
export function createWasmBackend(): Promise<WasmBackend> {
  shared ??= loadBinaryen().then(() => build(new Heap(), DEFAULT_CUTOFFS));
  return shared;
}

/**
 * A separate backend over a fresh memory; `unshared` forces an ordinary memory (copy mode), as in a page
 * without cross-origin isolation; `cutoffs` { gemmMacs: 0, elements: 0 } runs WebAssembly at every size.
 */
export async function createIsolatedWasmBackend(unshared = false, cutoffs: SizeCutoffs = DEFAULT_CUTOFFS): Promise<WasmBackend> {
  await loadBinaryen();
  return build(new Heap(unshared), cutoffs);
}

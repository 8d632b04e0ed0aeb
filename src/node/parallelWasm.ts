/**
 * Node only: the wasm backend with each dense layer's matrix products split between this thread and one
 * helper `worker_threads` thread over the same shared WebAssembly.Memory, synchronised with Atomics.
 *
 * The helper instantiates the same core module on the same memory and waits (Atomics.wait) on a control
 * block of 16 int32 in that memory: this thread writes an operation and its addresses, bumps the sequence
 * number and notifies; the helper runs it and publishes the sequence number it finished. Each product is
 * split by rows of its result at a multiple of 4 rows, so every element is computed by the same tile code
 * as on one thread: results are bit-identical to `createWasmBackend`'s. Products under `minMacs`
 * multiply-adds, and operands outside the memory, stay on this thread.
 */
import { Worker } from 'node:worker_threads';
import { coreModule, createIsolatedWasmBackend, type WasmBackend } from '../wasm/wasmBackend.js';

interface Core {
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, acc: number, ar: number, as: number): void;
  dense(x: number, w: number, b: number, z: number, n: number, k: number, u: number): void;
  transpose(a: number, out: number, r: number, c: number): void;
  sumRows(a: number, out: number, rows: number, cols: number, acc: number): void;
  mul(a: number, b: number, out: number, len: number): void;
}

const SEQ = 0;
const DONE = 1;
const OP = 2;
const ARGS = 3;
const OP_STOP = 0;
const OP_GEMM = 1;
const OP_DENSE = 2;

/** The helper thread's program (plain JavaScript, run with `eval`: no file to resolve, no TypeScript loader). */
const HELPER = `
const { workerData } = require('node:worker_threads');
const { memory, module, ctrlAt } = workerData;
const core = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctrl = new Int32Array(memory.buffer, ctrlAt, 16);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, ${SEQ}, seen);
  seen = Atomics.load(ctrl, ${SEQ});
  const op = ctrl[${OP}];
  if (op === ${OP_STOP}) break;
  const a = ctrl.subarray(${ARGS}, ${ARGS} + 9);
  if (op === ${OP_GEMM}) core.gemm(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
  else if (op === ${OP_DENSE}) core.dense(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
  Atomics.store(ctrl, ${DONE}, seen);
  Atomics.notify(ctrl, ${DONE});
}`;

/** The two-thread backend and how to stop its helper thread. */
export interface ParallelWasmBackend extends WasmBackend {
  /** Stops the helper thread; the backend then runs on this thread only. */
  close(): Promise<void>;
}

/** Rows of the first part when m rows are split in two: half, rounded down to a multiple of 4 (0: no split). */
const splitRows = (m: number): number => (m >> 1) & ~3;

/**
 * A wasm backend (its own memory) whose dense layers run their matrix products on two threads. `minMacs`:
 * smaller products stay on this thread (a hand-off costs a few microseconds).
 */
export async function createParallelWasmBackend(minMacs = 200_000): Promise<ParallelWasmBackend> {
  const base = await createIsolatedWasmBackend();
  const heap = base.heap;
  if (!heap.shared) throw new Error('createParallelWasmBackend needs shared WebAssembly memory');
  const module = coreModule(true);
  const core = new WebAssembly.Instance(module, { env: { memory: heap.memory } }).exports as unknown as Core;
  const ctrlAt = heap.reserve(64);
  const ctrl = new Int32Array(heap.memory.buffer, ctrlAt, 16);
  const worker = new Worker(HELPER, { eval: true, workerData: { memory: heap.memory, module, ctrlAt } });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  // An idle helper does not keep the process alive.
  worker.unref();
  let open = true;
  let tmpAt = 0;
  let tmpBytes = 0;
  const tmp = (bytes: number): number => {
    if (bytes > tmpBytes) {
      if (tmpBytes > 0) heap.release(tmpAt);
      tmpAt = heap.reserve(bytes);
      if (tmpAt < 0) throw new Error('wasm heap: out of memory for a transposed operand');
      tmpBytes = bytes;
    }
    return tmpAt;
  };
  const post = (op: number, args: readonly number[]): number => {
    for (let i = 0; i < args.length; i++) ctrl[ARGS + i] = args[i];
    ctrl[OP] = op;
    const seq = Atomics.add(ctrl, SEQ, 1) + 1;
    Atomics.notify(ctrl, SEQ);
    return seq;
  };
  const join = (seq: number): void => {
    let done = Atomics.load(ctrl, DONE);
    for (let spin = 0; done !== seq && spin < 2000; spin++) done = Atomics.load(ctrl, DONE);
    while (done !== seq) {
      Atomics.wait(ctrl, DONE, done, 50);
      done = Atomics.load(ctrl, DONE);
    }
  };
  const owned = (...arrays: (Float32Array | null)[]): boolean => arrays.every((a) => a === null || heap.owns(a));

  return {
    ...base,
    denseForward(x, w, b, z, n, k, u) {
      const m0 = splitRows(n);
      if (!open || m0 === 0 || n * k * u < minMacs || !owned(x, w, b, z)) {
        base.denseForward(x, w, b, z, n, k, u);
        return;
      }
      const seq = post(OP_DENSE, [x.byteOffset + m0 * k * 4, w.byteOffset, b.byteOffset, z.byteOffset + m0 * u * 4, n - m0, k, u]);
      core.dense(x.byteOffset, w.byteOffset, b.byteOffset, z.byteOffset, m0, k, u);
      join(seq);
    },
    denseBackward(x, da, d, w, dz, gw, gb, dx, n, k, u) {
      if (!open || n * k * u < minMacs || !owned(x, da, d, w, dz, gw, gb, dx)) {
        base.denseBackward(x, da, d, w, dz, gw, gb, dx, n, k, u);
        return;
      }
      // The same operations as the core's denseBack, the two products split by rows of their results.
      const g = d ? dz.byteOffset : da.byteOffset;
      if (d) core.mul(da.byteOffset, d.byteOffset, dz.byteOffset, n * u);
      const i0 = splitRows(k);
      // dW = xᵀ·dz (k×u): rows from i0 on the helper.
      const s1 = i0 > 0 ? post(OP_GEMM, [x.byteOffset + i0 * 4, g, gw.byteOffset + i0 * u * 4, k - i0, n, u, 0, 4, 4 * k]) : 0;
      core.gemm(x.byteOffset, g, gw.byteOffset, i0 > 0 ? i0 : k, n, u, 0, 4, 4 * k);
      core.sumRows(g, gb.byteOffset, n, u, 0);
      if (dx) {
        const t = tmp(k * u * 4);
        core.transpose(w.byteOffset, t, k, u);
        if (s1) join(s1);
        // dx = dz·Wᵀ (n×k): rows from r0 on the helper.
        const r0 = splitRows(n);
        const s2 = r0 > 0 ? post(OP_GEMM, [g + r0 * u * 4, t, dx.byteOffset + r0 * k * 4, n - r0, u, k, 0, 4 * u, 4]) : 0;
        core.gemm(g, t, dx.byteOffset, r0 > 0 ? r0 : n, u, k, 0, 4 * u, 4);
        if (s2) join(s2);
      } else if (s1) join(s1);
    },
    async close() {
      if (!open) return;
      open = false;
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      post(OP_STOP, []);
      await exited;
    },
  };
}

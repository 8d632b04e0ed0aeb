/**
 * Section (a): activation kernels over 1,000,000 floats, forward and forward+backward, actlab against a
 * plain copy loop (the memory bound), TF.js cpu and wasm, and ONNX Runtime (forward only, one thread).
 */
import { fastKernelFor } from '../src/activations/fastKernels.js';
import { resolveActivation } from '../src/activations/resolve.js';
import { createRng } from '../src/util/rng.js';
import { createWasmBackend } from '../src/wasm/index.js';
import { prepareOnnxRun, prepareTfjsRun, timeRuns, type PeerRun } from './peers/index.js';
import { runTorch } from './peers/torchPeer.js';

/** The activations the issue asks for. */
export const KERNEL_IDS = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'gelu', 'silu', 'mish'] as const;

/** A typed-in expression timed beside the catalog (its wasm kernel should be as fast as the built-in silu's). */
export const TYPED_IN = 'x*sigmoid(1.702*x)';

/** The peers of the kernel table. */
export const KERNEL_PEERS = ['tfjs-cpu', 'tfjs-wasm', 'onnx', 'pytorch'] as const;

/** One peer's time; null where the peer has no exact op (or no kernel on that backend). */
export type PeerTimes = Record<(typeof KERNEL_PEERS)[number], number | null>;

/** Timings of one activation, in median milliseconds per 1M floats. */
export interface KernelRow {
  readonly id: string;
  /** Whether actlab uses a hand-written kernel (fastKernels.ts) rather than the compiled one. */
  readonly fast: boolean;
  readonly forwardMs: number;
  /** forward(x, y) then backward(x, dy, dx). */
  readonly forwardBackwardMs: number;
  /** The wasm backend's kernels (rendered f32x4 WebAssembly; arrays in its memory). */
  readonly wasmForwardMs: number;
  readonly wasmForwardBackwardMs: number;
  /** Whether the wasm backend rendered its own kernel (false: it runs the JavaScript one). */
  readonly wasmRendered: boolean;
  /** Forward on all-positive input, to show the time does not depend on the sign pattern (branch-free). */
  readonly forwardPositiveMs: number;
  /** Fastest forward run on random signs and on all-positive input (less noisy than medians on a shared machine). */
  readonly forwardMinMs: number;
  readonly forwardPositiveMinMs: number;
  readonly peersForward: PeerTimes;
  readonly peersForwardBackward: PeerTimes;
  /** Largest |actlab − TF.js cpu| over the forward output, as a sanity check that the work is the same. */
  readonly maxDiffTfjsCpu: number | null;
}

/** The whole kernel section. */
export interface KernelResult {
  readonly size: number;
  /** Copy loop y[i] = x[i] (forward's memory bound). */
  readonly copyMs: number;
  /** A branchy `x > 0 ? x : 0` loop on the same random-sign input, for the branch-free target. */
  readonly branchyReluMs: number;
  readonly rows: readonly KernelRow[];
}

const SIZE = 1_000_000;

function syncRun(fn: () => void): () => Promise<void> {
  return () => {
    fn();
    return Promise.resolve();
  };
}

async function timePeer(prepare: () => Promise<PeerRun | undefined>, reps: number): Promise<{ ms: number | null; out: Float32Array | null }> {
  let run: PeerRun | undefined;
  try {
    run = await prepare();
  } catch {
    return { ms: null, out: null };
  }
  if (!run) return { ms: null, out: null };
  try {
    const t = await timeRuns(run.run, reps, 1);
    const out = (await run.run())[0];
    return { ms: t.medianMs, out };
  } finally {
    run.dispose();
  }
}

/** A contender of an interleaved timing: what it runs, and how to free it. */
interface Timed {
  readonly run: () => Promise<unknown>;
  readonly dispose: () => void;
}

/**
 * Times several contenders round by round (after two warm-up rounds), one run of each per round; the
 * median per contender (null where it could not be prepared), and its output where it is a peer run.
 */
async function timeInterleaved(prepares: readonly (() => Promise<Timed | PeerRun | undefined>)[], reps: number): Promise<{ ms: number | null; out: Float32Array | null }[]> {
  const runs: (Timed | PeerRun | undefined)[] = [];
  for (const prepare of prepares) {
    try {
      runs.push(await prepare());
    } catch {
      runs.push(undefined);
    }
  }
  const samples = runs.map((): number[] => []);
  try {
    for (let round = 0; round < reps + 2; round++) {
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i];
        if (!r) continue;
        const t0 = performance.now();
        await r.run();
        if (round >= 2) samples[i].push(performance.now() - t0);
      }
    }
    const outs: (Float32Array | null)[] = [];
    for (const r of runs) outs.push(r && 'label' in r ? ((await r.run()) as Float32Array[])[0] : null);
    return samples.map((s, i) => {
      if (s.length === 0) return { ms: null, out: null };
      const sorted = [...s].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return { ms: sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, out: outs[i] };
    });
  } finally {
    for (const r of runs) r?.dispose();
  }
}

function copyLoop(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) y[i] = x[i];
}

function branchyRelu(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : 0;
  }
}

/** Runs section (a); `log` receives progress lines. */
export async function benchKernels(quick: boolean, log: (line: string) => void): Promise<KernelResult> {
  const rng = createRng(7);
  const x = new Float32Array(SIZE);
  for (let i = 0; i < SIZE; i++) x[i] = rng.uniform(-6, 6);
  const xPos = x.map(Math.abs);
  const y = new Float32Array(SIZE);
  const dy = new Float32Array(SIZE).fill(1);
  const dx = new Float32Array(SIZE);
  const ownReps = quick ? 5 : 15;
  const peerReps = quick ? 2 : 5;

  const wasm = await createWasmBackend();
  const wx = wasm.alloc(SIZE);
  wx.set(x);
  const wy = wasm.alloc(SIZE);
  const wdy = wasm.alloc(SIZE).fill(1);
  const wdx = wasm.alloc(SIZE);
  log('kernels: PyTorch (one thread)');
  const torch = runTorch({ kernels: { ids: KERNEL_IDS, size: SIZE, reps: peerReps } })?.kernels ?? null;
  const copyMs = (await timeRuns(syncRun(() => copyLoop(x, y)), ownReps)).medianMs;
  const branchyReluMs = (await timeRuns(syncRun(() => branchyRelu(x, y)), ownReps)).medianMs;
  const rows: KernelRow[] = [];
  for (const id of [...KERNEL_IDS, TYPED_IN]) {
    log(`kernels: ${id}`);
    const act = resolveActivation(id);
    const k = act.kernel;
    const p = act.paramValues;
    const fwd = await timeRuns(syncRun(() => k.forward(x, y, p)), ownReps);
    const forwardMs = fwd.medianMs;
    const ours = Float32Array.from(y);
    const forwardBackwardMs = (await timeRuns(syncRun(() => {
      k.forward(x, y, p);
      k.backward(x, dy, dx, p);
    }), ownReps)).medianMs;
    const wk = wasm.kernel(act);
    const pos = await timeRuns(syncRun(() => k.forward(xPos, y, p)), ownReps);
    const forwardPositiveMs = pos.medianMs;
    const cpuF = await timePeer(() => prepareTfjsRun(id, 'cpu', x, false), peerReps);
    const cpuFB = await timePeer(() => prepareTfjsRun(id, 'cpu', x, true), peerReps);
    // The figures the targets compare are timed interleaved (one run of each per round), so that a
    // machine whose load changes during the run slows them alike.
    const [wasmF1, wasmFB1, wasmF, onnxF, wasmFB] = await timeInterleaved([
      () => Promise.resolve({ run: syncRun(() => wk.forward(wx, wy, p)), dispose: () => {} }),
      () => Promise.resolve({ run: syncRun(() => {
        wk.forward(wx, wy, p);
        wk.backward(wx, wdy, wdx, p);
      }), dispose: () => {} }),
      () => prepareTfjsRun(id, 'wasm', x, false),
      () => prepareOnnxRun(id, x),
      () => prepareTfjsRun(id, 'wasm', x, true),
    ], ownReps);
    const wasmForwardMs = wasmF1.ms as number;
    const wasmForwardBackwardMs = wasmFB1.ms as number;
    let maxDiff: number | null = null;
    if (cpuF.out) {
      maxDiff = 0;
      for (let i = 0; i < SIZE; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - cpuF.out[i]));
    }
    const t = torch?.[id] ?? null;
    rows.push({
      id,
      fast: fastKernelFor(id) !== undefined,
      forwardMs,
      forwardBackwardMs,
      wasmForwardMs,
      wasmForwardBackwardMs,
      wasmRendered: wk !== k,
      forwardPositiveMs,
      forwardMinMs: fwd.minMs,
      forwardPositiveMinMs: pos.minMs,
      peersForward: { 'tfjs-cpu': cpuF.ms, 'tfjs-wasm': wasmF.ms, onnx: onnxF.ms, pytorch: t ? t.forwardMs : null },
      peersForwardBackward: { 'tfjs-cpu': cpuFB.ms, 'tfjs-wasm': wasmFB.ms, onnx: null, pytorch: t ? t.forwardBackwardMs : null },
      maxDiffTfjsCpu: maxDiff,
    });
  }
  return { size: SIZE, copyMs, branchyReluMs, rows };
}

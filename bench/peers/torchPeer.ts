/**
 * PyTorch on the CPU (one thread) as a benchmark peer, through Debian's `/usr/bin/python3` with
 * `python3-torch` (another python3 on PATH may lack torch). Absent torch, every figure is null.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_peer.py', import.meta.url));

/** Kernel times per activation id (null where PyTorch has no such op). */
export type TorchKernelTimes = Record<string, { forwardMs: number; forwardBackwardMs: number } | null>;

/** One MLP workload for the peer (same shape, batch and SGD step as actlab's and TF.js's). */
export interface TorchMlpTask {
  readonly activation: 'tanh' | 'relu';
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly batch: number;
  readonly lr: number;
  readonly seconds: number;
}

/** What the peer measured, or null when torch is not there. */
export interface TorchResult {
  readonly version: string;
  readonly kernels?: TorchKernelTimes;
  readonly mlp?: readonly { readonly stepsPerSecond: number }[];
}

/** True when `/usr/bin/python3 -c 'import torch'` works. */
export function torchAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/** Runs the peer; null when torch is missing or the run fails. */
export function runTorch(request: { kernels?: { ids: readonly string[]; size: number; reps: number }; mlp?: readonly TorchMlpTask[] }): TorchResult | null {
  if (!torchAvailable()) return null;
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 24 });
  if (r.status !== 0) return null;
  try {
    const doc = JSON.parse(r.stdout) as { torch: string; kernels?: TorchKernelTimes; mlp?: { stepsPerSecond: number }[] };
    return { version: doc.torch, ...(doc.kernels ? { kernels: doc.kernels } : {}), ...(doc.mlp ? { mlp: doc.mlp } : {}) };
  } catch {
    return null;
  }
}

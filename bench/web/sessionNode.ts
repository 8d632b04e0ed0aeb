/**
 * Node timing of the explorer's training Session (web/src/engine/session.ts) on the benchmark
 * setting (bench/web/setting.ts: spiral, 500 points, 50% training, batch 10, 6 hidden layers × 8 tanh).
 * Reports epochs/s flat out, and with a snapshot as the page asks for it (100×100 heatmap, 24² unit
 * maps, histograms) every 16 ms. Not a test: `npx tsx bench/web/sessionNode.ts [seconds]`.
 */
import { Session } from '../../web/src/engine/session.js';
import type { FrameRequest, RunSpec } from '../../web/src/engine/protocol.js';
import { BENCH_STATE } from './setting.js';

/** The RunSpec of the benchmark setting. */
export function referenceSpec(): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, speed: _sp, ...rest } = BENCH_STATE;
  return { ...rest, customData: null };
}

/** The frame the page asks for each animation frame. */
export const REFERENCE_FRAME: FrameRequest = { grid: 100, unitGrid: 24, histograms: true };

function rate(seconds: number, frameEveryMs: number | null): number {
  const session = new Session(referenceSpec());
  // Warm up the JIT and the buffers.
  for (let i = 0; i < 20; i++) session.trainEpoch();
  session.snapshot(REFERENCE_FRAME);
  const start = performance.now();
  const end = start + seconds * 1000;
  let lastFrame = start;
  let epochs = 0;
  for (;;) {
    const now = performance.now();
    if (now >= end) break;
    session.trainEpoch();
    epochs++;
    if (frameEveryMs !== null && now - lastFrame >= frameEveryMs) {
      session.snapshot(REFERENCE_FRAME);
      lastFrame = now;
    }
  }
  return epochs / ((performance.now() - start) / 1000);
}

/** Epochs per second of the reference Session in Node: flat out, and with a snapshot every 16 ms. */
export function measureSessionNode(seconds: number): { epochsPerSecond: number; epochsPerSecondWithFrames: number } {
  return { epochsPerSecond: rate(seconds, null), epochsPerSecondWithFrames: rate(seconds, 16) };
}

/** Milliseconds per snapshot of the reference frame (mean over `count`). */
export function measureSnapshotMs(count = 50): number {
  const session = new Session(referenceSpec());
  for (let i = 0; i < 10; i++) session.trainEpoch();
  session.snapshot(REFERENCE_FRAME);
  const t = performance.now();
  for (let i = 0; i < count; i++) session.snapshot(REFERENCE_FRAME);
  return (performance.now() - t) / count;
}

/**
 * CPU milliseconds per epoch and per snapshot (process.cpuUsage): steadier than wall-clock rates on a
 * busy machine. Multi-threaded work would inflate it; the Session is single-threaded.
 */
export function measureSessionCpu(epochs = 300, snapshots = 100): { cpuMsPerEpoch: number; cpuMsPerSnapshot: number } {
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const session = new Session(referenceSpec());
  for (let i = 0; i < 20; i++) session.trainEpoch();
  session.snapshot(REFERENCE_FRAME);
  let t = cpu();
  for (let i = 0; i < epochs; i++) session.trainEpoch();
  const cpuMsPerEpoch = (cpu() - t) / epochs;
  t = cpu();
  for (let i = 0; i < snapshots; i++) session.snapshot(REFERENCE_FRAME);
  return { cpuMsPerEpoch, cpuMsPerSnapshot: (cpu() - t) / snapshots };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const seconds = Number(process.argv[2] ?? 3);
  const r = measureSessionNode(seconds);
  console.log(`session (6×8 tanh, spiral 500, batch 10): ${r.epochsPerSecond.toFixed(0)} epochs/s flat out, ${r.epochsPerSecondWithFrames.toFixed(0)} epochs/s with a 100×100 snapshot every 16 ms; snapshot ${measureSnapshotMs().toFixed(2)} ms`);
  const c = measureSessionCpu();
  console.log(`cpu time: ${c.cpuMsPerEpoch.toFixed(2)} ms per epoch, ${c.cpuMsPerSnapshot.toFixed(2)} ms per snapshot`);
}

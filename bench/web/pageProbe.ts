/**
 * What bench:web measures inside the page while the explorer trains: animation frames, snapshots, epochs
 * and long tasks over a time window; plus the main thread's busy time from Chromium's own counters.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Figures from one measuring window on the page. */
export interface PageWindow {
  wallSeconds: number;
  /** requestAnimationFrame callbacks. */
  frames: number;
  /** Snapshots the store received (heatmap redraws). */
  snapshots: number;
  /** Epochs trained (from the snapshots' epoch numbers). */
  epochs: number;
  /** Tasks over 50 ms (PerformanceObserver 'longtask') and their total duration. */
  longTasks: number;
  longTaskMs: number;
  /** 95th percentile and largest gap between animation frames. */
  p95FrameMs: number;
  maxFrameMs: number;
  /** The worker's own epochs/s figure in the last snapshot. */
  reportedEpochsPerSecond: number;
}

// Plain JavaScript text, so no transpiler helper leaks into the function the page runs.
const PROBE = `async (seconds) => {
  const a = window.__actlab;
  let frames = 0, snapshots = -1, longTasks = 0, longTaskMs = 0;
  const gaps = [];
  let obs = null;
  try {
    obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) { longTasks++; longTaskMs += e.duration; } });
    obs.observe({ type: 'longtask' });
  } catch (e) { obs = null; }
  const unsubscribe = a.snapshot.subscribe(() => { snapshots++; });
  const e0 = a.snapshot.value ? a.snapshot.value.epoch : 0;
  const t0 = performance.now();
  let last = t0;
  await new Promise((resolve) => {
    const tick = (now) => {
      frames++; gaps.push(now - last); last = now;
      if (now - t0 < seconds * 1000) requestAnimationFrame(tick); else resolve();
    };
    requestAnimationFrame(tick);
  });
  const t1 = performance.now();
  const e1 = a.snapshot.value ? a.snapshot.value.epoch : 0;
  unsubscribe();
  if (obs) obs.disconnect();
  gaps.sort((x, y) => x - y);
  return {
    wallSeconds: (t1 - t0) / 1000, frames, snapshots: Math.max(0, snapshots), epochs: e1 - e0, longTasks, longTaskMs,
    p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] || 0, maxFrameMs: gaps[gaps.length - 1] || 0,
    reportedEpochsPerSecond: a.snapshot.value ? a.snapshot.value.epochsPerSecond : 0,
  };
}`;

/** Measures `seconds` of the page as it runs now. */
export async function probePage(page: Page, seconds: number): Promise<PageWindow> {
  return page.evaluate(`(${PROBE})(${seconds})`) as Promise<PageWindow>;
}

/** Cumulative main-thread task time (s) from the DevTools Performance domain. */
export async function mainThreadTaskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** The bench:web result, its targets (issue 5) and the table it prints. */
import type { PageWindow } from './pageProbe.js';

/** TensorFlow Playground on the same setting (the issue's measurement): frames/s and epochs/s. */
export const PLAYGROUND = { framesPerSecond: 18, epochsPerSecond: 18 } as const;
/** Targets: epochs/s at least this many times Playground's; the browser worker within this factor of Node. */
export const TARGETS = { epochsRatio: 10, workerVsNode: 1.5 } as const;

export interface WebBenchResult {
  env: { node: string; chromium: string; cpu: string; cores: number };
  setting: string;
  page: PageWindow & {
    framesPerSecond: number;
    epochsPerSecond: number;
    snapshotsPerSecond: number;
    /** Main-thread task time / wall time (DevTools TaskDuration); null when unavailable. */
    mainThreadBusy: number | null;
  };
  /** Flat-out training in the page's worker (engine().bench). */
  worker: { epochs: number; seconds: number; epochsPerSecond: number };
  /** The same session in Node (bench/web/sessionNode.ts). */
  node: { epochsPerSecond: number; epochsPerSecondWithFrames: number };
  /**
   * nodeOverWorker: flat out in both. nodeFramesOverPage: Node making a snapshot every 16 ms against the worker
   * while the live page draws every frame — what the UI costs the worker, compared like for like.
   */
  ratios: { framesVsPlayground: number; epochsVsPlayground: number; nodeOverWorker: number; nodeFramesOverPage: number };
  targets: { epochs: boolean; workerVsNode: boolean };
  /** Console errors and uncaught errors the page reported while measured. */
  pageErrors: string[];
  warnings: string[];
  seconds: number;
}

/** Ratios and target checks from the measured figures. */
export function judge(page: WebBenchResult['page'], worker: WebBenchResult['worker'], node: WebBenchResult['node']): Pick<WebBenchResult, 'ratios' | 'targets'> {
  const ratios = {
    framesVsPlayground: page.framesPerSecond / PLAYGROUND.framesPerSecond,
    epochsVsPlayground: page.epochsPerSecond / PLAYGROUND.epochsPerSecond,
    nodeOverWorker: node.epochsPerSecond / worker.epochsPerSecond,
    nodeFramesOverPage: node.epochsPerSecondWithFrames / page.epochsPerSecond,
  };
  return {
    ratios,
    targets: { epochs: ratios.epochsVsPlayground >= TARGETS.epochsRatio, workerVsNode: ratios.nodeOverWorker <= TARGETS.workerVsNode },
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
}

const f0 = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const x = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)}×` : 'n/a');
const ok = (b: boolean): string => (b ? 'met' : 'NOT met');

/** The result as text lines. */
export function reportLines(r: WebBenchResult): string[] {
  const p = r.page;
  const lines = [
    `actlab bench:web — ${r.env.chromium}, node ${r.env.node}, ${r.env.cpu} (${r.env.cores} cores)`,
    `setting: ${r.setting}`,
    `page window: ${p.wallSeconds.toFixed(1)} s live training with drawing; worker and Node: flat out`,
    '',
    ...table([
      ['', 'actlab', 'Playground', 'ratio', 'target'],
      ['page frames/s (rAF)', p.framesPerSecond.toFixed(1), String(PLAYGROUND.framesPerSecond), x(r.ratios.framesVsPlayground), ''],
      ['epochs/s while drawing', f0(p.epochsPerSecond), String(PLAYGROUND.epochsPerSecond), x(r.ratios.epochsVsPlayground), `≥ ${TARGETS.epochsRatio}× ${ok(r.targets.epochs)}`],
    ]),
    '',
    ...table([
      ['epochs/s', 'worker (browser)', 'Node', 'Node / worker', 'target'],
      ['same session, flat out', f0(r.worker.epochsPerSecond), f0(r.node.epochsPerSecond), x(r.ratios.nodeOverWorker), `≤ ${TARGETS.workerVsNode}× ${ok(r.targets.workerVsNode)}`],
      ['with frames (page drawing / Node)', f0(p.epochsPerSecond), f0(r.node.epochsPerSecondWithFrames), x(r.ratios.nodeFramesOverPage), ''],
    ]),
    '',
    `snapshots (heatmap redraws)/s ${p.snapshotsPerSecond.toFixed(1)}; main thread busy ${p.mainThreadBusy === null ? 'n/a' : `${(p.mainThreadBusy * 100).toFixed(0)}%`}; ` +
      `long tasks ${p.longTasks} (${p.longTaskMs.toFixed(0)} ms); frame gap p95 ${p.p95FrameMs.toFixed(1)} ms, max ${p.maxFrameMs.toFixed(0)} ms`,
  ];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  if (r.pageErrors.length > 0) lines.push(`page errors (${r.pageErrors.length}):`, ...r.pageErrors.map((e) => `  ${e}`));
  lines.push(`took ${r.seconds.toFixed(0)} s`);
  return lines;
}

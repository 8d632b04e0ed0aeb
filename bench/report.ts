/** Plain-text tables of the benchmark results, peers side by side with ratios (peer time / actlab time). */
import { KERNEL_PEERS, type KernelResult, type PeerTimes } from './kernelBench.js';
import type { EngineFigure, NnResult } from './nnBench.js';
import type { Target } from './targets.js';

const ms = (v: number | null): string => (v === null ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (peer: number | null, own: number): string => (peer === null ? '' : `(${(peer / own).toFixed(1)}×)`);

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

function peerCells(peers: PeerTimes, own: number): string[] {
  return KERNEL_PEERS.map((p) => (peers[p] === null ? 'n/a' : `${ms(peers[p])} ${ratio(peers[p], own)}`));
}

/** The kernel section as text lines. */
export function kernelLines(k: KernelResult): string[] {
  const lines = [
    `(a) activation kernels, ${k.size.toLocaleString('en-US')} floats, median ms (ratio = that engine's time / actlab wasm's time)`,
    `    copy loop (memory bound) ${ms(k.copyMs)} ms; branchy 'x > 0 ? x : 0' loop ${ms(k.branchyReluMs)} ms`,
    '',
  ];
  const head = ['forward', 'wasm', 'js', '/copy', '+pos', ...KERNEL_PEERS];
  const fw = k.rows.map((r) => [
    `${r.id}${r.fast ? '*' : ''}${r.wasmRendered ? '' : '†'}`, ms(r.wasmForwardMs), `${ms(r.forwardMs)} ${ratio(r.forwardMs, r.wasmForwardMs)}`,
    `${(r.forwardMs / k.copyMs).toFixed(1)}×`, ms(r.forwardPositiveMs), ...peerCells(r.peersForward, r.wasmForwardMs),
  ]);
  lines.push(...table([head, ...fw]).map((l) => `    ${l}`), '');
  const headB = ['forward+backward', 'wasm', 'js', 'tfjs-cpu', 'tfjs-wasm', 'pytorch', 'max|Δ| js vs tfjs-cpu'];
  const fb = k.rows.map((r) => {
    const peers = peerCells(r.peersForwardBackward, r.wasmForwardBackwardMs);
    return [
      `${r.id}${r.fast ? '*' : ''}${r.wasmRendered ? '' : '†'}`, ms(r.wasmForwardBackwardMs), `${ms(r.forwardBackwardMs)} ${ratio(r.forwardBackwardMs, r.wasmForwardBackwardMs)}`,
      peers[0], peers[1], peers[3],
      r.maxDiffTfjsCpu === null ? 'n/a' : r.maxDiffTfjsCpu.toExponential(1),
    ];
  });
  lines.push(...table([headB, ...fb]).map((l) => `    ${l}`));
  lines.push('    wasm: the wasm backend (f32x4 kernels rendered from the expression IR, arrays in its memory); js: the JavaScript backend.');
  lines.push('    * hand-written JavaScript kernel (src/activations/fastKernels.ts); † no rendered wasm kernel (runs the JavaScript one).');
  lines.push('    +pos: js forward on all-positive input (equal to random signs when branch-free). n/a: no exact op on that peer. pytorch: one thread.');
  return lines;
}

function nnCells(e: EngineFigure | null, own: EngineFigure): string[] {
  if (!e) return ['n/a', 'n/a', '', ''];
  return [e.stepsPerSecond.toFixed(0), e.samplesPerSecond.toFixed(0), `${(own.stepsPerSecond / e.stepsPerSecond).toFixed(2)}×`, Number.isNaN(e.firstLoss) ? '—' : e.firstLoss.toFixed(5)];
}

/** The training section as text lines. */
export function nnLines(nn: NnResult): string[] {
  const lines = ['(b) training throughput (forward + backward + SGD step on one batch, same initial weights; PyTorch its own)', ''];
  for (const row of [nn.small, nn.large]) {
    lines.push(`    ${row.label}`);
    const t = table([
      ['engine', 'steps/s', 'samples/s', 'actlab wasm is', 'first loss'],
      ['actlab wasm', ...nnCells(row.actlabWasm, row.actlabWasm)],
      ['actlab js', ...nnCells(row.actlab, row.actlabWasm)],
      ['tfjs-cpu', ...nnCells(row.tfjsCpu, row.actlabWasm)],
      ['tfjs-wasm', ...nnCells(row.tfjsWasm, row.actlabWasm)],
      ['pytorch (1 thread)', ...nnCells(row.pytorch, row.actlabWasm)],
    ]);
    lines.push(...t.map((l) => `      ${l}`), '');
  }
  return lines;
}

/** The targets as text lines. */
export function targetLines(targets: readonly Target[]): string[] {
  return ['targets (issues 3 and 10)', ...targets.map((t) => `    [${t.met ? 'met' : 'NOT met'}] ${t.name}: ${t.detail}`)];
}

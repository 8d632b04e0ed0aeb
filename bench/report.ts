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
    `(a) activation kernels, ${k.size.toLocaleString('en-US')} floats, median ms (ratio = peer time / actlab time)`,
    `    copy loop (memory bound) ${ms(k.copyMs)} ms; branchy 'x > 0 ? x : 0' loop ${ms(k.branchyReluMs)} ms`,
    '',
  ];
  const head = ['forward', 'actlab', '/copy', '+pos', ...KERNEL_PEERS];
  const fw = k.rows.map((r) => [
    `${r.id}${r.fast ? '*' : ''}`, ms(r.forwardMs), `${(r.forwardMs / k.copyMs).toFixed(1)}×`, ms(r.forwardPositiveMs), ...peerCells(r.peersForward, r.forwardMs),
  ]);
  lines.push(...table([head, ...fw]).map((l) => `    ${l}`), '');
  const headB = ['forward+backward', 'actlab', 'tfjs-cpu', 'tfjs-wasm', 'max|Δ| vs tfjs-cpu'];
  const fb = k.rows.map((r) => [
    `${r.id}${r.fast ? '*' : ''}`, ms(r.forwardBackwardMs),
    ...peerCells(r.peersForwardBackward, r.forwardBackwardMs).slice(0, 2),
    r.maxDiffTfjsCpu === null ? 'n/a' : r.maxDiffTfjsCpu.toExponential(1),
  ]);
  lines.push(...table([headB, ...fb]).map((l) => `    ${l}`));
  lines.push('    * hand-written kernel (src/activations/fastKernels.ts); others compiled from the catalog expression.');
  lines.push('    +pos: actlab forward on all-positive input (equal to random signs when branch-free). n/a: no exact op on that peer.');
  return lines;
}

function nnCells(e: EngineFigure, own: EngineFigure): string[] {
  return [e.stepsPerSecond.toFixed(0), e.samplesPerSecond.toFixed(0), `${(own.stepsPerSecond / e.stepsPerSecond).toFixed(2)}×`, e.firstLoss.toFixed(5)];
}

/** The training section as text lines. */
export function nnLines(nn: NnResult): string[] {
  const lines = ['(b) training throughput (forward + backward + SGD step on one batch, same initial weights)', ''];
  for (const row of [nn.small, nn.large]) {
    lines.push(`    ${row.label}`);
    const t = table([
      ['engine', 'steps/s', 'samples/s', 'actlab is', 'first loss'],
      ['actlab', ...nnCells(row.actlab, row.actlab)],
      ['tfjs-cpu', ...nnCells(row.tfjsCpu, row.actlab)],
      ['tfjs-wasm', ...nnCells(row.tfjsWasm, row.actlab)],
    ]);
    lines.push(...t.map((l) => `      ${l}`), '');
  }
  return lines;
}

/** The targets as text lines. */
export function targetLines(targets: readonly Target[]): string[] {
  return ['targets (issue 3)', ...targets.map((t) => `    [${t.met ? 'met' : 'NOT met'}] ${t.name}: ${t.detail}`)];
}

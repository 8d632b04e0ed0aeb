/** The speed targets of issue 3, checked against measured figures. */
import type { KernelResult } from './kernelBench.js';
import type { NnResult } from './nnBench.js';

/** One target with its measured value. */
export interface Target {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

/** Random-sign input may cost at most this factor over all-positive input for a kernel to count as branch-free. */
export const BRANCH_FREE_FACTOR = 1.5;

/** Checks the targets that the measured sections allow. */
export function checkTargets(kernels: KernelResult | null, nn: NnResult | null): Target[] {
  const out: Target[] = [];
  if (nn) {
    const s = nn.small.actlab.stepsPerSecond / nn.small.tfjsCpu.stepsPerSecond;
    out.push({ name: 'small network ≥ 20× TF.js cpu', met: s >= 20, detail: `${s.toFixed(1)}×` });
    const l = nn.large.actlab.samplesPerSecond / nn.large.tfjsWasm.samplesPerSecond;
    out.push({ name: 'large network ≥ TF.js wasm', met: l >= 1, detail: `${l.toFixed(2)}×` });
  }
  if (kernels) {
    let worst = { id: '', ratio: 0 };
    for (const r of kernels.rows) {
      const ratio = r.forwardMinMs / r.forwardPositiveMinMs;
      if (ratio > worst.ratio) worst = { id: r.id, ratio };
    }
    out.push({
      name: `branch-free kernels (fastest forward on random signs ≤ ${BRANCH_FREE_FACTOR}× on all-positive input)`,
      met: worst.ratio <= BRANCH_FREE_FACTOR,
      detail: `worst ${worst.id} ${worst.ratio.toFixed(2)}×; a branchy relu loop is ${(kernels.branchyReluMs / kernels.copyMs).toFixed(1)}× the copy loop`,
    });
  }
  return out;
}

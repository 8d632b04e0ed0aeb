/** The speed targets of issues 3 and 10, checked against measured figures. */
import { TYPED_IN, type KernelResult } from './kernelBench.js';
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
    out.push({ name: 'large network ≥ TF.js wasm (js backend)', met: l >= 1, detail: `${l.toFixed(2)}×` });
    const lw = nn.large.actlabWasm.stepsPerSecond / nn.large.tfjsWasm.stepsPerSecond;
    out.push({ name: '784-128-64-10 MLP on wasm ≥ 4× TF.js wasm', met: lw >= 4, detail: `${lw.toFixed(2)}×` });
    if (nn.large.pytorch) {
      const lp = nn.large.actlabWasm.stepsPerSecond / nn.large.pytorch.stepsPerSecond;
      out.push({ name: '784-128-64-10 MLP on wasm ≥ 4× PyTorch CPU (one thread)', met: lp >= 4, detail: `${lp.toFixed(2)}×` });
    }
    const sw = nn.small.actlabWasm.stepsPerSecond / nn.small.actlab.stepsPerSecond;
    out.push({ name: '2-8-8-1 network on wasm no slower than on js', met: sw >= 1, detail: `${sw.toFixed(2)}×` });
  }
  if (kernels) {
    const catalog = kernels.rows.filter((r) => r.id !== TYPED_IN);
    const vsTfjs = catalog.filter((r) => r.peersForward['tfjs-wasm'] !== null).map((r) => ({ id: r.id, v: (r.peersForward['tfjs-wasm'] as number) / r.wasmForwardMs }));
    const worstTfjs = vsTfjs.reduce((a, b) => (b.v < a.v ? b : a), { id: '—', v: Infinity });
    out.push({ name: 'every kernel forward on wasm ≥ 0.9× TF.js wasm speed', met: worstTfjs.v >= 0.9, detail: `worst ${worstTfjs.id} ${worstTfjs.v.toFixed(2)}×` });
    const vsOnnx = catalog.filter((r) => r.peersForward.onnx !== null).map((r) => ({ id: r.id, v: r.wasmForwardMs / (r.peersForward.onnx as number) }));
    const worstOnnx = vsOnnx.reduce((a, b) => (b.v > a.v ? b : a), { id: '—', v: 0 });
    out.push({ name: 'every kernel forward on wasm ≤ 2× ONNX Runtime time', met: worstOnnx.v <= 2, detail: `worst ${worstOnnx.id} ${worstOnnx.v.toFixed(2)}× ORT's time` });
    for (const [id, factor] of [['sigmoid', 1.4], ['relu', 3]] as const) {
      const r = catalog.find((row) => row.id === id);
      const peer = r?.peersForwardBackward['tfjs-wasm'];
      if (r && peer != null) {
        const v = peer / r.wasmForwardBackwardMs;
        out.push({ name: `${id} forward+backward on wasm ≥ ${factor}× TF.js wasm`, met: v >= factor, detail: `${v.toFixed(2)}×` });
      }
    }
    const typed = kernels.rows.find((r) => r.id === TYPED_IN);
    const silu = kernels.rows.find((r) => r.id === 'silu');
    if (typed && silu) {
      const v = typed.wasmForwardMs / silu.wasmForwardMs;
      out.push({ name: `typed-in ${TYPED_IN} on wasm within 1.2× of the built-in silu`, met: v <= 1.2, detail: `${v.toFixed(2)}× silu's time` });
    }
    let worst = { id: '', ratio: 0 };
    for (const r of catalog) {
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

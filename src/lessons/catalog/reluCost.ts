import { barChart } from '../../charts/barChart.js';
import { resolveActivation } from '../../activations/resolve.js';
import { createRng } from '../../util/rng.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const ACTS = ['relu', 'sigmoid', 'tanh'] as const;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Lesson 11: ReLU's kernel against sigmoid's and tanh's, compared as time ratios. */
export const reluCostLesson: Lesson = defineLesson({
  id: 'relu_cost',
  number: 11,
  params: [
    { name: 'size', kind: 'number', default: 100000, min: 1000, max: 10_000_000, integer: true, description: 'values per kernel call' },
    { name: 'repeats', kind: 'number', default: 7, min: 3, max: 101, integer: true, description: 'timed rounds (median kept)' },
    { name: 'margin', kind: 'number', default: 1.1, min: 1, max: 100, description: 'ratio above which ReLU counts as cheaper' },
  ],
  measure(p, seed) {
    const n = num(p, 'size');
    const rng = createRng(seed);
    const x = new Float32Array(n).map(() => rng.uniform(-6, 6));
    const y = new Float32Array(n);
    const d = new Float32Array(n);
    const acts = ACTS.map((id) => resolveActivation(id));
    const times: number[][] = ACTS.map(() => []);
    const clock = globalThis.performance;
    // Warm-up, then rounds interleaved so machine noise hits every kernel alike.
    for (const a of acts) for (let w = 0; w < 3; w++) a.kernel.forwardDeriv(x, y, d, a.paramValues);
    for (let r = 0; r < num(p, 'repeats'); r++) {
      acts.forEach((a, i) => {
        const t0 = clock.now();
        for (let k = 0; k < 5; k++) a.kernel.forwardDeriv(x, y, d, a.paramValues);
        times[i].push(clock.now() - t0);
      });
    }
    const med = times.map(median).map((t) => Math.max(t, 1e-6));
    return {
      measurements: { sigmoidOverRelu: med[1] / med[0], tanhOverRelu: med[2] / med[0] },
      chart: barChart({
        title: 'Kernel time relative to ReLU (forward + derivative, median)',
        xLabel: 'activation',
        yLabel: 'time / ReLU time',
        bars: ACTS.map((id, i) => ({ name: id, value: med[i] / med[0] })),
      }),
    };
  },
  judge(m, p) {
    const k = num(p, 'margin');
    const s = m.sigmoidOverRelu >= k;
    const t = m.tanhOverRelu >= k;
    return {
      verdict: s && t ? 'holds' : !s && !t ? 'does not hold' : 'inconclusive',
      criterion: `holds when both sigmoid/relu (${n4(m.sigmoidOverRelu)}) and tanh/relu (${n4(m.tanhOverRelu)}) median time ratios are at least ${k}; does not hold when neither is; inconclusive when one is (absolute times are never compared)`,
    };
  },
});

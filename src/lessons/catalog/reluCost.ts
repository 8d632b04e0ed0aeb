import { resolveActivation } from '../../activations/resolve.js';
import { createRng } from '../../util/rng.js';
import { intervalBars } from '../charts.js';
import { L, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';
import { meanInterval, pText, welch } from '../stats.js';

const ACTS = ['relu', 'sigmoid', 'tanh'] as const;

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Lesson 11: ReLU's kernel against sigmoid's and tanh's, compared as time ratios over interleaved rounds. */
export const reluCostLesson: Lesson = defineLesson<number[][]>({
  id: 'relu_cost',
  number: 11,
  kind: 'timed',
  params: [
    { name: 'size', kind: 'number', default: 100000, min: 1000, max: 10_000_000, integer: true, description: 'values per kernel call' },
    { name: 'repeats', kind: 'number', default: 15, min: 3, max: 201, integer: true, description: 'timed rounds' },
    { name: 'margin', kind: 'number', default: 1.1, min: 1, max: 100, description: 'median time ratio above which ReLU counts as cheaper' },
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
        times[i].push(Math.max(clock.now() - t0, 1e-6));
      });
    }
    const med = times.map(median);
    const s = welch(times[1], times[0]);
    const t = welch(times[2], times[0]);
    return {
      measurements: { rounds: times[0].length, sigmoidOverRelu: med[1] / med[0], tanhOverRelu: med[2] / med[0], sigmoidVsReluP: s.p, tanhVsReluP: t.p },
      trace: times,
    };
  },
  judge(m, p) {
    const k = num(p, 'margin');
    const s = m.sigmoidOverRelu >= k && m.sigmoidVsReluP < 0.01;
    const t = m.tanhOverRelu >= k && m.tanhVsReluP < 0.01;
    const sNot = m.sigmoidOverRelu < k;
    const tNot = m.tanhOverRelu < k;
    return {
      verdict: s && t ? 'holds' : sNot && tNot ? 'does not hold' : 'inconclusive',
      criterion: L(
        `timed, so it depends on the machine and its load: the rounds are interleaved and only ratios of median times are compared, never absolute times; the verdict is not reproducible like the seeded lessons'. Holds when both sigmoid/relu and tanh/relu median time ratios are at least ${k} and each difference is significant over the ${m.rounds} rounds (Welch p < 0.01); does not hold when neither ratio reaches ${k}; inconclusive otherwise. Measured: sigmoid/relu ${n4(m.sigmoidOverRelu)} (p ${pText(m.sigmoidVsReluP)}), tanh/relu ${n4(m.tanhOverRelu)} (p ${pText(m.tanhVsReluP)})`,
        `这是计时实验，结果取决于机器及其负载：各轮交错运行，只比较中位时间的比值，从不比较绝对时间；其结论不像按种子重复的实验那样可复现。当 sigmoid/relu 与 tanh/relu 的中位时间比都至少为 ${k}，且在 ${m.rounds} 轮上各自的差异显著（Welch p < 0.01）时成立；两个比值都未达到 ${k} 时不成立；其余情况无法确定。测量结果：sigmoid/relu ${n4(m.sigmoidOverRelu)}（p ${pText(m.sigmoidVsReluP)}），tanh/relu ${n4(m.tanhOverRelu)}（p ${pText(m.tanhVsReluP)}）`,
      ),
    };
  },
  labels: () => ({
    rounds: L('timed rounds', '计时轮数'),
    sigmoidOverRelu: L('median time ratio sigmoid / relu', '中位时间比 sigmoid / relu'),
    tanhOverRelu: L('median time ratio tanh / relu', '中位时间比 tanh / relu'),
    sigmoidVsReluP: L('Welch p-value, sigmoid vs relu times', 'sigmoid 与 relu 时间的 Welch p 值'),
    tanhVsReluP: L('Welch p-value, tanh vs relu times', 'tanh 与 relu 时间的 Welch p 值'),
  }),
  chart: ({ runs, t }) => {
    const times = runs[0].trace;
    const base = median(times[0]);
    return intervalBars({
      title: t(L('Kernel time relative to ReLU’s median (forward + derivative; mean and 95% interval over rounds)', '内核时间相对 ReLU 中位时间的倍数（前向 + 导数；各轮的均值与 95% 区间）')),
      xLabel: t(L('activation', '激活函数')),
      yLabel: t(L('time / ReLU median time', '时间 / ReLU 中位时间')),
      bars: ACTS.map((id, i) => {
        const ci = meanInterval(times[i].map((v) => v / base));
        return { name: id, value: ci.rate, lo: ci.lo, hi: ci.hi };
      }),
    });
  },
});

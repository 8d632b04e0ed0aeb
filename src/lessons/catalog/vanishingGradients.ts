import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson, Verdict } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval, slope } from '../stats.js';

/** Activations and what the claim says of each: true = its gradients vanish. */
const ACTS = [
  ['sigmoid', true],
  ['tanh', true],
  ['relu', false],
] as const;

/** Per-activation verdict from an interval [lo, hi] of decades lost and the threshold k. */
function actVerdict(vanishes: boolean, lo: number, hi: number, k: number): Verdict {
  if (vanishes) return lo > k ? 'holds' : hi < k ? 'does not hold' : 'inconclusive';
  return hi < k ? 'holds' : lo > k ? 'does not hold' : 'inconclusive';
}

function combine(vs: readonly Verdict[]): Verdict {
  return vs.includes('does not hold') ? 'does not hold' : vs.every((v) => v === 'holds') ? 'holds' : 'inconclusive';
}

const VZ: Record<Verdict, string> = { holds: '成立', 'does not hold': '不成立', inconclusive: '无法确定' };

/** Lesson 7: per-layer gradient norms in a deep network; sigmoid, tanh and relu each judged by the trend across depth. */
export const vanishingGradientsLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'vanishing_gradients',
  number: 7,
  kind: 'seeded',
  params: [
    { name: 'depth', kind: 'number', default: 10, min: 2, max: 30, integer: true, description: 'hidden layers' },
    { name: 'width', kind: 'number', default: 16, min: 2, max: 128, integer: true, description: 'units per hidden layer' },
    { name: 'orders', kind: 'number', default: 1, min: 0.1, max: 20, description: 'decades (powers of 10) lost from the last to the first hidden layer that count as "vanishing"' },
  ],
  measure(p, seed) {
    const data = datasetTargets(getDataset('spiral', { n: 200, seed }));
    const depth = num(p, 'depth');
    const m: Record<string, number> = {};
    const logs: Record<string, number[]> = {};
    for (const [act] of ACTS) {
      const model = buildNetwork({ inputSize: 2, hidden: Array.from({ length: depth }, () => num(p, 'width')), activation: act, outputSize: 1, loss: 'binary_crossentropy', seed, init: act === 'relu' ? 'he_normal' : 'glorot_uniform' });
      const { history } = fitModel(model, { train: data }, { epochs: 1, learningRate: 0.01, batchSize: 20, seed }, { onDivergence: 'stop' });
      const lg = history[0].diagnostics.slice(0, depth).map((d) => Math.log10(Math.max(d.gradNorm, 1e-300)));
      logs[act] = lg;
      // Decades gained from the first to the last hidden layer along the least-squares trend (positive: the first layers get less).
      m[`${act}DecadesLost`] = slope(lg.map((_, i) => i), lg) * (depth - 1);
    }
    return { measurements: m, trace: logs };
  },
  judgeSeed(m, p) {
    const k = num(p, 'orders');
    return combine(ACTS.map(([a, v]) => actVerdict(v, m[`${a}DecadesLost`], m[`${a}DecadesLost`], k)));
  },
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    for (const [a] of ACTS) {
      const ci = meanInterval(column(runs, `${a}DecadesLost`));
      out[`${a}MeanDecadesLost`] = ci.rate;
      out[`${a}DecadesLow`] = ci.lo;
      out[`${a}DecadesHigh`] = ci.hi;
    }
    return out;
  },
  judge(m, p) {
    const k = num(p, 'orders');
    const per = ACTS.map(([a, v]) => ({ a, v, verdict: actVerdict(v, m[`${a}DecadesLow`], m[`${a}DecadesHigh`], k) }));
    const en = per.map((x) => `${x.a} ${n4(m[`${x.a}MeanDecadesLost`])} [${n4(m[`${x.a}DecadesLow`])}, ${n4(m[`${x.a}DecadesHigh`])}]: ${x.verdict}`).join('; ');
    const zh = per.map((x) => `${x.a} ${n4(m[`${x.a}MeanDecadesLost`])} [${n4(m[`${x.a}DecadesLow`])}, ${n4(m[`${x.a}DecadesHigh`])}]：${VZ[x.verdict]}`).join('；');
    return {
      verdict: combine(per.map((x) => x.verdict)),
      criterion: L(
        `each activation judged on its own, by the decades its gradient norm loses from the last hidden layer back to the first (least-squares trend of log10 ‖dL/dW‖ across the layers, mean and 95% t-interval over ${m.seedCount} seeds). For sigmoid and tanh the claim holds when the whole interval lies above ${k} decade(s), fails when it lies below; for relu it holds when the interval lies below ${k}, fails when above; inconclusive in between. The lesson holds only when all three hold, does not hold when any fails. Decades lost: ${en}`,
        `每种激活单独判定，依据是梯度范数从最后一个隐藏层回到第一层时减少的数量级（log10 ‖dL/dW‖ 随层数的最小二乘趋势，取 ${m.seedCount} 个种子的均值与 95% t 区间）。对 sigmoid 和 tanh，整个区间高于 ${k} 个数量级则成立，低于则不成立；对 relu，区间低于 ${k} 则成立，高于则不成立；介于两者之间为无法确定。三者都成立时本课才成立，任一不成立则不成立。减少的数量级：${zh}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = { seedCount: L('seeds', '种子数') };
    for (const [a] of ACTS) {
      out[`${a}DecadesLost`] = L(`${a}: decades lost, last → first hidden layer`, `${a}：从最后隐藏层到第一层减少的数量级`);
      out[`${a}MeanDecadesLost`] = L(`${a}: decades lost (mean)`, `${a}：减少的数量级（均值）`);
      out[`${a}DecadesLow`] = L(`${a}: 95% interval low`, `${a}：95% 区间下限`);
      out[`${a}DecadesHigh`] = L(`${a}: 95% interval high`, `${a}：95% 区间上限`);
    }
    return out;
  },
  chart: ({ runs, params: p, t }) =>
    bandLines({
      title: t(L(`Gradient norm per layer, ${num(p, 'depth')} hidden layers (first epoch; geometric mean and 95% interval over ${runs.length} seeds)`, `各层梯度范数，${num(p, 'depth')} 个隐藏层（第一轮；${runs.length} 个种子的几何均值与 95% 区间）`)),
      xLabel: t(L('hidden layer (1 = nearest the input)', '隐藏层（1 = 最靠近输入）')),
      yLabel: '‖dL/dW‖',
      logY: true,
      points: true,
      series: ACTS.map(([a]) => {
        const len = runs[0].trace[a].length;
        return {
          name: a,
          points: Array.from({ length: len }, (_, i) => {
            const ci = meanInterval(runs.map((r) => r.trace[a][i]));
            return { x: i + 1, y: 10 ** ci.rate, lo: 10 ** ci.lo, hi: 10 ** ci.hi };
          }),
        };
      }),
    }),
});

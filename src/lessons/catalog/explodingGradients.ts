import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval, slope } from '../stats.js';

const RUNS = [
  ['large', 'gain'],
  ['he', 'control'],
] as const;

/** Lesson 20: with weights larger than He scaling, ReLU gradients grow layer by layer towards the input. */
export const explodingGradientsLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'exploding_gradients',
  number: 20,
  kind: 'seeded',
  params: [
    { name: 'depth', kind: 'number', default: 10, min: 2, max: 30, integer: true, description: 'hidden ReLU layers' },
    { name: 'width', kind: 'number', default: 16, min: 2, max: 128, integer: true, description: 'units per hidden layer' },
    { name: 'gain', kind: 'number', default: 2, min: 0.01, max: 10, description: 'factor on the He initial weights of the large-weight network' },
    { name: 'control', kind: 'number', default: 1, min: 0.01, max: 10, description: 'factor of the control network (1 = He scaling)' },
    { name: 'orders', kind: 'number', default: 1, min: 0.1, max: 20, description: 'decades gained from the last to the first hidden layer that count as "exploding"' },
  ],
  measure(p, seed) {
    const data = datasetTargets(getDataset('spiral', { n: 200, seed }));
    const depth = num(p, 'depth');
    const m: Record<string, number> = {};
    const logs: Record<string, number[]> = {};
    for (const [key, param] of RUNS) {
      const model = buildNetwork({ inputSize: 2, hidden: Array.from({ length: depth }, () => num(p, 'width')), activation: 'relu', outputSize: 1, loss: 'binary_crossentropy', seed, init: 'he_normal', weightScale: num(p, param) });
      // A tiny learning rate: the gradients are read at (almost) the initial weights.
      const { history } = fitModel(model, { train: data }, { epochs: 1, learningRate: 1e-6, batchSize: 20, seed }, { onDivergence: 'stop' });
      const lg = history[0].diagnostics.slice(0, depth).map((d) => Math.log10(Math.max(d.gradNorm, 1e-300)));
      logs[key] = lg;
      m[`${key}FirstLayerLog10`] = lg[0];
      m[`${key}DecadesAcrossLayers`] = -slope(lg.map((_, i) => i), lg) * (depth - 1);
    }
    m.decadesAboveControl = m.largeFirstLayerLog10 - m.heFirstLayerLog10;
    return { measurements: m, trace: logs };
  },
  judgeSeed: (m, p) => (m.decadesAboveControl > num(p, 'orders') ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    const ci = meanInterval(column(runs, 'decadesAboveControl'));
    out.meanDecadesAboveControl = ci.rate;
    out.decadesLow = ci.lo;
    out.decadesHigh = ci.hi;
    for (const [key] of RUNS) out[`${key}MeanDecadesAcrossLayers`] = meanInterval(column(runs, `${key}DecadesAcrossLayers`)).rate;
    return out;
  },
  judge(m, p) {
    const k = num(p, 'orders');
    const g = num(p, 'gain') / num(p, 'control');
    const expected = num(p, 'depth') * Math.log10(g);
    return {
      verdict: m.decadesLow > k ? 'holds' : m.decadesHigh < k ? 'does not hold' : 'inconclusive',
      criterion: L(
        `the gradient of the first layer's weights, read at the initial weights, with He weights × ${num(p, 'gain')} against the control He × ${num(p, 'control')}: every ReLU layer multiplies the signal by about the gain, forward and backward, so over ${num(p, 'depth')} layers the gradient should be about ${n4(expected)} decades larger. Holds when the 95% interval of the decades above the control over ${m.seedCount} seeds lies above ${k}; does not hold when it lies below ${k}; inconclusive otherwise. Measured: ${n4(m.meanDecadesAboveControl)} [${n4(m.decadesLow)}, ${n4(m.decadesHigh)}] decades. Note: within one network the weight-gradient norms stay level across layers (trend ${n4(m.largeMeanDecadesAcrossLayers)} and ${n4(m.heMeanDecadesAcrossLayers)} decades): growing activations and growing back-propagated errors meet in dL/dW = aᵀ·δ, so the explosion shows in the size of every layer's gradient, not in its slope`,
        `在初始权重处读取第一层权重的梯度，比较 He 权重 × ${num(p, 'gain')} 与对照 He × ${num(p, 'control')}：每个 ReLU 层在前向和反向时都把信号乘以大约这个增益，所以经过 ${num(p, 'depth')} 层后梯度应大约大 ${n4(expected)} 个数量级。当 ${m.seedCount} 个种子下比对照高出的数量级的 95% 区间高于 ${k} 时成立；低于 ${k} 时不成立；其余情况无法确定。测量结果：${n4(m.meanDecadesAboveControl)} [${n4(m.decadesLow)}, ${n4(m.decadesHigh)}] 个数量级。注意：在同一个网络内，各层权重梯度的范数大致持平（趋势 ${n4(m.largeMeanDecadesAcrossLayers)} 和 ${n4(m.heMeanDecadesAcrossLayers)} 个数量级）：不断增大的激活值与不断增大的反传误差在 dL/dW = aᵀ·δ 中相遇，所以爆炸体现在每一层梯度的大小上，而不是斜率上`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      decadesAboveControl: L('first-layer gradient: decades above the control', '第一层梯度：比对照高出的数量级'),
      meanDecadesAboveControl: L('first-layer gradient: decades above the control (mean)', '第一层梯度：比对照高出的数量级（均值）'),
      decadesLow: L('95% interval low', '95% 区间下限'),
      decadesHigh: L('95% interval high', '95% 区间上限'),
    };
    for (const [key, param] of RUNS) {
      const s = num(p, param);
      out[`${key}FirstLayerLog10`] = L(`He × ${s}: log10 of the first layer's gradient norm`, `He × ${s}：第一层梯度范数的 log10`);
      out[`${key}DecadesAcrossLayers`] = L(`He × ${s}: trend across layers, decades (last → first)`, `He × ${s}：跨层趋势，数量级（最后 → 第一层）`);
      out[`${key}MeanDecadesAcrossLayers`] = L(`He × ${s}: trend across layers, decades (mean)`, `He × ${s}：跨层趋势，数量级（均值）`);
    }
    return out;
  },
  chart: ({ runs, params: p, t }) =>
    bandLines({
      title: t(L(`ReLU gradient norm per layer at initialisation (geometric mean and 95% interval over ${runs.length} seeds)`, `初始化时 ReLU 各层的梯度范数（${runs.length} 个种子的几何均值与 95% 区间）`)),
      xLabel: t(L('hidden layer (1 = nearest the input)', '隐藏层（1 = 最靠近输入）')),
      yLabel: '‖dL/dW‖',
      logY: true,
      points: true,
      series: RUNS.map(([key, param]) => ({
        name: `He × ${num(p, param)}`,
        points: runs[0].trace[key].map((_, i) => {
          const ci = meanInterval(runs.map((r) => r.trace[key][i]));
          return { x: i + 1, y: 10 ** ci.rate, lo: 10 ** ci.lo, hi: 10 ** ci.hi };
        }),
      })),
    }),
});

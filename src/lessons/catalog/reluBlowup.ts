import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval, slope } from '../stats.js';

/** Networks compared: key, activation, weight-factor parameter. */
const NETS = [
  ['reluLarge', 'relu', 'gain'],
  ['reluHe', 'relu', 'control'],
  ['tanhLarge', 'tanh', 'gain'],
] as const;

/** Lesson 24: ReLU outputs are unbounded and can grow layer after layer; tanh outputs cannot pass 1. */
export const reluBlowupLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'relu_blowup',
  number: 24,
  kind: 'seeded',
  params: [
    { name: 'depth', kind: 'number', default: 10, min: 2, max: 50, integer: true, description: 'hidden layers' },
    { name: 'width', kind: 'number', default: 32, min: 2, max: 256, integer: true, description: 'units per hidden layer' },
    { name: 'gain', kind: 'number', default: 1.5, min: 0.01, max: 10, description: 'factor on the He initial weights' },
    { name: 'control', kind: 'number', default: 1, min: 0.01, max: 10, description: 'factor of the ReLU control network (1 = He scaling)' },
    { name: 'orders', kind: 'number', default: 1, min: 0.1, max: 20, description: 'decades of growth from the first to the last hidden layer that count as "blowing up"' },
  ],
  measure(p, seed) {
    const ds = getDataset('gauss', { n: 200, seed });
    const depth = num(p, 'depth');
    const m: Record<string, number> = {};
    const trace: Record<string, number[]> = {};
    for (const [key, act, param] of NETS) {
      const model = buildNetwork({ inputSize: 2, hidden: Array.from({ length: depth }, () => num(p, 'width')), activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 7, init: 'he_normal', weightScale: num(p, param) });
      const outs = model.hiddenPasses(ds.x, ds.n).map((h) => h.a);
      const meanAbs = outs.map((h) => h.reduce((s, v) => s + Math.abs(v), 0) / h.length);
      const lg = meanAbs.map((v) => Math.log10(Math.max(v, 1e-300)));
      trace[key] = meanAbs;
      m[`${key}DecadesGrown`] = slope(lg.map((_, i) => i), lg) * (depth - 1);
      m[`${key}LargestOutput`] = outs.reduce((a, h) => h.reduce((b, v) => Math.max(b, Math.abs(v)), a), 0);
    }
    return { measurements: m, trace };
  },
  judgeSeed: (m, p) => (m.reluLargeDecadesGrown > num(p, 'orders') && m.tanhLargeLargestOutput <= 1 ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    for (const [key] of NETS) {
      const ci = meanInterval(column(runs, `${key}DecadesGrown`));
      out[`${key}MeanDecadesGrown`] = ci.rate;
      out[`${key}DecadesLow`] = ci.lo;
      out[`${key}DecadesHigh`] = ci.hi;
      out[`${key}LargestOutputOverSeeds`] = Math.max(...column(runs, `${key}LargestOutput`));
    }
    return out;
  },
  judge(m, p) {
    const k = num(p, 'orders');
    const grows = m.reluLargeDecadesLow > k;
    const bounded = m.tanhLargeLargestOutputOverSeeds <= 1;
    return {
      verdict: grows && bounded ? 'holds' : !bounded || m.reluLargeDecadesHigh < k ? 'does not hold' : 'inconclusive',
      criterion: L(
        `untrained networks of ${num(p, 'depth')} hidden layers on the same inputs; growth is the least-squares trend of log10 mean |output| from the first hidden layer to the last. Holds when, over ${m.seedCount} seeds, the 95% interval of the ReLU network's growth with He weights × ${num(p, 'gain')} lies above ${k} decade(s) while no tanh output (same weights) exceeds 1; does not hold when the ReLU interval lies below ${k} or a tanh output passes 1; inconclusive otherwise. Measured growth: ReLU × ${num(p, 'gain')} ${n4(m.reluLargeMeanDecadesGrown)} [${n4(m.reluLargeDecadesLow)}, ${n4(m.reluLargeDecadesHigh)}] decades (largest output ${n4(m.reluLargeLargestOutputOverSeeds)}); control ReLU × ${num(p, 'control')} ${n4(m.reluHeMeanDecadesGrown)} (largest ${n4(m.reluHeLargestOutputOverSeeds)}); tanh × ${num(p, 'gain')} ${n4(m.tanhLargeMeanDecadesGrown)}, largest |output| ${n4(m.tanhLargeLargestOutputOverSeeds)}. Unbounded outputs can blow up, but they need not: with He scaling they stay level`,
        `在相同输入上评估 ${num(p, 'depth')} 个隐藏层的未训练网络；增长量是 log10 平均 |输出| 从第一个隐藏层到最后一层的最小二乘趋势。当 ${m.seedCount} 个种子下，He 权重 × ${num(p, 'gain')} 的 ReLU 网络增长量的 95% 区间高于 ${k} 个数量级，而相同权重的 tanh 输出都不超过 1 时成立；若 ReLU 的区间低于 ${k}，或某个 tanh 输出超过 1，则不成立；其余情况无法确定。测得的增长：ReLU × ${num(p, 'gain')} ${n4(m.reluLargeMeanDecadesGrown)} [${n4(m.reluLargeDecadesLow)}, ${n4(m.reluLargeDecadesHigh)}] 个数量级（最大输出 ${n4(m.reluLargeLargestOutputOverSeeds)}）；对照 ReLU × ${num(p, 'control')} ${n4(m.reluHeMeanDecadesGrown)}（最大 ${n4(m.reluHeLargestOutputOverSeeds)}）；tanh × ${num(p, 'gain')} ${n4(m.tanhLargeMeanDecadesGrown)}，最大 |输出| ${n4(m.tanhLargeLargestOutputOverSeeds)}。无界的输出可能爆炸，但不一定：采用 He 缩放时它们保持平稳`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = { seedCount: L('seeds', '种子数') };
    for (const [key, act, param] of NETS) {
      const n = `${act}, He × ${num(p, param)}`;
      out[`${key}DecadesGrown`] = L(`${n}: decades of growth, first → last layer`, `${n}：从第一层到最后一层增长的数量级`);
      out[`${key}LargestOutput`] = L(`${n}: largest |output|`, `${n}：最大 |输出|`);
      out[`${key}MeanDecadesGrown`] = L(`${n}: decades of growth (mean)`, `${n}：增长的数量级（均值）`);
      out[`${key}DecadesLow`] = L(`${n}: 95% low`, `${n}：95% 下限`);
      out[`${key}DecadesHigh`] = L(`${n}: 95% high`, `${n}：95% 上限`);
      out[`${key}LargestOutputOverSeeds`] = L(`${n}: largest |output| over the seeds`, `${n}：各种子中的最大 |输出|`);
    }
    return out;
  },
  chart: ({ runs, params: p, t }) =>
    bandLines({
      title: t(L(`Mean |output| per hidden layer, untrained (geometric mean and 95% interval over ${runs.length} seeds)`, `未训练网络各隐藏层的平均 |输出|（${runs.length} 个种子的几何均值与 95% 区间）`)),
      xLabel: t(L('hidden layer (1 = nearest the input)', '隐藏层（1 = 最靠近输入）')),
      yLabel: t(L('mean |output|', '平均 |输出|')),
      logY: true,
      points: true,
      series: NETS.map(([key, act, param]) => ({
        name: `${act}, He × ${num(p, param)}`,
        points: runs[0].trace[key].map((_, i) => {
          const ci = meanInterval(runs.map((r) => Math.log10(Math.max(r.trace[key][i], 1e-300))));
          return { x: i + 1, y: 10 ** ci.rate, lo: 10 ** ci.lo, hi: 10 ** ci.hi };
        }),
      })),
    }),
});

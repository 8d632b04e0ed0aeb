import { createRng } from '../../util/rng.js';
import { intervalBars } from '../charts.js';
import { L, column, defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval, pText, welch } from '../stats.js';

/** Output activations compared: key, activation (null = linear). */
const OUTPUTS = [
  ['linear', null],
  ['tanh', 'tanh'],
  ['sigmoid', 'sigmoid'],
] as const;
const target = (x: number) => 3 * Math.sin(1.5 * x) + x;

/** Lesson 21: tanh then relu hidden layers in one network, and a linear output for regression targets beyond (−1, 1). */
export const mixedLayersLesson: Lesson = defineLesson({
  id: 'mixed_layers',
  number: 21,
  kind: 'seeded',
  params: [
    { name: 'epochs', kind: 'number', default: 100, min: 1, max: 5000, integer: true, description: 'training epochs (Adam, lr 0.03, batches of 50)' },
    { name: 'r2', kind: 'number', default: 0.9, min: 0, max: 1, description: 'R² the linear-output network must reach' },
  ],
  measure(p, seed) {
    const rng = createRng(seed);
    const xs = grid(-3, 3, 100);
    const ys = xs.map((x) => target(x) + rng.normal() * 0.1);
    const data = { x: Float32Array.from(xs), y: Float32Array.from(ys), rows: xs.length };
    const my = ys.reduce((s, v) => s + v, 0) / ys.length;
    const variance = ys.reduce((s, v) => s + (v - my) ** 2, 0) / ys.length;
    const m: Record<string, number> = { targetMin: Math.min(...ys), targetMax: Math.max(...ys) };
    for (const [key, out] of OUTPUTS) {
      const model = buildNetwork({ inputSize: 1, hidden: [16, 16], activation: ['tanh', 'relu'], outputSize: 1, loss: 'mse', seed: seed * 10, ...(out ? { outputActivation: out } : {}) });
      const { history, diverged } = fitModel(model, { train: data }, { epochs: num(p, 'epochs'), learningRate: 0.03, batchSize: 50, seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
      const mse = diverged ? variance * 10 : history[history.length - 1].trainLoss;
      const pred = model.predict(data.x, data.rows);
      m[`${key}R2`] = 1 - mse / variance;
      m[`${key}MaxAbsOutput`] = pred.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    }
    return { measurements: m, trace: null };
  },
  judgeSeed: (m, p) => (m.linearR2 >= num(p, 'r2') && m.linearR2 > m.tanhR2 && m.tanhMaxAbsOutput <= 1 && m.sigmoidMaxAbsOutput <= 1 ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length, targetMin: Math.min(...column(runs, 'targetMin')), targetMax: Math.max(...column(runs, 'targetMax')) };
    for (const [key] of OUTPUTS) {
      const ci = meanInterval(column(runs, `${key}R2`));
      out[`${key}MeanR2`] = ci.rate;
      out[`${key}R2Low`] = ci.lo;
      out[`${key}R2High`] = ci.hi;
      out[`${key}LargestOutput`] = Math.max(...column(runs, `${key}MaxAbsOutput`));
    }
    const d = welch(column(runs, 'linearR2'), column(runs, 'tanhR2'));
    out.r2Difference = d.diff;
    out.r2DifferenceP = d.p;
    return out;
  },
  judge(m, p) {
    const k = num(p, 'r2');
    const fits = m.linearR2Low >= k;
    const bounded = m.tanhLargestOutput <= 1 && m.sigmoidLargestOutput <= 1;
    const better = m.r2Difference > 0 && m.r2DifferenceP < 0.05;
    const fails = m.linearR2High < k || (m.r2Difference < 0 && m.r2DifferenceP < 0.05);
    return {
      verdict: fits && bounded && better ? 'holds' : fails || !bounded ? 'does not hold' : 'inconclusive',
      criterion: L(
        `one network mixes a tanh layer and a ReLU layer; only its output activation changes. Holds when, over ${m.seedCount} seeds, the linear-output network fits the targets (which run from ${n4(m.targetMin)} to ${n4(m.targetMax)}) with R² whose 95% interval lies at or above ${k}, its R² is significantly above the tanh-output network's (Welch p < 0.05), and the bounded outputs never leave their range (largest |output|: tanh ${n4(m.tanhLargestOutput)}, sigmoid ${n4(m.sigmoidLargestOutput)}); does not hold when the linear output's interval lies below ${k} or the tanh output does significantly better; inconclusive otherwise. Measured R²: linear ${n4(m.linearMeanR2)} [${n4(m.linearR2Low)}, ${n4(m.linearR2High)}], tanh ${n4(m.tanhMeanR2)}, sigmoid ${n4(m.sigmoidMeanR2)}; Welch p ${pText(m.r2DifferenceP)}`,
        `同一个网络混用一个 tanh 层和一个 ReLU 层，只改变输出层的激活函数。当 ${m.seedCount} 个种子下，线性输出的网络拟合目标值（范围从 ${n4(m.targetMin)} 到 ${n4(m.targetMax)}）的 R² 的 95% 区间不低于 ${k}，其 R² 显著高于 tanh 输出的网络（Welch p < 0.05），且有界输出从不越出其值域（最大 |输出|：tanh ${n4(m.tanhLargestOutput)}，sigmoid ${n4(m.sigmoidLargestOutput)}）时成立；若线性输出的区间低于 ${k}，或 tanh 输出显著更好，则不成立；其余情况无法确定。测得 R²：线性 ${n4(m.linearMeanR2)} [${n4(m.linearR2Low)}, ${n4(m.linearR2High)}]，tanh ${n4(m.tanhMeanR2)}，sigmoid ${n4(m.sigmoidMeanR2)}；Welch p ${pText(m.r2DifferenceP)}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      targetMin: L('smallest target', '最小目标值'),
      targetMax: L('largest target', '最大目标值'),
      r2Difference: L('R²: linear − tanh output (mean)', 'R²：线性输出 − tanh 输出（均值）'),
      r2DifferenceP: L('Welch p-value', 'Welch p 值'),
    };
    for (const [key] of OUTPUTS) {
      const name = L(`${key} output`, key === 'linear' ? '线性输出' : `${key} 输出`);
      out[`${key}R2`] = L(`${name.en}: R²`, `${name.zh}：R²`);
      out[`${key}MaxAbsOutput`] = L(`${name.en}: largest |output|`, `${name.zh}：最大 |输出|`);
      out[`${key}MeanR2`] = L(`${name.en}: R² (mean)`, `${name.zh}：R²（均值）`);
      out[`${key}R2Low`] = L(`${name.en}: R², 95% low`, `${name.zh}：R² 95% 下限`);
      out[`${key}R2High`] = L(`${name.en}: R², 95% high`, `${name.zh}：R² 95% 上限`);
      out[`${key}LargestOutput`] = L(`${name.en}: largest |output| over the seeds`, `${name.zh}：各种子中的最大 |输出|`);
    }
    return out;
  },
  chart: ({ summary: m, t }) =>
    intervalBars({
      title: t(L(`Regression of 3·sin(1.5x) + x with a tanh layer then a ReLU layer: R² by output activation (95% interval over ${m.seedCount} seeds)`, `用 tanh 层接 ReLU 层回归 3·sin(1.5x) + x：不同输出激活的 R²（${m.seedCount} 个种子的 95% 区间）`)),
      xLabel: t(L('output activation', '输出激活')),
      yLabel: 'R²',
      max: 1,
      bars: OUTPUTS.map(([key]) => ({ name: key === 'linear' ? t(L('linear (none)', '线性（无）')) : key, value: Math.max(0, m[`${key}MeanR2`]), lo: Math.max(0, m[`${key}R2Low`]), hi: Math.min(1, m[`${key}R2High`]) })),
    }),
});

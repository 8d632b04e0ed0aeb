import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanBands, meanInterval, pText, welch } from '../stats.js';

const KEYS = [
  ['step', 'binary_step'],
  ['sigmoid', 'sigmoid'],
] as const;

/** Lesson 4: binary_step hidden units receive zero gradient and do not learn; sigmoid units do. */
export const stepGradientLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'step_gradient',
  number: 4,
  kind: 'seeded',
  params: [
    { name: 'lr', kind: 'number', default: 0.5, min: 1e-6, max: 10, description: 'SGD learning rate' },
    { name: 'epochs', kind: 'number', default: 100, min: 1, max: 2000, integer: true, description: 'training epochs' },
  ],
  measure(p, seed) {
    const data = datasetTargets(getDataset('circle', { n: 200, seed }));
    const m: Record<string, number> = {};
    const curves: Record<string, number[]> = {};
    for (const [key, act] of KEYS) {
      const model = buildNetwork({ inputSize: 2, hidden: [8], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed });
      const w0 = Float32Array.from(model.layers[0].weights);
      const { history } = fitModel(model, { train: data }, { epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), batchSize: 20, seed, diagnostics: false }, { onDivergence: 'stop' });
      let moved = 0;
      model.layers[0].weights.forEach((w, i) => (moved = Math.max(moved, Math.abs(w - w0[i]))));
      m[`${key}HiddenWeightChange`] = moved;
      m[`${key}LossFirst`] = history[0].trainLoss;
      m[`${key}LossLast`] = history[history.length - 1].trainLoss;
      m[`${key}Accuracy`] = history[history.length - 1].trainAccuracy ?? 0;
      curves[key] = history.map((r) => r.trainLoss);
    }
    return { measurements: m, trace: curves };
  },
  judgeSeed: (m) => (m.stepHiddenWeightChange !== 0 ? 'does not hold' : m.sigmoidLossLast < m.stepLossLast ? 'holds' : 'inconclusive'),
  summarize(runs) {
    const d = welch(column(runs, 'sigmoidLossLast'), column(runs, 'stepLossLast'));
    const out: Record<string, number> = {
      seedCount: runs.length,
      stepFrozenSeeds: column(runs, 'stepHiddenWeightChange').filter((v) => v === 0).length,
      lossDifference: d.diff,
      lossDifferenceP: d.p,
    };
    for (const [key] of KEYS) {
      out[`${key}MeanLossFirst`] = meanInterval(column(runs, `${key}LossFirst`)).rate;
      out[`${key}MeanLossLast`] = meanInterval(column(runs, `${key}LossLast`)).rate;
      out[`${key}MeanAccuracy`] = meanInterval(column(runs, `${key}Accuracy`)).rate;
    }
    return out;
  },
  judge(m) {
    const frozen = m.stepFrozenSeeds === m.seedCount;
    const learns = m.lossDifference < 0 && m.lossDifferenceP < 0.05;
    const reverse = m.lossDifference > 0 && m.lossDifferenceP < 0.05;
    return {
      verdict: !frozen || reverse ? 'does not hold' : learns ? 'holds' : 'inconclusive',
      criterion: L(
        `the frozen hidden layer is true by construction (the step's derivative is exactly 0); what can fail is whether the sigmoid network learns more. Holds when the step network's hidden weights do not move at all in every seed (${m.stepFrozenSeeds} of ${m.seedCount}) and the sigmoid network ends with a significantly lower training loss (Welch p < 0.05); does not hold when the step's hidden weights move or sigmoid ends significantly worse; inconclusive otherwise. Measured: final loss sigmoid ${n4(m.sigmoidMeanLossLast)} vs step ${n4(m.stepMeanLossLast)} (mean), Welch p ${pText(m.lossDifferenceP)}. The step network's loss does not stay where it started: its output layer still learns, ${n4(m.stepMeanLossFirst)} → ${n4(m.stepMeanLossLast)} (mean), then stalls; sigmoid's goes ${n4(m.sigmoidMeanLossFirst)} → ${n4(m.sigmoidMeanLossLast)}`,
        `隐藏层被“冻结”是按构造成立的（阶跃函数的导数恰好为 0）；可能不成立的是 sigmoid 网络是否学得更多。当每个种子下阶跃网络的隐藏层权重完全不动（${m.seedCount} 个中 ${m.stepFrozenSeeds} 个），且 sigmoid 网络的最终训练损失显著更低（Welch p < 0.05）时成立；若阶跃网络的隐藏层权重移动了，或 sigmoid 显著更差，则不成立；其余情况无法确定。测量结果：最终损失 sigmoid ${n4(m.sigmoidMeanLossLast)} 对阶跃 ${n4(m.stepMeanLossLast)}（均值），Welch p ${pText(m.lossDifferenceP)}。阶跃网络的损失并不是停在初始值：它的输出层仍在学习，均值 ${n4(m.stepMeanLossFirst)} → ${n4(m.stepMeanLossLast)}，然后停滞；sigmoid 的为 ${n4(m.sigmoidMeanLossFirst)} → ${n4(m.sigmoidMeanLossLast)}`,
      ),
    };
  },
  labels: () => ({
    seedCount: L('seeds', '种子数'),
    stepFrozenSeeds: L('seeds where the step hidden weights did not move', '阶跃隐藏层权重未移动的种子数'),
    lossDifference: L('final loss: sigmoid − step (mean)', '最终损失：sigmoid − 阶跃（均值）'),
    lossDifferenceP: L('Welch p-value of that difference', '该差异的 Welch p 值'),
    stepMeanLossFirst: L('step: loss after epoch 1 (mean)', '阶跃：第 1 轮后的损失（均值）'),
    stepMeanLossLast: L('step: final loss (mean)', '阶跃：最终损失（均值）'),
    stepMeanAccuracy: L('step: final accuracy (mean)', '阶跃：最终准确率（均值）'),
    sigmoidMeanLossFirst: L('sigmoid: loss after epoch 1 (mean)', 'sigmoid：第 1 轮后的损失（均值）'),
    sigmoidMeanLossLast: L('sigmoid: final loss (mean)', 'sigmoid：最终损失（均值）'),
    sigmoidMeanAccuracy: L('sigmoid: final accuracy (mean)', 'sigmoid：最终准确率（均值）'),
    stepHiddenWeightChange: L('step: largest hidden weight change', '阶跃：隐藏层权重最大变化'),
    sigmoidHiddenWeightChange: L('sigmoid: largest hidden weight change', 'sigmoid：隐藏层权重最大变化'),
    stepLossFirst: L('step: loss after epoch 1', '阶跃：第 1 轮后的损失'),
    stepLossLast: L('step: final loss', '阶跃：最终损失'),
    stepAccuracy: L('step: final accuracy', '阶跃：最终准确率'),
    sigmoidLossFirst: L('sigmoid: loss after epoch 1', 'sigmoid：第 1 轮后的损失'),
    sigmoidLossLast: L('sigmoid: final loss', 'sigmoid：最终损失'),
    sigmoidAccuracy: L('sigmoid: final accuracy', 'sigmoid：最终准确率'),
  }),
  chart: ({ runs, t }) =>
    bandLines({
      title: t(L(`Training loss on 'circle', mean and 95% interval over ${runs.length} seeds`, `circle 上的训练损失：${runs.length} 个种子的均值与 95% 区间`)),
      xLabel: t(L('epoch', '轮次')),
      yLabel: t(L('training loss', '训练损失')),
      yFrom0: true,
      series: KEYS.map(([key, act]) => ({ name: act, points: meanBands(runs.map((r) => r.trace[key])) })),
    }),
});


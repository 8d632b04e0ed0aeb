import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanBands, pText, welch } from '../stats.js';

const ACTS = ['tanh', 'sigmoid'] as const;
/** Weight scales: the claim's small weights and the ordinary scale-1 control. */
const SCALES = [
  ['Small', 'scale'],
  ['Unit', 'control'],
] as const;

/** Lesson 14: tanh (identity near 0) vs sigmoid (not) from small initial weights, with a scale-1 control. */
export const identityOriginLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'identity_origin',
  number: 14,
  kind: 'seeded',
  params: [
    { name: 'scale', kind: 'number', default: 0.1, min: 1e-6, max: 10, description: 'factor on the Glorot initial weights (the small-weight runs)' },
    { name: 'control', kind: 'number', default: 1, min: 1e-6, max: 10, description: 'factor of the control runs' },
    { name: 'lr', kind: 'number', default: 0.5, min: 1e-6, max: 10, description: 'SGD learning rate' },
    { name: 'epochs', kind: 'number', default: 60, min: 1, max: 2000, integer: true, description: 'training epochs' },
  ],
  measure(p, seed) {
    const data = datasetTargets(getDataset('circle', { n: 120, seed }));
    const m: Record<string, number> = {};
    const curves: Record<string, number[]> = {};
    for (const [tag, param] of SCALES) {
      for (const act of ACTS) {
        const model = buildNetwork({ inputSize: 2, hidden: [16, 16], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 100, weightScale: num(p, param) });
        const { history } = fitModel(model, { train: data }, { epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), batchSize: 20, seed, diagnostics: false }, { onDivergence: 'stop' });
        m[`${act}${tag}FinalLoss`] = history[history.length - 1].trainLoss;
        m[`${act}${tag}Accuracy`] = history[history.length - 1].trainAccuracy ?? 0;
        curves[`${act}${tag}`] = history.map((h) => h.trainLoss);
      }
    }
    return { measurements: m, trace: curves };
  },
  judgeSeed: (m) => (m.tanhSmallFinalLoss < m.sigmoidSmallFinalLoss ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    for (const [tag] of SCALES) {
      const d = welch(column(runs, `tanh${tag}FinalLoss`), column(runs, `sigmoid${tag}FinalLoss`));
      out[`${tag.toLowerCase()}LossDifference`] = d.diff;
      out[`${tag.toLowerCase()}LossP`] = d.p;
      for (const act of ACTS) {
        out[`${act}${tag}MeanFinalLoss`] = column(runs, `${act}${tag}FinalLoss`).reduce((a, b) => a + b, 0) / runs.length;
        out[`${act}${tag}MeanAccuracy`] = column(runs, `${act}${tag}Accuracy`).reduce((a, b) => a + b, 0) / runs.length;
      }
    }
    return out;
  },
  judge(m, p) {
    const holds = m.smallLossDifference < 0 && m.smallLossP < 0.05;
    const fails = m.smallLossDifference > 0 && m.smallLossP < 0.05;
    return {
      verdict: holds ? 'holds' : fails ? 'does not hold' : 'inconclusive',
      criterion: L(
        `judged on the small-weight runs (Glorot × ${num(p, 'scale')}); the ×${num(p, 'control')} runs are the control that shows whether the gap is specific to small weights. Holds when tanh ends with a significantly lower training loss than sigmoid from small weights (Welch p < 0.05 over ${m.seedCount} seeds); does not hold when sigmoid's is significantly lower; inconclusive otherwise. Measured, small weights: tanh ${n4(m.tanhSmallMeanFinalLoss)} vs sigmoid ${n4(m.sigmoidSmallMeanFinalLoss)} (p ${pText(m.smallLossP)}), accuracy ${n4(m.tanhSmallMeanAccuracy * 100)}% vs ${n4(m.sigmoidSmallMeanAccuracy * 100)}%; control: tanh ${n4(m.tanhUnitMeanFinalLoss)} vs sigmoid ${n4(m.sigmoidUnitMeanFinalLoss)} (p ${pText(m.unitLossP)})`,
        `以小权重运行（Glorot × ${num(p, 'scale')}）判定；×${num(p, 'control')} 的运行是对照组，用来看差距是否只在小权重时出现。当从小权重开始时 tanh 的最终训练损失显著低于 sigmoid（${m.seedCount} 个种子，Welch p < 0.05）时成立；sigmoid 显著更低时不成立；其余情况无法确定。测量结果，小权重：tanh ${n4(m.tanhSmallMeanFinalLoss)} 对 sigmoid ${n4(m.sigmoidSmallMeanFinalLoss)}（p ${pText(m.smallLossP)}），准确率 ${n4(m.tanhSmallMeanAccuracy * 100)}% 对 ${n4(m.sigmoidSmallMeanAccuracy * 100)}%；对照组：tanh ${n4(m.tanhUnitMeanFinalLoss)} 对 sigmoid ${n4(m.sigmoidUnitMeanFinalLoss)}（p ${pText(m.unitLossP)}）`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = { seedCount: L('seeds', '种子数') };
    for (const [tag, param] of SCALES) {
      const s = num(p, param);
      out[`${tag.toLowerCase()}LossDifference`] = L(`weights ×${s}: final loss tanh − sigmoid (mean)`, `权重 ×${s}：最终损失 tanh − sigmoid（均值）`);
      out[`${tag.toLowerCase()}LossP`] = L(`weights ×${s}: Welch p-value`, `权重 ×${s}：Welch p 值`);
      for (const act of ACTS) {
        out[`${act}${tag}FinalLoss`] = L(`${act}, weights ×${s}: final loss`, `${act}，权重 ×${s}：最终损失`);
        out[`${act}${tag}Accuracy`] = L(`${act}, weights ×${s}: final accuracy`, `${act}，权重 ×${s}：最终准确率`);
        out[`${act}${tag}MeanFinalLoss`] = L(`${act}, weights ×${s}: final loss (mean)`, `${act}，权重 ×${s}：最终损失（均值）`);
        out[`${act}${tag}MeanAccuracy`] = L(`${act}, weights ×${s}: final accuracy (mean)`, `${act}，权重 ×${s}：最终准确率（均值）`);
      }
    }
    return out;
  },
  chart: ({ runs, params: p, t }) =>
    bandLines({
      title: t(L(`Training loss on 'circle' from small (×${num(p, 'scale')}) and ordinary (×${num(p, 'control')}, dashed) weights; mean and 95% interval over ${runs.length} seeds`, `circle 上从小权重（×${num(p, 'scale')}）和常规权重（×${num(p, 'control')}，虚线）开始的训练损失；${runs.length} 个种子的均值与 95% 区间`)),
      xLabel: t(L('epoch', '轮次')),
      yLabel: t(L('training loss', '训练损失')),
      yFrom0: true,
      series: SCALES.flatMap(([tag, param]) => ACTS.map((act) => ({ name: `${act} ×${num(p, param)}`, dashed: tag === 'Unit', points: meanBands(runs.map((r) => r.trace[`${act}${tag}`])) }))),
    }),
});

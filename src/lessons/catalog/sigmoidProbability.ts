import { getDataset } from '../../data/builtins.js';
import { trainTestSplit } from '../../data/trainTestSplit.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, grid, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval } from '../stats.js';

const BINS = 10;

/** Expected calibration error over equal-width bins of [0, 1] (outputs clipped), and the bins' mean output and share positive. */
function calibration(p: Float32Array, y: Float32Array): { ece: number; bins: { conf: number; freq: number; n: number }[] } {
  const sums = Array.from({ length: BINS }, () => ({ conf: 0, pos: 0, n: 0 }));
  p.forEach((v, i) => {
    const c = Math.min(1, Math.max(0, v));
    const b = sums[Math.min(BINS - 1, Math.floor(c * BINS))];
    b.conf += c;
    b.pos += y[i];
    b.n++;
  });
  let ece = 0;
  const bins = sums.map((b) => ({ conf: b.n ? b.conf / b.n : NaN, freq: b.n ? b.pos / b.n : NaN, n: b.n }));
  bins.forEach((b) => {
    if (b.n) ece += (b.n / p.length) * Math.abs(b.conf - b.freq);
  });
  return { ece, bins };
}

const MODELS = [
  ['sigmoid', 'binary_crossentropy'],
  ['linear', 'mse'],
] as const;

/** Lesson 26: a sigmoid output trained with cross-entropy gives usable probabilities; a linear output does not stay in [0, 1]. */
export const sigmoidProbabilityLesson: Lesson = defineLesson<Record<string, { conf: number; freq: number; n: number }[]>>({
  id: 'sigmoid_probability',
  number: 26,
  kind: 'seeded',
  params: [
    { name: 'noise', kind: 'number', default: 0.3, min: 0, max: 0.5, description: "noise of the 'gauss' set (overlapping classes make probabilities matter)" },
    { name: 'epochs', kind: 'number', default: 60, min: 1, max: 2000, integer: true, description: 'training epochs (Adam, lr 0.02, batches of 50)' },
    { name: 'ece', kind: 'number', default: 0.1, min: 0, max: 1, description: 'largest calibration error that counts as "probabilities"' },
  ],
  measure(p, seed) {
    const split = trainTestSplit(getDataset('gauss', { n: 400, seed, noise: num(p, 'noise') }), { testRatio: 0.5, seed });
    const train = datasetTargets(split.train);
    const test = datasetTargets(split.test);
    const m: Record<string, number> = {};
    const trace: Record<string, { conf: number; freq: number; n: number }[]> = {};
    for (const [key, loss] of MODELS) {
      const model = buildNetwork({ inputSize: 2, hidden: [8], activation: 'tanh', outputSize: 1, loss, seed: seed * 3 });
      fitModel(model, { train: train }, { epochs: num(p, 'epochs'), learningRate: 0.02, batchSize: 50, seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
      const out = model.predict(test.x, test.rows);
      const c = calibration(out, test.y);
      m[`${key}OutsideShare`] = out.filter((v) => v < 0 || v > 1).length / out.length;
      m[`${key}Ece`] = c.ece;
      trace[key] = c.bins;
    }
    return { measurements: m, trace };
  },
  judgeSeed: (m, p) => (m.sigmoidOutsideShare === 0 && m.sigmoidEce < num(p, 'ece') && m.linearOutsideShare > 0 ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    for (const [key] of MODELS) {
      for (const q of ['OutsideShare', 'Ece']) {
        const ci = meanInterval(column(runs, `${key}${q}`));
        out[`${key}Mean${q}`] = ci.rate;
        out[`${key}${q}Low`] = ci.lo;
        out[`${key}${q}High`] = ci.hi;
      }
    }
    out.sigmoidLargestOutsideShare = Math.max(...column(runs, 'sigmoidOutsideShare'));
    return out;
  },
  judge(m, p) {
    const k = num(p, 'ece');
    const calibrated = m.sigmoidEceHigh < k;
    const inRange = m.sigmoidLargestOutsideShare === 0;
    const linearOut = m.linearOutsideShareLow > 0;
    return {
      verdict: calibrated && inRange && linearOut ? 'holds' : !inRange || m.sigmoidEceLow > k ? 'does not hold' : 'inconclusive',
      criterion: L(
        `a 2-8-1 classifier on overlapping classes, once with a sigmoid output and cross-entropy, once with a linear output and squared error on the 0/1 labels; judged on held-out points. Holds when, over ${m.seedCount} seeds, no sigmoid output leaves [0, 1] (by construction), its expected calibration error (${BINS} bins: how far the mean output of a bin is from the share of positives in it) has a 95% interval below ${k}, and the linear output leaves [0, 1] on some points (95% interval of that share above 0); does not hold when a sigmoid output leaves [0, 1] or its calibration error's interval lies above ${k}; inconclusive otherwise. Measured: sigmoid calibration error ${n4(m.sigmoidMeanEce)} [${n4(m.sigmoidEceLow)}, ${n4(m.sigmoidEceHigh)}], outside [0, 1] ${pct(m.sigmoidMeanOutsideShare)}; linear output outside [0, 1] on ${pct(m.linearMeanOutsideShare)} [${pct(m.linearOutsideShareLow)}, ${pct(m.linearOutsideShareHigh)}] of the points, calibration error ${n4(m.linearMeanEce)} after clipping`,
        `在类别重叠的数据上训练一个 2-8-1 分类器：一次用 sigmoid 输出配交叉熵，一次用线性输出配 0/1 标签上的平方误差；在留出的测试点上评判。当 ${m.seedCount} 个种子下，sigmoid 输出从不越出 [0, 1]（按构造），其期望校准误差（${BINS} 个区间：每个区间的平均输出与其中正例比例之差）的 95% 区间低于 ${k}，且线性输出在部分点上越出 [0, 1]（该比例的 95% 区间高于 0）时成立；若 sigmoid 输出越出 [0, 1]，或其校准误差的区间高于 ${k}，则不成立；其余情况无法确定。测量结果：sigmoid 校准误差 ${n4(m.sigmoidMeanEce)} [${n4(m.sigmoidEceLow)}, ${n4(m.sigmoidEceHigh)}]，越出 [0, 1] 的比例 ${pct(m.sigmoidMeanOutsideShare)}；线性输出在 ${pct(m.linearMeanOutsideShare)} [${pct(m.linearOutsideShareLow)}, ${pct(m.linearOutsideShareHigh)}] 的点上越出 [0, 1]，截断后的校准误差 ${n4(m.linearMeanEce)}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      sigmoidLargestOutsideShare: L('sigmoid: largest share outside [0, 1] over the seeds', 'sigmoid：各种子中越出 [0, 1] 的最大比例'),
    };
    for (const [key] of MODELS) {
      const n = key === 'sigmoid' ? L('sigmoid output', 'sigmoid 输出') : L('linear output', '线性输出');
      for (const [q, en, zh] of [['OutsideShare', 'share of outputs outside [0, 1]', '越出 [0, 1] 的输出比例'], ['Ece', 'expected calibration error', '期望校准误差']] as const) {
        out[`${key}${q}`] = L(`${n.en}: ${en}`, `${n.zh}：${zh}`);
        out[`${key}Mean${q}`] = L(`${n.en}: ${en} (mean)`, `${n.zh}：${zh}（均值）`);
        out[`${key}${q}Low`] = L(`${n.en}: ${en}, 95% low`, `${n.zh}：${zh} 95% 下限`);
        out[`${key}${q}High`] = L(`${n.en}: ${en}, 95% high`, `${n.zh}：${zh} 95% 上限`);
      }
    }
    return out;
  },
  chart: ({ runs, t }) =>
    bandLines({
      title: t(L(`Calibration on held-out points: share of positives per output bin (mean over ${runs.length} seeds; on the diagonal = probabilities)`, `留出测试点上的校准：每个输出区间中正例的比例（${runs.length} 个种子的均值；落在对角线上即为概率）`)),
      xLabel: t(L('mean output in the bin (clipped to [0, 1])', '区间内的平均输出（截断到 [0, 1]）')),
      yLabel: t(L('share of positives', '正例比例')),
      yFrom0: true,
      yMax: 1,
      points: true,
      series: [
        { name: t(L('perfect calibration', '完美校准')), dashed: true, points: grid(0, 1, 2).map((x) => ({ x, y: x })) },
        ...MODELS.map(([key]) => ({
          name: key === 'sigmoid' ? t(L('sigmoid output + cross-entropy', 'sigmoid 输出 + 交叉熵')) : t(L('linear output + squared error', '线性输出 + 平方误差')),
          points: Array.from({ length: BINS }, (_, b) => {
            const bins = runs.map((r) => r.trace[key][b]).filter((q) => q.n > 0);
            return { x: bins.reduce((s, q) => s + q.conf, 0) / bins.length, y: bins.reduce((s, q) => s + q.freq, 0) / bins.length };
          }).filter((q) => Number.isFinite(q.x)),
        })),
      ],
    }),
});

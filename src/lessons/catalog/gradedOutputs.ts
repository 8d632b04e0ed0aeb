import { getDataset } from '../../data/builtins.js';
import { applyStandardizer, fitStandardizer } from '../../data/standardizer.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, datasetTargets, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval } from '../stats.js';

/** Activation, its output range and a measurement key. */
const ACTS = [
  ['sigmoid', 'sigmoid', 0, 1],
  ['tanh', 'tanh', -1, 1],
  ['step', 'binary_step', 0, 1],
] as const;
const GRADED = ACTS.slice(0, 2);
/** Epochs between two looks at the hidden outputs. */
const EVERY = 10;

/** Lesson 17: hidden outputs of trained sigmoid and tanh networks are graded; step outputs are binary; saturation over training. */
export const gradedOutputsLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'graded_outputs',
  number: 17,
  kind: 'seeded',
  params: [
    { name: 'edge', kind: 'number', default: 0.05, min: 0, max: 0.5, description: 'share of the range at each end that counts as "near an end" (saturated)' },
    { name: 'graded', kind: 'number', default: 0.5, min: 0, max: 1, description: 'share of outputs away from the ends needed for "graded"' },
    { name: 'epochs', kind: 'number', default: 150, min: 1, max: 1000, integer: true, description: 'training epochs (Adam, lr 0.01, batches of 32)' },
  ],
  measure(p, seed) {
    const raw = getDataset('circle', { n: 200, seed });
    const ds = applyStandardizer(raw, fitStandardizer(raw));
    const data = datasetTargets(ds);
    const edge = num(p, 'edge');
    const m: Record<string, number> = {};
    const curves: Record<string, number[]> = {};
    for (const [key, act, lo, hi] of ACTS) {
      const model = buildNetwork({ inputSize: 2, hidden: [16], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed });
      const w = (hi - lo) * edge;
      const nearEnds = () => {
        const h = model.hiddenPasses(ds.x, ds.n)[0].a;
        let near = 0;
        h.forEach((v) => {
          if (v <= lo + w || v >= hi - w) near++;
        });
        return near / h.length;
      };
      curves[key] = [nearEnds()];
      if (key === 'step') {
        // Step outputs are 0 or 1 whatever the weights: measured once, untrained, and drawn flat.
        m.stepNearEndsShare = curves[key][0];
        curves[key] = Array.from({ length: Math.floor(num(p, 'epochs') / EVERY) + 1 }, () => m.stepNearEndsShare);
        continue;
      }
      fitModel(
        model,
        { train: data },
        { epochs: num(p, 'epochs'), learningRate: 0.01, batchSize: 32, seed, optimizer: { name: 'adam' }, diagnostics: false },
        { onDivergence: 'stop', onEpoch: (r) => { if (r.epoch % EVERY === 0) curves[key].push(nearEnds()); } },
      );
      m[`${key}NearEndsShare`] = nearEnds();
    }
    return { measurements: m, trace: curves };
  },
  judgeSeed(m, p) {
    const g = num(p, 'graded');
    if (m.stepNearEndsShare !== 1) return 'does not hold';
    const inner = GRADED.map(([k]) => 1 - m[`${k}NearEndsShare`]);
    return inner.every((v) => v >= g) ? 'holds' : 'does not hold';
  },
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length, stepBinarySeeds: column(runs, 'stepNearEndsShare').filter((v) => v === 1).length };
    for (const [k] of GRADED) {
      const ci = meanInterval(column(runs, `${k}NearEndsShare`).map((v) => 1 - v));
      out[`${k}GradedShare`] = ci.rate;
      out[`${k}GradedLow`] = ci.lo;
      out[`${k}GradedHigh`] = ci.hi;
    }
    return out;
  },
  judge(m, p) {
    const g = num(p, 'graded');
    const binary = m.stepBinarySeeds === m.seedCount;
    const clear = GRADED.every(([k]) => m[`${k}GradedLow`] >= g);
    const fails = GRADED.some(([k]) => m[`${k}GradedHigh`] < g);
    const shares = GRADED.map(([k]) => `${k} ${pct(m[`${k}GradedShare`])} [${pct(m[`${k}GradedLow`])}, ${pct(m[`${k}GradedHigh`])}]`).join(', ');
    return {
      verdict: !binary || fails ? 'does not hold' : clear ? 'holds' : 'inconclusive',
      criterion: L(
        `step outputs are 0 or 1 by construction; what can fail is the graded part. Holds when every step output is 0 or 1 (${m.stepBinarySeeds} of ${m.seedCount} seeds) and, after ${num(p, 'epochs')} epochs, the 95% interval of the share of sigmoid and of tanh hidden outputs away from the outer ${n4(num(p, 'edge') * 100)}% of the range at each end lies at or above ${g}; does not hold when either interval lies below ${g}; inconclusive otherwise. Measured graded shares: ${shares}. The share saturated grows with training (see the chart), so longer training can turn the verdict`,
        `阶跃输出按构造只能是 0 或 1；可能不成立的是“渐变”这一部分。当所有阶跃输出都是 0 或 1（${m.seedCount} 个种子中 ${m.stepBinarySeeds} 个），且训练 ${num(p, 'epochs')} 轮后，sigmoid 与 tanh 隐藏层输出中离值域两端各 ${n4(num(p, 'edge') * 100)}% 以外的比例的 95% 区间都不低于 ${g} 时成立；任一区间整体低于 ${g} 时不成立；其余情况无法确定。测得的渐变比例：${shares}。饱和的比例随训练增长（见图），所以训练更久可能改变结论`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      stepBinarySeeds: L('seeds where every step output is 0 or 1', '阶跃输出全为 0 或 1 的种子数'),
    };
    for (const [k] of ACTS) out[`${k}NearEndsShare`] = L(`${k}: share of outputs near the ends (saturated)`, `${k}：接近两端（饱和）的输出比例`);
    for (const [k] of GRADED) {
      out[`${k}GradedShare`] = L(`${k}: share of graded outputs (mean)`, `${k}：渐变输出比例（均值）`);
      out[`${k}GradedLow`] = L(`${k}: graded share, 95% low`, `${k}：渐变比例 95% 下限`);
      out[`${k}GradedHigh`] = L(`${k}: graded share, 95% high`, `${k}：渐变比例 95% 上限`);
    }
    return out;
  },
  chart: ({ runs, t }) =>
    bandLines({
      title: t(L(`Saturation during training on 'circle': hidden outputs near the ends of the range (mean and 95% interval over ${runs.length} seeds)`, `circle 上训练过程中的饱和：接近值域两端的隐藏层输出（${runs.length} 个种子的均值与 95% 区间）`)),
      xLabel: t(L('epoch', '轮次')),
      yLabel: t(L('share of outputs near the ends', '接近两端的输出比例')),
      yFrom0: true,
      yMax: 1,
      points: true,
      series: ACTS.map(([k, act]) => {
        const len = Math.min(...runs.map((r) => r.trace[k].length));
        return {
          name: act,
          points: Array.from({ length: len }, (_, i) => {
            const ci = meanInterval(runs.map((r) => r.trace[k][i]));
            return { x: i * EVERY, y: ci.rate, lo: Math.max(0, ci.lo), hi: Math.min(1, ci.hi) };
          }),
        };
      }),
    }),
});

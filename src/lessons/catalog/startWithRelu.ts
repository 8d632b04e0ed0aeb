import { intervalBars } from '../charts.js';
import { compareActivations } from '../compareRuns.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num, text } from '../params.js';
import { mean, ranksDescending } from '../ranks.js';
import { meanInterval } from '../stats.js';

const listOf = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');
const actsOf = (p: Parameters<Lesson['judge']>[1]): string[] => {
  const acts = listOf(text(p, 'activations'));
  return acts.includes('relu') ? acts : ['relu', ...acts];
};

/** Lesson 16: ReLU's average rank against other common activations across built-in data sets, over seeds. */
export const startWithReluLesson: Lesson = defineLesson({
  id: 'start_with_relu',
  number: 16,
  kind: 'seeded',
  params: [
    { name: 'activations', kind: 'text', default: 'relu,tanh,sigmoid,leaky_relu,elu', description: 'activations compared (relu is added when missing)' },
    { name: 'datasets', kind: 'text', default: 'circle,xor,spiral,moons', description: 'built-in classification data sets' },
    { name: 'epochs', kind: 'number', default: 30, min: 1, max: 1000, integer: true, description: 'training epochs (Adam, batches of 32)' },
    { name: 'lr', kind: 'number', default: 0.02, min: 1e-6, max: 1, description: 'Adam learning rate' },
  ],
  measure(p, seed) {
    const acts = actsOf(p);
    const acc = compareActivations({ activations: acts, datasets: listOf(text(p, 'datasets')), epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), hidden: [16, 16], seed });
    const ranks = acc.map(ranksDescending);
    const m: Record<string, number> = { activationCount: acts.length };
    acts.forEach((a, i) => {
      m[`${a}MeanRank`] = mean(ranks.map((r) => r[i]));
      m[`${a}MeanAccuracy`] = mean(acc.map((r) => r[i]));
    });
    return { measurements: m, trace: null };
  },
  judgeSeed: (m) => (m.reluMeanRank <= (m.activationCount + 1) / 2 ? 'holds' : 'does not hold'),
  summarize(runs, p) {
    const out: Record<string, number> = { seedCount: runs.length, activationCount: runs[0].measurements.activationCount };
    for (const a of actsOf(p)) {
      const ci = meanInterval(column(runs, `${a}MeanRank`));
      out[`${a}Rank`] = ci.rate;
      out[`${a}RankLow`] = ci.lo;
      out[`${a}RankHigh`] = ci.hi;
      out[`${a}Accuracy`] = mean(column(runs, `${a}MeanAccuracy`));
    }
    return out;
  },
  judge(m) {
    const half = (m.activationCount + 1) / 2;
    return {
      verdict: m.reluRankHigh <= half ? 'holds' : m.reluRankLow > half ? 'does not hold' : 'inconclusive',
      criterion: L(
        `per seed, the activations are ranked on every data set by test accuracy (1 = best) and ReLU's mean rank is taken. Holds when the 95% interval of ReLU's mean rank over ${m.seedCount} seeds lies in the better half, at or below (n+1)/2 = ${n4(half)} for n = ${m.activationCount}; does not hold when it lies above; inconclusive when it straddles the middle. Measured: ReLU's mean rank ${n4(m.reluRank)} [${n4(m.reluRankLow)}, ${n4(m.reluRankHigh)}], mean test accuracy ${n4(m.reluAccuracy * 100)}%`,
        `对每个种子，在每个数据集上按测试准确率给各激活函数排名（1 为最好），取 ReLU 的平均名次。当 ${m.seedCount} 个种子下 ReLU 平均名次的 95% 区间位于前一半，即不超过 (n+1)/2 = ${n4(half)}（n = ${m.activationCount}）时成立；整体高于该值时不成立；跨越中间值时无法确定。测量结果：ReLU 平均名次 ${n4(m.reluRank)} [${n4(m.reluRankLow)}, ${n4(m.reluRankHigh)}]，平均测试准确率 ${n4(m.reluAccuracy * 100)}%`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = { seedCount: L('seeds', '种子数'), activationCount: L('activations compared', '比较的激活函数个数') };
    for (const a of actsOf(p)) {
      out[`${a}MeanRank`] = L(`${a}: mean rank over the data sets`, `${a}：各数据集上的平均名次`);
      out[`${a}MeanAccuracy`] = L(`${a}: mean test accuracy`, `${a}：平均测试准确率`);
      out[`${a}Rank`] = L(`${a}: mean rank (over seeds)`, `${a}：平均名次（所有种子）`);
      out[`${a}RankLow`] = L(`${a}: rank, 95% low`, `${a}：名次 95% 下限`);
      out[`${a}RankHigh`] = L(`${a}: rank, 95% high`, `${a}：名次 95% 上限`);
      out[`${a}Accuracy`] = L(`${a}: mean test accuracy (over seeds)`, `${a}：平均测试准确率（所有种子）`);
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) =>
    intervalBars({
      title: t(L(`Mean rank over ${listOf(text(p, 'datasets')).join(', ')} (1 = best test accuracy; 95% interval over ${m.seedCount} seeds)`, `在 ${listOf(text(p, 'datasets')).join('、')} 上的平均名次（1 = 测试准确率最高；${m.seedCount} 个种子的 95% 区间）`)),
      xLabel: t(L('activation', '激活函数')),
      yLabel: t(L('mean rank (lower is better)', '平均名次（越低越好）')),
      max: m.activationCount,
      bars: actsOf(p).map((a) => ({ name: a, value: m[`${a}Rank`], lo: m[`${a}RankLow`], hi: m[`${a}RankHigh`] })),
    }),
});

import { getDataset } from '../../data/builtins.js';
import { intervalBars } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval } from '../stats.js';

/** Lesson 9: about half of randomly initialised ReLU units output exactly 0. */
export const reluSparsityLesson: Lesson = defineLesson({
  id: 'relu_sparsity',
  number: 9,
  kind: 'seeded',
  byConstruction: true,
  params: [
    { name: 'layers', kind: 'number', default: 3, min: 1, max: 10, integer: true, description: 'hidden ReLU layers' },
    { name: 'width', kind: 'number', default: 64, min: 2, max: 512, integer: true, description: 'units per layer' },
    { name: 'bias', kind: 'number', default: 0, min: -10, max: 10, description: 'initial hidden bias (a positive bias breaks the symmetry and lowers the share of zeros)' },
  ],
  measure(p, seed) {
    const ds = getDataset('gauss', { n: 200, seed });
    const layers = num(p, 'layers');
    const model = buildNetwork({ inputSize: 2, hidden: Array.from({ length: layers }, () => num(p, 'width')), activation: 'relu', outputSize: 1, loss: 'binary_crossentropy', seed: seed * 1000, biasInit: num(p, 'bias') });
    const m: Record<string, number> = {};
    const fr = model.hiddenPasses(ds.x, ds.n).map(({ a }) => a.filter((v) => v === 0).length / a.length);
    fr.forEach((f, l) => (m[`layer${l + 1}ZeroFraction`] = f));
    m.zeroFraction = fr.reduce((a, b) => a + b, 0) / layers;
    return { measurements: m, trace: null };
  },
  judgeSeed: (m) => (m.zeroFraction >= 0.4 && m.zeroFraction <= 0.6 ? 'holds' : 'does not hold'),
  summarize(runs, p) {
    const out: Record<string, number> = { seedCount: runs.length };
    const ci = meanInterval(column(runs, 'zeroFraction'));
    out.meanZeroFraction = ci.rate;
    out.zeroFractionLow = ci.lo;
    out.zeroFractionHigh = ci.hi;
    for (let l = 1; l <= num(p, 'layers'); l++) out[`layer${l}MeanZeroFraction`] = meanInterval(column(runs, `layer${l}ZeroFraction`)).rate;
    return out;
  },
  judge(m) {
    const inside = m.zeroFractionLow >= 0.4 && m.zeroFractionHigh <= 0.6;
    const outside = m.zeroFractionHigh < 0.4 || m.zeroFractionLow > 0.6;
    return {
      verdict: inside ? 'holds' : outside ? 'does not hold' : 'inconclusive',
      criterion: L(
        `true by construction with zero biases: the weights are symmetric around 0, so a unit's weighted sum is as likely negative as positive, and ReLU maps every negative sum to exactly 0; the lesson shows this mechanism (set bias=2 to see it break). Holds when the 95% interval of the mean share of exact zeros over ${m.seedCount} seeds lies inside [0.4, 0.6] ("about half"): ${n4(m.meanZeroFraction)} [${n4(m.zeroFractionLow)}, ${n4(m.zeroFractionHigh)}]; does not hold when it lies outside; inconclusive when it straddles a bound`,
        `偏置为 0 时按构造成立：权重关于 0 对称，所以一个单元的加权和为负与为正的可能性相同，而 ReLU 把所有负的和都映射为恰好 0；本课展示这个机制（设 bias=2 可以看到它被打破）。当 ${m.seedCount} 个种子的零值平均比例的 95% 区间落在 [0.4, 0.6] 内（“大约一半”）时成立：${n4(m.meanZeroFraction)} [${n4(m.zeroFractionLow)}, ${n4(m.zeroFractionHigh)}]；整体落在区间外则不成立；跨越边界则无法确定`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      zeroFraction: L('share of exact zeros (all layers)', '恰好为 0 的比例（所有层）'),
      meanZeroFraction: L('share of exact zeros (mean)', '恰好为 0 的比例（均值）'),
      zeroFractionLow: L('95% interval low', '95% 区间下限'),
      zeroFractionHigh: L('95% interval high', '95% 区间上限'),
    };
    for (let l = 1; l <= num(p, 'layers'); l++) {
      out[`layer${l}ZeroFraction`] = L(`layer ${l}: share of zeros`, `第 ${l} 层：零值比例`);
      out[`layer${l}MeanZeroFraction`] = L(`layer ${l}: share of zeros (mean)`, `第 ${l} 层：零值比例（均值）`);
    }
    return out;
  },
  chart: ({ runs, params: p, t }) =>
    intervalBars({
      title: t(L(`Share of ReLU outputs that are exactly 0 (untrained; mean and 95% interval over ${runs.length} seeds)`, `ReLU 输出恰好为 0 的比例（未训练；${runs.length} 个种子的均值与 95% 区间）`)),
      xLabel: t(L('hidden layer', '隐藏层')),
      yLabel: t(L('share of zeros', '零值比例')),
      max: 1,
      bars: Array.from({ length: num(p, 'layers') }, (_, l) => {
        const ci = meanInterval(column(runs, `layer${l + 1}ZeroFraction`));
        return { name: t(L(`layer ${l + 1}`, `第 ${l + 1} 层`)), value: ci.rate, lo: ci.lo, hi: ci.hi };
      }),
    }),
});

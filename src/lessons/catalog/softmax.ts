import { softmax } from '../../activations/vector.js';
import { createRng } from '../../util/rng.js';
import { intervalBars } from '../charts.js';
import { L, column, defineLesson, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';
import { meanInterval } from '../stats.js';

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Share of rows of `v` (rows×k) without a unique largest entry. */
function tieShare(v: ArrayLike<number>, rows: number, k: number): number {
  let ties = 0;
  for (let r = 0; r < rows; r++) {
    let best = -Infinity;
    let count = 0;
    for (let j = 0; j < k; j++) {
      const x = v[r * k + j];
      if (x > best) {
        best = x;
        count = 1;
      } else if (x === best) count++;
    }
    if (count !== 1) ties++;
  }
  return ties / rows;
}

/** Lesson 12: softmax gives one distribution per row; per-class sigmoid or step outputs do not, all judged by argmax. */
export const softmaxLesson: Lesson = defineLesson({
  id: 'softmax',
  number: 12,
  kind: 'seeded',
  params: [
    { name: 'classes', kind: 'number', default: 4, min: 2, max: 100, integer: true, description: 'number of classes' },
    { name: 'rows', kind: 'number', default: 1000, min: 10, max: 100000, integer: true, description: 'random score vectors' },
    { name: 'scale', kind: 'number', default: 2, min: 0.001, max: 100, description: 'standard deviation of the scores' },
  ],
  measure(p, seed) {
    const k = num(p, 'classes');
    const rows = num(p, 'rows');
    const rng = createRng(seed);
    const x = new Float64Array(rows * k).map(() => rng.normal() * num(p, 'scale'));
    const y = new Float64Array(rows * k);
    softmax.forward(x, y, rows, k);
    const sig = x.map(sigmoid);
    const step = x.map((v) => (v >= 0 ? 1 : 0));
    let maxSumError = 0;
    let minProb = Infinity;
    let sigmoidOff = 0;
    let agree = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      let ss = 0;
      let bs = 0;
      let bq = 0;
      for (let j = 0; j < k; j++) {
        s += y[r * k + j];
        ss += sig[r * k + j];
        minProb = Math.min(minProb, y[r * k + j]);
        if (y[r * k + j] > y[r * k + bs]) bs = j;
        if (sig[r * k + j] > sig[r * k + bq]) bq = j;
      }
      maxSumError = Math.max(maxSumError, Math.abs(s - 1));
      if (Math.abs(ss - 1) > 0.05) sigmoidOff++;
      if (bs === bq) agree++;
    }
    return {
      measurements: {
        softmaxMaxSumError: maxSumError,
        softmaxMinProbability: minProb,
        softmaxTieShare: tieShare(y, rows, k),
        sigmoidTieShare: tieShare(sig, rows, k),
        stepTieShare: tieShare(step, rows, k),
        sigmoidNotDistributionShare: sigmoidOff / rows,
        sigmoidSameWinnerShare: agree / rows,
      },
      trace: null,
    };
  },
  judgeSeed(m) {
    const dist = m.softmaxMaxSumError <= 1e-12 && m.softmaxMinProbability > 0 && m.softmaxTieShare === 0;
    return dist && m.sigmoidNotDistributionShare > 0.5 && m.stepTieShare > 0 ? 'holds' : 'does not hold';
  },
  summarize(runs) {
    const out: Record<string, number> = {
      seedCount: runs.length,
      softmaxWorstSumError: Math.max(...column(runs, 'softmaxMaxSumError')),
      softmaxSmallestProbability: Math.min(...column(runs, 'softmaxMinProbability')),
    };
    for (const k of ['softmaxTieShare', 'sigmoidTieShare', 'stepTieShare', 'sigmoidNotDistributionShare', 'sigmoidSameWinnerShare']) {
      const ci = meanInterval(column(runs, k));
      out[`${k}Mean`] = ci.rate;
      out[`${k}Low`] = ci.lo;
      out[`${k}High`] = ci.hi;
    }
    out.seedsWithSoftmaxTies = column(runs, 'softmaxTieShare').filter((v) => v > 0).length;
    return out;
  },
  judge(m) {
    const dist = m.softmaxWorstSumError <= 1e-12 && m.softmaxSmallestProbability > 0 && m.seedsWithSoftmaxTies === 0;
    const sigmoidNot = m.sigmoidNotDistributionShareLow > 0.5;
    const stepTies = m.stepTieShareLow > 0;
    return {
      verdict: dist && sigmoidNot && stepTies ? 'holds' : 'does not hold',
      criterion: L(
        `all three outputs are judged the same way, by argmax, with a tie (no single largest output) counted against the output. Holds when, over ${m.seedCount} seeds, every softmax row is positive and sums to 1 within 1e-12 with a single winner (worst sum error ${n4(m.softmaxWorstSumError)}, smallest probability ${n4(m.softmaxSmallestProbability)}, seeds with ties ${m.seedsWithSoftmaxTies}), per-class sigmoid outputs are not a distribution in most rows (sum off 1 by more than 0.05 in ${pct(m.sigmoidNotDistributionShareMean)} of rows, 95% interval low ${pct(m.sigmoidNotDistributionShareLow)} > 50%), and step outputs tie in some rows (${pct(m.stepTieShareMean)} of rows: several classes at 1, or none). Does not hold otherwise. Note: sigmoid is monotonic, so its argmax names the same class as softmax in ${pct(m.sigmoidSameWinnerShareMean)} of rows and ties in ${pct(m.sigmoidTieShareMean)}: for picking one class it is as good; what it lacks is the sum to 1`,
        `三种输出都用同样的方式判定：取 argmax，出现并列（没有唯一最大的输出）时记为该输出的失败。当 ${m.seedCount} 个种子下，softmax 的每一行都为正、和为 1（误差在 1e-12 内）且只有一个胜者（最大和误差 ${n4(m.softmaxWorstSumError)}，最小概率 ${n4(m.softmaxSmallestProbability)}，出现并列的种子数 ${m.seedsWithSoftmaxTies}），逐类 sigmoid 输出在大多数行中都不构成分布（在 ${pct(m.sigmoidNotDistributionShareMean)} 的行中和与 1 相差超过 0.05，95% 区间下限 ${pct(m.sigmoidNotDistributionShareLow)} > 50%），且阶跃输出在部分行中出现并列（${pct(m.stepTieShareMean)} 的行：多个类别为 1，或一个都没有）时成立；否则不成立。注意：sigmoid 是单调的，它的 argmax 在 ${pct(m.sigmoidSameWinnerShareMean)} 的行中与 softmax 选出同一个类别，并列占 ${pct(m.sigmoidTieShareMean)}：若只是挑出一个类别，它同样好用；它缺的是“和为 1”`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      softmaxWorstSumError: L('softmax: worst |row sum − 1|', 'softmax：最大 |行和 − 1|'),
      softmaxSmallestProbability: L('softmax: smallest output', 'softmax：最小输出'),
      seedsWithSoftmaxTies: L('seeds with a softmax tie', '出现 softmax 并列的种子数'),
      softmaxMaxSumError: L('softmax: largest |row sum − 1|', 'softmax：最大 |行和 − 1|'),
      softmaxMinProbability: L('softmax: smallest output', 'softmax：最小输出'),
    };
    const q = {
      softmaxTieShare: ['softmax: rows without a single argmax', 'softmax：没有唯一 argmax 的行比例'],
      sigmoidTieShare: ['sigmoid: rows without a single argmax', 'sigmoid：没有唯一 argmax 的行比例'],
      stepTieShare: ['step: rows without a single argmax', '阶跃：没有唯一 argmax 的行比例'],
      sigmoidNotDistributionShare: ['sigmoid: rows whose sum is off 1 by > 0.05', 'sigmoid：和与 1 相差 > 0.05 的行比例'],
      sigmoidSameWinnerShare: ['sigmoid: rows with the same argmax as softmax', 'sigmoid：argmax 与 softmax 相同的行比例'],
    } as const;
    for (const [k, [en, zh]] of Object.entries(q)) {
      out[k] = L(en, zh);
      out[`${k}Mean`] = L(`${en} (mean)`, `${zh}（均值）`);
      out[`${k}Low`] = L(`${en}, 95% low`, `${zh}，95% 下限`);
      out[`${k}High`] = L(`${en}, 95% high`, `${zh}，95% 上限`);
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) =>
    intervalBars({
      title: t(L(`${num(p, 'classes')} classes, ${m.seedCount} seeds: rows where an output fails (mean and 95% interval)`, `${num(p, 'classes')} 个类别，${m.seedCount} 个种子：输出失败的行比例（均值与 95% 区间）`)),
      xLabel: '',
      yLabel: t(L('share of rows', '行比例')),
      max: 1,
      bars: [
        { name: t(L('softmax: no single argmax', 'softmax：无唯一 argmax')), group: t(L('no single winner', '没有唯一胜者')), value: m.softmaxTieShareMean, lo: m.softmaxTieShareLow, hi: m.softmaxTieShareHigh },
        { name: t(L('sigmoid: no single argmax', 'sigmoid：无唯一 argmax')), group: t(L('no single winner', '没有唯一胜者')), value: m.sigmoidTieShareMean, lo: m.sigmoidTieShareLow, hi: m.sigmoidTieShareHigh },
        { name: t(L('step: no single argmax', '阶跃：无唯一 argmax')), group: t(L('no single winner', '没有唯一胜者')), value: m.stepTieShareMean, lo: m.stepTieShareLow, hi: m.stepTieShareHigh },
        { name: t(L('sigmoid: sum off 1 by > 0.05', 'sigmoid：和偏离 1 超过 0.05')), group: t(L('not a distribution', '不是概率分布')), value: m.sigmoidNotDistributionShareMean, lo: m.sigmoidNotDistributionShareLow, hi: m.sigmoidNotDistributionShareHigh },
      ],
    }),
});

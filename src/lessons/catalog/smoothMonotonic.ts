import { resolveActivation } from '../../activations/resolve.js';
import { analyzeActivation } from '../../analysis/analyzeActivation.js';
import { intervalBars } from '../charts.js';
import { compareActivations } from '../compareRuns.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num, text } from '../params.js';
import { mean } from '../ranks.js';
import { meanInterval, pText, welch } from '../stats.js';

const listOf = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');

/**
 * Memo of the property analysis (tens of milliseconds per activation, asked for many times per run). A pure
 * function of the activation text, so the cache never changes an answer.
 */
const analysed = new Map<string, boolean>();

/** True when the activation is C1 or smoother and its derivative is monotonic. */
function smoothMonotonic(act: string): boolean {
  let v = analysed.get(act);
  if (v === undefined) {
    const p = analyzeActivation(resolveActivation(act));
    v = p.continuity !== 'discontinuous' && p.continuity !== 'C0' && p.monotonicDerivative;
    analysed.set(act, v);
  }
  return v;
}

/** Lesson 19: smooth activations with a monotonic derivative against the rest, with a Welch test over seeds. */
export const smoothMonotonicLesson: Lesson = defineLesson({
  id: 'smooth_monotonic',
  number: 19,
  kind: 'seeded',
  params: [
    { name: 'activations', kind: 'text', default: 'elu,softplus,squareplus,relu,silu,tanh', description: 'distinct catalog activations, grouped by the property analysis' },
    { name: 'datasets', kind: 'text', default: 'circle,xor,moons', description: 'built-in classification data sets' },
    { name: 'epochs', kind: 'number', default: 30, min: 1, max: 1000, integer: true, description: 'training epochs (Adam, lr 0.02, batches of 32)' },
    { name: 'margin', kind: 'number', default: 0.01, min: 0, max: 1, description: 'per-seed difference below which that seed is inconclusive' },
  ],
  measure(p, seed) {
    const acts = listOf(text(p, 'activations'));
    const acc = compareActivations({ activations: acts, datasets: listOf(text(p, 'datasets')), epochs: num(p, 'epochs'), learningRate: 0.02, hidden: [16, 16], seed });
    const perAct = acts.map((_, i) => mean(acc.map((row) => row[i])));
    const inGroup = acts.map(smoothMonotonic);
    const m: Record<string, number> = {
      smoothMonotonicAccuracy: mean(perAct.filter((_, i) => inGroup[i])),
      otherAccuracy: mean(perAct.filter((_, i) => !inGroup[i])),
    };
    acts.forEach((a, i) => (m[`${a}Accuracy`] = perAct[i]));
    return { measurements: m, trace: null };
  },
  judgeSeed(m, p) {
    const d = m.smoothMonotonicAccuracy - m.otherAccuracy;
    const k = num(p, 'margin');
    return d > k ? 'holds' : d < -k ? 'does not hold' : 'inconclusive';
  },
  summarize(runs, p) {
    const acts = listOf(text(p, 'activations'));
    const inGroup = acts.map(smoothMonotonic);
    const d = welch(column(runs, 'smoothMonotonicAccuracy'), column(runs, 'otherAccuracy'));
    const out: Record<string, number> = {
      seedCount: runs.length,
      smoothMonotonicCount: inGroup.filter(Boolean).length,
      otherCount: inGroup.filter((g) => !g).length,
      smoothMonotonicMeanAccuracy: mean(column(runs, 'smoothMonotonicAccuracy')),
      otherMeanAccuracy: mean(column(runs, 'otherAccuracy')),
      difference: d.diff,
      differenceP: d.p,
    };
    for (const a of acts) {
      const ci = meanInterval(column(runs, `${a}Accuracy`));
      out[`${a}MeanAccuracy`] = ci.rate;
      out[`${a}AccuracyLow`] = ci.lo;
      out[`${a}AccuracyHigh`] = ci.hi;
    }
    return out;
  },
  judge(m, p) {
    const empty = m.smoothMonotonicCount === 0 || m.otherCount === 0;
    const acts = listOf(text(p, 'activations'));
    const groups = `${acts.filter(smoothMonotonic).join(', ')} vs ${acts.filter((a) => !smoothMonotonic(a)).join(', ')}`;
    const verdict = empty ? 'inconclusive' : m.differenceP < 0.05 ? (m.difference > 0 ? 'holds' : 'does not hold') : 'inconclusive';
    return {
      verdict,
      criterion: L(
        `per seed, each group's mean test accuracy over its activations and the data sets (${groups}). Holds when the smooth, monotonic-derivative group is more accurate and the difference is significant over ${m.seedCount} seeds (Welch p < 0.05); does not hold when it is significantly less accurate; inconclusive when p ≥ 0.05 or a group is empty. Measured: ${n4(m.smoothMonotonicMeanAccuracy * 100)}% vs ${n4(m.otherMeanAccuracy * 100)}%, difference ${n4(m.difference * 100)} points, Welch p ${pText(m.differenceP)}`,
        `对每个种子，计算每组在其激活函数和各数据集上的平均测试准确率（${groups}）。当光滑且导数单调的一组更准确，且在 ${m.seedCount} 个种子上差异显著（Welch p < 0.05）时成立；显著更差时不成立；p ≥ 0.05 或某组为空时无法确定。测量结果：${n4(m.smoothMonotonicMeanAccuracy * 100)}% 对 ${n4(m.otherMeanAccuracy * 100)}%，差值 ${n4(m.difference * 100)} 个百分点，Welch p ${pText(m.differenceP)}`,
      ),
    };
  },
  labels: (p) => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      smoothMonotonicCount: L('activations in the smooth, monotonic-derivative group', '光滑且导数单调组的激活函数个数'),
      otherCount: L('activations in the other group', '另一组的激活函数个数'),
      smoothMonotonicAccuracy: L('smooth, monotonic-derivative group: mean test accuracy', '光滑且导数单调组：平均测试准确率'),
      otherAccuracy: L('other group: mean test accuracy', '另一组：平均测试准确率'),
      smoothMonotonicMeanAccuracy: L('smooth, monotonic-derivative group: mean test accuracy (over seeds)', '光滑且导数单调组：平均测试准确率（所有种子）'),
      otherMeanAccuracy: L('other group: mean test accuracy (over seeds)', '另一组：平均测试准确率（所有种子）'),
      difference: L('difference of the group means', '两组均值之差'),
      differenceP: L('Welch p-value', 'Welch p 值'),
    };
    for (const a of listOf(text(p, 'activations'))) {
      out[`${a}Accuracy`] = L(`${a}: mean test accuracy`, `${a}：平均测试准确率`);
      out[`${a}MeanAccuracy`] = L(`${a}: mean test accuracy (over seeds)`, `${a}：平均测试准确率（所有种子）`);
      out[`${a}AccuracyLow`] = L(`${a}: 95% low`, `${a}：95% 下限`);
      out[`${a}AccuracyHigh`] = L(`${a}: 95% high`, `${a}：95% 上限`);
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) =>
    intervalBars({
      title: t(L(`Mean test accuracy per activation (95% interval over ${m.seedCount} seeds; axis from 0)`, `各激活函数的平均测试准确率（${m.seedCount} 个种子的 95% 区间；纵轴从 0 开始）`)),
      xLabel: t(L('activation', '激活函数')),
      yLabel: t(L('mean test accuracy', '平均测试准确率')),
      max: 1,
      bars: listOf(text(p, 'activations')).map((a) => ({
        name: a,
        group: smoothMonotonic(a) ? t(L("C1+ and monotonic f'", "C1+ 且 f' 单调")) : t(L('other', '其他')),
        value: m[`${a}MeanAccuracy`],
        lo: m[`${a}AccuracyLow`],
        hi: Math.min(m[`${a}AccuracyHigh`], 1),
      })),
    }),
});

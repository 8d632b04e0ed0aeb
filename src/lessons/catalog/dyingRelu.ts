import { intervalBars } from '../charts.js';
import { deadRun } from '../deadUnits.js';
import { L, column, defineLesson, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';
import { meanInterval, pText, welch } from '../stats.js';

const ACTS = [
  ['relu', 'relu'],
  ['leaky', 'leaky_relu:negative_slope=0.01'],
] as const;

/** Lesson 10: ReLU units die under a large learning rate and a negative bias; leaky ReLU units measured the same way. */
export const dyingReluLesson: Lesson = defineLesson({
  id: 'dying_relu',
  number: 10,
  kind: 'seeded',
  params: [
    { name: 'lr', kind: 'number', default: 1, min: 1e-6, max: 100, description: 'SGD learning rate' },
    { name: 'bias_init', kind: 'number', default: -0.5, min: -100, max: 100, description: 'initial value of every hidden bias' },
    { name: 'epochs', kind: 'number', default: 30, min: 1, max: 1000, integer: true, description: 'training epochs' },
    { name: 'threshold', kind: 'number', default: 0.05, min: 0, max: 1, description: 'share of units newly dead that counts as "a share of units died"' },
  ],
  measure(p, seed) {
    const m: Record<string, number> = {};
    for (const [key, act] of ACTS) {
      const r = deadRun({ activation: act, lr: num(p, 'lr'), biasInit: num(p, 'bias_init'), epochs: num(p, 'epochs'), seed });
      m[`${key}SilentAtStart`] = r.silentAtStart;
      m[`${key}SilentAtEnd`] = r.silentAtEnd;
      m[`${key}NewlySilent`] = r.newlySilent;
      m[`${key}Accuracy`] = r.accuracy;
      m[`${key}Recovered`] = r.recovered;
      m[`${key}Diverged`] = r.diverged ? 1 : 0;
    }
    return { measurements: m, trace: null };
  },
  judgeSeed(m, p) {
    const t = num(p, 'threshold');
    if (m.reluNewlySilent < t) return 'does not hold';
    return m.leakyNewlySilent < m.reluNewlySilent ? 'holds' : 'does not hold';
  },
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length };
    for (const [key] of ACTS) {
      for (const q of ['SilentAtStart', 'SilentAtEnd', 'NewlySilent', 'Accuracy']) {
        const ci = meanInterval(column(runs, `${key}${q}`));
        out[`${key}Mean${q}`] = ci.rate;
        out[`${key}${q}Low`] = ci.lo;
        out[`${key}${q}High`] = ci.hi;
      }
      out[`${key}DivergedRuns`] = column(runs, `${key}Diverged`).reduce((a, b) => a + b, 0);
      out[`${key}MeanRecovered`] = meanInterval(column(runs, `${key}Recovered`)).rate;
    }
    const d = welch(column(runs, 'leakyNewlySilent'), column(runs, 'reluNewlySilent'));
    out.newlySilentDifference = d.diff;
    out.newlySilentP = d.p;
    const a = welch(column(runs, 'leakyAccuracy'), column(runs, 'reluAccuracy'));
    out.accuracyDifference = a.diff;
    out.accuracyP = a.p;
    return out;
  },
  judge(m, p) {
    const t = num(p, 'threshold');
    const dies = m.reluNewlySilentLow > t;
    const noDeath = m.reluNewlySilentHigh < t;
    const leakyFewer = m.newlySilentDifference < 0 && m.newlySilentP < 0.05;
    const leakyNotFewer = m.newlySilentDifference >= 0 && m.newlySilentP < 0.05;
    return {
      verdict: noDeath || leakyNotFewer ? 'does not hold' : dies && leakyFewer ? 'holds' : 'inconclusive',
      criterion: L(
        `a unit is dead (silent) when its pre-activation is ≤ 0 on every training point; units already silent before training are not counted (ReLU ${pct(m.reluMeanSilentAtStart)}, leaky ${pct(m.leakyMeanSilentAtStart)} at the start), and leaky ReLU is measured the same way, by pre-activation. Holds when the share of ReLU units newly dead after training has a 95% interval above ${t} and leaky ReLU has significantly fewer newly silent units (Welch p < 0.05); does not hold when the ReLU interval lies below ${t} or leaky ReLU has significantly as many or more; inconclusive otherwise. Measured over ${m.seedCount} seeds: ReLU newly dead ${pct(m.reluMeanNewlySilent)} [${pct(m.reluNewlySilentLow)}, ${pct(m.reluNewlySilentHigh)}], leaky ${pct(m.leakyMeanNewlySilent)}; difference ${n4(m.newlySilentDifference * 100)} points, Welch p ${pText(m.newlySilentP)}. Final training accuracy: ReLU ${pct(m.reluMeanAccuracy)}, leaky ${pct(m.leakyMeanAccuracy)} (Welch p ${pText(m.accuracyP)}); diverged runs: ReLU ${m.reluDivergedRuns}, leaky ${m.leakyDivergedRuns}. Recovery is tracked too: of the units silent at some point, ${pct(m.reluMeanRecovered)} (ReLU) and ${pct(m.leakyMeanRecovered)} (leaky) were alive again at the end (lesson leaky_recovery)`,
        `当一个单元的预激活值在所有训练点上都 ≤ 0 时，称它为“死亡”（沉默）单元；训练前就已沉默的单元不计入（开始时 ReLU ${pct(m.reluMeanSilentAtStart)}，leaky ${pct(m.leakyMeanSilentAtStart)}），leaky ReLU 也用同样的方式按预激活值衡量。当训练后新死亡的 ReLU 单元比例的 95% 区间高于 ${t}，且 leaky ReLU 新沉默的单元显著更少（Welch p < 0.05）时成立；若 ReLU 的区间低于 ${t}，或 leaky ReLU 显著地一样多甚至更多，则不成立；其余情况无法确定。${m.seedCount} 个种子的测量结果：ReLU 新死亡 ${pct(m.reluMeanNewlySilent)} [${pct(m.reluNewlySilentLow)}, ${pct(m.reluNewlySilentHigh)}]，leaky ${pct(m.leakyMeanNewlySilent)}；差值 ${n4(m.newlySilentDifference * 100)} 个百分点，Welch p ${pText(m.newlySilentP)}。最终训练准确率：ReLU ${pct(m.reluMeanAccuracy)}，leaky ${pct(m.leakyMeanAccuracy)}（Welch p ${pText(m.accuracyP)}）；发散的运行：ReLU ${m.reluDivergedRuns}，leaky ${m.leakyDivergedRuns}。恢复情况也被跟踪：在某个时刻沉默过的单元中，结束时重新活跃的比例为 ${pct(m.reluMeanRecovered)}（ReLU）和 ${pct(m.leakyMeanRecovered)}（leaky）（见 leaky_recovery 一课）`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      newlySilentDifference: L('newly dead share: leaky − ReLU (mean)', '新死亡比例：leaky − ReLU（均值）'),
      newlySilentP: L('Welch p-value of that difference', '该差异的 Welch p 值'),
      accuracyDifference: L('final accuracy: leaky − ReLU (mean)', '最终准确率：leaky − ReLU（均值）'),
      accuracyP: L('Welch p-value of the accuracy difference', '准确率差异的 Welch p 值'),
    };
    const q = {
      SilentAtStart: ['dead before training', '训练前死亡比例'],
      SilentAtEnd: ['dead after training', '训练后死亡比例'],
      NewlySilent: ['newly dead (end, not start)', '新死亡比例（结束时死亡、开始时未死亡）'],
      Accuracy: ['final training accuracy', '最终训练准确率'],
    } as const;
    for (const [key] of ACTS) {
      const name = key === 'relu' ? 'ReLU' : 'leaky ReLU';
      for (const [k, [en, zh]] of Object.entries(q)) {
        out[`${key}${k}`] = L(`${name}: ${en}`, `${name}：${zh}`);
        out[`${key}Mean${k}`] = L(`${name}: ${en} (mean)`, `${name}：${zh}（均值）`);
        out[`${key}${k}Low`] = L(`${name}: ${en}, 95% low`, `${name}：${zh}，95% 下限`);
        out[`${key}${k}High`] = L(`${name}: ${en}, 95% high`, `${name}：${zh}，95% 上限`);
      }
      out[`${key}Diverged`] = L(`${name}: diverged (1 = yes)`, `${name}：发散（1 = 是）`);
      out[`${key}DivergedRuns`] = L(`${name}: diverged runs`, `${name}：发散的运行数`);
      out[`${key}Recovered`] = L(`${name}: share of ever-silent units alive at the end`, `${name}：沉默过的单元中结束时重新活跃的比例`);
      out[`${key}MeanRecovered`] = L(`${name}: share of ever-silent units alive at the end (mean)`, `${name}：沉默过的单元中结束时重新活跃的比例（均值）`);
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) =>
    intervalBars({
      title: t(L(`Dead hidden units before and after training (lr ${num(p, 'lr')}, bias init ${num(p, 'bias_init')}; mean and 95% interval over ${m.seedCount} seeds)`, `训练前后的死亡隐藏单元（学习率 ${num(p, 'lr')}，偏置初值 ${num(p, 'bias_init')}；${m.seedCount} 个种子的均值与 95% 区间）`)),
      xLabel: '',
      yLabel: t(L('share of hidden units dead (pre-activation ≤ 0 on all data)', '死亡隐藏单元比例（所有数据上预激活 ≤ 0）')),
      max: 1,
      bars: ACTS.flatMap(([key]) => {
        const name = key === 'relu' ? 'ReLU' : 'leaky ReLU';
        return [
          { name: t(L(`${name}: at start`, `${name}：开始时`)), group: name, value: m[`${key}MeanSilentAtStart`], lo: m[`${key}SilentAtStartLow`], hi: m[`${key}SilentAtStartHigh`] },
          { name: t(L(`${name}: at end`, `${name}：结束时`)), group: name, value: m[`${key}MeanSilentAtEnd`], lo: m[`${key}SilentAtEndLow`], hi: m[`${key}SilentAtEndHigh`] },
        ];
      }),
    }),
});

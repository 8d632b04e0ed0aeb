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

/** Lesson 23: leaky ReLU units that fall silent can come back; dead ReLU units of the first layer never do. */
export const leakyRecoveryLesson: Lesson = defineLesson({
  id: 'leaky_recovery',
  number: 23,
  kind: 'seeded',
  params: [
    { name: 'lr', kind: 'number', default: 1, min: 1e-6, max: 100, description: 'SGD learning rate' },
    { name: 'bias_init', kind: 'number', default: -0.5, min: -100, max: 100, description: 'initial value of every hidden bias' },
    { name: 'epochs', kind: 'number', default: 30, min: 1, max: 1000, integer: true, description: 'training epochs' },
  ],
  measure(p, seed) {
    const m: Record<string, number> = {};
    for (const [key, act] of ACTS) {
      const r = deadRun({ activation: act, lr: num(p, 'lr'), biasInit: num(p, 'bias_init'), epochs: num(p, 'epochs'), seed });
      m[`${key}EverSilent`] = r.everSilentUnits;
      m[`${key}Recovered`] = r.recovered;
      m[`${key}RecoveredLayer1`] = r.recoveredLayer1;
    }
    return { measurements: m, trace: null };
  },
  judgeSeed: (m) => (m.reluRecoveredLayer1 > 0 ? 'does not hold' : m.leakyRecovered > m.reluRecovered ? 'holds' : m.leakyRecovered < m.reluRecovered ? 'does not hold' : 'inconclusive'),
  summarize(runs) {
    const out: Record<string, number> = { seedCount: runs.length, reluLayer1RecoveredSeeds: column(runs, 'reluRecoveredLayer1').filter((v) => v > 0).length };
    for (const [key] of ACTS) {
      const ci = meanInterval(column(runs, `${key}Recovered`));
      out[`${key}MeanRecovered`] = ci.rate;
      out[`${key}RecoveredLow`] = Math.max(0, ci.lo);
      out[`${key}RecoveredHigh`] = Math.min(1, ci.hi);
      out[`${key}MeanEverSilent`] = meanInterval(column(runs, `${key}EverSilent`)).rate;
    }
    const d = welch(column(runs, 'leakyRecovered'), column(runs, 'reluRecovered'));
    out.recoveredDifference = d.diff;
    out.recoveredP = d.p;
    return out;
  },
  judge(m) {
    const layer1Stays = m.reluLayer1RecoveredSeeds === 0;
    const more = m.recoveredDifference > 0 && m.recoveredP < 0.05;
    const fewer = m.recoveredDifference < 0 && m.recoveredP < 0.05;
    return {
      verdict: !layer1Stays || fewer ? 'does not hold' : more ? 'holds' : 'inconclusive',
      criterion: L(
        `a unit is silent when its pre-activation is ≤ 0 on every training point; it recovers when, having been silent before training or after some epoch, it is not silent at the end. A silent ReLU unit of the first layer gets no gradient and its inputs never change, so it stays dead by construction; one of the second layer can revive when the first layer changes. Holds when no first-layer ReLU unit recovers in any seed (${m.reluLayer1RecoveredSeeds} seeds where one did) and leaky ReLU units recover significantly more often than ReLU units (Welch p < 0.05 over ${m.seedCount} seeds); does not hold when a first-layer ReLU unit recovers or leaky ReLU recovers significantly less; inconclusive otherwise. Measured share recovered: leaky ${pct(m.leakyMeanRecovered)} [${pct(m.leakyRecoveredLow)}, ${pct(m.leakyRecoveredHigh)}] of ${n4(m.leakyMeanEverSilent)} silent units, ReLU ${pct(m.reluMeanRecovered)} [${pct(m.reluRecoveredLow)}, ${pct(m.reluRecoveredHigh)}] of ${n4(m.reluMeanEverSilent)}; Welch p ${pText(m.recoveredP)}`,
        `当一个单元的预激活值在所有训练点上都 ≤ 0 时称它为沉默单元；若它在训练前或某一轮之后沉默过，而在结束时不再沉默，就算恢复。第一层沉默的 ReLU 单元得不到梯度，它的输入（数据）也不会变，因此按构造会一直死亡；第二层的单元则可能在第一层变化后复活。当任何种子中都没有第一层 ReLU 单元恢复（有恢复的种子数：${m.reluLayer1RecoveredSeeds}），且 leaky ReLU 单元的恢复比例显著高于 ReLU 单元（${m.seedCount} 个种子，Welch p < 0.05）时成立；若第一层 ReLU 单元有恢复，或 leaky ReLU 的恢复显著更少，则不成立；其余情况无法确定。测得的恢复比例：leaky ${pct(m.leakyMeanRecovered)} [${pct(m.leakyRecoveredLow)}, ${pct(m.leakyRecoveredHigh)}]（平均 ${n4(m.leakyMeanEverSilent)} 个沉默过的单元），ReLU ${pct(m.reluMeanRecovered)} [${pct(m.reluRecoveredLow)}, ${pct(m.reluRecoveredHigh)}]（平均 ${n4(m.reluMeanEverSilent)} 个）；Welch p ${pText(m.recoveredP)}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      reluLayer1RecoveredSeeds: L('seeds where a first-layer ReLU unit recovered', '第一层 ReLU 单元有恢复的种子数'),
      recoveredDifference: L('share recovered: leaky − ReLU (mean)', '恢复比例：leaky − ReLU（均值）'),
      recoveredP: L('Welch p-value', 'Welch p 值'),
    };
    for (const [key] of ACTS) {
      const name = key === 'relu' ? 'ReLU' : 'leaky ReLU';
      out[`${key}EverSilent`] = L(`${name}: units ever silent`, `${name}：沉默过的单元数`);
      out[`${key}Recovered`] = L(`${name}: share of those that recovered`, `${name}：其中恢复的比例`);
      out[`${key}RecoveredLayer1`] = L(`${name}: share recovered, first layer`, `${name}：第一层的恢复比例`);
      out[`${key}MeanRecovered`] = L(`${name}: share recovered (mean)`, `${name}：恢复比例（均值）`);
      out[`${key}RecoveredLow`] = L(`${name}: share recovered, 95% low`, `${name}：恢复比例 95% 下限`);
      out[`${key}RecoveredHigh`] = L(`${name}: share recovered, 95% high`, `${name}：恢复比例 95% 上限`);
      out[`${key}MeanEverSilent`] = L(`${name}: units ever silent (mean)`, `${name}：沉默过的单元数（均值）`);
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) =>
    intervalBars({
      title: t(L(`Silent units that came back by the end of training (lr ${num(p, 'lr')}, bias init ${num(p, 'bias_init')}; 95% interval over ${m.seedCount} seeds)`, `训练结束时恢复的沉默单元（学习率 ${num(p, 'lr')}，偏置初值 ${num(p, 'bias_init')}；${m.seedCount} 个种子的 95% 区间）`)),
      xLabel: t(L('activation', '激活函数')),
      yLabel: t(L('share of ever-silent units that recovered', '沉默过的单元中恢复的比例')),
      max: 1,
      bars: ACTS.map(([key]) => ({ name: key === 'relu' ? 'ReLU' : 'leaky ReLU', value: m[`${key}MeanRecovered`], lo: m[`${key}RecoveredLow`], hi: m[`${key}RecoveredHigh`] })),
    }),
});

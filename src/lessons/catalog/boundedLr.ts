import { getDataset } from '../../data/builtins.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, fitModel } from '../../run/index.js';
import { list, num } from '../params.js';
import { wilson } from '../stats.js';

const ACTS = ['tanh', 'relu'] as const;
const r3 = (v: number) => Number(v.toFixed(3));

/** Lesson 13: sweep the learning rate for tanh and relu; the chance of divergence at each rate over seeds. */
export const boundedLrLesson: Lesson = defineLesson({
  id: 'bounded_lr',
  number: 13,
  kind: 'seeded',
  params: [
    { name: 'lr', kind: 'list', default: [0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], min: 1e-9, max: 1000, description: 'learning-rate grid, increasing' },
    { name: 'epochs', kind: 'number', default: 40, min: 1, max: 1000, integer: true, description: 'training epochs per run' },
    { name: 'blowup', kind: 'number', default: 2, min: 1, max: 1e6, description: 'a run whose final loss exceeds blowup × the loss of predicting the mean counts as diverged' },
  ],
  measure(p, seed) {
    const ds = getDataset('sine', { n: 100, seed });
    const data = { x: ds.x, y: ds.y, rows: ds.n };
    let mean = 0;
    ds.y.forEach((v) => (mean += v / ds.n));
    let baseline = 0;
    ds.y.forEach((v) => (baseline += (v - mean) ** 2 / ds.n));
    const lrs = [...list(p, 'lr')].sort((a, b) => a - b);
    const m: Record<string, number> = {};
    for (const act of ACTS) {
      let first = lrs.length;
      for (let i = 0; i < lrs.length; i++) {
        const model = buildNetwork({ inputSize: 1, hidden: [32, 32], activation: act, outputSize: 1, loss: 'mse', seed });
        const { history, diverged } = fitModel(model, { train: data }, { epochs: num(p, 'epochs'), learningRate: lrs[i], batchSize: 20, seed, diagnostics: false }, { onDivergence: 'stop' });
        const last = history[history.length - 1]?.trainLoss ?? Infinity;
        const bad = diverged || !(last <= num(p, 'blowup') * baseline);
        m[`${act}DivergedAt${i}`] = bad ? 1 : 0;
        if (bad && first === lrs.length) first = i;
      }
      m[`${act}FirstDivergingIndex`] = first;
    }
    return { measurements: m, trace: null };
  },
  judgeSeed: (m) => (m.reluFirstDivergingIndex < m.tanhFirstDivergingIndex ? 'holds' : m.reluFirstDivergingIndex > m.tanhFirstDivergingIndex ? 'does not hold' : 'inconclusive'),
  summarize(runs, p) {
    const n = list(p, 'lr').length;
    const r = column(runs, 'reluFirstDivergingIndex');
    const t = column(runs, 'tanhFirstDivergingIndex');
    const reluFirst = r.filter((v, i) => v < t[i]).length;
    const tanhFirst = r.filter((v, i) => v > t[i]).length;
    const w = wilson(reluFirst, runs.length);
    const wt = wilson(tanhFirst, runs.length);
    const out: Record<string, number> = { seedCount: runs.length, reluFirstSeeds: reluFirst, tanhFirstSeeds: tanhFirst, reluFirstLow: r3(w.lo), reluFirstHigh: r3(w.hi), tanhFirstLow: r3(wt.lo) };
    for (const act of ACTS) for (let i = 0; i < n; i++) out[`${act}DivergedRuns${i}`] = column(runs, `${act}DivergedAt${i}`).reduce((a, b) => a + b, 0);
    return out;
  },
  judge(m, p) {
    const lrs = [...list(p, 'lr')].sort((a, b) => a - b);
    const holds = m.reluFirstLow > 0.5;
    const fails = m.tanhFirstLow > 0.5 || m.reluFirstHigh < 0.5;
    const rates = (act: string) => lrs.map((lr, i) => `${n4(lr)}: ${m[`${act}DivergedRuns${i}`]}`).join(', ');
    return {
      verdict: holds ? 'holds' : fails ? 'does not hold' : 'inconclusive',
      criterion: L(
        `per seed, the smallest rate of the grid at which each network diverges (non-finite loss, or a final loss above ${num(p, 'blowup')} × the loss of predicting the mean). Holds when ReLU diverges at a smaller rate than tanh in most seeds (95% Wilson interval of that share above 50%); does not hold when tanh diverges first in most seeds or the interval lies below 50%; inconclusive otherwise. Measured: ReLU first in ${m.reluFirstSeeds} of ${m.seedCount} seeds [${pct(m.reluFirstLow)}, ${pct(m.reluFirstHigh)}], tanh first in ${m.tanhFirstSeeds}. Diverged runs per rate: tanh ${rates('tanh')}; ReLU ${rates('relu')}`,
        `对每个种子，找出每个网络在网格中开始发散的最小学习率（损失变为非有限值，或最终损失高于“预测均值”损失的 ${num(p, 'blowup')} 倍）。当多数种子中 ReLU 比 tanh 在更小的学习率下发散（该比例的 95% Wilson 区间高于 50%）时成立；若多数种子中 tanh 先发散，或该区间低于 50%，则不成立；其余情况无法确定。测量结果：${m.seedCount} 个种子中 ReLU 先发散 ${m.reluFirstSeeds} 次 [${pct(m.reluFirstLow)}, ${pct(m.reluFirstHigh)}]，tanh 先发散 ${m.tanhFirstSeeds} 次。各学习率下发散的运行数：tanh ${rates('tanh')}；ReLU ${rates('relu')}`,
      ),
    };
  },
  labels: (p) => {
    const lrs = [...list(p, 'lr')].sort((a, b) => a - b);
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      reluFirstSeeds: L('seeds where ReLU diverges at a smaller rate', 'ReLU 在更小学习率下发散的种子数'),
      tanhFirstSeeds: L('seeds where tanh diverges at a smaller rate', 'tanh 在更小学习率下发散的种子数'),
      reluFirstLow: L('ReLU first: 95% interval low', 'ReLU 先发散：95% 区间下限'),
      reluFirstHigh: L('ReLU first: 95% interval high', 'ReLU 先发散：95% 区间上限'),
      tanhFirstLow: L('tanh first: 95% interval low', 'tanh 先发散：95% 区间下限'),
    };
    for (const act of ACTS) {
      out[`${act}FirstDivergingIndex`] = L(`${act}: index of the first diverging rate (grid size = never)`, `${act}：首个发散学习率的序号（等于网格大小表示从不发散）`);
      lrs.forEach((lr, i) => {
        out[`${act}DivergedAt${i}`] = L(`${act} diverged at lr ${lr} (1 = yes)`, `${act} 在学习率 ${lr} 下发散（1 = 是）`);
        out[`${act}DivergedRuns${i}`] = L(`${act}: diverged runs at lr ${lr}`, `${act}：学习率 ${lr} 下发散的运行数`);
      });
    }
    return out;
  },
  chart: ({ summary: m, params: p, t }) => {
    const lrs = [...list(p, 'lr')].sort((a, b) => a - b);
    return bandLines({
      title: t(L(`Chance of divergence on 'sine' by learning rate (${m.seedCount} seeds, 95% Wilson intervals)`, `sine 上不同学习率下的发散概率（${m.seedCount} 个种子，95% Wilson 区间）`)),
      xLabel: t(L('learning rate', '学习率')),
      yLabel: t(L('share of seeds that diverged', '发散的种子比例')),
      logX: true,
      yFrom0: true,
      yMax: 1,
      points: true,
      series: ACTS.map((act) => ({
        name: act,
        points: lrs.map((lr, i) => {
          const w = wilson(m[`${act}DivergedRuns${i}`], m.seedCount);
          return { x: lr, y: w.rate, lo: w.lo, hi: w.hi };
        }),
      })),
    });
  },
});

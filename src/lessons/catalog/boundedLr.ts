import { lineChart } from '../../charts/lineChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, fit } from '../net.js';
import { list, num } from '../params.js';

const ACTS = ['tanh', 'relu'] as const;

/** Lesson 13: sweep the learning rate for tanh and relu and find where each diverges. */
export const boundedLrLesson: Lesson = defineLesson({
  id: 'bounded_lr',
  number: 13,
  params: [
    { name: 'lr', kind: 'list', default: [0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], min: 1e-9, max: 1000, description: 'learning-rate grid, increasing' },
    { name: 'epochs', kind: 'number', default: 40, min: 1, max: 1000, integer: true, description: 'training epochs per run' },
    { name: 'blowup', kind: 'number', default: 2, min: 1, max: 1e6, description: 'a run whose final loss exceeds blowup × the loss of predicting the mean counts as diverged' },
  ],
  measure(p, seed) {
    const ds = getDataset('sine', { n: 200, seed });
    const data = { x: ds.x, y: ds.y, rows: ds.n };
    let mean = 0;
    ds.y.forEach((v) => (mean += v / ds.n));
    let baseline = 0;
    ds.y.forEach((v) => (baseline += (v - mean) ** 2 / ds.n));
    const lrs = [...list(p, 'lr')].sort((a, b) => a - b);
    const m: Record<string, number> = { baselineLoss: baseline };
    const series = [];
    for (const act of ACTS) {
      let first = lrs.length;
      const pts = [];
      for (let i = 0; i < lrs.length; i++) {
        const model = buildNet({ inputSize: 1, hidden: [32, 32], activation: act, outputSize: 1, loss: 'mse', seed });
        const { history, diverged } = fit(model, data, { epochs: num(p, 'epochs'), learningRate: lrs[i], batchSize: 20, seed, diagnostics: false });
        const last = history[history.length - 1]?.trainLoss ?? Infinity;
        const bad = diverged || !(last <= num(p, 'blowup') * baseline);
        if (bad && first === lrs.length) first = i;
        pts.push({ x: lrs[i], y: bad ? num(p, 'blowup') * baseline : last });
        if (i === 0) m[`${act}LossAtSmallestLr`] = bad ? -1 : last;
      }
      m[`${act}FirstDivergingIndex`] = first;
      m[`${act}FirstDivergingLr`] = first < lrs.length ? lrs[first] : -1;
      m[`${act}LargestStableLr`] = first > 0 ? lrs[first - 1] : -1;
      series.push({ name: act, points: pts });
    }
    return {
      measurements: m,
      chart: lineChart({ title: "Final loss on 'sine' by learning rate (diverged runs drawn at the cap)", xLabel: 'learning rate', yLabel: 'final training loss (mse)', points: true, logY: true, series }),
    };
  },
  judge(m, p) {
    const n = list(p, 'lr').length;
    const t = m.tanhFirstDivergingIndex;
    const r = m.reluFirstDivergingIndex;
    const where = (i: number, lr: number) => (i >= n ? 'never' : `at lr ${n4(lr)}`);
    return {
      verdict: r < t ? 'holds' : r > t ? 'does not hold' : 'inconclusive',
      criterion: `holds when ReLU diverges at a smaller learning rate of the grid than tanh (ReLU diverges ${where(r, m.reluFirstDivergingLr)}, tanh ${where(t, m.tanhFirstDivergingLr)}); does not hold when tanh diverges first; inconclusive when both diverge at the same rate or neither diverges on the grid`,
    };
  },
});

import { barChart } from '../../charts/barChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, hiddenOutputs } from '../net.js';
import { num } from '../params.js';

/** Lesson 9: about half of randomly initialised ReLU units output exactly 0. */
export const reluSparsityLesson: Lesson = defineLesson({
  id: 'relu_sparsity',
  number: 9,
  params: [
    { name: 'layers', kind: 'number', default: 3, min: 1, max: 10, integer: true, description: 'hidden ReLU layers' },
    { name: 'width', kind: 'number', default: 64, min: 2, max: 512, integer: true, description: 'units per layer' },
    { name: 'bias', kind: 'number', default: 0, min: -10, max: 10, description: 'initial hidden bias' },
    { name: 'inits', kind: 'number', default: 5, min: 1, max: 50, integer: true, description: 'random initialisations averaged' },
  ],
  measure(p, seed) {
    const ds = getDataset('gauss', { n: 200, seed });
    const layers = num(p, 'layers');
    const sums = new Array<number>(layers).fill(0);
    for (let i = 0; i < num(p, 'inits'); i++) {
      const model = buildNet({ inputSize: 2, hidden: Array.from({ length: layers }, () => num(p, 'width')), activation: 'relu', outputSize: 1, loss: 'binary_crossentropy', seed: seed * 1000 + i, biasInit: num(p, 'bias') });
      hiddenOutputs(model, ds.x, ds.n).forEach((h, l) => (sums[l] += h.filter((v) => v === 0).length / h.length));
    }
    const fractions = sums.map((s) => s / num(p, 'inits'));
    const m: Record<string, number> = { meanZeroFraction: fractions.reduce((a, b) => a + b, 0) / layers };
    fractions.forEach((f, l) => (m[`layer${l + 1}ZeroFraction`] = f));
    return {
      measurements: m,
      chart: barChart({ title: 'Share of ReLU outputs that are exactly 0 (untrained)', xLabel: 'hidden layer', yLabel: 'fraction of zeros', bars: fractions.map((f, l) => ({ name: `layer ${l + 1}`, value: f })) }),
    };
  },
  judge(m) {
    const f = m.meanZeroFraction;
    return {
      verdict: f >= 0.4 && f <= 0.6 ? 'holds' : 'does not hold',
      criterion: `holds when the mean share of exactly-zero ReLU outputs over the layers lies in [0.4, 0.6] ("about half"): ${n4(f)}`,
    };
  },
});

import { barChart } from '../../charts/barChart.js';
import { compareActivations } from '../compareRuns.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num, text } from '../params.js';
import { mean, ranksDescending } from '../ranks.js';

const listOf = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** Lesson 16: ReLU's average rank against other common activations across built-in data sets. */
export const startWithReluLesson: Lesson = defineLesson({
  id: 'start_with_relu',
  number: 16,
  params: [
    { name: 'activations', kind: 'text', default: 'relu,tanh,sigmoid,leaky_relu,elu', description: 'activations compared (must include relu)' },
    { name: 'datasets', kind: 'text', default: 'circle,xor,spiral,moons', description: 'built-in classification data sets' },
    { name: 'seeds', kind: 'number', default: 2, min: 1, max: 10, integer: true, description: 'runs per activation and data set' },
    { name: 'epochs', kind: 'number', default: 60, min: 1, max: 1000, integer: true, description: 'training epochs (Adam)' },
    { name: 'lr', kind: 'number', default: 0.01, min: 1e-6, max: 1, description: 'Adam learning rate' },
  ],
  measure(p, seed) {
    const acts = listOf(text(p, 'activations'));
    if (!acts.includes('relu')) acts.unshift('relu');
    const sets = listOf(text(p, 'datasets'));
    const acc = compareActivations({ activations: acts, datasets: sets, seeds: num(p, 'seeds'), epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), hidden: [16, 16], seed });
    const ranks = acc.map(ranksDescending);
    const m: Record<string, number> = { activationCount: acts.length };
    acts.forEach((a, i) => {
      m[`${a}MeanRank`] = mean(ranks.map((r) => r[i]));
      m[`${a}MeanAccuracy`] = mean(acc.map((r) => r[i]));
    });
    return {
      measurements: m,
      chart: barChart({ title: `Mean rank over ${sets.join(', ')} (1 = best test accuracy)`, xLabel: 'activation', yLabel: 'mean rank', bars: acts.map((a) => ({ name: a, value: m[`${a}MeanRank`] })) }),
    };
  },
  judge(m) {
    const n = m.activationCount;
    const half = (n + 1) / 2;
    const r = m.reluMeanRank;
    return {
      verdict: r <= half ? 'holds' : 'does not hold',
      criterion: `holds when ReLU's mean rank over the data sets is in the better half, at most (n+1)/2 = ${n4(half)} for n = ${n} activations: ReLU's mean rank is ${n4(r)} (mean test accuracy ${n4(m.reluMeanAccuracy * 100)}%)`,
    };
  },
});

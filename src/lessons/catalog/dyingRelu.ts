import { lineChart } from '../../charts/lineChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, classData, fit } from '../net.js';
import { num } from '../params.js';

const ACTS = [
  ['relu', 'relu'],
  ['leaky', 'leaky_relu:negative_slope=0.01'],
] as const;

/** Lesson 10: dead ReLU units under a large learning rate or a negative bias, against leaky ReLU. */
export const dyingReluLesson: Lesson = defineLesson({
  id: 'dying_relu',
  number: 10,
  params: [
    { name: 'lr', kind: 'number', default: 1, min: 1e-6, max: 100, description: 'SGD learning rate' },
    { name: 'bias_init', kind: 'number', default: -0.5, min: -100, max: 100, description: 'initial value of every hidden bias' },
    { name: 'epochs', kind: 'number', default: 30, min: 1, max: 1000, integer: true, description: 'training epochs' },
    { name: 'seeds', kind: 'number', default: 3, min: 1, max: 20, integer: true, description: 'runs averaged' },
    { name: 'threshold', kind: 'number', default: 0.1, min: 0, max: 1, description: 'dead fraction that counts as "a share of units died"' },
  ],
  measure(p, seed) {
    const data = classData(getDataset('moons', { n: 200, seed, noise: 0.1 }));
    const m: Record<string, number> = {};
    const series = [];
    const epochs = num(p, 'epochs');
    const runs = num(p, 'seeds');
    for (const [key, act] of ACTS) {
      const curve = new Array<number>(epochs).fill(0);
      let diverged = 0;
      let acc = 0;
      for (let r = 0; r < runs; r++) {
        const model = buildNet({ inputSize: 2, hidden: [32, 32], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 100 + r, init: 'he_normal', biasInit: num(p, 'bias_init') });
        const { history, diverged: div } = fit(model, data, { epochs, learningRate: num(p, 'lr'), batchSize: 20, seed: seed + r });
        if (div) diverged++;
        for (let e = 0; e < epochs; e++) {
          // A diverged run keeps its last dead fraction (or 0 when no epoch finished).
          const rec = history[Math.min(e, history.length - 1)];
          const d = rec ? rec.diagnostics.slice(0, 2).reduce((s, x) => s + (x.deadFraction ?? 0), 0) / 2 : 0;
          curve[e] += d / runs;
        }
        acc += (history[history.length - 1]?.trainAccuracy ?? 0) / runs;
      }
      m[`${key}DeadFraction`] = curve[epochs - 1];
      m[`${key}Accuracy`] = acc;
      m[`${key}DivergedRuns`] = diverged;
      series.push({ name: act, points: curve.map((y, e) => ({ x: e + 1, y })) });
    }
    return { measurements: m, chart: lineChart({ title: `Dead units over training (lr ${num(p, 'lr')}, bias init ${num(p, 'bias_init')})`, xLabel: 'epoch', yLabel: 'fraction of dead hidden units', series }) };
  },
  judge(m, p) {
    const t = num(p, 'threshold');
    const reluDies = m.reluDeadFraction >= t;
    const leakyAlive = m.leakyDeadFraction < t / 2;
    const leakyTrained = m.leakyDivergedRuns === 0;
    return {
      verdict: reluDies && leakyAlive ? (leakyTrained ? 'holds' : 'inconclusive') : 'does not hold',
      criterion: `holds when at least ${t} of the ReLU units end dead (${n4(m.reluDeadFraction)}) while fewer than ${t / 2} of the leaky ReLU units do (${n4(m.leakyDeadFraction)}) and no leaky ReLU run diverged (${m.leakyDivergedRuns} did; inconclusive otherwise); a unit is dead when its derivative was 0 on every sample of the last epoch`,
    };
  },
});

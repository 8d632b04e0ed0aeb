import { lineChart } from '../../charts/lineChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, classData, fit } from '../net.js';
import { num } from '../params.js';

const ACTS = ['tanh', 'sigmoid'] as const;

/** Lesson 14: tanh (identity near 0) vs sigmoid (not) from small initial weights. */
export const identityOriginLesson: Lesson = defineLesson({
  id: 'identity_origin',
  number: 14,
  params: [
    { name: 'scale', kind: 'number', default: 0.1, min: 1e-6, max: 10, description: 'factor on the Glorot initial weights' },
    { name: 'lr', kind: 'number', default: 0.5, min: 1e-6, max: 10, description: 'SGD learning rate' },
    { name: 'epochs', kind: 'number', default: 100, min: 1, max: 2000, integer: true, description: 'training epochs' },
    { name: 'seeds', kind: 'number', default: 3, min: 1, max: 20, integer: true, description: 'runs averaged' },
  ],
  measure(p, seed) {
    const data = classData(getDataset('circle', { n: 200, seed }));
    const epochs = num(p, 'epochs');
    const runs = num(p, 'seeds');
    const m: Record<string, number> = {};
    const series = [];
    for (const act of ACTS) {
      const curve = new Array<number>(epochs).fill(0);
      let acc = 0;
      for (let r = 0; r < runs; r++) {
        const model = buildNet({ inputSize: 2, hidden: [16, 16], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 100 + r, weightScale: num(p, 'scale') });
        const { history } = fit(model, data, { epochs, learningRate: num(p, 'lr'), batchSize: 20, seed: seed + r, diagnostics: false });
        history.forEach((h, e) => (curve[e] += h.trainLoss / runs));
        acc += (history[history.length - 1].trainAccuracy ?? 0) / runs;
      }
      m[`${act}FinalLoss`] = curve[epochs - 1];
      m[`${act}Accuracy`] = acc;
      series.push({ name: act, points: curve.map((y, e) => ({ x: e + 1, y })) });
    }
    return { measurements: m, chart: lineChart({ title: `Training from small weights (×${num(p, 'scale')}) on 'circle'`, xLabel: 'epoch', yLabel: 'mean training loss', series }) };
  },
  judge(m) {
    const ok = m.tanhFinalLoss < 0.9 * m.sigmoidFinalLoss && m.tanhAccuracy > m.sigmoidAccuracy;
    const reverse = m.sigmoidFinalLoss < 0.9 * m.tanhFinalLoss && m.sigmoidAccuracy > m.tanhAccuracy;
    return {
      verdict: ok ? 'holds' : reverse ? 'does not hold' : 'inconclusive',
      criterion: `holds when tanh ends with a training loss at least 10% below sigmoid's (${n4(m.tanhFinalLoss)} vs ${n4(m.sigmoidFinalLoss)}) and a higher accuracy (${n4(m.tanhAccuracy * 100)}% vs ${n4(m.sigmoidAccuracy * 100)}%); does not hold when sigmoid wins both ways; inconclusive otherwise`,
    };
  },
});

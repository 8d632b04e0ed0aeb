import { lineChart } from '../../charts/lineChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, classData, fit } from '../net.js';
import { num } from '../params.js';

/** Lesson 4: binary_step hidden units receive zero gradient and do not learn; sigmoid units do. */
export const stepGradientLesson: Lesson = defineLesson({
  id: 'step_gradient',
  number: 4,
  params: [
    { name: 'lr', kind: 'number', default: 0.5, min: 1e-6, max: 10, description: 'SGD learning rate' },
    { name: 'epochs', kind: 'number', default: 100, min: 1, max: 2000, integer: true, description: 'training epochs' },
  ],
  measure(p, seed) {
    const data = classData(getDataset('circle', { n: 200, seed }));
    const m: Record<string, number> = {};
    const series = [];
    for (const act of ['binary_step', 'sigmoid']) {
      const model = buildNet({ inputSize: 2, hidden: [8], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed });
      const w0 = Float32Array.from(model.layers[0].weights);
      const { history } = fit(model, data, { epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), batchSize: 20, seed, diagnostics: false });
      let moved = 0;
      model.layers[0].weights.forEach((w, i) => (moved = Math.max(moved, Math.abs(w - w0[i]))));
      const key = act === 'binary_step' ? 'step' : 'sigmoid';
      m[`${key}HiddenWeightChange`] = moved;
      m[`${key}LossFirst`] = history[0].trainLoss;
      m[`${key}LossLast`] = history[history.length - 1].trainLoss;
      m[`${key}Accuracy`] = history[history.length - 1].trainAccuracy ?? 0;
      series.push({ name: act, points: history.map((r) => ({ x: r.epoch, y: r.trainLoss })) });
    }
    return { measurements: m, chart: lineChart({ title: "Training loss on 'circle': binary step vs sigmoid", xLabel: 'epoch', yLabel: 'training loss', series }) };
  },
  judge(m) {
    const stepFrozen = m.stepHiddenWeightChange === 0;
    const sigmoidLearns = m.sigmoidLossLast < 0.8 * m.sigmoidLossFirst && m.sigmoidAccuracy > m.stepAccuracy;
    return {
      verdict: stepFrozen && sigmoidLearns ? 'holds' : 'does not hold',
      criterion: `holds when the step network's hidden weights do not move at all (largest change ${n4(m.stepHiddenWeightChange)}) while the sigmoid network's loss falls by more than 20% (${n4(m.sigmoidLossFirst)} → ${n4(m.sigmoidLossLast)}) and ends more accurate (${n4(m.sigmoidAccuracy * 100)}% vs ${n4(m.stepAccuracy * 100)}%); only the step network's output layer can still learn, its loss went ${n4(m.stepLossFirst)} → ${n4(m.stepLossLast)}`,
    };
  },
});

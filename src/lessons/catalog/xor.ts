import { decisionBoundary } from '../../charts/decisionBoundary.js';
import type { Model } from '../../nn/model.js';
import type { TrainData } from '../../nn/trainer.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { accuracy, buildNet, fit } from '../net.js';
import { num } from '../params.js';
import { sideBySide } from '../sideBySide.js';

const XOR: TrainData = { x: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]), y: Float32Array.from([0, 1, 1, 0]), rows: 4 };
const ACTS = ['identity', 'tanh', 'sigmoid', 'relu'] as const;

function boundary(model: Model, title: string) {
  const xs = grid(-0.5, 1.5, 21);
  const x = new Float32Array(xs.length * xs.length * 2);
  xs.forEach((yv, j) => xs.forEach((xv, i) => x.set([xv, yv], (j * xs.length + i) * 2)));
  const values = model.predict(x, xs.length * xs.length);
  return decisionBoundary({
    title, size: 220, grid: { xs, ys: xs, values },
    points: [0, 1, 2, 3].map((r) => ({ x: XOR.x[2 * r], y: XOR.x[2 * r + 1], label: XOR.y[r] })),
  });
}

/** Lesson 3: XOR is out of reach of linear activations and within reach of non-linear ones. */
export const xorLesson: Lesson = defineLesson({
  id: 'xor',
  number: 3,
  params: [
    { name: 'hidden', kind: 'number', default: 4, min: 1, max: 64, integer: true, description: 'hidden units' },
    { name: 'epochs', kind: 'number', default: 300, min: 1, max: 5000, integer: true, description: 'training epochs (Adam, full batch)' },
    { name: 'lr', kind: 'number', default: 0.05, min: 1e-6, max: 10, description: 'learning rate' },
    { name: 'restarts', kind: 'number', default: 3, min: 1, max: 20, integer: true, description: 'initialisations tried per activation (best kept)' },
  ],
  measure(p, seed) {
    const m: Record<string, number> = {};
    const charts = [];
    for (const act of ACTS) {
      let best = -1;
      let bestModel: Model | null = null;
      for (let r = 0; r < num(p, 'restarts'); r++) {
        const model = buildNet({ inputSize: 2, hidden: [num(p, 'hidden')], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 101 + r });
        fit(model, XOR, { epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), batchSize: 4, seed: seed + r, optimizer: { name: 'adam' }, diagnostics: false });
        const acc = accuracy(model, XOR);
        if (acc > best) {
          best = acc;
          bestModel = model;
        }
      }
      m[`${act}Accuracy`] = best;
      if (bestModel && (act === 'identity' || act === 'tanh')) charts.push(boundary(bestModel, `${act}: accuracy ${Math.round(best * 100)}%`));
    }
    return { measurements: m, chart: sideBySide(charts, 'XOR: a linear network vs a tanh network') };
  },
  judge(m) {
    const linearOk = m.identityAccuracy <= 0.75;
    const nonlinear = ['tanh', 'sigmoid', 'relu'].map((a) => m[`${a}Accuracy`]);
    const reached = nonlinear.filter((a) => a === 1).length;
    const verdict = !linearOk ? 'does not hold' : reached === 3 ? 'holds' : reached > 0 ? 'inconclusive' : 'does not hold';
    return {
      verdict,
      criterion: `holds when the identity network stays at or below 75% (${n4(m.identityAccuracy * 100)}%) and tanh, sigmoid and relu all reach 100% (${nonlinear.map((a) => `${n4(a * 100)}%`).join(', ')}); inconclusive when only some of them do (training may need more epochs)`,
    };
  },
});

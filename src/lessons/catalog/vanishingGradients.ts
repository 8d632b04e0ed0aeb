import { lineChart } from '../../charts/lineChart.js';
import { getDataset } from '../../data/builtins.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, classData, fit } from '../net.js';
import { num } from '../params.js';

const ACTS = ['sigmoid', 'tanh', 'relu'] as const;

/** Lesson 7: per-layer gradient norms in a deep network, sigmoid vs tanh vs relu. */
export const vanishingGradientsLesson: Lesson = defineLesson({
  id: 'vanishing_gradients',
  number: 7,
  params: [
    { name: 'depth', kind: 'number', default: 10, min: 2, max: 30, integer: true, description: 'hidden layers' },
    { name: 'width', kind: 'number', default: 16, min: 2, max: 128, integer: true, description: 'units per hidden layer' },
    { name: 'orders', kind: 'number', default: 2, min: 0.1, max: 20, description: 'decades (powers of 10) between last and first layer that count as "vanishing"' },
  ],
  measure(p, seed) {
    const data = classData(getDataset('spiral', { n: 200, seed }));
    const depth = num(p, 'depth');
    const m: Record<string, number> = {};
    const series = [];
    for (const act of ACTS) {
      const model = buildNet({ inputSize: 2, hidden: Array.from({ length: depth }, () => num(p, 'width')), activation: act, outputSize: 1, loss: 'binary_crossentropy', seed, init: act === 'relu' ? 'he_normal' : 'glorot_uniform' });
      const { history } = fit(model, data, { epochs: 1, learningRate: 0.01, batchSize: 20, seed });
      const norms = history[0].diagnostics.slice(0, depth).map((d) => d.gradNorm);
      m[`${act}FirstLayerGradNorm`] = norms[0];
      m[`${act}LastHiddenGradNorm`] = norms[depth - 1];
      m[`${act}Log10Ratio`] = Math.log10(Math.max(norms[depth - 1], 1e-300) / Math.max(norms[0], 1e-300));
      series.push({ name: act, points: norms.map((g, i) => ({ x: i + 1, y: g })) });
    }
    return { measurements: m, chart: lineChart({ title: `Gradient norm per layer, ${depth} hidden layers (first epoch)`, xLabel: 'hidden layer (1 = nearest the input)', yLabel: '‖dL/dW‖', logY: true, points: true, series }) };
  },
  judge(m, p) {
    const k = num(p, 'orders');
    const s = m.sigmoidLog10Ratio;
    const t = m.tanhLog10Ratio;
    const r = m.reluLog10Ratio;
    const ok = s >= k && t < s && Math.abs(r) < 1;
    return {
      verdict: ok ? 'holds' : s >= k || t < s ? 'inconclusive' : 'does not hold',
      criterion: `holds when sigmoid's last hidden layer has a gradient at least ${k} orders of magnitude above its first (log10 ratio ${n4(s)}), tanh's ratio is smaller (${n4(t)}), and ReLU's stays within one order (${n4(r)}); inconclusive when only part of this is seen`,
    };
  },
});

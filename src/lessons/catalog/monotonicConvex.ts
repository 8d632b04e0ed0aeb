import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

/** Counts strict interior local minima and negative second differences (relative to the curve's scale). */
function shape(ys: readonly number[]): { minima: number; violations: number } {
  const scale = Math.max(...ys) - Math.min(...ys) || 1;
  let minima = 0;
  let violations = 0;
  for (let i = 1; i + 1 < ys.length; i++) {
    if (ys[i] < ys[i - 1] && ys[i] <= ys[i + 1]) minima++;
    if (ys[i - 1] - 2 * ys[i] + ys[i + 1] < -1e-9 * scale) violations++;
  }
  return { minima, violations };
}

/** Lesson 15: the loss of one neuron along its weight, for monotonic and non-monotonic activations. */
export const monotonicConvexLesson: Lesson = defineLesson({
  id: 'monotonic_convex',
  number: 15,
  params: [
    { name: 'teacher', kind: 'number', default: 1.5, min: -5, max: 5, description: 'weight of the teacher neuron' },
    { name: 'range', kind: 'number', default: 6, min: 1, max: 50, description: 'the slice covers w in [-range, range]' },
  ],
  measure(p) {
    const xs = grid(-3, 3, 200);
    const w0 = num(p, 'teacher');
    const ws = grid(-num(p, 'range'), num(p, 'range'), 241);
    const sig = resolveActivation('sigmoid');
    const gau = resolveActivation('gaussian');
    const sin = resolveActivation('sinusoid');
    // Sigmoid with cross-entropy against the teacher's probabilities (log-loss written stably).
    const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    const ce = (w: number) => xs.reduce((s, x) => { const t = sig.f(w0 * x); return s + t * softplus(-w * x) + (1 - t) * softplus(w * x); }, 0) / xs.length;
    const mse = (f: (z: number) => number) => (w: number) => xs.reduce((s, x) => s + (f(w * x) - f(w0 * x)) ** 2, 0) / xs.length;
    const curves = [
      ['sigmoidCrossEntropy', 'sigmoid + cross-entropy', ws.map(ce)],
      ['sigmoidMse', 'sigmoid + mse', ws.map(mse((z) => sig.f(z)))],
      ['gaussianMse', 'gaussian + mse', ws.map(mse((z) => gau.f(z)))],
      ['sinusoidMse', 'sinusoid + mse', ws.map(mse((z) => sin.f(z)))],
    ] as const;
    const m: Record<string, number> = {};
    for (const [key, , ys] of curves) {
      const s = shape(ys);
      m[`${key}LocalMinima`] = s.minima;
      m[`${key}ConvexityViolations`] = s.violations;
    }
    return {
      measurements: m,
      chart: functionPlot({
        title: `Loss of one neuron along its weight (teacher w = ${w0}), each scaled to [0, 1]`,
        xLabel: 'w',
        yLabel: 'loss (scaled)',
        series: curves.map(([, name, ys]) => {
          const lo = Math.min(...ys);
          const hi = Math.max(...ys);
          return { name, dashed: name === 'sigmoid + mse', points: ws.map((w, i) => ({ x: w, y: (ys[i] - lo) / (hi - lo || 1) })) };
        }),
      }),
    };
  },
  judge(m) {
    const convex = m.sigmoidCrossEntropyConvexityViolations === 0 && m.sigmoidCrossEntropyLocalMinima === 1;
    const nonConvex = m.gaussianMseLocalMinima >= 2 && m.sinusoidMseLocalMinima >= 2;
    return {
      verdict: convex && nonConvex ? 'holds' : 'does not hold',
      criterion: `holds when the sigmoid + cross-entropy slice is convex with one minimum (${m.sigmoidCrossEntropyConvexityViolations} negative second differences, ${m.sigmoidCrossEntropyLocalMinima} minima) while gaussian and sinusoid show several local minima (${m.gaussianMseLocalMinima} and ${m.sinusoidMseLocalMinima}). The loss matters: sigmoid with mse has ${m.sigmoidMseLocalMinima} minimum but ${m.sigmoidMseConvexityViolations} convexity violations`,
    };
  },
});

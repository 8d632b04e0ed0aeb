import { histogram } from '../../charts/histogram.js';
import { getDataset } from '../../data/builtins.js';
import { applyStandardizer, fitStandardizer } from '../../data/standardizer.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, classData, fit, hiddenOutputs } from '../net.js';
import { num } from '../params.js';

/** Activation, its output range and a measurement key. */
const ACTS = [
  ['sigmoid', 'sigmoid', 0, 1],
  ['tanh', 'tanh', -1, 1],
  ['step', 'binary_step', 0, 1],
] as const;

/** Lesson 17: hidden outputs of trained sigmoid and tanh networks are graded; step outputs are binary. */
export const gradedOutputsLesson: Lesson = defineLesson({
  id: 'graded_outputs',
  number: 17,
  params: [
    { name: 'edge', kind: 'number', default: 0.05, min: 0, max: 0.5, description: 'share of the range at each end that counts as "near an end"' },
    { name: 'graded', kind: 'number', default: 0.5, min: 0, max: 1, description: 'share of outputs away from the ends needed for "graded" (half of it still gives inconclusive)' },
    { name: 'epochs', kind: 'number', default: 80, min: 1, max: 1000, integer: true, description: 'training epochs (Adam)' },
  ],
  measure(p, seed) {
    const raw = getDataset('circle', { n: 200, seed });
    const ds = applyStandardizer(raw, fitStandardizer(raw));
    const data = classData(ds);
    const edge = num(p, 'edge');
    const m: Record<string, number> = {};
    const series = [];
    for (const [key, act, lo, hi] of ACTS) {
      const model = buildNet({ inputSize: 2, hidden: [16], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed });
      fit(model, data, { epochs: num(p, 'epochs'), learningRate: 0.01, batchSize: 16, seed, optimizer: { name: 'adam' }, diagnostics: false });
      const h = hiddenOutputs(model, ds.x, ds.n)[0];
      const w = (hi - lo) * edge;
      let near = 0;
      h.forEach((v) => {
        if (v <= lo + w || v >= hi - w) near++;
      });
      m[`${key}NearEndsShare`] = near / h.length;
      // Rescale to [0, 1] so the three distributions share one axis.
      series.push({ name: act, values: h.map((v) => (v - lo) / (hi - lo)) });
    }
    return {
      measurements: m,
      chart: histogram({ title: "Hidden outputs of trained networks on 'circle' (rescaled to [0, 1])", xLabel: 'output, as a fraction of the range', series, bins: 20, range: [0, 1] }),
    };
  },
  judge(m, p) {
    const g = num(p, 'graded');
    const inner = [1 - m.sigmoidNearEndsShare, 1 - m.tanhNearEndsShare];
    const stepBinary = m.stepNearEndsShare === 1;
    const verdict = !stepBinary || inner.some((v) => v < g / 2) ? 'does not hold' : inner.every((v) => v >= g) ? 'holds' : 'inconclusive';
    return {
      verdict,
      criterion: `holds when all step outputs are 0 or 1 (share at the ends ${n4(m.stepNearEndsShare)}) while at least ${g} of the sigmoid and tanh hidden outputs lie away from the outer ${n4(num(p, 'edge') * 100)}% of their range at each end (${n4(inner[0])} and ${n4(inner[1])}); inconclusive when one of them is between ${g / 2} and ${g} (graded, but a large share of units still acts like a switch); does not hold below ${g / 2}`,
    };
  },
});

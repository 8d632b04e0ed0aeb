import { boxPlot } from '../../charts/boxPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { analyzeActivation } from '../../analysis/analyzeActivation.js';
import { compareActivations } from '../compareRuns.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num, text } from '../params.js';
import { mean } from '../ranks.js';

const listOf = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** True when the activation is C1 or smoother and its derivative is monotonic. */
function smoothMonotonic(act: string): boolean {
  const p = analyzeActivation(resolveActivation(act));
  return p.continuity !== 'discontinuous' && p.continuity !== 'C0' && p.monotonicDerivative;
}

/** Lesson 19: smooth activations with a monotonic derivative against the rest, on several data sets. */
export const smoothMonotonicLesson: Lesson = defineLesson({
  id: 'smooth_monotonic',
  number: 19,
  params: [
    { name: 'activations', kind: 'text', default: 'elu,softplus,celu,relu,leaky_relu,silu,gelu,tanh', description: 'catalog activations, grouped by the property analysis' },
    { name: 'datasets', kind: 'text', default: 'circle,xor,moons', description: 'built-in classification data sets' },
    { name: 'seeds', kind: 'number', default: 2, min: 1, max: 10, integer: true, description: 'runs per activation and data set' },
    { name: 'epochs', kind: 'number', default: 50, min: 1, max: 1000, integer: true, description: 'training epochs (Adam, lr 0.01)' },
    { name: 'margin', kind: 'number', default: 0.01, min: 0, max: 1, description: 'accuracy difference below which the result is inconclusive' },
  ],
  measure(p, seed) {
    const acts = listOf(text(p, 'activations'));
    const acc = compareActivations({ activations: acts, datasets: listOf(text(p, 'datasets')), seeds: num(p, 'seeds'), epochs: num(p, 'epochs'), learningRate: 0.01, hidden: [16, 16], seed });
    const perAct = acts.map((_, i) => mean(acc.map((row) => row[i])));
    const inGroup = acts.map(smoothMonotonic);
    const yes = perAct.filter((_, i) => inGroup[i]);
    const no = perAct.filter((_, i) => !inGroup[i]);
    const m: Record<string, number> = {
      smoothMonotonicCount: yes.length,
      otherCount: no.length,
      smoothMonotonicMeanAccuracy: mean(yes),
      otherMeanAccuracy: mean(no),
    };
    acts.forEach((a, i) => (m[`${a}MeanAccuracy`] = perAct[i]));
    return {
      measurements: m,
      chart: boxPlot({
        title: 'Mean test accuracy per activation, by group',
        xLabel: 'group',
        yLabel: 'mean test accuracy',
        groups: [
          { name: `C1+ and monotonic f' (${acts.filter((_, i) => inGroup[i]).join(', ')})`, values: yes },
          { name: `other (${acts.filter((_, i) => !inGroup[i]).join(', ')})`, values: no },
        ],
      }),
    };
  },
  judge(m, p) {
    const k = num(p, 'margin');
    const d = m.smoothMonotonicMeanAccuracy - m.otherMeanAccuracy;
    const empty = m.smoothMonotonicCount === 0 || m.otherCount === 0;
    return {
      verdict: empty || Math.abs(d) < k ? 'inconclusive' : d > 0 ? 'holds' : 'does not hold',
      criterion: `holds when the smooth, monotonic-derivative group (${m.smoothMonotonicCount} activations) has a mean test accuracy more than ${n4(k * 100)} percentage points above the others (${m.otherCount}): ${n4(m.smoothMonotonicMeanAccuracy * 100)}% vs ${n4(m.otherMeanAccuracy * 100)}% (difference ${n4(d * 100)} points); does not hold when it is that far below; inconclusive when closer or when a group is empty`,
    };
  },
});

import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { analyzeActivation } from '../../analysis/analyzeActivation.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';

/** Lesson 8: tanh(x) = 2·sigmoid(2x) − 1; max derivatives 1 and 0.25. */
export const tanhSigmoidLesson: Lesson = defineLesson({
  id: 'tanh_sigmoid',
  number: 8,
  params: [],
  measure() {
    const t = resolveActivation('tanh');
    const s = resolveActivation('sigmoid');
    const xs = grid(-10, 10, 2001);
    const maxIdentityError = Math.max(...xs.map((x) => Math.abs(t.f(x) - (2 * s.f(2 * x) - 1))));
    const plot = xs.filter((_, i) => i % 10 === 0);
    return {
      measurements: {
        maxIdentityError,
        tanhMaxDerivative: analyzeActivation(t).maxAbsDerivative ?? Number.MAX_VALUE,
        sigmoidMaxDerivative: analyzeActivation(s).maxAbsDerivative ?? Number.MAX_VALUE,
      },
      chart: functionPlot({
        title: 'tanh(x) and 2·sigmoid(2x) − 1 coincide; derivatives dashed',
        xLabel: 'x',
        yLabel: 'value',
        series: [
          { name: 'tanh', points: plot.map((x) => ({ x, y: t.f(x) })) },
          { name: "tanh'", group: 'tanh', dashed: true, points: plot.map((x) => ({ x, y: t.df(x) })) },
          { name: 'sigmoid', points: plot.map((x) => ({ x, y: s.f(x) })) },
          { name: "sigmoid'", group: 'sigmoid', dashed: true, points: plot.map((x) => ({ x, y: s.df(x) })) },
        ],
      }),
    };
  },
  judge(m) {
    const ok = m.maxIdentityError <= 1e-12 && Math.abs(m.tanhMaxDerivative - 1) <= 1e-6 && Math.abs(m.sigmoidMaxDerivative - 0.25) <= 1e-6;
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: `holds when |tanh(x) − (2·sigmoid(2x) − 1)| ≤ 1e-12 on [-10, 10] (largest ${n4(m.maxIdentityError)}) and the analysed maximal derivatives are 1 for tanh (${n4(m.tanhMaxDerivative)}) and 0.25 for sigmoid (${n4(m.sigmoidMaxDerivative)}) within 1e-6`,
    };
  },
});

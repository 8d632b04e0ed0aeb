import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

function spread(xs: readonly number[], df: (x: number) => number): number {
  const d = xs.map(df);
  return Math.max(...d) - Math.min(...d);
}

/** Lesson 5: a linear activation's derivative does not depend on its input. */
export const linearGradientLesson: Lesson = defineLesson({
  id: 'linear_gradient',
  number: 5,
  params: [{ name: 'slope', kind: 'number', default: 2, min: -1000, max: 1000, description: 'c in the linear activation c·x' }],
  measure(p) {
    const c = num(p, 'slope');
    const xs = grid(-10, 10, 401);
    const id = resolveActivation('identity');
    const lin = resolveActivation(`${c}*x`);
    const tanh = resolveActivation('tanh');
    return {
      measurements: {
        identitySpread: spread(xs, (x) => id.df(x)),
        identityDerivative: id.df(0),
        linearSpread: spread(xs, (x) => lin.df(x)),
        linearDerivative: lin.df(0),
        tanhSpread: spread(xs, (x) => tanh.df(x)),
      },
      chart: functionPlot({
        title: 'Derivatives: linear activations are flat lines, tanh is not',
        xLabel: 'x',
        yLabel: "f'(x)",
        series: [
          { name: "identity'", points: xs.map((x) => ({ x, y: id.df(x) })) },
          { name: `(${c}·x)'`, points: xs.map((x) => ({ x, y: lin.df(x) })) },
          { name: "tanh'", points: xs.map((x) => ({ x, y: tanh.df(x) })), dashed: true },
        ],
      }),
    };
  },
  judge(m, p) {
    const c = num(p, 'slope');
    const ok = m.identitySpread <= 1e-12 && m.linearSpread <= 1e-12 && Math.abs(m.linearDerivative - c) <= 1e-12 * Math.max(1, Math.abs(c));
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: `holds when the derivatives of identity and of ${c}·x vary by at most 1e-12 over [-10, 10] (spreads ${n4(m.identitySpread)} and ${n4(m.linearSpread)}) and the latter equals ${c} (${n4(m.linearDerivative)}); tanh's derivative, for contrast, varies by ${n4(m.tanhSpread)}`,
    };
  },
});

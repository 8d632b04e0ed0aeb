import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { L, defineLesson, grid, n4 } from '../defineLesson.js';
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
  kind: 'deterministic',
  byConstruction: true,
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
      trace: null,
    };
  },
  judge(m, p) {
    const c = num(p, 'slope');
    const ok = m.identitySpread <= 1e-12 && m.linearSpread <= 1e-12 && Math.abs(m.linearDerivative - c) <= 1e-12 * Math.max(1, Math.abs(c));
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic and true by construction (the derivative of c·x is c); the lesson shows it on the symbolic derivatives. Holds when the derivatives of identity and of ${c}·x vary by at most 1e-12 over [-10, 10] (spreads ${n4(m.identitySpread)} and ${n4(m.linearSpread)}) and the latter equals ${c} (${n4(m.linearDerivative)}); tanh's derivative, for contrast, varies by ${n4(m.tanhSpread)}. What this does not say: the weight gradient of a linear layer still depends on the input (see linear_backprop)`,
        `确定性实验，且按构造成立（c·x 的导数就是 c）；本课在符号导数上展示这一点。当 identity 和 ${c}·x 的导数在 [-10, 10] 上的变化不超过 1e-12（变化幅度 ${n4(m.identitySpread)} 和 ${n4(m.linearSpread)}），且后者等于 ${c}（${n4(m.linearDerivative)}）时成立；作为对比，tanh 的导数变化幅度为 ${n4(m.tanhSpread)}。这并不意味着：线性层的权重梯度仍然取决于输入（见 linear_backprop）`,
      ),
    };
  },
  labels: () => ({
    identitySpread: L("spread of identity'", "identity' 的变化幅度"),
    identityDerivative: L("identity'(0)", "identity 在 0 处的导数"),
    linearSpread: L("spread of (c·x)'", "(c·x)' 的变化幅度"),
    linearDerivative: L("(c·x)'(0)", "(c·x) 在 0 处的导数"),
    tanhSpread: L("spread of tanh'", "tanh' 的变化幅度"),
  }),
  chart: ({ params: p, t }) => {
    const c = num(p, 'slope');
    const xs = grid(-10, 10, 401);
    const id = resolveActivation('identity');
    const lin = resolveActivation(`${c}*x`);
    const tanh = resolveActivation('tanh');
    return functionPlot({
      title: t(L('Derivatives: linear activations are flat lines, tanh is not', '导数：线性激活是水平线，tanh 不是')),
      xLabel: 'x',
      yLabel: "f'(x)",
      series: [
        { name: "identity'", points: xs.map((x) => ({ x, y: id.df(x) })) },
        { name: `(${c}·x)'`, points: xs.map((x) => ({ x, y: lin.df(x) })) },
        { name: "tanh'", points: xs.map((x) => ({ x, y: tanh.df(x) })), dashed: true },
      ],
    });
  },
});

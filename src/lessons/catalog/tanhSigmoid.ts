import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { analyzeActivation } from '../../analysis/analyzeActivation.js';
import { L, defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';

/** Lesson 8: tanh(x) = 2·sigmoid(2x) − 1; max derivatives 1 and 0.25. */
export const tanhSigmoidLesson: Lesson = defineLesson({
  id: 'tanh_sigmoid',
  number: 8,
  kind: 'deterministic',
  byConstruction: true,
  params: [],
  measure() {
    const t = resolveActivation('tanh');
    const s = resolveActivation('sigmoid');
    const xs = grid(-10, 10, 2001);
    return {
      measurements: {
        maxIdentityError: Math.max(...xs.map((x) => Math.abs(t.f(x) - (2 * s.f(2 * x) - 1)))),
        tanhMaxDerivative: analyzeActivation(t).maxAbsDerivative ?? Number.MAX_VALUE,
        sigmoidMaxDerivative: analyzeActivation(s).maxAbsDerivative ?? Number.MAX_VALUE,
      },
      trace: null,
    };
  },
  judge(m) {
    const ok = m.maxIdentityError <= 1e-12 && Math.abs(m.tanhMaxDerivative - 1) <= 1e-6 && Math.abs(m.sigmoidMaxDerivative - 0.25) <= 1e-6;
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic and true by construction (an algebraic identity); the lesson checks it numerically. Holds when |tanh(x) − (2·sigmoid(2x) − 1)| ≤ 1e-12 on [-10, 10] (largest ${n4(m.maxIdentityError)}) and the analysed maximal derivatives are 1 for tanh (${n4(m.tanhMaxDerivative)}) and 0.25 for sigmoid (${n4(m.sigmoidMaxDerivative)}) within 1e-6`,
        `确定性实验，且按构造成立（这是一个代数恒等式）；本课用数值验证它。当 [-10, 10] 上 |tanh(x) − (2·sigmoid(2x) − 1)| ≤ 1e-12（最大 ${n4(m.maxIdentityError)}），且性质分析给出的最大导数在 1e-6 内分别为 tanh 的 1（${n4(m.tanhMaxDerivative)}）和 sigmoid 的 0.25（${n4(m.sigmoidMaxDerivative)}）时成立`,
      ),
    };
  },
  labels: () => ({
    maxIdentityError: L('largest |tanh(x) − (2·sigmoid(2x) − 1)|', '最大 |tanh(x) − (2·sigmoid(2x) − 1)|'),
    tanhMaxDerivative: L('largest derivative of tanh', 'tanh 的最大导数'),
    sigmoidMaxDerivative: L('largest derivative of sigmoid', 'sigmoid 的最大导数'),
  }),
  chart: ({ t: tr }) => {
    const t = resolveActivation('tanh');
    const s = resolveActivation('sigmoid');
    const xs = grid(-10, 10, 201);
    return functionPlot({
      title: tr(L('tanh(x) and 2·sigmoid(2x) − 1 coincide; derivatives dashed', 'tanh(x) 与 2·sigmoid(2x) − 1 重合；虚线为导数')),
      xLabel: 'x',
      yLabel: tr(L('value', '值')),
      series: [
        { name: 'tanh', points: xs.map((x) => ({ x, y: t.f(x) })) },
        { name: "tanh'", group: 'tanh', dashed: true, points: xs.map((x) => ({ x, y: t.df(x) })) },
        { name: 'sigmoid', points: xs.map((x) => ({ x, y: s.f(x) })) },
        { name: "sigmoid'", group: 'sigmoid', dashed: true, points: xs.map((x) => ({ x, y: s.df(x) })) },
      ],
    });
  },
});

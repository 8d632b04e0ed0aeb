import { scatter } from '../charts.js';
import { L, defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork } from '../../run/index.js';
import { num } from '../params.js';

/** Inputs the single linear unit sees. */
const XS = grid(-2, 2, 9);

interface Row {
  readonly x: number;
  readonly slope: number;
  readonly weightGrad: number;
}

/** One linear unit a = c·(w·x + b) in the engine; for each input, f'(z) and dL/dw with dL/da = 1 from a backward pass. */
function rows(c: number): Row[] {
  const model = buildNetwork({ inputSize: 1, hidden: [1], activation: `${c}*x`, outputSize: 1, loss: 'mse', seed: 1 });
  const layer = model.layers[0];
  return XS.map((x) => {
    const input = Float32Array.of(x);
    layer.forward(input, 1);
    const slope = layer.lastPass(1).d[0];
    layer.backward(input, Float32Array.of(1), 1, false);
    return { x, slope, weightGrad: layer.gradWeights[0] };
  });
}

const spread = (v: readonly number[]) => Math.max(...v) - Math.min(...v);

/** Lesson 22: with a linear activation the factor passed back is constant, but the weight gradient δ·x is not. */
export const linearBackpropLesson: Lesson = defineLesson<Row[]>({
  id: 'linear_backprop',
  number: 22,
  kind: 'deterministic',
  params: [{ name: 'slope', kind: 'number', default: 2, min: -1000, max: 1000, description: 'c in the linear activation c·x' }],
  measure(p) {
    const r = rows(num(p, 'slope'));
    const g = r.map((q) => q.weightGrad);
    return {
      measurements: {
        inputs: r.length,
        slopeSpread: spread(r.map((q) => q.slope)),
        slopeValue: r[0].slope,
        weightGradSpread: spread(g),
        weightGradPerInput: g[g.length - 1] / XS[XS.length - 1],
      },
      trace: r,
    };
  },
  judge(m, p) {
    const c = num(p, 'slope');
    const constantSlope = m.slopeSpread <= 1e-6;
    const constantGrad = m.weightGradSpread <= 1e-6 * Math.max(1, Math.abs(c));
    return {
      verdict: constantSlope && constantGrad ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic (one unit, ${m.inputs} fixed inputs from −2 to 2, gradients from the engine's own backward pass with dL/da = 1). The claim holds only if what backpropagation changes does not depend on the input: both the factor f'(z) passed back and the weight gradient dL/dw must stay the same for every input (spread ≤ 1e-6). Measured: f'(z) is ${n4(m.slopeValue)} for every input (spread ${n4(m.slopeSpread)}): true, the local derivative is constant. But dL/dw = δ·x = ${n4(m.weightGradPerInput)}·x varies with the input (spread ${n4(m.weightGradSpread)}): the weight update is proportional to the input, as for any activation. So the claim holds for the derivative of the activation, not for the change made to the weights`,
        `确定性实验（一个单元，${m.inputs} 个从 −2 到 2 的固定输入，梯度来自引擎自己的反向传播，dL/da = 1）。只有当反向传播所做的改变与输入无关时论断才成立：反传的因子 f'(z) 和权重梯度 dL/dw 对每个输入都必须相同（变化幅度 ≤ 1e-6）。测量结果：对每个输入 f'(z) 都是 ${n4(m.slopeValue)}（变化幅度 ${n4(m.slopeSpread)}）：这部分为真，局部导数是常数。但 dL/dw = δ·x = ${n4(m.weightGradPerInput)}·x 随输入变化（变化幅度 ${n4(m.weightGradSpread)}）：权重的更新与输入成正比，任何激活函数都是如此。所以论断对激活函数的导数成立，对权重所做的改变不成立`,
      ),
    };
  },
  labels: () => ({
    inputs: L('inputs', '输入个数'),
    slopeSpread: L("spread of f'(z) over the inputs", "f'(z) 在各输入上的变化幅度"),
    slopeValue: L("f'(z)", "f'(z) 的值"),
    weightGradSpread: L('spread of dL/dw over the inputs', 'dL/dw 在各输入上的变化幅度'),
    weightGradPerInput: L('dL/dw divided by x', 'dL/dw 除以 x'),
  }),
  chart: ({ runs, params: p, t }) =>
    scatter({
      title: t(L(`A linear unit (${num(p, 'slope')}·z): what backpropagation gives for each input`, `一个线性单元（${num(p, 'slope')}·z）：反向传播对每个输入给出的量`)),
      xLabel: t(L('input x', '输入 x')),
      yLabel: t(L('value', '值')),
      series: [
        { name: t(L("f'(z): the same for every input", "f'(z)：对每个输入都相同")), points: runs[0].trace.map((q) => ({ x: q.x, y: q.slope })) },
        { name: t(L('dL/dw = δ·x: grows with the input', 'dL/dw = δ·x：随输入增长')), points: runs[0].trace.map((q) => ({ x: q.x, y: q.weightGrad })) },
      ],
    }),
});

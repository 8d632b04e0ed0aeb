import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { L, defineLesson, grid } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

/** Counts strict interior local minima, those above the global minimum, and negative second differences. */
function shape(ys: readonly number[]): { minima: number; nonGlobal: number; violations: number } {
  const lo = Math.min(...ys);
  const scale = Math.max(...ys) - lo || 1;
  let minima = 0;
  let nonGlobal = 0;
  let violations = 0;
  for (let i = 1; i + 1 < ys.length; i++) {
    if (ys[i] < ys[i - 1] && ys[i] <= ys[i + 1]) {
      minima++;
      if (ys[i] - lo > 1e-6 * scale) nonGlobal++;
    }
    if (ys[i - 1] - 2 * ys[i] + ys[i + 1] < -1e-9 * scale) violations++;
  }
  return { minima, nonGlobal, violations };
}

/** Curves traced: key, name, activation, loss, monotonic. */
const CURVES = [
  ['sigmoidCrossEntropy', 'sigmoid + cross-entropy', 'sigmoid', 'ce', true],
  ['sigmoidMse', 'sigmoid + mse', 'sigmoid', 'mse', true],
  ['tanhMse', 'tanh + mse', 'tanh', 'mse', true],
  ['gaussianMse', 'gaussian + mse', 'gaussian', 'mse', false],
  ['sinusoidMse', 'sinusoid + mse', 'sinusoid', 'mse', false],
] as const;

function curves(p: Parameters<Lesson['judge']>[1]): { key: string; name: string; monotonic: boolean; ys: number[] }[] {
  const xs = grid(-3, 3, 200);
  const w0 = num(p, 'teacher');
  const ws = grid(-num(p, 'range'), num(p, 'range'), 241);
  const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  return CURVES.map(([key, name, act, loss, monotonic]) => {
    const f = resolveActivation(act);
    const ce = (w: number) => xs.reduce((s, x) => { const t = f.f(w0 * x); return s + t * softplus(-w * x) + (1 - t) * softplus(w * x); }, 0) / xs.length;
    const mse = (w: number) => xs.reduce((s, x) => s + (f.f(w * x) - f.f(w0 * x)) ** 2, 0) / xs.length;
    return { key, name, monotonic, ys: ws.map(loss === 'ce' ? ce : mse) };
  });
}

/** Lesson 15: the loss of one neuron along its weight, for monotonic activations under two losses and non-monotonic ones. */
export const monotonicConvexLesson: Lesson = defineLesson({
  id: 'monotonic_convex',
  number: 15,
  kind: 'deterministic',
  params: [
    { name: 'teacher', kind: 'number', default: 1.5, min: -5, max: 5, description: 'weight of the teacher neuron' },
    { name: 'range', kind: 'number', default: 6, min: 1, max: 50, description: 'the slice covers w in [-range, range]' },
  ],
  measure(p) {
    const m: Record<string, number> = {};
    for (const c of curves(p)) {
      const s = shape(c.ys);
      m[`${c.key}LocalMinima`] = s.minima;
      m[`${c.key}NonGlobalMinima`] = s.nonGlobal;
      m[`${c.key}ConvexityViolations`] = s.violations;
    }
    return { measurements: m, trace: null };
  },
  judge(m) {
    const mono = CURVES.filter((c) => c[4]);
    const non = CURVES.filter((c) => !c[4]);
    const convex = mono.every(([k]) => m[`${k}ConvexityViolations`] === 0);
    const single = mono.every(([k]) => m[`${k}LocalMinima`] === 1);
    const several = non.some(([k]) => m[`${k}NonGlobalMinima`] > 0);
    const list = (f: (k: string) => string) => mono.map(([k, name]) => `${name} ${f(k)}`).join(', ');
    return {
      verdict: convex && several ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic (a fixed 1-D slice of the loss along w; no randomness). Holds when the loss of every monotonic activation is convex along w, under cross-entropy and under squared error alike (no negative second difference), while a non-monotonic activation shows a local minimum that is not global. Does not hold otherwise. Measured convexity violations: ${list((k) => String(m[`${k}ConvexityViolations`]))}; minima: ${list((k) => String(m[`${k}LocalMinima`]))}. Non-global local minima: gaussian ${m.gaussianMseNonGlobalMinima} (its ${m.gaussianMseLocalMinima} minima at ±w are both global: the gaussian is even), sinusoid ${m.sinusoidMseNonGlobalMinima}. ${single ? 'Every monotonic curve keeps a single minimum, so the weaker claim "one valley" holds; convexity needs the matching loss (sigmoid with cross-entropy is logistic regression).' : ''}`,
        `确定性实验（沿 w 的一维损失切片，固定不变，没有随机性）。当每个单调激活函数的损失沿 w 都是凸的——无论交叉熵还是平方误差（没有负的二阶差分）——而某个非单调激活函数出现了不是全局最小的局部极小值时成立；否则不成立。测得违反凸性的次数：${list((k) => String(m[`${k}ConvexityViolations`]))}；极小值个数：${list((k) => String(m[`${k}LocalMinima`]))}。非全局的局部极小值：gaussian ${m.gaussianMseNonGlobalMinima}（它在 ±w 处的 ${m.gaussianMseLocalMinima} 个极小值都是全局最小：gaussian 是偶函数），sinusoid ${m.sinusoidMseNonGlobalMinima}。${single ? '每条单调曲线都只有一个极小值，所以较弱的说法“只有一个谷底”成立；而凸性需要配套的损失（sigmoid 配交叉熵就是逻辑回归）。' : ''}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {};
    for (const [k, name] of CURVES) {
      out[`${k}LocalMinima`] = L(`${name}: local minima`, `${name}：局部极小值个数`);
      out[`${k}NonGlobalMinima`] = L(`${name}: local minima that are not global`, `${name}：非全局的局部极小值个数`);
      out[`${k}ConvexityViolations`] = L(`${name}: convexity violations`, `${name}：违反凸性的次数`);
    }
    return out;
  },
  chart: ({ params: p, t }) => {
    const ws = grid(-num(p, 'range'), num(p, 'range'), 241);
    return functionPlot({
      title: t(L(`Loss of one neuron along its weight (teacher w = ${num(p, 'teacher')}), each scaled to [0, 1]`, `单个神经元的损失沿其权重的变化（教师 w = ${num(p, 'teacher')}），各自缩放到 [0, 1]`)),
      xLabel: 'w',
      yLabel: t(L('loss (scaled)', '损失（已缩放）')),
      series: curves(p).map((c) => {
        const lo = Math.min(...c.ys);
        const hi = Math.max(...c.ys);
        return { name: c.name, dashed: !c.monotonic, points: ws.map((w, i) => ({ x: w, y: (c.ys[i] - lo) / (hi - lo || 1) })) };
      }),
    });
  },
});

import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { L, defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/** Lesson 6: sigmoid is bounded in (0, 1), steep near the origin and flat far from it. */
export const sigmoidSquashLesson: Lesson = defineLesson({
  id: 'sigmoid_squash',
  number: 6,
  kind: 'deterministic',
  params: [
    { name: 'flat', kind: 'number', default: 4, min: 2, max: 50, description: 'beyond ±flat the curve should be flat' },
    { name: 'ratio', kind: 'number', default: 5, min: 1, max: 1e6, description: 'how many times steeper inside [-2, 2] than beyond ±flat counts as "steep vs flat"' },
  ],
  measure(p) {
    const s = resolveActivation('sigmoid');
    const xs = grid(-10, 10, 2001);
    const ys = xs.map((x) => s.f(x));
    const flat = num(p, 'flat');
    return {
      measurements: {
        minOutput: Math.min(...ys),
        maxOutput: Math.max(...ys),
        meanSlopeInside2: mean(xs.filter((x) => Math.abs(x) <= 2).map((x) => s.df(x))),
        meanSlopeBeyondFlat: mean(xs.filter((x) => Math.abs(x) >= flat).map((x) => s.df(x))),
        outputAt100: s.f(100),
        outputAtMinus100: s.f(-100),
      },
      trace: null,
    };
  },
  judge(m, p) {
    const bounded = m.minOutput > 0 && m.maxOutput < 1;
    const ratio = m.meanSlopeInside2 / Math.max(m.meanSlopeBeyondFlat, 1e-300);
    const squashes = ratio >= num(p, 'ratio');
    const rounded = m.outputAt100 === 1;
    return {
      verdict: bounded && squashes ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic (a property of one function; one run suffices). Holds when every output on [-10, 10] lies strictly inside (0, 1) (min ${n4(m.minOutput)}, max ${n4(m.maxOutput)}) and the mean slope inside [-2, 2] (${n4(m.meanSlopeInside2)}) is at least ${num(p, 'ratio')} times the mean slope beyond ±${num(p, 'flat')} (${n4(m.meanSlopeBeyondFlat)}; ratio ${n4(ratio)}). Note: in float64 sigmoid(100) = ${m.outputAt100}${rounded ? ' exactly, so the upper bound is reached after rounding' : ''}, and sigmoid(−100) = ${n4(m.outputAtMinus100)}`,
        `确定性实验（单个函数的性质，运行一次即可）。当 [-10, 10] 上的所有输出都严格落在 (0, 1) 内（最小 ${n4(m.minOutput)}，最大 ${n4(m.maxOutput)}），且 [-2, 2] 内的平均斜率（${n4(m.meanSlopeInside2)}）至少是 ±${num(p, 'flat')} 之外平均斜率（${n4(m.meanSlopeBeyondFlat)}）的 ${num(p, 'ratio')} 倍（比值 ${n4(ratio)}）时成立。注意：在 float64 中 sigmoid(100) = ${m.outputAt100}${rounded ? '（恰好等于 1，舍入后达到了上界）' : ''}，sigmoid(−100) = ${n4(m.outputAtMinus100)}`,
      ),
    };
  },
  labels: () => ({
    minOutput: L('smallest output on [-10, 10]', '[-10, 10] 上的最小输出'),
    maxOutput: L('largest output on [-10, 10]', '[-10, 10] 上的最大输出'),
    meanSlopeInside2: L('mean slope inside [-2, 2]', '[-2, 2] 内的平均斜率'),
    meanSlopeBeyondFlat: L('mean slope beyond ±flat', '±flat 之外的平均斜率'),
    outputAt100: L('sigmoid(100) in float64', 'float64 中的 sigmoid(100)'),
    outputAtMinus100: L('sigmoid(−100) in float64', 'float64 中的 sigmoid(−100)'),
  }),
  chart: ({ t }) => {
    const s = resolveActivation('sigmoid');
    const xs = grid(-10, 10, 201);
    return functionPlot({
      title: t(L('sigmoid and its derivative', 'sigmoid 及其导数')),
      xLabel: 'x',
      yLabel: t(L('value', '值')),
      series: [
        { name: 'sigmoid', points: xs.map((x) => ({ x, y: s.f(x) })) },
        { name: "sigmoid'", group: 'sigmoid', dashed: true, points: xs.map((x) => ({ x, y: s.df(x) })) },
      ],
    });
  },
});

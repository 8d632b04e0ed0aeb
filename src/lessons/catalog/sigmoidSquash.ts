import { functionPlot } from '../../charts/functionPlot.js';
import { resolveActivation } from '../../activations/resolve.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/** Lesson 6: sigmoid is bounded in (0, 1), steep near the origin and flat far from it. */
export const sigmoidSquashLesson: Lesson = defineLesson({
  id: 'sigmoid_squash',
  number: 6,
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
      chart: functionPlot({
        title: 'sigmoid and its derivative',
        xLabel: 'x',
        yLabel: 'value',
        series: [
          { name: 'sigmoid', points: xs.filter((_, i) => i % 10 === 0).map((x) => ({ x, y: s.f(x) })) },
          { name: "sigmoid'", group: 'sigmoid', dashed: true, points: xs.filter((_, i) => i % 10 === 0).map((x) => ({ x, y: s.df(x) })) },
        ],
      }),
    };
  },
  judge(m, p) {
    const bounded = m.minOutput > 0 && m.maxOutput < 1;
    const ratio = m.meanSlopeInside2 / Math.max(m.meanSlopeBeyondFlat, 1e-300);
    const squashes = ratio >= num(p, 'ratio');
    return {
      verdict: bounded && squashes ? 'holds' : 'does not hold',
      criterion: `holds when every output on [-10, 10] lies strictly inside (0, 1) (min ${n4(m.minOutput)}, max ${n4(m.maxOutput)}) and the mean slope inside [-2, 2] (${n4(m.meanSlopeInside2)}) is at least ${num(p, 'ratio')} times the mean slope beyond ±${num(p, 'flat')} (${n4(m.meanSlopeBeyondFlat)}; ratio ${n4(ratio)}). Note: in float64 sigmoid(100) = ${m.outputAt100}${m.outputAt100 === 1 ? ' exactly, so the upper bound is reached after rounding' : ''}, and sigmoid(−100) = ${n4(m.outputAtMinus100)}`,
    };
  },
});

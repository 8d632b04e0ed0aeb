import { lineChart } from '../../charts/lineChart.js';
import { defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNet, fit } from '../net.js';
import { list, num, text } from '../params.js';

/** Lesson 18: one hidden non-linear layer fits a wiggly function better as it widens; identity layers cannot beat a line. */
export const universalApproximationLesson: Lesson = defineLesson({
  id: 'universal_approximation',
  number: 18,
  params: [
    { name: 'widths', kind: 'list', default: [1, 2, 4, 8, 16, 32], min: 1, max: 512, integer: true, description: 'hidden widths tried, increasing' },
    { name: 'activation', kind: 'text', default: 'tanh', description: 'activation of the hidden layer' },
    { name: 'epochs', kind: 'number', default: 400, min: 1, max: 5000, integer: true, description: 'training epochs (Adam, lr 0.02)' },
  ],
  measure(p) {
    const xs = grid(-2, 2, 200);
    const target = (x: number) => Math.sin(3 * x) + 0.3 * x;
    const data = { x: Float32Array.from(xs), y: Float32Array.from(xs.map(target)), rows: xs.length };
    // Least-squares line: the best any stack of identity layers can do.
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = xs.reduce((s, x) => s + target(x), 0) / xs.length;
    const slope = xs.reduce((s, x) => s + (x - mx) * (target(x) - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const lineMse = xs.reduce((s, x) => s + (target(x) - (my + slope * (x - mx))) ** 2, 0) / xs.length;
    const train = (hidden: number[], act: string, seed: number) => {
      const model = buildNet({ inputSize: 1, hidden, activation: act, outputSize: 1, loss: 'mse', seed });
      const { history, diverged } = fit(model, data, { epochs: num(p, 'epochs'), learningRate: 0.02, batchSize: 20, seed, optimizer: { name: 'adam' }, diagnostics: false });
      return { model, mse: diverged ? Number.MAX_VALUE : history[history.length - 1].trainLoss };
    };
    const widths = [...list(p, 'widths')].sort((a, b) => a - b);
    const act = text(p, 'activation');
    const m: Record<string, number> = { lineMse, widthCount: widths.length };
    const pts = widths.map((w, i) => {
      const { mse } = train([w], act, i + 1);
      m[`width${w}Mse`] = mse;
      return { x: w, y: mse };
    });
    m.firstMse = pts[0].y;
    m.lastMse = pts[pts.length - 1].y;
    m.identityDeepMse = train([32, 32, 32], 'identity', 99).mse;
    return {
      measurements: m,
      chart: lineChart({
        title: 'Fitting sin(3x) + 0.3x: error by hidden width',
        xLabel: 'hidden units',
        yLabel: 'mean squared error',
        logY: true,
        points: true,
        series: [
          { name: `one ${act} layer`, points: pts },
          { name: '3 identity layers (width 32)', points: widths.map((w) => ({ x: w, y: m.identityDeepMse })) },
          { name: 'best straight line', points: widths.map((w) => ({ x: w, y: lineMse })) },
        ],
      }),
    };
  },
  judge(m) {
    const falls = m.lastMse <= 0.1 * m.firstMse && m.lastMse <= 0.1 * m.lineMse;
    const linearStuck = m.identityDeepMse >= 0.99 * m.lineMse;
    return {
      verdict: falls && linearStuck ? 'holds' : 'does not hold',
      criterion: `holds when the widest non-linear layer's error (${n4(m.lastMse)}) is at most a tenth of both the narrowest one's (${n4(m.firstMse)}) and the best straight line's (${n4(m.lineMse)}), while the deep identity network does no better than that line (${n4(m.identityDeepMse)} ≥ 0.99 × ${n4(m.lineMse)})`,
    };
  },
});

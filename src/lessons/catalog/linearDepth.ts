import { lineChart } from '../../charts/lineChart.js';
import { createRng } from '../../util/rng.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

type Matrix = number[][];

function matmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/** Lesson 2: identity layers collapse into one linear layer. */
export const linearDepthLesson: Lesson = defineLesson({
  id: 'linear_depth',
  number: 2,
  params: [
    { name: 'layers', kind: 'number', default: 5, min: 1, max: 50, integer: true, description: 'number of hidden identity layers' },
    { name: 'width', kind: 'number', default: 8, min: 1, max: 256, integer: true, description: 'units per hidden layer' },
  ],
  measure(p, seed) {
    const rng = createRng(seed);
    const depth = num(p, 'layers');
    const width = num(p, 'width');
    const sizes = [2, ...Array.from({ length: depth }, () => width), 1];
    const Ws: Matrix[] = [];
    const bs: number[][] = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const s = Math.sqrt(1 / sizes[l]);
      Ws.push(Array.from({ length: sizes[l] }, () => Array.from({ length: sizes[l + 1] }, () => rng.normal() * s)));
      bs.push(Array.from({ length: sizes[l + 1] }, () => rng.normal() * 0.1));
    }
    // Collapse: h = x·W1 + b1; h·W2 + b2 = x·(W1W2) + (b1W2 + b2); and so on.
    let W: Matrix = Ws[0];
    let b: number[] = bs[0];
    for (let l = 1; l < Ws.length; l++) {
      W = matmul(W, Ws[l]);
      b = matmul([b], Ws[l])[0].map((v, j) => v + bs[l][j]);
    }
    let maxDiff = 0;
    let maxAbs = 0;
    const pts: { x: number; deep: number; single: number }[] = [];
    for (let r = 0; r < 200; r++) {
      const x = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      let h = x;
      for (let l = 0; l < Ws.length; l++) h = Ws[l][0].map((_, j) => bs[l][j] + h.reduce((s, v, k) => s + v * Ws[l][k][j], 0));
      const single = b[0] + x[0] * W[0][0] + x[1] * W[1][0];
      maxDiff = Math.max(maxDiff, Math.abs(h[0] - single));
      maxAbs = Math.max(maxAbs, Math.abs(single));
      if (r < 40) pts.push({ x: r, deep: h[0], single });
    }
    return {
      measurements: { maxDiff, maxAbsOutput: maxAbs, relativeDiff: maxDiff / Math.max(maxAbs, 1e-300), w1: W[0][0], w2: W[1][0], b: b[0] },
      chart: lineChart({
        title: `Deep identity network (${depth} layers) vs its single equivalent layer`,
        xLabel: 'input sample',
        yLabel: 'output',
        points: true,
        series: [
          { name: 'deep network', points: pts.map((q) => ({ x: q.x, y: q.deep })) },
          { name: 'one layer x·W + b', points: pts.map((q) => ({ x: q.x, y: q.single })) },
        ],
      }),
    };
  },
  judge(m) {
    const ok = m.relativeDiff <= 1e-9;
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: `holds when the deep identity network and the single layer W = W1·W2·… agree to rounding on 200 random inputs: largest difference relative to the largest output ${n4(m.relativeDiff)} ≤ 1e-9 (${ok ? 'yes' : 'no'})`,
    };
  },
});

import { createRng } from '../../util/rng.js';
import { scatter } from '../charts.js';
import { L, column, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

type Matrix = number[][];

function matmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

const TOL = 1e-9;

/** Lesson 2: identity layers collapse into one linear layer. */
export const linearDepthLesson: Lesson = defineLesson<{ deep: number; single: number }[]>({
  id: 'linear_depth',
  number: 2,
  kind: 'seeded',
  byConstruction: true,
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
    const pts: { deep: number; single: number }[] = [];
    for (let r = 0; r < 200; r++) {
      const x = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      let h = x;
      for (let l = 0; l < Ws.length; l++) h = Ws[l][0].map((_, j) => bs[l][j] + h.reduce((s, v, k) => s + v * Ws[l][k][j], 0));
      const single = b[0] + x[0] * W[0][0] + x[1] * W[1][0];
      maxDiff = Math.max(maxDiff, Math.abs(h[0] - single));
      maxAbs = Math.max(maxAbs, Math.abs(single));
      if (r < 50) pts.push({ deep: h[0], single });
    }
    return { measurements: { maxDiff, maxAbsOutput: maxAbs, relativeDiff: maxDiff / Math.max(maxAbs, 1e-300) }, trace: pts };
  },
  judgeSeed: (m) => (m.relativeDiff <= TOL ? 'holds' : 'does not hold'),
  summarize(runs) {
    const rel = column(runs, 'relativeDiff');
    return { seedCount: runs.length, agreeingSeeds: rel.filter((v) => v <= TOL).length, worstRelativeDiff: Math.max(...rel) };
  },
  judge(m) {
    const ok = m.agreeingSeeds === m.seedCount;
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: L(
        `true by construction (a product of linear maps is linear); the seeds only draw other weights. Holds when, for every seed, the deep identity network and the single layer W = W1·W2·…, b accordingly, agree to rounding on 200 random inputs (largest difference relative to the largest output ≤ 1e-9): ${m.agreeingSeeds} of ${m.seedCount} seeds, worst ${n4(m.worstRelativeDiff)}; does not hold otherwise`,
        `按构造成立（线性映射的乘积仍是线性映射）；不同种子只是抽取不同的权重。当每个种子下，深层恒等网络与单层 W = W1·W2·…（偏置相应合并）在 200 个随机输入上的结果在舍入误差内一致（最大差异相对最大输出 ≤ 1e-9）时成立：${m.seedCount} 个种子中 ${m.agreeingSeeds} 个一致，最差 ${n4(m.worstRelativeDiff)}；否则不成立`,
      ),
    };
  },
  labels: () => ({
    seedCount: L('seeds', '种子数'),
    agreeingSeeds: L('seeds where both agree', '两者一致的种子数'),
    worstRelativeDiff: L('worst relative difference', '最大相对差异'),
    maxDiff: L('largest difference', '最大差异'),
    maxAbsOutput: L('largest |output|', '最大 |输出|'),
    relativeDiff: L('relative difference', '相对差异'),
  }),
  chart: ({ runs, seeds, params: p, t }) =>
    scatter({
      title: t(L(`Deep identity network (${num(p, 'layers')} layers) vs its single equivalent layer, seed ${seeds[0]}`, `深层恒等网络（${num(p, 'layers')} 层）与等价的单层，种子 ${seeds[0]}`)),
      xLabel: t(L('output of one layer x·W + b', '单层 x·W + b 的输出')),
      yLabel: t(L('output of the deep network', '深层网络的输出')),
      diagonal: true,
      series: [{ name: t(L('random inputs (on the diagonal = equal)', '随机输入（落在对角线上即相等）')), points: runs[0].trace.map((q) => ({ x: q.single, y: q.deep })) }],
    }),
});

import { createRng } from '../../util/rng.js';
import { bandLines } from '../charts.js';
import { L, column, defineLesson, grid, n4 } from '../defineLesson.js';
import type { Lesson, Verdict } from '../lesson.js';
import { buildNetwork, fitModel } from '../../run/index.js';
import { list, num } from '../params.js';
import { meanInterval, spearman } from '../stats.js';

const ACTS = ['tanh', 'relu'] as const;
const target = (x: number) => Math.sin(3 * x) + 0.3 * x;
const VZ: Record<Verdict, string> = { holds: '成立', 'does not hold': '不成立', inconclusive: '无法确定' };

/** Trains one hidden layer of `width` units; each unit's centre (tanh) or kink (relu) starts at a random point of [-2, 2]. */
function trainWidth(act: string, width: number, data: { x: Float32Array; y: Float32Array; rows: number }, epochs: number, seed: number): number {
  const model = buildNetwork({ inputSize: 1, hidden: [width], activation: act, outputSize: 1, loss: 'mse', seed });
  const rng = createRng(seed + 7919);
  const layer = model.layers[0];
  for (let j = 0; j < width; j++) layer.bias[j] = -layer.weights[j] * rng.uniform(-2, 2);
  const { history, diverged } = fitModel(model, { train: data }, { epochs, learningRate: 0.05, batchSize: data.rows, seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
  return diverged ? Number.MAX_VALUE : history[history.length - 1].trainLoss;
}

function actVerdict(lo: number, hi: number, k: number): Verdict {
  return hi <= -k ? 'holds' : lo > -k ? 'does not hold' : 'inconclusive';
}

/** Lesson 18: one hidden non-linear layer fits a wiggly function better as it widens (rank correlation over widths), for tanh and relu. */
export const universalApproximationLesson: Lesson = defineLesson<Record<string, number[]>>({
  id: 'universal_approximation',
  number: 18,
  kind: 'seeded',
  params: [
    { name: 'widths', kind: 'list', default: [1, 2, 4, 8, 16], min: 1, max: 512, integer: true, description: 'hidden widths tried, increasing' },
    { name: 'epochs', kind: 'number', default: 300, min: 1, max: 20000, integer: true, description: 'training epochs (Adam, lr 0.05, full batch)' },
    { name: 'trend', kind: 'number', default: 0.7, min: 0, max: 1, description: 'Spearman correlation of error with width at or below −trend counts as "better and better"' },
  ],
  measure(p, seed) {
    const xs = grid(-2, 2, 40);
    const data = { x: Float32Array.from(xs), y: Float32Array.from(xs.map(target)), rows: xs.length };
    const widths = [...list(p, 'widths')].sort((a, b) => a - b);
    const m: Record<string, number> = {};
    const trace: Record<string, number[]> = {};
    for (const act of ACTS) {
      const mse = widths.map((w) => trainWidth(act, w, data, num(p, 'epochs'), seed * 31 + w));
      trace[act] = mse;
      widths.forEach((w, i) => (m[`${act}Width${w}Mse`] = mse[i]));
      m[`${act}Spearman`] = spearman(widths, mse);
      m[`${act}ErrorRatio`] = mse[mse.length - 1] / Math.max(mse[0], 1e-300);
    }
    // Least-squares line: the best any stack of identity layers can do; then a deep identity network trained like the others.
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = xs.reduce((s, x) => s + target(x), 0) / xs.length;
    const b = xs.reduce((s, x) => s + (x - mx) * (target(x) - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    m.lineMse = xs.reduce((s, x) => s + (target(x) - (my + b * (x - mx))) ** 2, 0) / xs.length;
    const deep = buildNetwork({ inputSize: 1, hidden: [8, 8, 8], activation: 'identity', outputSize: 1, loss: 'mse', seed });
    const r = fitModel(deep, { train: data }, { epochs: num(p, 'epochs'), learningRate: 0.05, batchSize: data.rows, seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
    m.identityDeepMse = r.diverged ? Number.MAX_VALUE : r.history[r.history.length - 1].trainLoss;
    return { measurements: m, trace };
  },
  judgeSeed(m, p) {
    const k = num(p, 'trend');
    if (m.identityDeepMse < 0.99 * m.lineMse) return 'does not hold';
    const ok = ACTS.map((a) => m[`${a}Spearman`] <= -k);
    return ok.every(Boolean) ? 'holds' : ok.some(Boolean) ? 'inconclusive' : 'does not hold';
  },
  summarize(runs, p) {
    const widths = [...list(p, 'widths')].sort((a, b) => a - b);
    const out: Record<string, number> = { seedCount: runs.length, lineMse: runs[0].measurements.lineMse, identityBestMse: Math.min(...column(runs, 'identityDeepMse')) };
    for (const a of ACTS) {
      const ci = meanInterval(column(runs, `${a}Spearman`));
      out[`${a}MeanSpearman`] = ci.rate;
      out[`${a}SpearmanLow`] = Math.max(-1, ci.lo);
      out[`${a}SpearmanHigh`] = Math.min(1, ci.hi);
      out[`${a}MeanErrorRatio`] = meanInterval(column(runs, `${a}ErrorRatio`)).rate;
      for (const w of widths) out[`${a}Width${w}MeanMse`] = meanInterval(column(runs, `${a}Width${w}Mse`)).rate;
    }
    return out;
  },
  judge(m, p) {
    const k = num(p, 'trend');
    const linearStuck = m.identityBestMse >= 0.99 * m.lineMse;
    const per = ACTS.map((a) => ({ a, v: actVerdict(m[`${a}SpearmanLow`], m[`${a}SpearmanHigh`], k) }));
    const verdict: Verdict = !linearStuck || per.some((x) => x.v === 'does not hold') ? 'does not hold' : per.every((x) => x.v === 'holds') ? 'holds' : 'inconclusive';
    const en = per.map(({ a, v }) => `${a} ρ ${n4(m[`${a}MeanSpearman`])} [${n4(m[`${a}SpearmanLow`])}, ${n4(m[`${a}SpearmanHigh`])}], widest/narrowest error ${n4(m[`${a}MeanErrorRatio`])}: ${v}`).join('; ');
    const zh = per.map(({ a, v }) => `${a} ρ ${n4(m[`${a}MeanSpearman`])} [${n4(m[`${a}SpearmanLow`])}, ${n4(m[`${a}SpearmanHigh`])}]，最宽/最窄误差比 ${n4(m[`${a}MeanErrorRatio`])}：${VZ[v]}`).join('；');
    return {
      verdict,
      criterion: L(
        `"better and better" is judged as a trend over all widths: per seed, Spearman's rank correlation ρ between width and final error (−1 = every wider layer fits better). For each of tanh and relu, holds when the 95% interval of ρ over ${m.seedCount} seeds lies at or below −${k}, fails when it lies above −${k}, inconclusive otherwise; the lesson also needs the deep identity network to do no better than the best straight line (best ${n4(m.identityBestMse)} vs line ${n4(m.lineMse)}). Measured: ${en}`,
        `“越来越好”按所有宽度上的趋势判定：对每个种子，计算宽度与最终误差之间的 Spearman 秩相关 ρ（−1 表示每加宽一次都拟合得更好）。对 tanh 和 relu 分别判定：${m.seedCount} 个种子的 ρ 的 95% 区间不高于 −${k} 则成立，整体高于 −${k} 则不成立，否则无法确定；本课还要求深层恒等网络不比最佳直线更好（最好 ${n4(m.identityBestMse)}，直线 ${n4(m.lineMse)}）。测量结果：${zh}`,
      ),
    };
  },
  labels: (p) => {
    const widths = [...list(p, 'widths')].sort((a, b) => a - b);
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      lineMse: L('error of the best straight line', '最佳直线的误差'),
      identityDeepMse: L('error of the deep identity network', '深层恒等网络的误差'),
      identityBestMse: L('deep identity network: best error over the seeds', '深层恒等网络：各种子中的最小误差'),
    };
    for (const a of ACTS) {
      out[`${a}Spearman`] = L(`${a}: rank correlation of error with width`, `${a}：误差与宽度的秩相关`);
      out[`${a}ErrorRatio`] = L(`${a}: error ratio widest / narrowest`, `${a}：最宽与最窄的误差比`);
      out[`${a}MeanSpearman`] = L(`${a}: rank correlation (mean)`, `${a}：秩相关（均值）`);
      out[`${a}SpearmanLow`] = L(`${a}: rank correlation, 95% low`, `${a}：秩相关 95% 下限`);
      out[`${a}SpearmanHigh`] = L(`${a}: rank correlation, 95% high`, `${a}：秩相关 95% 上限`);
      out[`${a}MeanErrorRatio`] = L(`${a}: error ratio widest / narrowest (mean)`, `${a}：最宽与最窄的误差比（均值）`);
      for (const w of widths) {
        out[`${a}Width${w}Mse`] = L(`${a}, width ${w}: error`, `${a}，宽度 ${w}：误差`);
        out[`${a}Width${w}MeanMse`] = L(`${a}, width ${w}: error (mean)`, `${a}，宽度 ${w}：误差（均值）`);
      }
    }
    return out;
  },
  chart: ({ runs, summary: m, params: p, t }) => {
    const widths = [...list(p, 'widths')].sort((a, b) => a - b);
    return bandLines({
      title: t(L(`Fitting sin(3x) + 0.3x: error by hidden width (geometric mean and 95% interval over ${runs.length} seeds)`, `拟合 sin(3x) + 0.3x：误差随隐藏层宽度的变化（${runs.length} 个种子的几何均值与 95% 区间）`)),
      xLabel: t(L('hidden units', '隐藏单元数')),
      yLabel: t(L('mean squared error', '均方误差')),
      logY: true,
      logX: true,
      points: true,
      series: [
        ...ACTS.map((a) => ({
          name: t(L(`one ${a} layer`, `单个 ${a} 层`)),
          points: widths.map((w, i) => {
            const ci = meanInterval(runs.map((r) => Math.log10(Math.max(r.trace[a][i], 1e-12))));
            return { x: w, y: 10 ** ci.rate, lo: 10 ** ci.lo, hi: 10 ** ci.hi };
          }),
        })),
        { name: t(L('best straight line (= any identity network)', '最佳直线（= 任意恒等网络）')), dashed: true, points: widths.map((w) => ({ x: w, y: m.lineMse })) },
      ],
    });
  },
});

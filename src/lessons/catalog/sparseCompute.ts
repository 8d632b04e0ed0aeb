import { resolveActivation } from '../../activations/resolve.js';
import { getDataset } from '../../data/builtins.js';
import type { Model } from '../../nn/model.js';
import { intervalBars } from '../charts.js';
import { L, column, defineLesson, n4, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork } from '../../run/index.js';
import { num } from '../params.js';
import { meanInterval } from '../stats.js';

/** A forward pass in float64 that counts its multiply-adds; with `skip`, inputs that are exactly 0 are skipped. */
function forward(model: Model, f: (z: number) => number, x: Float32Array, rows: number, skip: boolean): { out: Float64Array; macs: number; zeros: number; fed: number } {
  let h = Float64Array.from(x.subarray(0, rows * model.inputSize));
  let width = model.inputSize;
  let macs = 0;
  let zeros = 0;
  let fed = 0;
  model.layers.forEach((layer, l) => {
    const units = layer.units;
    const z = new Float64Array(rows * units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < units; j++) z[r * units + j] = layer.bias[j];
      for (let i = 0; i < width; i++) {
        const v = h[r * width + i];
        if (l > 0) {
          fed++;
          if (v === 0) zeros++;
        }
        if (skip && v === 0) continue;
        for (let j = 0; j < units; j++) z[r * units + j] += v * layer.weights[i * units + j];
        macs += units;
      }
    }
    h = layer.activation ? z.map(f) : z;
    width = units;
  });
  return { out: h, macs, zeros, fed };
}

const NETS = ['relu', 'sigmoid'] as const;

/** Lesson 25: zeros in ReLU outputs save multiply-adds only in a pass that skips them. */
export const sparseComputeLesson: Lesson = defineLesson({
  id: 'sparse_compute',
  number: 25,
  kind: 'seeded',
  byConstruction: true,
  params: [
    { name: 'layers', kind: 'number', default: 3, min: 1, max: 10, integer: true, description: 'hidden layers' },
    { name: 'width', kind: 'number', default: 64, min: 2, max: 512, integer: true, description: 'units per hidden layer' },
  ],
  measure(p, seed) {
    const ds = getDataset('gauss', { n: 200, seed });
    const m: Record<string, number> = {};
    for (const act of NETS) {
      const model = buildNetwork({ inputSize: 2, hidden: Array.from({ length: num(p, 'layers') }, () => num(p, 'width')), activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 13 });
      const f = resolveActivation(act).f;
      const dense = forward(model, f, ds.x, ds.n, false);
      const sparse = forward(model, f, ds.x, ds.n, true);
      let diff = 0;
      dense.out.forEach((v, i) => (diff = Math.max(diff, Math.abs(v - sparse.out[i]))));
      m[`${act}ZeroShare`] = dense.zeros / dense.fed;
      m[`${act}DenseMacs`] = dense.macs;
      m[`${act}SkipMacs`] = sparse.macs;
      m[`${act}Saved`] = 1 - sparse.macs / dense.macs;
      m[`${act}OutputDifference`] = diff;
    }
    return { measurements: m, trace: null };
  },
  judgeSeed: (m) => (m.reluDenseMacs === m.sigmoidDenseMacs && m.reluSaved > 0 && m.sigmoidSaved === 0 && m.reluOutputDifference === 0 ? 'holds' : 'does not hold'),
  summarize(runs) {
    const out: Record<string, number> = {
      seedCount: runs.length,
      denseMacs: runs[0].measurements.reluDenseMacs,
      seedsWithEqualDenseWork: runs.filter((r) => r.measurements.reluDenseMacs === r.measurements.sigmoidDenseMacs && r.measurements.reluDenseMacs === runs[0].measurements.reluDenseMacs).length,
      largestOutputDifference: Math.max(...column(runs, 'reluOutputDifference'), ...column(runs, 'sigmoidOutputDifference')),
    };
    for (const act of NETS) {
      for (const q of ['ZeroShare', 'Saved']) {
        const ci = meanInterval(column(runs, `${act}${q}`));
        out[`${act}Mean${q}`] = ci.rate;
        out[`${act}${q}Low`] = ci.lo;
        out[`${act}${q}High`] = ci.hi;
      }
    }
    return out;
  },
  judge(m) {
    const ok = m.seedsWithEqualDenseWork === m.seedCount && m.reluSavedLow > 0 && m.sigmoidMeanSaved === 0 && m.largestOutputDifference === 0;
    return {
      verdict: ok ? 'holds' : 'does not hold',
      criterion: L(
        `true by construction: a dense matrix product multiplies every entry, zero or not, so its work cannot depend on sparsity; the lesson counts the multiply-adds to show it. Holds when, in every seed, the dense pass does the same work for the ReLU and the sigmoid network (${n4(m.denseMacs)} multiply-adds; ${m.seedsWithEqualDenseWork} of ${m.seedCount} seeds), a pass that skips exact zeros does less for ReLU (saving ${pct(m.reluMeanSaved)} [${pct(m.reluSavedLow)}, ${pct(m.reluSavedHigh)}], with ${pct(m.reluMeanZeroShare)} of the hidden outputs exactly 0) and nothing for sigmoid (its outputs are never exactly 0; saving ${pct(m.sigmoidMeanSaved)}), and both passes give identical outputs (largest difference ${n4(m.largestOutputDifference)}). Does not hold otherwise. Counting is not timing: skipping pays off in wall time only when zeros are many and the check is cheap`,
        `按构造成立：稠密矩阵乘法会把每个元素都乘一遍，不管是不是 0，所以它的计算量不可能取决于稀疏程度；本课通过统计乘加次数来展示这一点。当每个种子下，稠密计算对 ReLU 网络和 sigmoid 网络的工作量相同（${n4(m.denseMacs)} 次乘加；${m.seedCount} 个种子中 ${m.seedsWithEqualDenseWork} 个），跳过恰好为 0 的输入的计算对 ReLU 更少（节省 ${pct(m.reluMeanSaved)} [${pct(m.reluSavedLow)}, ${pct(m.reluSavedHigh)}]，隐藏层输出中有 ${pct(m.reluMeanZeroShare)} 恰好为 0），对 sigmoid 则毫无节省（它的输出从不恰好为 0；节省 ${pct(m.sigmoidMeanSaved)}），且两种计算给出完全相同的输出（最大差异 ${n4(m.largestOutputDifference)}）时成立；否则不成立。计数不等于计时：只有当零值很多、检查又很便宜时，跳过零值才能在实际运行时间上带来好处`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      denseMacs: L('multiply-adds of the dense pass', '稠密计算的乘加次数'),
      seedsWithEqualDenseWork: L('seeds where the dense work is the same', '稠密工作量相同的种子数'),
      largestOutputDifference: L('largest output difference, dense vs skipping', '稠密与跳零计算的最大输出差异'),
    };
    for (const act of NETS) {
      out[`${act}ZeroShare`] = L(`${act}: share of hidden outputs exactly 0`, `${act}：隐藏层输出恰好为 0 的比例`);
      out[`${act}DenseMacs`] = L(`${act}: multiply-adds, dense`, `${act}：乘加次数，稠密`);
      out[`${act}SkipMacs`] = L(`${act}: multiply-adds, skipping zeros`, `${act}：乘加次数，跳过零值`);
      out[`${act}Saved`] = L(`${act}: share of multiply-adds saved by skipping`, `${act}：跳过零值节省的乘加比例`);
      out[`${act}OutputDifference`] = L(`${act}: largest output difference`, `${act}：最大输出差异`);
      for (const [q, en, zh] of [['ZeroShare', 'share of zeros', '零值比例'], ['Saved', 'share saved', '节省比例']] as const) {
        out[`${act}Mean${q}`] = L(`${act}: ${en} (mean)`, `${act}：${zh}（均值）`);
        out[`${act}${q}Low`] = L(`${act}: ${en}, 95% low`, `${act}：${zh} 95% 下限`);
        out[`${act}${q}High`] = L(`${act}: ${en}, 95% high`, `${act}：${zh} 95% 上限`);
      }
    }
    return out;
  },
  chart: ({ summary: m, t }) =>
    intervalBars({
      title: t(L(`Multiply-adds of a forward pass, relative to the dense pass (95% interval over ${m.seedCount} seeds)`, `一次前向计算的乘加次数，相对稠密计算（${m.seedCount} 个种子的 95% 区间）`)),
      xLabel: '',
      yLabel: t(L('multiply-adds / dense multiply-adds', '乘加次数 / 稠密乘加次数')),
      max: 1,
      bars: NETS.flatMap((act) => [
        { name: t(L(`${act}: dense`, `${act}：稠密`)), group: act, value: 1 },
        { name: t(L(`${act}: skipping zeros`, `${act}：跳过零值`)), group: act, value: 1 - m[`${act}MeanSaved`], lo: 1 - m[`${act}SavedHigh`], hi: 1 - m[`${act}SavedLow`] },
      ]),
    }),
});

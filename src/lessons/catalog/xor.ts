import type { TrainData } from '../../nn/trainer.js';
import { intervalBars } from '../charts.js';
import { L, column, defineLesson, pct } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { buildNetwork, classificationAccuracy, fitModel } from '../../run/index.js';
import { num } from '../params.js';
import { wilson } from '../stats.js';

const XOR: TrainData = { x: Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]), y: Float32Array.from([0, 1, 1, 0]), rows: 4 };
const NONLINEAR = ['tanh', 'sigmoid', 'relu'] as const;
const ACTS = ['identity', ...NONLINEAR] as const;
const r3 = (v: number) => Number(v.toFixed(3));

/** Lesson 3: XOR is out of reach of linear activations and within reach of non-linear ones: success rates over seeds. */
export const xorLesson: Lesson = defineLesson({
  id: 'xor',
  number: 3,
  kind: 'seeded',
  params: [
    { name: 'hidden', kind: 'number', default: 4, min: 1, max: 64, integer: true, description: 'hidden units' },
    { name: 'epochs', kind: 'number', default: 300, min: 1, max: 5000, integer: true, description: 'training epochs (Adam, full batch)' },
    { name: 'lr', kind: 'number', default: 0.05, min: 1e-6, max: 10, description: 'learning rate' },
  ],
  measure(p, seed) {
    const m: Record<string, number> = {};
    for (const act of ACTS) {
      const model = buildNetwork({ inputSize: 2, hidden: [num(p, 'hidden')], activation: act, outputSize: 1, loss: 'binary_crossentropy', seed: seed * 101 });
      fitModel(model, { train: XOR }, { epochs: num(p, 'epochs'), learningRate: num(p, 'lr'), batchSize: 4, seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
      m[`${act}Accuracy`] = classificationAccuracy(model, XOR);
    }
    return { measurements: m, trace: null };
  },
  judgeSeed(m) {
    if (m.identityAccuracy > 0.75) return 'does not hold';
    const reached = NONLINEAR.filter((a) => m[`${a}Accuracy`] === 1).length;
    return reached === NONLINEAR.length ? 'holds' : reached === 0 ? 'does not hold' : 'inconclusive';
  },
  summarize(runs) {
    const m: Record<string, number> = { seedCount: runs.length, identityBestAccuracy: Math.max(...column(runs, 'identityAccuracy')) };
    for (const act of ACTS) {
      const k = column(runs, `${act}Accuracy`).filter((a) => a === 1).length;
      const w = wilson(k, runs.length);
      m[`${act}Successes`] = k;
      m[`${act}SuccessLow`] = r3(w.lo);
      m[`${act}SuccessHigh`] = r3(w.hi);
    }
    return m;
  },
  judge(m) {
    const linearOk = m.identityBestAccuracy <= 0.75;
    const clear = NONLINEAR.every((a) => m[`${a}SuccessLow`] > 0.5);
    const fails = NONLINEAR.some((a) => m[`${a}SuccessHigh`] < 0.5);
    const verdict = !linearOk || fails ? 'does not hold' : clear ? 'holds' : 'inconclusive';
    const rates = NONLINEAR.map((a) => `${a} ${m[`${a}Successes`]}/${m.seedCount} [${pct(m[`${a}SuccessLow`])}, ${pct(m[`${a}SuccessHigh`])}]`).join(', ');
    return {
      verdict,
      criterion: L(
        `rule fixed before the run, one initialisation per activation and seed (no best-of-k). Holds when the identity network stays at or below 75% in every seed (best ${pct(m.identityBestAccuracy)}) and each of tanh, sigmoid and relu reaches 100% in most seeds: the 95% Wilson interval of its success rate lies above 50%. Does not hold when the identity network exceeds 75% in some seed or a success rate's interval lies below 50%; inconclusive otherwise. Success rates: ${rates}`,
        `规则在运行前确定，每种激活每个种子只初始化一次（不取 k 次中最好的）。当恒等网络在每个种子下准确率都不超过 75%（最好 ${pct(m.identityBestAccuracy)}），且 tanh、sigmoid、relu 各自在多数种子下达到 100%（成功率的 95% Wilson 区间整体高于 50%）时成立。若恒等网络在某个种子下超过 75%，或某个成功率的区间整体低于 50%，则不成立；其余情况无法确定。成功率：${rates}`,
      ),
    };
  },
  labels: () => {
    const out: Record<string, { en: string; zh: string }> = {
      seedCount: L('seeds', '种子数'),
      identityBestAccuracy: L('identity: best accuracy over the seeds', 'identity：各种子中的最高准确率'),
    };
    for (const a of ACTS) {
      out[`${a}Accuracy`] = L(`${a} accuracy`, `${a} 准确率`);
      out[`${a}Successes`] = L(`${a}: seeds reaching 100%`, `${a}：达到 100% 的种子数`);
      out[`${a}SuccessLow`] = L(`${a}: success rate, 95% interval low`, `${a}：成功率 95% 区间下限`);
      out[`${a}SuccessHigh`] = L(`${a}: success rate, 95% interval high`, `${a}：成功率 95% 区间上限`);
    }
    return out;
  },
  chart: ({ summary: m, t }) =>
    intervalBars({
      title: t(L(`XOR: share of ${m.seedCount} seeds that reach 100% (95% Wilson intervals)`, `XOR：${m.seedCount} 个种子中达到 100% 的比例（95% Wilson 区间）`)),
      xLabel: t(L('hidden activation', '隐藏层激活')),
      yLabel: t(L('success rate', '成功率')),
      max: 1,
      bars: ACTS.map((a) => ({ name: a, value: m[`${a}Successes`] / m.seedCount, lo: m[`${a}SuccessLow`], hi: m[`${a}SuccessHigh`] })),
    }),
});

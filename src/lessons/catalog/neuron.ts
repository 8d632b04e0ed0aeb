import { barChart } from '../../charts/barChart.js';
import { jsBackend } from '../../nn/jsBackend.js';
import { createRng } from '../../util/rng.js';
import { L, defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Rows, inputs and neurons of the layer compared. */
const ROWS = 5;
const IN = 2;
const UNITS = 3;

/** Lesson 1: a neuron's weighted sum, activation and output, then a whole layer as the engine's matrix product. */
export const neuronLesson: Lesson = defineLesson({
  id: 'neuron',
  number: 1,
  kind: 'deterministic',
  byConstruction: true,
  params: [
    { name: 'input1', kind: 'number', default: 0.5, description: 'first weighted input (weight × previous output)' },
    { name: 'input2', kind: 'number', default: 0.2, description: 'second weighted input' },
    { name: 'bias', kind: 'number', default: 0.1, description: 'weighted bias' },
    { name: 'expected', kind: 'number', default: 0.69, description: 'the output the claim states, to two decimals' },
  ],
  measure(p) {
    const sum = num(p, 'input1') + num(p, 'input2') + num(p, 'bias');
    const output = sigmoid(sum);
    // A layer of 3 sigmoid neurons on 5 input rows: neuron by neuron in float64, and as Z = X·W + b with the
    // training engine's own matrix product (float32 gemm), then sigmoid.
    const rng = createRng(7);
    const X = Float32Array.from({ length: ROWS * IN }, () => rng.uniform(-1, 1));
    const W = Float32Array.from({ length: IN * UNITS }, () => rng.uniform(-1, 1));
    const b = Float32Array.from({ length: UNITS }, () => rng.uniform(-0.5, 0.5));
    const Z = new Float32Array(ROWS * UNITS);
    jsBackend.broadcastRows(b, Z, ROWS, UNITS);
    jsBackend.gemm(X, W, Z, ROWS, IN, UNITS, true);
    let maxDiff = 0;
    for (let r = 0; r < ROWS; r++) {
      for (let j = 0; j < UNITS; j++) {
        let s = b[j];
        for (let i = 0; i < IN; i++) s += X[r * IN + i] * W[i * UNITS + j];
        maxDiff = Math.max(maxDiff, Math.abs(sigmoid(s) - sigmoid(Z[r * UNITS + j])));
      }
    }
    return { measurements: { sum, output, layerRows: ROWS, layerUnits: UNITS, layerMaxDiff: maxDiff }, trace: null };
  },
  judge(m, p) {
    const expected = num(p, 'expected');
    const ok1 = Math.abs(m.output - expected) <= 0.005;
    const ok2 = m.layerMaxDiff <= 1e-6;
    const yes = (b: boolean) => (b ? L('yes', '是') : L('no', '否'));
    return {
      verdict: ok1 && ok2 ? 'holds' : 'does not hold',
      criterion: L(
        `deterministic (one run suffices: plain arithmetic) and true by construction. Holds when sigmoid(sum) rounds to the stated ${expected} (|${n4(m.output)} − ${expected}| ≤ 0.005: ${yes(ok1).en}) and a layer of ${m.layerUnits} neurons on ${m.layerRows} input rows computed neuron by neuron equals the engine's matrix product X·W + b (gemm, float32) followed by sigmoid, to float32 rounding (largest difference ${n4(m.layerMaxDiff)} ≤ 1e-6: ${yes(ok2).en})`,
        `确定性实验（纯算术，运行一次即可），且按构造成立。当 sigmoid(和) 四舍五入后等于给定的 ${expected}（|${n4(m.output)} − ${expected}| ≤ 0.005：${yes(ok1).zh}），并且对 ${m.layerRows} 行输入、${m.layerUnits} 个神经元的层，逐个神经元计算的结果与引擎的矩阵乘法 X·W + b（gemm，float32）再取 sigmoid 的结果在 float32 舍入误差内相等（最大差异 ${n4(m.layerMaxDiff)} ≤ 1e-6：${yes(ok2).zh}）时成立`,
      ),
    };
  },
  labels: () => ({
    sum: L('weighted sum', '加权和'),
    output: L('sigmoid(sum)', 'sigmoid(和)'),
    layerRows: L('input rows of the layer test', '层测试的输入行数'),
    layerUnits: L('neurons of the layer test', '层测试的神经元数'),
    layerMaxDiff: L('largest difference, neuron by neuron vs gemm', '逐个神经元与 gemm 的最大差异'),
  }),
  chart: ({ params: p, summary: m, t }) =>
    barChart({
      title: t(L('One neuron: weighted inputs, bias, sum and sigmoid output', '一个神经元：加权输入、偏置、和与 sigmoid 输出')),
      xLabel: t(L('quantity', '量')),
      yLabel: t(L('value', '值')),
      bars: [
        { name: t(L('input 1', '输入 1')), value: num(p, 'input1') },
        { name: t(L('input 2', '输入 2')), value: num(p, 'input2') },
        { name: t(L('bias', '偏置')), value: num(p, 'bias') },
        { name: t(L('sum', '和')), value: m.sum },
        { name: 'sigmoid', value: m.output },
      ],
    }),
});

import { barChart } from '../../charts/barChart.js';
import { createRng } from '../../util/rng.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Lesson 1: a neuron's weighted sum, activation and output, then a whole layer as a matrix product. */
export const neuronLesson: Lesson = defineLesson({
  id: 'neuron',
  number: 1,
  params: [
    { name: 'input1', kind: 'number', default: 0.5, description: 'first weighted input (weight × previous output)' },
    { name: 'input2', kind: 'number', default: 0.2, description: 'second weighted input' },
    { name: 'bias', kind: 'number', default: 0.1, description: 'weighted bias' },
    { name: 'expected', kind: 'number', default: 0.69, description: 'the output the claim states, to two decimals' },
  ],
  measure(p, seed) {
    const sum = num(p, 'input1') + num(p, 'input2') + num(p, 'bias');
    const output = sigmoid(sum);
    // A layer: 2 inputs, 3 sigmoid neurons; neuron by neuron vs x·W + b.
    const rng = createRng(seed);
    const x = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    const W = [0, 1].map(() => [0, 1, 2].map(() => rng.uniform(-1, 1)));
    const b = [0, 1, 2].map(() => rng.uniform(-0.5, 0.5));
    const perNeuron = [0, 1, 2].map((j) => {
      let s = b[j];
      for (let i = 0; i < 2; i++) s += x[i] * W[i][j];
      return sigmoid(s);
    });
    const matrix = new Float32Array(3);
    for (let j = 0; j < 3; j++) matrix[j] = sigmoid(x[0] * W[0][j] + x[1] * W[1][j] + b[j]);
    const layerMaxDiff = Math.max(...perNeuron.map((v, j) => Math.abs(v - matrix[j])));
    return {
      measurements: { sum, output, layerOutput1: perNeuron[0], layerOutput2: perNeuron[1], layerOutput3: perNeuron[2], layerMaxDiff },
      chart: barChart({
        title: 'One neuron: weighted inputs, bias, sum and sigmoid output',
        xLabel: 'quantity',
        yLabel: 'value',
        bars: [
          { name: 'input 1', value: num(p, 'input1') },
          { name: 'input 2', value: num(p, 'input2') },
          { name: 'bias', value: num(p, 'bias') },
          { name: 'sum', value: sum },
          { name: 'sigmoid(sum)', value: output },
        ],
      }),
    };
  },
  judge(m, p) {
    const expected = num(p, 'expected');
    const ok1 = Math.abs(m.output - expected) <= 0.005;
    const ok2 = m.layerMaxDiff <= 1e-6;
    return {
      verdict: ok1 && ok2 ? 'holds' : 'does not hold',
      criterion: `holds when sigmoid(sum) rounds to the stated ${expected} (|${n4(m.output)} − ${expected}| ≤ 0.005: ${ok1 ? 'yes' : 'no'}) and the layer computed neuron by neuron equals x·W + b to float32 rounding (largest difference ${n4(m.layerMaxDiff)} ≤ 1e-6: ${ok2 ? 'yes' : 'no'})`,
    };
  },
});

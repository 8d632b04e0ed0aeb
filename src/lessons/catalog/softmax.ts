import { barChart } from '../../charts/barChart.js';
import { softmax } from '../../activations/vector.js';
import { createRng } from '../../util/rng.js';
import { defineLesson, n4 } from '../defineLesson.js';
import type { Lesson } from '../lesson.js';
import { num } from '../params.js';

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Lesson 12: softmax gives one distribution per row; per-class sigmoid or step outputs do not. */
export const softmaxLesson: Lesson = defineLesson({
  id: 'softmax',
  number: 12,
  params: [
    { name: 'classes', kind: 'number', default: 4, min: 2, max: 100, integer: true, description: 'number of classes' },
    { name: 'rows', kind: 'number', default: 1000, min: 10, max: 100000, integer: true, description: 'random score vectors' },
    { name: 'scale', kind: 'number', default: 2, min: 0.001, max: 100, description: 'standard deviation of the scores' },
  ],
  measure(p, seed) {
    const k = num(p, 'classes');
    const rows = num(p, 'rows');
    const rng = createRng(seed);
    const x = new Float64Array(rows * k).map(() => rng.normal() * num(p, 'scale'));
    const y = new Float64Array(rows * k);
    softmax.forward(x, y, rows, k);
    let maxSumError = 0;
    let minProb = Infinity;
    let softmaxOneWinner = 0;
    let sigmoidNotOne = 0;
    let stepNotOne = 0;
    let sigmoidSumError = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      let ss = 0;
      let sig = 0;
      let stp = 0;
      let best = 0;
      for (let j = 0; j < k; j++) {
        const v = y[r * k + j];
        s += v;
        minProb = Math.min(minProb, v);
        if (v > y[r * k + best]) best = j;
        const q = sigmoid(x[r * k + j]);
        ss += q;
        if (q >= 0.5) sig++;
        if (x[r * k + j] >= 0) stp++;
      }
      maxSumError = Math.max(maxSumError, Math.abs(s - 1));
      sigmoidSumError = Math.max(sigmoidSumError, Math.abs(ss - 1));
      let ties = 0;
      for (let j = 0; j < k; j++) if (y[r * k + j] === y[r * k + best]) ties++;
      if (ties === 1) softmaxOneWinner++;
      if (sig !== 1) sigmoidNotOne++;
      if (stp !== 1) stepNotOne++;
    }
    const m = {
      softmaxMaxSumError: maxSumError,
      softmaxMinProbability: minProb,
      softmaxSingleWinnerShare: softmaxOneWinner / rows,
      sigmoidNotExactlyOneShare: sigmoidNotOne / rows,
      stepNotExactlyOneShare: stepNotOne / rows,
      sigmoidMaxSumError: sigmoidSumError,
    };
    return {
      measurements: m,
      chart: barChart({
        title: `Rows that do not name exactly one of ${k} classes`,
        xLabel: 'output',
        yLabel: 'share of rows',
        bars: [
          { name: 'softmax (argmax)', value: 1 - m.softmaxSingleWinnerShare },
          { name: 'sigmoid ≥ 0.5', value: m.sigmoidNotExactlyOneShare },
          { name: 'step', value: m.stepNotExactlyOneShare },
        ],
      }),
    };
  },
  judge(m) {
    const dist = m.softmaxMaxSumError <= 1e-12 && m.softmaxMinProbability > 0 && m.softmaxSingleWinnerShare === 1;
    const others = m.sigmoidNotExactlyOneShare > 0 && m.stepNotExactlyOneShare > 0;
    return {
      verdict: dist && others ? 'holds' : 'does not hold',
      criterion: `holds when every softmax row is positive (smallest ${n4(m.softmaxMinProbability)}) and sums to 1 within 1e-12 (largest error ${n4(m.softmaxMaxSumError)}) with a single winner (${n4(m.softmaxSingleWinnerShare * 100)}% of rows), while per-class sigmoid and step outputs name zero or several classes in some rows (${n4(m.sigmoidNotExactlyOneShare * 100)}% and ${n4(m.stepNotExactlyOneShare * 100)}%; their sums stray from 1 by up to ${n4(m.sigmoidMaxSumError)})`,
    };
  },
});

import { lossValue } from './losses.js';
import type { Model } from './model.js';

/** Loss and the task's score on a data set. */
export interface Metrics {
  /** Mean data loss (no regularisation). */
  readonly loss: number;
  /** Classification losses: fraction correct (argmax of the logits for softmax; p ≥ 0.5 per column for sigmoid). */
  readonly accuracy?: number;
  /** mse: coefficient of determination 1 − SS_res/SS_tot, pooled over the output columns (each centred on its own mean); 0 when the targets are constant. */
  readonly r2?: number;
}

/** Evaluates `model` on rows×inputSize inputs `x` with targets `y`, in chunks of `chunk` rows. */
export function evaluate(model: Model, data: { x: Float32Array; y: Float32Array; rows: number }, chunk = 256): Metrics {
  const { inputSize: inW, outputSize: k, loss } = model;
  let lossSum = 0;
  let correct = 0;
  let judged = 0;
  let ssRes = 0;
  const colSum = new Float64Array(k);
  const colSum2 = new Float64Array(k);
  for (let start = 0; start < data.rows; start += chunk) {
    const n = Math.min(chunk, data.rows - start);
    const logits = model.logits(data.x.subarray(start * inW, (start + n) * inW), n);
    const y = data.y.subarray(start * k, (start + n) * k);
    lossSum += lossValue(loss, logits, y, n, k) * n;
    if (loss === 'mse') {
      for (let i = 0; i < n * k; i++) {
        const e = logits[i] - y[i];
        ssRes += e * e;
        colSum[i % k] += y[i];
        colSum2[i % k] += y[i] * y[i];
      }
    } else if (loss === 'binary_crossentropy') {
      for (let i = 0; i < n * k; i++) {
        if ((logits[i] >= 0 ? 1 : 0) === (y[i] >= 0.5 ? 1 : 0)) correct++;
        judged++;
      }
    } else {
      for (let r = 0; r < n; r++) {
        if (argmax(logits, r * k, k) === argmax(y, r * k, k)) correct++;
        judged++;
      }
    }
  }
  const meanLoss = lossSum / data.rows;
  if (loss === 'mse') {
    let ssTot = 0;
    for (let j = 0; j < k; j++) ssTot += colSum2[j] - (colSum[j] * colSum[j]) / data.rows;
    return { loss: meanLoss, r2: ssTot > 0 ? 1 - ssRes / ssTot : 0 };
  }
  return { loss: meanLoss, accuracy: correct / judged };
}

function argmax(a: Float32Array, offset: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (a[offset + j] > a[offset + best]) best = j;
  return best;
}

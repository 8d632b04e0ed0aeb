import type { Model } from '../nn/model.js';
import type { TrainData } from '../nn/trainer.js';
import { classIndex } from './savedModel.js';

/**
 * Fraction of rows whose predicted class is the target's class: the class of an output row is `classIndex`
 * (one column: ≥ 0.5; more: the first largest), the target's the same of its 0/1 column or one-hot row. The
 * one definition of accuracy for `actlab predict`, the explorer and the lessons, whatever the loss.
 */
export function classificationAccuracy(model: Model, data: TrainData): number {
  const k = model.outputSize;
  const out = model.predict(data.x, data.rows);
  let correct = 0;
  for (let r = 0; r < data.rows; r++) {
    const o = Array.from(out.subarray(r * k, (r + 1) * k));
    const t = Array.from(data.y.subarray(r * k, (r + 1) * k));
    if (classIndex(o) === classIndex(t)) correct++;
  }
  return data.rows === 0 ? 0 : correct / data.rows;
}

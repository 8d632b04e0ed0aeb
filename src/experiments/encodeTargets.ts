import type { Dataset } from '../data/dataset.js';
import { oneHot } from '../data/oneHot.js';
import type { LossName } from '../nn/losses.js';
import type { TrainData } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';

/**
 * Output width a loss needs for a data set: 1 for regression and for 2 classes (one 0/1 column, whatever the
 * loss, as Playground does), else one per class. The CLI, the explorer and the lessons all use this.
 */
export function outputWidth(ds: Dataset, _loss: LossName): number {
  if (ds.task === 'regression') return 1;
  const k = ds.numClasses ?? 2;
  return k === 2 ? 1 : k;
}

/**
 * The engine's view of a data set under a loss: regression targets as one column; class indices as one
 * 0/1 column (2 classes) or one-hot rows (more).
 */
export function encodeTargets(ds: Dataset, loss: LossName): TrainData {
  if (ds.task === 'regression') {
    if (loss !== 'mse') throw new ActlabError(`loss ${loss} needs class labels but '${ds.name}' is a regression set; use --loss mse`);
    return { x: ds.x, y: ds.y, rows: ds.n };
  }
  const k = ds.numClasses ?? 2;
  if (outputWidth(ds, loss) === 1) return { x: ds.x, y: ds.y, rows: ds.n };
  return { x: ds.x, y: oneHot(ds.y, k), rows: ds.n };
}

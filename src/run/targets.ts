/**
 * Loss choice and targets, decided once for every face (the CLI, the explorer, the lessons, search): which
 * loss fits a data set, how wide the output layer is, and how class labels become the engine's targets.
 * Accuracy, the other half of "what a class prediction is", is `classificationAccuracy` (./accuracy.ts).
 */
import type { DataTask, Dataset } from '../data/dataset.js';
import { oneHot } from '../data/oneHot.js';
import type { LossName } from '../nn/losses.js';
import type { TrainData } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';

/** The loss a task implies: binary cross-entropy for 2 classes, categorical cross-entropy for more, MSE for regression. */
export function defaultLoss(task: DataTask, numClasses: number): LossName {
  if (task === 'regression') return 'mse';
  return numClasses === 2 ? 'binary_crossentropy' : 'categorical_crossentropy';
}

/**
 * The loss of a run, decided in one place: regression always uses MSE; a classification uses the requested
 * loss, else the task's default (`defaultLoss`).
 */
export function lossFor(task: DataTask, numClasses: number, requested?: LossName): LossName {
  if (task === 'regression') return 'mse';
  return requested ?? defaultLoss(task, numClasses);
}

/** The loss that fits a data set (`lossFor` of its task and class count). */
export function datasetLoss(ds: Dataset): LossName {
  return lossFor(ds.task, ds.numClasses ?? 2);
}

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

/** A data set's training data under the loss that fits it (`encodeTargets` with `datasetLoss`). */
export function datasetTargets(ds: Dataset): TrainData {
  return encodeTargets(ds, datasetLoss(ds));
}

/**
 * Data of a live run (the explorer's): rows held in memory checked into a Dataset, and a prepared split
 * (src/run/preparedData.ts) turned into the engine's inputs and targets with the loss, output width
 * and target encoding decided as everywhere else (`lossFor`, `outputWidth`, `encodeTargets`).
 */
import { createDataset, type DataTask, type Dataset } from '../data/dataset.js';
import type { PreparedData } from './preparedData.js';
import { encodeTargets, lossFor, outputWidth } from './targets.js';
import type { LossName } from '../nn/losses.js';
import type { TrainData } from '../nn/trainer.js';
import { ActlabError } from '../util/errors.js';

/** Rows a face holds in memory: an uploaded CSV's numbers, or points clicked on a plane. */
export interface InMemoryRows {
  readonly task: DataTask;
  readonly featureNames: readonly string[];
  /** Class names (classification); default '0', '1', … up to the largest label. */
  readonly classNames?: readonly string[];
  /** Row-major n×d feature values. */
  readonly x: readonly number[];
  /** Class indices or target values, one per row. */
  readonly y: readonly number[];
  /** Where they came from (a file name, 'clicked'): the data set's name. */
  readonly source?: string;
}

/** A Dataset from rows held in memory, checked: one-line errors that say what to fix. */
export function datasetFromRows(rows: InMemoryRows): Dataset {
  if (!rows || !Array.isArray(rows.featureNames) || !Array.isArray(rows.x) || !Array.isArray(rows.y)) {
    throw new ActlabError('the custom data is damaged (missing columns or rows); upload the CSV file again');
  }
  const d = rows.featureNames.length;
  if (d < 1) throw new ActlabError('the custom data has no feature columns; give the CSV at least two number columns and a target');
  if (rows.y.length < 2) throw new ActlabError(`the custom data has ${rows.y.length} point(s); add at least 2`);
  if (rows.x.length !== rows.y.length * d) {
    throw new ActlabError(`the custom data has ${rows.x.length} values for ${rows.y.length} rows × ${d} columns; upload the CSV file again`);
  }
  for (let i = 0; i < rows.x.length; i++) {
    if (typeof rows.x[i] !== 'number' || !Number.isFinite(rows.x[i])) {
      throw new ActlabError(`the custom data has a missing or non-numeric value in row ${Math.floor(i / d) + 1}, column '${rows.featureNames[i % d]}'; fix the CSV file`);
    }
  }
  for (let i = 0; i < rows.y.length; i++) {
    if (typeof rows.y[i] !== 'number' || !Number.isFinite(rows.y[i])) throw new ActlabError(`the custom data has a missing or non-numeric target in row ${i + 1}; fix the CSV file`);
  }
  const classification = rows.task === 'classification';
  if (!classification && rows.task !== 'regression') throw new ActlabError(`unknown task '${String(rows.task)}' of the custom data; use classification or regression`);
  let classNames: string[] | undefined;
  if (classification) {
    const maxLabel = rows.y.reduce((m, v) => Math.max(m, v), 0);
    classNames = rows.classNames && rows.classNames.length >= 2 ? [...rows.classNames] : Array.from({ length: Math.max(2, maxLabel + 1) }, (_, i) => String(i));
  }
  return createDataset({
    name: rows.source || 'custom',
    task: rows.task,
    featureNames: [...rows.featureNames],
    ...(classNames ? { classNames } : {}),
    x: Float32Array.from(rows.x),
    y: Float32Array.from(rows.y),
  });
}

/** Inputs and targets of a live run, with the loss and output width that go with them. */
export interface LiveData {
  readonly task: DataTask;
  /** Classes (classification), else 0. */
  readonly numClasses: number;
  /** Class names by output index (classification), else null. */
  readonly classNames: string[] | null;
  readonly loss: LossName;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly train: TrainData;
  /** Null when every row trains. */
  readonly test: TrainData | null;
}

/** How a face turns a prepared split into network inputs. */
export interface LiveDataOptions {
  /** 'mse' asks for squared error on a classification set; absent: the task's default loss (`lossFor`). */
  readonly loss?: 'mse';
  /**
   * Network input width and the rows' encoding (e.g. the explorer's x², sin x features of the raw columns).
   * Absent: the standardised columns as they are.
   */
  readonly inputs?: { readonly width: number; encode(part: Dataset, standardized: Dataset): Float32Array };
}

/** A prepared split as the engine's inputs and targets. */
export function liveData(prepared: PreparedData, options: LiveDataOptions = {}): LiveData {
  const task = prepared.task;
  const numClasses = task === 'classification' ? (prepared.raw.train.numClasses ?? 2) : 0;
  const loss = lossFor(task, numClasses, options.loss);
  const outputSize = outputWidth(prepared.raw.train, loss);
  const encode = (raw: Dataset, standardized: Dataset): TrainData => ({
    x: options.inputs ? options.inputs.encode(raw, standardized) : standardized.x,
    y: encodeTargets(standardized, loss).y.slice(),
    rows: raw.n,
  });
  const train = encode(prepared.raw.train, prepared.train);
  const test = prepared.raw.test.n > 0 ? encode(prepared.raw.test, prepared.test) : null;
  const classNames = task === 'classification' ? [...(prepared.classNames ?? Array.from({ length: numClasses }, (_, i) => String(i)))] : null;
  return { task, numClasses, classNames, loss, inputSize: options.inputs?.width ?? prepared.featureNames.length, outputSize, train, test };
}

/** Range [min, max] of the regression targets over both parts (a unit range around a constant), [0, 1] for classification. */
export function targetRange(prepared: PreparedData): [number, number] {
  if (prepared.task !== 'regression') return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const part of [prepared.raw.train, prepared.raw.test]) {
    for (let i = 0; i < part.n; i++) {
      lo = Math.min(lo, part.y[i]);
      hi = Math.max(hi, part.y[i]);
    }
  }
  return lo < hi ? [lo, hi] : [lo - 1, lo + 1];
}

import { ActlabError } from '../util/errors.js';
import type { ColumnEncoding } from './columnEncoding.js';

/** What a data set asks a model to predict: a class (index) or a real value. */
export type DataTask = 'classification' | 'regression';

/**
 * A data set in the form the training engine reads: `x` is row-major n×d, `y` holds one target per row
 * (the class index as a float for classification, the value for regression).
 */
export interface Dataset {
  /** Short identifier, e.g. `circle`, `iris`, or a CSV file's base name. */
  name: string;
  /** Classification or regression. */
  task: DataTask;
  /** One name per feature column (length d). */
  featureNames: string[];
  /** Class names by index (classification only; length numClasses). */
  classNames?: string[];
  /** Features, row-major, length n·d. */
  x: Float32Array;
  /** Targets, length n. */
  y: Float32Array;
  /** Number of rows. */
  n: number;
  /** Number of features. */
  d: number;
  /** Number of classes (classification only). */
  numClasses?: number;
  /** Where the data come from (generator, package, file). */
  source?: string;
  /** Licence of the data. */
  licence?: string;
  /** CSV data: how each raw column became features (numeric, or one-hot categories); saved with models. */
  columns?: readonly ColumnEncoding[];
  /** One-line notices about how the data were read (task inferred, rows dropped, columns left out). */
  notes?: readonly string[];
}

/** A data set divided into a training part and a held-out test part. */
export interface Split {
  /** Rows the model is fitted on (and the only rows preprocessing is fitted on). */
  train: Dataset;
  /** Held-out rows. */
  test: Dataset;
}

/**
 * Builds a Dataset after checking that its arrays agree: x has n·d values, y has n, class labels are
 * integers in [0, numClasses). Throws ActlabError when they do not.
 */
export function createDataset(fields: Omit<Dataset, 'n' | 'd' | 'numClasses'>): Dataset {
  const d = fields.featureNames.length;
  const n = fields.y.length;
  if (d === 0) throw new ActlabError(`data set '${fields.name}' has no feature columns; give it at least one`);
  if (fields.x.length !== n * d) {
    throw new ActlabError(
      `data set '${fields.name}' has ${fields.x.length} feature values for ${n} rows × ${d} features; make x hold n·d values`,
    );
  }
  const ds: Dataset = { ...fields, n, d };
  if (fields.task === 'classification') {
    const k = fields.classNames?.length ?? 0;
    if (k < 2) throw new ActlabError(`data set '${fields.name}' has ${k} class names; a classification set needs at least 2`);
    for (let i = 0; i < n; i++) {
      const c = fields.y[i];
      if (!Number.isInteger(c) || c < 0 || c >= k) {
        throw new ActlabError(`data set '${fields.name}' row ${i} has label ${c}; labels must be class indices 0..${k - 1}`);
      }
    }
    ds.numClasses = k;
  } else {
    delete ds.classNames;
  }
  return ds;
}

/** A new Dataset holding the given rows of `ds`, in the given order. */
export function selectRows(ds: Dataset, rows: ArrayLike<number>): Dataset {
  const { d } = ds;
  const x = new Float32Array(rows.length * d);
  const y = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    x.set(ds.x.subarray(r * d, r * d + d), i * d);
    y[i] = ds.y[r];
  }
  return { ...ds, featureNames: [...ds.featureNames], x, y, n: rows.length };
}

/** Number of rows per class (classification sets only). */
export function classCounts(ds: Dataset): number[] {
  const counts = new Array<number>(ds.numClasses ?? 0).fill(0);
  for (let i = 0; i < ds.n; i++) counts[ds.y[i]]++;
  return counts;
}

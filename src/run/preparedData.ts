import { findBuiltinDataset, getDataset } from '../data/builtins.js';
import type { ColumnEncoding } from '../data/columnEncoding.js';
import { selectRows, type DataTask, type Dataset, type Split } from '../data/dataset.js';
import { parseCsv } from '../data/parseCsv.js';
import { standardizeSplit } from '../data/standardizer.js';
import { trainTestSplit } from '../data/trainTestSplit.js';
import { ActlabError } from '../util/errors.js';
import { DATA_DEFAULTS, MNIST_DEFAULTS } from './defaults.js';
import type { DataSpec } from './trainingJob.js';

/** Data sets that need a host-specific loader (the Node CLI supplies them; a browser may not). */
export interface DataLoaders {
  /** Balanced MNIST train/test split of `nTrain` and `nTest` digits, shuffled by `seed`. */
  readonly mnist?: (nTrain: number, nTest: number, seed: number) => Split;
}

/** A split ready for training: standardised on the training part only, with what is needed to undo it. */
export interface PreparedData {
  readonly name: string;
  readonly task: DataTask;
  readonly featureNames: readonly string[];
  /** Class names by index (classification only). */
  readonly classNames?: readonly string[];
  /** Standardised parts. */
  readonly train: Dataset;
  readonly test: Dataset;
  /** Fitted on the training part; stored with saved models. */
  readonly standardizer: { readonly mean: readonly number[]; readonly std: readonly number[] };
  /** The split before standardisation (for plots in the data's own units). */
  readonly raw: Split;
  /** CSV data: how raw columns became features (saved with models so predict encodes the same way). */
  readonly columns?: readonly ColumnEncoding[];
  /** One-line notices about how the data were read (task inferred, rows dropped, columns left out). */
  readonly notes: readonly string[];
}

/** What a face adds to a data spec: rows it holds in memory, and whether every row may train. */
export interface PrepareOptions {
  /**
   * Rows held in memory (a CSV uploaded to the explorer, points clicked on its plane), used instead of the set
   * `spec.name` names (which then only labels them); split and standardised like every other set.
   */
  readonly rows?: Dataset;
  /** Lets `testRatio` 0 mean "no test part": every row trains and `test` is empty (the explorer's 100 % training). */
  readonly allowNoTest?: boolean;
}

/** Makes, splits and standardises the data a job describes. */
export function prepareData(spec: DataSpec, loaders: DataLoaders = {}, extra: PrepareOptions = {}): PreparedData {
  const seed = spec.seed ?? DATA_DEFAULTS.seed;
  const testRatio = spec.testRatio ?? DATA_DEFAULTS.testRatio;
  let split: Split;
  let name = spec.name;
  let columns: readonly ColumnEncoding[] | undefined;
  let notes: readonly string[] = [];
  const splitOf = (ds: Dataset): Split => (extra.allowNoTest && testRatio === 0 ? { train: ds, test: selectRows(ds, []) } : trainTestSplit(ds, { testRatio, seed }));
  if (extra.rows) {
    split = splitOf(extra.rows);
  } else if (spec.csv) {
    if (spec.csv.text === undefined) throw new ActlabError(`the CSV data '${spec.name}' are described only (path, rows, SHA-256); load the file's text to train on it`);
    const ds = parseCsv(spec.csv.text, {
      target: spec.csv.target, fileName: spec.name, ...(spec.csv.task ? { task: spec.csv.task } : {}), ...(spec.csv.missing ? { missing: spec.csv.missing } : {}),
    });
    name = ds.name;
    columns = ds.columns;
    notes = ds.notes ?? [];
    split = trainTestSplit(ds, { testRatio, seed });
  } else if (spec.name.trim().toLowerCase() === 'mnist') {
    if (!loaders.mnist) throw new ActlabError("the 'mnist' data set is not available here (it needs Node); pick a built-in set such as xor");
    const nTrain = spec.n ?? MNIST_DEFAULTS.n;
    const nTest = Math.max(1, Math.round((nTrain * (spec.testRatio ?? MNIST_DEFAULTS.testRatio)) / (1 - (spec.testRatio ?? MNIST_DEFAULTS.testRatio))));
    split = loaders.mnist(nTrain, nTest, seed);
    name = 'mnist';
  } else {
    const entry = findBuiltinDataset(spec.name);
    const options = entry && entry.name !== 'iris' ? { n: spec.n ?? DATA_DEFAULTS.n, noise: spec.noise ?? 0, seed } : { ...(spec.n !== undefined ? { n: spec.n } : {}), seed };
    const ds = getDataset(spec.name, options);
    name = ds.name;
    split = splitOf(ds);
  }
  const s = standardizeSplit(split);
  return {
    name,
    task: s.train.task,
    featureNames: s.train.featureNames,
    ...(s.train.classNames ? { classNames: s.train.classNames } : {}),
    train: s.train,
    test: s.test,
    standardizer: { mean: Array.from(s.standardizer.mean), std: Array.from(s.standardizer.std) },
    raw: split,
    ...(columns ? { columns } : {}),
    notes,
  };
}

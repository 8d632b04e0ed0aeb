import type { MissingPolicy } from '../data/columnEncoding.js';
import type { DataTask } from '../data/dataset.js';
import type { InitializerName } from '../nn/initializers.js';
import type { LossName } from '../nn/losses.js';
import type { OptimizerName } from '../nn/optimizers.js';
import type { ParamMode } from '../nn/denseLayer.js';

/**
 * CSV data of a job. In memory it carries the text, so a job stays self-contained (a worker or a browser
 * can rebuild the data); results and saved models keep only `path`, `rows` and `sha256` (see
 * `describeDataSpec`), the size of the result and not of the input.
 */
export interface CsvSource {
  /** The whole CSV text (header line first); absent in a described spec. */
  readonly text?: string;
  /** Name of the target column. */
  readonly target: string;
  /** Force classification or regression (default: inferred from the target cells). */
  readonly task?: DataTask;
  /** What to do with rows that have missing feature cells (default drop). */
  readonly missing?: MissingPolicy;
  /** The file's path as given. */
  readonly path?: string;
  /** Data rows in the file (lines after the header, blank ones not counted). */
  readonly rows?: number;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256?: string;
}

/** The spec without CSV text: what results, reports and saved models record about their data. */
export function describeDataSpec(spec: DataSpec): DataSpec {
  if (!spec.csv) return spec;
  const { text: _text, ...rest } = spec.csv;
  return { ...spec, csv: rest };
}

/** Where the data come from and how they are split. */
export interface DataSpec {
  /** A built-in set (`xor`, `spiral`, `iris`, …), `mnist`, or the name of CSV data given in `csv`. */
  readonly name: string;
  /** CSV data; when present, `name` is only a label. */
  readonly csv?: CsvSource;
  /** Rows to generate (synthetic sets) or MNIST training rows; default per set. */
  readonly n?: number;
  /** Noise of synthetic sets, in [0, 1] (Playground's slider / 100); default 0. */
  readonly noise?: number;
  /** Fraction of rows held out for testing; default 0.2 (MNIST: `n / 4` test digits). */
  readonly testRatio?: number;
  /** Seed of data generation and the train/test split; default 1. */
  readonly seed?: number;
}

/** The network: hidden widths, activations and loss. */
export interface ModelConfig {
  /** Hidden layer widths, e.g. [8, 8]. */
  readonly hidden: readonly number[];
  /** One activation for every hidden layer, or one per hidden layer (catalog ids with parameters, or expressions in x). */
  readonly activation: string | readonly string[];
  /** Output loss; default binary cross-entropy for 2 classes, categorical cross-entropy for more, MSE for regression. */
  readonly loss?: LossName;
  /** Hidden-layer initialiser; default by activation (He for rectifiers, LeCun normal for SELU, Glorot otherwise). */
  readonly init?: InitializerName;
  /** Activation of the output layer (loss mse only; the cross-entropies apply sigmoid/softmax themselves). Default: linear. */
  readonly outputActivation?: string;
  /** Training of the hidden activations' learnable parameters (PReLU's alpha, …): fixed (default), shared per layer, or per unit. */
  readonly params?: ParamMode;
  /** Factor on every initial weight (hidden and output, after the initialiser), e.g. 0.1 for small initial weights; default 1. */
  readonly weightScale?: number;
  /** Value every hidden bias starts at; default 0. */
  readonly biasInit?: number;
}

/** Optimisation settings. */
export interface TrainSettings {
  readonly epochs: number;
  /** Learning rate. */
  readonly lr: number;
  /** Mini-batch size. */
  readonly batch: number;
  readonly optimizer: OptimizerName;
  /** L1 penalty on weights. */
  readonly l1: number;
  /** L2 penalty on weights. */
  readonly l2: number;
  /** Seed of weight initialisation and mini-batch shuffling. */
  readonly seed: number;
}

/** One training run, fully described by plain JSON data. */
export interface TrainingJob {
  readonly data: DataSpec;
  readonly model: ModelConfig;
  readonly train: TrainSettings;
}

/** A job as a user writes it: everything but the data name and activation may be left out. */
export interface TrainingJobInput {
  readonly data: DataSpec;
  readonly model: Partial<ModelConfig> & { readonly activation: string | readonly string[] };
  readonly train?: Partial<TrainSettings>;
}

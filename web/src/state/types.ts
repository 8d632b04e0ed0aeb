/**
 * The explorer's settings: everything a shared link carries. Plain data (no class instances), so it
 * round-trips through the URL (src/state/url.ts) and can be posted to the training worker.
 */

/** Input features the network can be fed (TensorFlow Playground's set). */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type Feature = (typeof FEATURES)[number];

export type ProblemType = 'classification' | 'regression';
export type Language = 'en' | 'zh';
export type LossChoice = 'mse' | 'binary_crossentropy' | 'categorical_crossentropy';
export type OptimizerChoice = 'sgd' | 'momentum' | 'adam';
export type Regularization = 'none' | 'l1' | 'l2';

/** Built-in 2-D data sets the explorer offers, by problem type. `custom` = uploaded CSV or clicked points. */
export const CLASSIFICATION_SETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs3', 'spiral3'] as const;
export const REGRESSION_SETS = ['plane', 'multi_gauss'] as const;
export type DatasetChoice = (typeof CLASSIFICATION_SETS)[number] | (typeof REGRESSION_SETS)[number] | 'custom';

/** One hidden layer: width and activation (codec text: `relu`, `elu:alpha=0.5` or an expression `x*sigmoid(x)`). */
export interface LayerState {
  units: number;
  activation: string;
}

/** Points the user made: uploaded from a CSV or clicked on the plane. Kept in the URL only when small. */
export interface CustomData {
  task: ProblemType;
  featureNames: string[];
  /** Class names (classification). */
  classNames?: string[];
  /** Row-major n×d raw feature values (numbers as in the file). */
  x: number[];
  /** Targets: class index or value. */
  y: number[];
  /** Columns drawn on the plane (indices into featureNames); default [0, 1]. */
  planeColumns: [number, number];
  /** Where the data came from (file name or 'clicked'). */
  source: string;
}

export interface ExplorerState {
  lang: Language;
  problem: ProblemType;
  dataset: DatasetChoice;
  /** Playground noise slider, 0..50. */
  noise: number;
  /** Percentage of points used for training, 10..90. */
  trainRatio: number;
  /** Number of points generated for built-in sets (Playground: 500). */
  points: number;
  batchSize: number;
  /** Seed of the data generator (Regenerate draws a new one). */
  dataSeed: number;
  /** Seed of weight initialisation and shuffling. */
  initSeed: number;
  features: Feature[];
  hidden: LayerState[];
  /** Output activation when the loss is MSE (else the loss fixes it: sigmoid / softmax). */
  outputActivation: string;
  loss: LossChoice;
  optimizer: OptimizerChoice;
  learningRate: number;
  regularization: Regularization;
  regRate: number;
  showTest: boolean;
  discretize: boolean;
  /** Compare mode: extra activations trained in lockstep (all hidden layers use that activation). Empty = off. */
  compare: string[];
  /** Active lesson tour id, and its step. */
  tour: string | null;
  tourStep: number;
  /** Training pace in epochs per second; 0 = full speed. */
  speed: number;
}

export const DEFAULT_STATE: ExplorerState = {
  lang: 'en',
  problem: 'classification',
  dataset: 'circle',
  noise: 0,
  trainRatio: 50,
  points: 500,
  batchSize: 10,
  dataSeed: 1,
  initSeed: 1,
  features: ['x1', 'x2'],
  hidden: [
    { units: 4, activation: 'tanh' },
    { units: 2, activation: 'tanh' },
  ],
  outputActivation: 'identity',
  loss: 'binary_crossentropy',
  optimizer: 'sgd',
  learningRate: 0.03,
  regularization: 'none',
  regRate: 0,
  showTest: false,
  discretize: false,
  compare: [],
  tour: null,
  tourStep: 0,
  speed: 30,
};

/** The paces the speed control offers, slowest first (epochs per second; 0 = full speed). */
export const SPEEDS = [1, 3, 10, 30, 100, 300, 0] as const;

/** Limits of the controls (Playground's and beyond). */
export const LIMITS = {
  maxLayers: 8,
  maxUnits: 16,
  maxCompare: 3,
  minPoints: 20,
  maxPoints: 2000,
} as const;

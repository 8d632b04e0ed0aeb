/**
 * Messages between the page (src/engine/client.ts) and the training worker (src/engine/worker.ts).
 * Plain data and typed arrays only (structured clone; big arrays are transferred).
 */
import type { LiveDivergence, LiveEpoch } from '../../../src/run/liveRun.js';
import type { ExplorerState } from '../state/types.js';

/** What the worker needs to build data, models and trainers. */
export type RunSpec = Omit<ExplorerState, 'lang' | 'showTest' | 'discretize' | 'tour' | 'tourStep' | 'speed'> & {
  /** Uploaded or clicked data when `dataset` is 'custom'. */
  customData: import('../state/types.js').CustomData | null;
};

/** Training hyper-parameters that can change without rebuilding the model (Playground keeps training). */
export interface HyperParams {
  learningRate: number;
  batchSize: number;
  optimizer: ExplorerState['optimizer'];
  regularization: ExplorerState['regularization'];
  regRate: number;
}

/** What the page wants drawn in the next snapshot. */
export interface FrameRequest {
  /** Output heatmap resolution (grid×grid over the plane); ≥ 100 in normal use. */
  grid: number;
  /** Per-unit heatmap resolution (0 = none). */
  unitGrid: number;
  /** Also send activation histograms (costs a forward pass over the training data). */
  histograms: boolean;
}

export type ToWorker =
  | { type: 'init'; spec: RunSpec }
  | { type: 'hyper'; hyper: HyperParams }
  /** Start training. After every model has diverged, first resets the network (same seed, current settings). */
  | { type: 'play' }
  | { type: 'pause' }
  /**
   * Training pace: at most `epochsPerSecond` epochs a second (0 = flat out), spread over the mini-batches so
   * the boundary moves smoothly; with `stopAt`, training pauses by itself at the end of that epoch.
   */
  | { type: 'pace'; epochsPerSecond: number; stopAt: number | null }
  /**
   * Train to the end of the current epoch (a whole epoch unless paused mid-epoch), paused. After every
   * model has diverged it first resets the network, as 'play' does.
   */
  | { type: 'step' }
  /** Re-initialise the weights (same seed → same weights) and clear history. */
  | { type: 'reset' }
  | { type: 'frame'; request: FrameRequest }
  /** Set one weight (layer l, from input/unit i to unit j) or a bias (from = -1) of model `model`. */
  | { type: 'setWeight'; model: number; layer: number; from: number; to: number; value: number }
  /** Ask for model `model` as saved-model JSON, src/run (answered by 'model'). */
  | { type: 'export'; model: number }
  /** Benchmark: train flat out for `seconds` without snapshots (answered by 'bench'). */
  | { type: 'bench'; seconds: number };

/** Points of the data set as the plane shows them (raw coordinates of the two plane columns). */
export interface PlanePoints {
  /** x1, x2 pairs, length 2n. */
  xy: Float32Array;
  /** Class index or target value, length n. */
  label: Float32Array;
  /** 1 for a test point, 0 for a training point. */
  isTest: Uint8Array;
}

/** Data set description sent after 'init'. */
export interface DataInfo {
  task: ExplorerState['problem'];
  numClasses: number;
  classNames: string[];
  featureNames: string[];
  /** Input width of the network (features selected, or CSV columns). */
  inputNames: string[];
  /**
   * When the inputs are all CSV columns standardised (more than 2 columns): their training mean and std, so
   * the page can rebuild the network's inputs for a plane point (others at their mean); null for features.
   */
  inputStandardizer: { mean: number[]; std: number[] } | null;
  /** The two data columns drawn on the plane. */
  planeColumns: [number, number];
  /** Plane extent: [xmin, xmax, ymin, ymax] (Playground: [-6, 6, -6, 6]). */
  extent: [number, number, number, number];
  /** Range of regression targets [min, max] (for colour scales); [0, 1] for classification. */
  targetRange: [number, number];
  points: PlanePoints;
  nTrain: number;
  nTest: number;
}

/** One epoch's metrics of one model: the core's live-run record. */
export type EpochPoint = LiveEpoch;

/** One layer's parameters (for links, the inspector and weight editing). */
export interface LayerParams {
  inputSize: number;
  units: number;
  /** Activation key (codec text), or null for an output layer without one. */
  activation: string | null;
  /** W, inputSize×units row-major. */
  weights: Float32Array;
  bias: Float32Array;
  /** Activation parameter values (shared), kernel order. */
  params: Float32Array;
}

/** Health of each unit, measured over the last epoch on the training data. */
export interface UnitHealth {
  /** Per hidden layer, per unit: 1 dead (f'(z)=0 on every training point), 0 otherwise. */
  dead: Uint8Array[];
  /** Per hidden layer, per unit: 1 when mean |f'(z)| < SATURATION_THRESHOLD. */
  saturated: Uint8Array[];
}

/** Activation histogram of one hidden layer on the training data. */
export interface Histogram {
  /** Bin edges, length bins+1. */
  edges: Float32Array;
  /** Counts of outputs a = f(z). */
  counts: Float32Array;
  /** Counts of pre-activations z over the same edges' own range (see zEdges). */
  zEdges: Float32Array;
  zCounts: Float32Array;
  /** Share of the layer's outputs (all units, all training points) that are exactly 0 (ReLU's sparsity). */
  zeroFraction: number;
}

export interface ModelSnapshot {
  /** Label of the run: the hidden activations, e.g. `tanh` or `relu, tanh`. */
  label: string;
  /** New epoch records since the previous snapshot (the page keeps the history). */
  newEpochs: EpochPoint[];
  /**
   * Output over the plane, grid×grid row-major, row 0 = top (largest x2), column 0 = left.
   * Binary classification: p(class 1) in [0, 1]. Multi-class: the argmax class + confidence, packed as
   * class + p (e.g. 2.87 = class 2 with p 0.87). Regression: the prediction.
   */
  output: Float32Array;
  grid: number;
  /**
   * Per-unit outputs over the plane, for every input feature and every hidden unit then output unit, in
   * network order; each unitGrid×unitGrid, concatenated. Empty when unitGrid is 0.
   */
  units: Float32Array;
  unitGrid: number;
  layers: LayerParams[];
  health: UnitHealth;
  /** Per hidden layer; empty unless requested. */
  histograms: Histogram[];
  /** Training diverged (loss NaN/∞): training stops; English one-line summary (logs, tests). Null otherwise. */
  diverged: string | null;
  /** The same divergence, structured, so the page words it in its own language; null when training is fine. */
  divergence: Divergence | null;
}

/** Why a run stopped: the core's record (`loss` or `activation`, with where and what came out). */
export type Divergence = LiveDivergence;

export type FromWorker =
  | { type: 'ready'; data: DataInfo; labels: string[] }
  /** The backend the worker trains on (sent once, before 'ready'); `note` says why it is not wasm (no SIMD), else null. */
  | { type: 'backend'; name: string; note: string | null }
  | { type: 'error'; message: string }
  | { type: 'snapshot'; epoch: number; running: boolean; epochsPerSecond: number; models: ModelSnapshot[] }
  | { type: 'model'; json: string }
  | { type: 'bench'; epochs: number; seconds: number; epochsPerSecond: number };

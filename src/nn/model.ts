import { ActlabError } from '../util/errors.js';
import type { Backend } from './backend.js';
import { DenseLayer, type ParamMode } from './denseLayer.js';
import { defaultInitializer, initializeWeights, type InitializerName } from './initializers.js';
import { defaultBackend } from './defaultBackend.js';
import type { LayerActivation } from './layerActivation.js';
import { checkLossName, outputFromLogits, type LossName } from './losses.js';
import type { RngLike } from './rngLike.js';

/** One hidden layer of a model spec. */
export interface HiddenLayerSpec {
  readonly units: number;
  readonly activation: LayerActivation;
  /** Weight initialiser; default by activation (`defaultInitializer`). */
  readonly init?: InitializerName;
  /** Training of the activation's learnable parameters; default `fixed`. */
  readonly params?: ParamMode;
  /** Value every bias of the layer starts at; default 0. */
  readonly biasInit?: number;
}

/** The architecture: input width, hidden layers, output width and loss (which fixes the output activation). */
export interface ModelSpec {
  readonly inputSize: number;
  readonly hidden: readonly HiddenLayerSpec[];
  readonly outputSize: number;
  readonly loss: LossName;
  /** Output layer initialiser; default glorot_uniform. */
  readonly outputInit?: InitializerName;
  /**
   * Activation of the output layer (loss `mse` only; the cross-entropies fix sigmoid/softmax on the
   * logits). Default none: a linear output. E.g. tanh for targets in (−1, 1).
   */
  readonly outputActivation?: LayerActivation;
  /** Factor on every initial weight, hidden and output (after the initialiser), e.g. 0.1 for small weights; default 1. */
  readonly weightScale?: number;
}

/** One hidden layer's values for a batch of rows (copies, rows×units). */
export interface HiddenPass {
  /** Pre-activations z = x·W + b. */
  readonly z: Float32Array;
  /** Outputs f(z). */
  readonly a: Float32Array;
}

/** Slots the CLI fills and serialisation carries along (input standardisation, class names). */
export interface ModelMeta {
  standardizer?: { readonly mean: readonly number[]; readonly std: readonly number[] };
  classNames?: readonly string[];
}

/** A feed-forward network: hidden dense layers with activations, then a logits layer read by the loss. */
export class Model {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly loss: LossName;
  /** Hidden layers then the logits layer. */
  readonly layers: readonly DenseLayer[];
  readonly backend: Backend;
  /** Free slots for the CLI; saved by `modelToJson`. */
  meta: ModelMeta = {};

  constructor(inputSize: number, layers: readonly DenseLayer[], loss: LossName, backend: Backend) {
    this.inputSize = inputSize;
    this.layers = layers;
    this.loss = loss;
    this.backend = backend;
    this.outputSize = layers[layers.length - 1].units;
  }

  /** Logits for n rows of x (n×inputSize); the returned array is a reused buffer. */
  logits(x: Float32Array, n: number): Float32Array {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h, n);
    return h;
  }

  /**
   * Pre-activations and outputs of every hidden layer for `rows` rows of x in one forward pass, first hidden
   * layer first (copies; the logits layer is left out). What lessons and diagnostics look inside a network with.
   */
  hiddenPasses(x: Float32Array, rows: number): HiddenPass[] {
    checkInput(x, rows, this.inputSize);
    const out: HiddenPass[] = [];
    let h = x;
    for (const layer of this.layers.slice(0, -1)) {
      h = layer.forward(h, rows);
      const n = rows * layer.units;
      out.push({ z: Float32Array.from(layer.lastPass(rows).z.subarray(0, n)), a: Float32Array.from(h.subarray(0, n)) });
    }
    return out;
  }

  /**
   * Outputs (identity, sigmoid probabilities or softmax probabilities) for `rows` rows of x, as a new
   * array rows×outputSize. Evaluates in chunks so memory stays bounded.
   */
  predict(x: Float32Array, rows: number, chunk = 256): Float32Array {
    checkInput(x, rows, this.inputSize);
    const out = new Float32Array(rows * this.outputSize);
    for (let start = 0; start < rows; start += chunk) {
      const n = Math.min(chunk, rows - start);
      const logits = this.logits(x.subarray(start * this.inputSize, (start + n) * this.inputSize), n);
      outputFromLogits(this.loss, logits, out.subarray(start * this.outputSize, (start + n) * this.outputSize), n, this.outputSize);
    }
    return out;
  }
}

/**
 * Builds a model and initialises its weights from `rng`, layer by layer (each initialiser's draws, then ×
 * `weightScale`); biases start at zero, or at a hidden layer's `biasInit`.
 */
export function createModel(spec: ModelSpec, rng: RngLike, backend: Backend = defaultBackend()): Model {
  const loss = checkLossName(spec.loss);
  if (spec.outputActivation && loss !== 'mse') {
    throw new ActlabError(`an output activation (${spec.outputActivation.key}) needs loss mse, not ${loss} (which applies its own sigmoid/softmax); drop the output activation or use mse`);
  }
  checkSize(spec.inputSize, 'input size');
  checkSize(spec.outputSize, 'output size');
  const scale = spec.weightScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new ActlabError(`weight scale must be a positive number (got ${scale}); e.g. 0.1 for small initial weights`);
  const layers: DenseLayer[] = [];
  let width = spec.inputSize;
  for (const h of spec.hidden) {
    checkSize(h.units, 'layer width');
    const layer = new DenseLayer(width, h.units, h.activation, h.params ?? 'fixed', backend);
    initializeWeights(layer.weights, width, h.units, h.init ?? defaultInitializer(h.activation), rng);
    if (h.biasInit !== undefined) {
      if (!Number.isFinite(h.biasInit)) throw new ActlabError(`bias init must be a finite number (got ${h.biasInit}); e.g. 0.1`);
      layer.bias.fill(h.biasInit);
    }
    layers.push(layer);
    width = h.units;
  }
  const out = new DenseLayer(width, spec.outputSize, spec.outputActivation ?? null, 'fixed', backend);
  initializeWeights(out.weights, width, spec.outputSize, spec.outputInit ?? 'glorot_uniform', rng);
  layers.push(out);
  if (scale !== 1) for (const layer of layers) for (let k = 0; k < layer.weights.length; k++) layer.weights[k] *= scale;
  return new Model(spec.inputSize, layers, loss, backend);
}

function checkSize(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new ActlabError(`${what} must be a whole number from 1 to 1000000 (got ${n}); fix the model spec`);
  }
}

/** Throws unless x holds rows×width numbers. */
export function checkInput(x: Float32Array, rows: number, width: number): void {
  if (x.length < rows * width) {
    throw new ActlabError(`input has ${x.length} numbers but ${rows} rows of width ${width} need ${rows * width}; check the data's shape`);
  }
}

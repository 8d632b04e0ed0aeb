import { ActlabError } from '../util/errors.js';
import { DenseLayer, type ParamMode } from './denseLayer.js';
import { defaultBackend } from './defaultBackend.js';
import type { LayerActivation } from './layerActivation.js';
import { checkLossName } from './losses.js';
import { Model, type ModelMeta } from './model.js';
import type { Backend } from './backend.js';

/** Format tag of saved models. */
export const MODEL_FORMAT = 'actlab-model@1';

/** One layer in a saved model. Numbers are f32 values written as JSON numbers (exact round trip). */
export interface LayerJson {
  readonly inputSize: number;
  readonly units: number;
  /** Activation key (`elu:alpha=0.5`), or null for the logits layer. */
  readonly activation: string | null;
  readonly paramMode: ParamMode;
  /** W, inputSize×units, row-major. */
  readonly weights: number[];
  readonly bias: number[];
  /** Activation parameter values: one per parameter (fixed/shared), or one array of `units` per parameter (per-unit). */
  readonly params: number[] | number[][];
}

/** A saved model. */
export interface ModelJson {
  readonly format: typeof MODEL_FORMAT;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly loss: string;
  readonly layers: readonly LayerJson[];
  readonly meta: ModelMeta;
}

/** The model as plain JSON data. */
export function modelToJson(model: Model): ModelJson {
  return {
    format: MODEL_FORMAT,
    inputSize: model.inputSize,
    outputSize: model.outputSize,
    loss: model.loss,
    layers: model.layers.map((l) => ({
      inputSize: l.inputSize,
      units: l.units,
      activation: l.activation ? l.activation.key : null,
      paramMode: l.paramMode,
      weights: Array.from(l.weights),
      bias: Array.from(l.bias),
      params: l.paramMode === 'per-unit' ? l.unitParams.map((p) => Array.from(p)) : Array.from(l.sharedParams),
    })),
    meta: model.meta,
  };
}

/** Rebuilds a model from `modelToJson` output; `resolve` turns activation keys back into activations. */
export function modelFromJson(json: unknown, resolve: (key: string) => LayerActivation, backend: Backend = defaultBackend()): Model {
  const j = json as Partial<ModelJson> | null;
  if (!j || typeof j !== 'object' || j.format !== MODEL_FORMAT || !Array.isArray(j.layers) || j.layers.length === 0) {
    throw new ActlabError(`not a saved actlab model (expected format '${MODEL_FORMAT}'); pass a file written by actlab`);
  }
  const loss = checkLossName(String(j.loss));
  const layers = j.layers.map((lj, i) => {
    const act = lj.activation === null ? null : resolve(lj.activation);
    const layer = new DenseLayer(lj.inputSize, lj.units, act, lj.paramMode, backend);
    copy(layer.weights, lj.weights, i, 'weights');
    copy(layer.bias, lj.bias, i, 'bias');
    if (layer.paramMode === 'per-unit') {
      const ps = lj.params as number[][];
      layer.unitParams.forEach((dst, k) => copy(dst, ps[k], i, 'params'));
    } else {
      copy(layer.sharedParams, lj.params as number[], i, 'params');
    }
    return layer;
  });
  for (let i = 1; i < layers.length; i++) {
    if (layers[i].inputSize !== layers[i - 1].units) throw new ActlabError(`saved model layer ${i} does not fit the layer before it; the file is damaged`);
  }
  const model = new Model(Number(j.inputSize), layers, loss, backend);
  model.meta = j.meta ?? {};
  return model;
}

function copy(dst: Float32Array, src: readonly number[] | undefined, layer: number, what: string): void {
  if (!Array.isArray(src) || src.length !== dst.length || src.some((v) => typeof v !== 'number')) {
    throw new ActlabError(`saved model layer ${layer} has bad ${what} (expected ${dst.length} numbers); the file is damaged`);
  }
  dst.set(src);
}

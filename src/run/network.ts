/**
 * The network of a run: hidden widths, the activation of each layer (including the output), initialiser,
 * initial-weight scale and bias, learnable-parameter mode. Built here for every face (trainRun, the lessons),
 * so that the same spec and seed give the same initial weights everywhere.
 */
import { resolveActivation } from '../activations/resolve.js';
import type { Backend } from '../nn/backend.js';
import { defaultBackend } from '../nn/defaultBackend.js';
import type { LayerActivation } from '../nn/layerActivation.js';
import type { LossName } from '../nn/losses.js';
import { createModel, type Model } from '../nn/model.js';
import { createRng } from '../util/rng.js';
import type { ModelConfig } from './trainingJob.js';

/** A network to build: the run spec's model part, plus the widths the data fix and the weight seed. */
export interface NetworkSpec extends Omit<ModelConfig, 'loss'> {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly loss: LossName;
  /** Seeds the initial weights. */
  readonly seed: number;
}

/** Builds (and initialises from `spec.seed`) the network a spec describes, on `backend` or the thread's default. */
export function buildNetwork(spec: NetworkSpec, backend?: Backend): Model {
  const acts = typeof spec.activation === 'string' ? spec.hidden.map(() => spec.activation as string) : spec.activation;
  // Each distinct activation text is resolved once and shared by the layers that use it.
  const resolved = new Map<string, LayerActivation>();
  const activation = (text: string): LayerActivation => {
    let a = resolved.get(text);
    if (!a) {
      a = resolveActivation(text);
      resolved.set(text, a);
    }
    return a;
  };
  return createModel(
    {
      inputSize: spec.inputSize,
      hidden: spec.hidden.map((units, i) => ({
        units,
        activation: activation(acts[i]),
        ...(spec.init ? { init: spec.init } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.biasInit !== undefined ? { biasInit: spec.biasInit } : {}),
      })),
      outputSize: spec.outputSize,
      loss: spec.loss,
      ...(spec.outputActivation ? { outputActivation: resolveActivation(spec.outputActivation) } : {}),
      ...(spec.weightScale !== undefined ? { weightScale: spec.weightScale } : {}),
    },
    createRng(spec.seed),
    backend ?? defaultBackend(),
  );
}

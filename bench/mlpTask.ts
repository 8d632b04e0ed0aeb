/**
 * The two training workloads of section (b), built once so that actlab and TF.js train the same network
 * from the same initial weights on the same batch.
 */
import { resolveActivation } from '../src/activations/resolve.js';
import type { Backend } from '../src/nn/backend.js';
import { jsBackend } from '../src/nn/jsBackend.js';
import { createModel, type Model } from '../src/nn/model.js';
import type { LossName } from '../src/nn/losses.js';
import { createRng } from '../src/util/rng.js';

/** One workload: a batch, targets and a freshly initialised actlab model. */
export interface MlpTask {
  readonly label: string;
  readonly activation: 'tanh' | 'relu';
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly batch: number;
  readonly loss: LossName;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly lr: number;
  /** A new actlab model on `backend` (default js) with the task's initial weights (same seed, so every call gives the same weights). */
  model(backend?: Backend): Model;
}

function makeTask(label: string, activation: 'tanh' | 'relu', inputSize: number, hidden: number[], outputSize: number, batch: number): MlpTask {
  const rng = createRng(11);
  const x = new Float32Array(batch * inputSize);
  for (let i = 0; i < x.length; i++) x[i] = outputSize === 1 ? rng.uniform(-1, 1) : rng.next();
  const y = new Float32Array(batch * outputSize);
  for (let r = 0; r < batch; r++) {
    if (outputSize === 1) y[r] = rng.next() > 0.5 ? 1 : 0;
    else y[r * outputSize + rng.int(outputSize)] = 1;
  }
  const loss: LossName = outputSize === 1 ? 'binary_crossentropy' : 'categorical_crossentropy';
  const act = resolveActivation(activation);
  return {
    label, activation, inputSize, hidden, outputSize, batch, loss, x, y, lr: 0.01,
    model: (backend = jsBackend) => createModel({ inputSize, hidden: hidden.map((units) => ({ units, activation: act })), outputSize, loss }, createRng(5), backend),
  };
}

/** 2-8-8-1 tanh, batch 10 (TensorFlow Playground's setting), sigmoid + binary cross-entropy. */
export function smallTask(): MlpTask {
  return makeTask('2-8-8-1 tanh, batch 10', 'tanh', 2, [8, 8], 1, 10);
}

/** 784-128-64-10 ReLU, batch 64, softmax + cross-entropy. */
export function largeTask(): MlpTask {
  return makeTask('784-128-64-10 relu, batch 64', 'relu', 784, [128, 64], 10, 64);
}

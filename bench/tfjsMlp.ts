/**
 * TF.js's side of section (b): the same MLP written with tfjs-core ops (matMul, add, activation, loss)
 * and an SGD step through `optimizer.minimize`, starting from actlab's initial weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { useTfjsBackend, type TfjsBackend } from './peers/index.js';
import type { PreparedSteps } from './actlabMlp.js';
import type { MlpTask } from './mlpTask.js';

/** Prepares TF.js steps on `task` and `backend` with the task's initial weights copied in. */
export async function prepareTfjsSteps(task: MlpTask, backend: TfjsBackend): Promise<PreparedSteps> {
  await useTfjsBackend(backend);
  const model = task.model();
  const vars = model.layers.flatMap((l) => [
    tf.variable(tf.tensor2d(l.weights, [l.inputSize, l.units])),
    tf.variable(tf.tensor1d(l.bias)),
  ]);
  const x = tf.tensor2d(task.x, [task.batch, task.inputSize]);
  const y = tf.tensor2d(task.y, [task.batch, task.outputSize]);
  const act = task.activation === 'tanh' ? tf.tanh : tf.relu;
  const nLayers = model.layers.length;
  const lossFn = (): tf.Scalar => {
    let h: tf.Tensor2D = x;
    for (let i = 0; i < nLayers; i++) {
      const z = tf.add(tf.matMul(h, vars[2 * i] as tf.Tensor2D), vars[2 * i + 1]) as tf.Tensor2D;
      h = i < nLayers - 1 ? (act(z) as tf.Tensor2D) : z;
    }
    return task.loss === 'binary_crossentropy' ? tf.losses.sigmoidCrossEntropy(y, h) : tf.losses.softmaxCrossEntropy(y, h);
  };
  const opt = tf.train.sgd(task.lr);
  const first = opt.minimize(lossFn, true, vars);
  const firstLoss = first ? first.dataSync()[0] : NaN;
  first?.dispose();
  return {
    firstLoss,
    step: () => {
      opt.minimize(lossFn, false, vars);
    },
    // Reading a weight back forces any queued work to complete inside the timed window.
    finish: () => {
      vars[0].dataSync();
    },
    dispose: () => {
      tf.dispose([...vars, x, y]);
      opt.dispose();
    },
  };
}

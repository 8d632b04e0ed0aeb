/** actlab's side of section (b): forward + backward + SGD update on one batch, as `Trainer.step` does. */
import { forwardBackward } from '../src/nn/backprop.js';
import { createOptimizer } from '../src/nn/optimizers.js';
import type { MlpTask } from './mlpTask.js';

/** A ready training step and the loss of the first step (to check both engines do the same work). */
export interface PreparedSteps {
  readonly firstLoss: number;
  step(): void;
  /** Forces pending work to finish (a no-op for synchronous engines). */
  finish(): void;
  dispose(): void;
}

/** Prepares actlab steps on `task` from its initial weights. */
export function prepareActlabSteps(task: MlpTask): PreparedSteps {
  const model = task.model();
  const params = model.layers.flatMap((l) => [{ value: l.weights, grad: l.gradWeights }, { value: l.bias, grad: l.gradBias }]);
  const sgd = createOptimizer({ name: 'sgd' }, params);
  const g = new Float32Array(task.batch * task.outputSize);
  const step = (): number => {
    const loss = forwardBackward(model, task.x, task.y, task.batch, g);
    sgd.step(task.lr);
    return loss;
  };
  const firstLoss = step();
  return { firstLoss, step, finish: () => {}, dispose: () => {} };
}

/** actlab's side of section (b): forward + backward + SGD update on one batch, as `Trainer.step` does. */
import { allocFor, type Backend } from '../src/nn/backend.js';
import { forwardBackward } from '../src/nn/backprop.js';
import { jsBackend } from '../src/nn/jsBackend.js';
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

/** Prepares actlab steps on `task` from its initial weights, on `backend` (its buffers, batch included, where the backend allocates them). */
export function prepareActlabSteps(task: MlpTask, backend: Backend = jsBackend): PreparedSteps {
  const model = task.model(backend);
  const params = model.layers.flatMap((l) => [{ value: l.weights, grad: l.gradWeights }, { value: l.bias, grad: l.gradBias }]);
  const sgd = backend.createOptimizer ? backend.createOptimizer({ name: 'sgd' }, params) : createOptimizer({ name: 'sgd' }, params);
  const g = allocFor(backend, task.batch * task.outputSize);
  const x = allocFor(backend, task.x.length);
  x.set(task.x);
  const y = allocFor(backend, task.y.length);
  y.set(task.y);
  const step = (): number => {
    const loss = forwardBackward(model, x, y, task.batch, g);
    sgd.step(task.lr);
    return loss;
  };
  const firstLoss = step();
  return { firstLoss, step, finish: () => {}, dispose: () => {} };
}

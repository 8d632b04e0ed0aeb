/**
 * Quick micro-benchmark of the training engine (not a test): steps/s of a 2-8-8-1 tanh net with
 * batch 10, and samples/s of a 784-128-64-10 relu net with batch 64 (softmax + cross-entropy, SGD).
 * A step is forward + backward + SGD update on one batch (what `Trainer.step` does, minus the batch
 * copy and the end-of-epoch evaluation). Run: npx tsx bench/nn-quick.ts
 */
import { forwardBackward } from '../src/nn/backprop.js';
import { createModel } from '../src/nn/model.js';
import { createOptimizer } from '../src/nn/optimizers.js';
import { createRng } from '../src/util/rng.js';
import { relu, tanh, type TestActivation } from '../test/nn/helpers/kernels.js';

function timeSteps(label: string, inSize: number, hidden: number[], outSize: number, batch: number, act: TestActivation, seconds: number): void {
  const rng = createRng(1);
  const x = new Float32Array(batch * inSize).map(() => rng.next());
  const y = new Float32Array(batch * outSize);
  for (let r = 0; r < batch; r++) {
    if (outSize === 1) y[r] = rng.next() > 0.5 ? 1 : 0;
    else y[r * outSize + rng.int(outSize)] = 1;
  }
  const model = createModel(
    { inputSize: inSize, hidden: hidden.map((units) => ({ units, activation: act })), outputSize: outSize, loss: outSize === 1 ? 'binary_crossentropy' : 'categorical_crossentropy' },
    rng,
  );
  const params = model.layers.flatMap((l) => [{ value: l.weights, grad: l.gradWeights }, { value: l.bias, grad: l.gradBias }]);
  const sgd = createOptimizer({ name: 'sgd' }, params);
  const g = new Float32Array(batch * outSize);
  const run = (ms: number): number => {
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < ms) {
      for (let i = 0; i < 10; i++) {
        forwardBackward(model, x, y, batch, g);
        sgd.step(0.01);
      }
      steps += 10;
    }
    return steps / ((performance.now() - t0) / 1000);
  };
  run(500);
  const sps = run(seconds * 1000);
  console.log(`${label}: ${sps.toFixed(0)} steps/s, ${(sps * batch).toFixed(0)} samples/s (${(1000 / sps).toFixed(3)} ms/step)`);
}

timeSteps('2-8-8-1 tanh, batch 10', 2, [8, 8], 1, 10, tanh, 2);
timeSteps('784-128-64-10 relu, batch 64', 784, [128, 64], 10, 64, relu, 4);

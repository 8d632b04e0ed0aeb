import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { allocFor } from '../../src/nn/backend.js';
import { forwardBackward } from '../../src/nn/backprop.js';
import { createModel } from '../../src/nn/model.js';
import { createParallelWasmBackend, type ParallelWasmBackend } from '../../src/node/parallelWasm.js';
import { createRng } from '../../src/util/rng.js';
import { createIsolatedWasmBackend, type WasmBackend } from '../../src/wasm/index.js';

let parallel: ParallelWasmBackend;
let single: WasmBackend;
beforeAll(async () => {
  // Split every product (minMacs 0) so that odd shapes and the edges of the split are exercised.
  parallel = await createParallelWasmBackend(0);
  single = await createIsolatedWasmBackend();
});
afterAll(async () => {
  await parallel.close();
});

describe('the wasm backend on two threads', () => {
  for (const [input, hidden, batch] of [[196, [128, 64], 64], [13, [9, 5], 7], [3, [4], 1]] as const) {
    it(`trains a ${input}-${hidden.join('-')}-10 network (batch ${batch}) to weights bit-identical to one thread's`, () => {
      const rng = createRng(8);
      const x0 = new Float32Array(batch * input).map(() => rng.next());
      const y0 = new Float32Array(batch * 10);
      for (let r = 0; r < batch; r++) y0[r * 10 + rng.int(10)] = 1;
      const weights = [parallel, single].map((backend) => {
        const model = createModel({ inputSize: input, hidden: hidden.map((units) => ({ units, activation: resolveActivation('gelu') })), outputSize: 10, loss: 'categorical_crossentropy' }, createRng(3), backend);
        const params = model.layers.flatMap((l) => [{ value: l.weights, grad: l.gradWeights }, { value: l.bias, grad: l.gradBias }]);
        const opt = backend.createOptimizer({ name: 'adam' }, params);
        const x = allocFor(backend, x0.length);
        x.set(x0);
        const y = allocFor(backend, y0.length);
        y.set(y0);
        const g = allocFor(backend, batch * 10);
        for (let step = 0; step < 5; step++) {
          forwardBackward(model, x, y, batch, g);
          opt.step(0.01);
        }
        return model.layers.flatMap((l) => [...l.weights, ...l.bias]);
      });
      expect(weights[0]).toEqual(weights[1]);
    });
  }
});

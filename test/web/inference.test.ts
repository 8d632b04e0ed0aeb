import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { createModel } from '../../src/nn/model.js';
import { createRng } from '../../src/util/rng.js';
import { Inference, denseKernel } from '../../web/src/engine/inference.js';

describe('Inference (drawing passes)', () => {
  it('gives bit-identical layer outputs to Model.logits for non-tanh activations', () => {
    const rng = createRng(3);
    const model = createModel({
      inputSize: 3,
      hidden: [{ units: 7, activation: resolveActivation('elu') }, { units: 5, activation: resolveActivation('x*sigmoid(x)') }, { units: 16, activation: resolveActivation('relu') }],
      outputSize: 3, loss: 'categorical_crossentropy',
    }, rng);
    for (const l of model.layers) for (let i = 0; i < l.bias.length; i++) l.bias[i] = rng.normal();
    const n = 500;
    const x = Float32Array.from({ length: n * 3 }, () => rng.normal() * 4);
    const pass = new Inference().run(model, x, n, true);
    const ref = model.logits(x, n);
    expect(Array.from(pass[3].a)).toEqual(Array.from(ref));
    model.layers.forEach((l, i) => {
      expect(Array.from(pass[i].z)).toEqual(Array.from(l.lastPass(n).z));
      expect(Array.from(pass[i].a)).toEqual(Array.from(l.lastPass(n).a));
    });
  });

  it('falls back to the backend gemm for wide layers, with the same result', () => {
    expect(denseKernel(40, 20)).toBeNull();
    const rng = createRng(5);
    const model = createModel({ inputSize: 40, hidden: [{ units: 20, activation: resolveActivation('tanh') }], outputSize: 1, loss: 'mse' }, rng);
    const x = Float32Array.from({ length: 5 * 40 }, () => rng.normal());
    const pass = new Inference().run(model, x, 5, true);
    model.layers[0].forward(x, 5);
    expect(Array.from(pass[0].z)).toEqual(Array.from(model.layers[0].lastPass(5).z));
  });
});

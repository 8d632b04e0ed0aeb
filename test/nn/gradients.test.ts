import { describe, expect, it } from 'vitest';
import { forwardBackward } from '../../src/nn/backprop.js';
import type { ParamMode } from '../../src/nn/denseLayer.js';
import type { LossName } from '../../src/nn/losses.js';
import { createModel } from '../../src/nn/model.js';
import { referenceLoss, referenceLossAndGrads, type ReferenceLayer } from '../../src/nn/reference/referenceNet.js';
import { createRng } from '../../src/util/rng.js';
import { elu, prelu, relu, sigmoid, swish, tanh, type TestActivation } from './helpers/kernels.js';
import { referenceLayersOf, rowsOf } from './helpers/reference.js';

const LOSSES: LossName[] = ['mse', 'binary_crossentropy', 'categorical_crossentropy'];
const CASES: [TestActivation, ParamMode][] = [
  [tanh, 'fixed'], [relu, 'fixed'], [sigmoid, 'fixed'], [elu, 'fixed'],
  [prelu, 'shared'], [prelu, 'per-unit'], [swish, 'shared'], [swish, 'per-unit'],
];

function setup(act: TestActivation, mode: ParamMode, loss: LossName, seed: number) {
  const rng = createRng(seed);
  const inW = 3;
  const outW = loss === 'binary_crossentropy' ? 2 : 3;
  const n = 7;
  const model = createModel(
    { inputSize: inW, hidden: [{ units: 5, activation: act, params: mode }, { units: 4, activation: act, params: mode }], outputSize: outW, loss },
    rng,
  );
  // Move the activation parameters off their initial values, so per-unit values differ.
  for (const l of model.layers) {
    l.bias.forEach((_, j) => (l.bias[j] = rng.normal() * 0.3));
    for (const p of l.unitParams) p.forEach((v, j) => (p[j] = v + 0.1 * rng.normal()));
    l.sharedParams.forEach((v, k) => (l.sharedParams[k] = v + 0.05));
  }
  const x = new Float32Array(n * inW).map(() => rng.normal());
  const y = new Float32Array(n * outW);
  for (let r = 0; r < n; r++) {
    if (loss === 'mse') for (let j = 0; j < outW; j++) y[r * outW + j] = rng.normal();
    else if (loss === 'binary_crossentropy') for (let j = 0; j < outW; j++) y[r * outW + j] = rng.next() < 0.5 ? 0 : 1;
    else y[r * outW + rng.int(outW)] = 1;
  }
  return { model, x, y, n, inW, outW };
}

/** Sum over units for shared parameters; as is for per-unit. */
function refParamGrad(g: number[][], mode: ParamMode, k: number): number[] {
  return mode === 'per-unit' ? g.map((row) => row[k]) : [g.reduce((s, row) => s + row[k], 0)];
}

describe('gradients of the fast engine', () => {
  for (const loss of LOSSES) {
    for (const [act, mode] of CASES) {
      it(`equal the reference engine's for ${act.key} (${mode} parameters) with ${loss}`, () => {
        const { model, x, y, n, inW, outW } = setup(act, mode, loss, 11);
        const fastLoss = forwardBackward(model, x, y, n, new Float32Array(n * outW));
        const ref = referenceLossAndGrads(referenceLayersOf(model), loss, rowsOf(x, n, inW), rowsOf(y, n, outW));
        expect(fastLoss).toBeCloseTo(ref.loss, 5);
        model.layers.forEach((l, li) => {
          const g = ref.grads[li];
          g.weights.flat().forEach((v, i) => expect(l.gradWeights[i]).toBeCloseTo(v, 5));
          g.bias.forEach((v, j) => expect(l.gradBias[j]).toBeCloseTo(v, 5));
          l.learned.forEach((on, k) => {
            if (!on) return;
            const fast = mode === 'per-unit' ? Array.from(l.gradUnitParams[k]) : [l.gradSharedParams[k]];
            refParamGrad(g.params, mode, k).forEach((v, j) => expect(fast[j]).toBeCloseTo(v, 5));
          });
        });
      });
    }
  }
});

describe('gradients of the reference engine', () => {
  for (const loss of LOSSES) {
    for (const [act, mode] of [[tanh, 'fixed'], [swish, 'per-unit'], [elu, 'fixed']] as [TestActivation, ParamMode][]) {
      it(`match central finite differences for ${act.key} (${mode}) with ${loss}`, () => {
        const { model, x, y, n, inW, outW } = setup(act, mode, loss, 5);
        const layers = referenceLayersOf(model);
        const xs = rowsOf(x, n, inW);
        const ys = rowsOf(y, n, outW);
        const { grads } = referenceLossAndGrads(layers, loss, xs, ys);
        const h = 1e-6;
        const probe = (set: (ls: ReferenceLayer[], delta: number) => void, analytic: number): void => {
          const plus = structuredClone(layers.map((l) => ({ ...l, activation: null }))).map((l, i) => ({ ...l, activation: layers[i].activation }));
          const minus = structuredClone(layers.map((l) => ({ ...l, activation: null }))).map((l, i) => ({ ...l, activation: layers[i].activation }));
          set(plus, h);
          set(minus, -h);
          const numeric = (referenceLoss(plus, loss, xs, ys) - referenceLoss(minus, loss, xs, ys)) / (2 * h);
          expect(Math.abs(numeric - analytic)).toBeLessThan(1e-6 + 1e-5 * Math.abs(analytic));
        };
        layers.forEach((l, li) => {
          probe((ls, d) => ((ls[li].weights as number[][])[1][2 % l.bias.length] += d), grads[li].weights[1][2 % l.bias.length]);
          probe((ls, d) => ((ls[li].bias as number[])[0] += d), grads[li].bias[0]);
          if (l.activation && l.params[0].length > 0) {
            probe((ls, d) => ((ls[li].params as number[][])[1][0] += d), grads[li].params[1][0]);
          }
        });
      });
    }
  }
});

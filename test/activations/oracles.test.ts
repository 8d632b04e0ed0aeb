/**
 * The catalog against independent implementations: every entry that TF.js (cpu backend) or ONNX Runtime
 * computes with the same definition is compared, f32 kernel values (and TF.js gradients, kinks aside) on a
 * dense grid from subnormals to the largest f32, within each oracle's declared tolerance
 * (1e-6 relative or 1e-7 absolute by default). The list of ids comes from the adapters, so a new mapping
 * is tested with no new test code.
 */
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { VECTOR_ACTIVATIONS, softmin, vectorActivationFromSpec } from '../../src/activations/vector.js';
import { ONNX_IDS, ONNX_VECTOR_IDS, TFJS_IDS, TFJS_VECTOR_IDS, denseGrid, mismatches, onnxActivation, tfjsActivation } from '../oracles/index.js';

const x = denseGrid();

function kernelOutputs(id: string): { y: Float32Array; d: Float32Array } {
  const a = resolveActivation(id);
  const y = new Float32Array(x.length);
  const d = new Float32Array(x.length);
  a.kernel.forwardDeriv(x, y, d, a.paramValues);
  return { y, d };
}

describe('the catalog against TF.js (cpu)', () => {
  it.each([...TFJS_IDS])('%s: values and gradients agree on the dense grid', async (id) => {
    const o = tfjsActivation(id)!;
    const { y, d } = kernelOutputs(id);
    expect(mismatches(x, y, await o.forward(x), o.tolerance, o.domain)).toEqual([]);
    expect(mismatches(x, d, await o.grad(x), o.gradTolerance, o.domain, o.kinks)).toEqual([]);
  });

  it.each([...TFJS_VECTOR_IDS])('%s (vector): values agree', async (id) => {
    const o = tfjsActivation(id)!;
    const v = VECTOR_ACTIVATIONS.find((a) => a.id === id)!;
    const xs = x.subarray(x.length / 2 - 256, x.length / 2 + 256);
    const y = new Float32Array(xs.length);
    v.forward(xs, y, 1, xs.length);
    expect(mismatches(xs, y, await o.forward(xs), o.tolerance, o.domain)).toEqual([]);
  });
});

describe('the catalog against ONNX Runtime', () => {
  it.each([...ONNX_IDS])('%s: values agree on the dense grid', async (id) => {
    const o = onnxActivation(id)!;
    const { y } = kernelOutputs(id);
    expect(mismatches(x, y, await o.forward(x), o.tolerance, o.domain)).toEqual([]);
  });

  it.each([...ONNX_VECTOR_IDS])('%s (vector): values agree', async (id) => {
    const o = onnxActivation(id)!;
    const v = VECTOR_ACTIVATIONS.find((a) => a.id === id)!;
    const xs = x.subarray(x.length / 2 - 256, x.length / 2 + 256);
    const y = new Float32Array(xs.length);
    v.forward(xs, y, 1, xs.length);
    expect(mismatches(xs, y, await o.forward(xs), o.tolerance, o.domain)).toEqual([]);
  });
});

describe('vector activations with a temperature, and softmin, against the frameworks\' softmax', () => {
  const xs = x.subarray(x.length / 2 - 256, x.length / 2 + 256);

  it.each([0.5, 2, 7])('softmax:temperature=%s equals TF.js and ONNX Runtime softmax of x/T', async (t) => {
    const v = vectorActivationFromSpec(VECTOR_ACTIVATIONS[0], { temperature: t });
    const y = new Float32Array(xs.length);
    v.forward(xs, y, 1, xs.length);
    const scaled = xs.map((u) => u / t);
    for (const o of [tfjsActivation('softmax')!, onnxActivation('softmax')!]) expect(mismatches(xs, y, await o.forward(scaled), o.tolerance)).toEqual([]);
  });

  it('softmin equals TF.js softmax of −x', async () => {
    const y = new Float32Array(xs.length);
    softmin.forward(xs, y, 1, xs.length);
    const o = tfjsActivation('softmax')!;
    expect(mismatches(xs, y, await o.forward(xs.map((u) => -u)), o.tolerance)).toEqual([]);
  });
});

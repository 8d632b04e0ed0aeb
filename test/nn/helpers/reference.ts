import type { Model } from '../../../src/nn/model.js';
import type { ReferenceLayer } from '../../../src/nn/reference/referenceNet.js';
import type { TestActivation } from './kernels.js';

/** The model's current weights as reference-engine layers (f64 copies). */
export function referenceLayersOf(model: Model): ReferenceLayer[] {
  return model.layers.map((l) => {
    const weights = Array.from({ length: l.inputSize }, (_, i) => Array.from(l.weights.subarray(i * l.units, (i + 1) * l.units)));
    const params = Array.from({ length: l.units }, (_, j) =>
      l.paramMode === 'per-unit' ? l.unitParams.map((p) => p[j]) : Array.from(l.sharedParams),
    );
    const act = l.activation as TestActivation | null;
    return { weights, bias: Array.from(l.bias), activation: act ? act.scalar : null, params };
  });
}

/** Rows of a flat row-major array. */
export function rowsOf(a: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(a.subarray(r * cols, (r + 1) * cols)));
}

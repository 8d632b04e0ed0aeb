import { describe, expect, it } from 'vitest';
import { lossAndGrad, lossValue, outputFromLogits } from '../../src/nn/losses.js';

describe('losses', () => {
  it('binary cross-entropy from logits is finite and exact for huge logits', () => {
    const z = Float32Array.from([1e4, -1e4, 0, 30]);
    const t = Float32Array.from([0, 0, 1, 1]);
    const g = new Float32Array(4);
    const l = lossAndGrad('binary_crossentropy', z, t, 4, 1, g);
    expect(l).toBeCloseTo((1e4 + 0 + Math.LN2 + Math.log1p(Math.exp(-30))) / 4, 6);
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
    expect(g[0]).toBeCloseTo(0.25, 6);
  });

  it('categorical cross-entropy subtracts the max, so logits of 1e4 neither overflow nor give NaN', () => {
    const z = Float32Array.from([1e4, 0, -1e4, 1, 2, 3]);
    const t = Float32Array.from([0, 1, 0, 0, 0, 1]);
    const g = new Float32Array(6);
    const l = lossAndGrad('categorical_crossentropy', z, t, 2, 3, g);
    const second = 3 - 3 - Math.log(Math.exp(-2) + Math.exp(-1) + 1);
    expect(l).toBeCloseTo((1e4 - second) / 2, 3);
    expect(g[0]).toBeCloseTo(0.5, 6);
    expect(g[1]).toBeCloseTo(-0.5, 6);
    expect(lossValue('categorical_crossentropy', z, t, 2, 3)).toBe(l);
    const p = new Float32Array(6);
    outputFromLogits('categorical_crossentropy', z, p, 2, 3);
    expect(p[0]).toBe(1);
    expect(p[3] + p[4] + p[5]).toBeCloseTo(1, 6);
  });

  it('mean squared error is the mean over all elements with gradient 2(z − t)/(n·k)', () => {
    const g = new Float32Array(4);
    expect(lossAndGrad('mse', Float32Array.from([1, 2, 3, 4]), Float32Array.from([0, 0, 3, 2]), 2, 2, g)).toBe(2.25);
    expect(Array.from(g)).toEqual([0.5, 1, 0, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultInitializer, initializeWeights, INITIALIZERS } from '../../src/nn/initializers.js';
import { createRng } from '../../src/util/rng.js';
import { relu, tanh } from './helpers/kernels.js';

describe('initializers', () => {
  const expectedStd: Record<string, number> = {
    glorot_uniform: Math.sqrt(2 / 300), glorot_normal: Math.sqrt(2 / 300), he_uniform: Math.sqrt(2 / 200),
    he_normal: Math.sqrt(2 / 200), lecun_uniform: Math.sqrt(1 / 200), lecun_normal: Math.sqrt(1 / 200), zeros: 0,
  };
  for (const name of INITIALIZERS) {
    it(`${name} draws weights with the scheme's standard deviation (fanIn 200, fanOut 100)`, () => {
      const w = new Float32Array(200 * 100);
      initializeWeights(w, 200, 100, name, createRng(1));
      const mean = w.reduce((s, v) => s + v, 0) / w.length;
      const std = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
      expect(std).toBeCloseTo(expectedStd[name], 2);
      expect(Math.abs(mean)).toBeLessThan(0.002);
    });
  }

  it('defaults to He for rectifiers, LeCun normal for selu and Glorot uniform otherwise', () => {
    expect(defaultInitializer(relu)).toBe('he_normal');
    expect(defaultInitializer(tanh)).toBe('glorot_uniform');
    expect(defaultInitializer({ ...tanh, key: 'selu', spec: { family: 'exponential', params: [] } })).toBe('lecun_normal');
  });
});

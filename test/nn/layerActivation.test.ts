import { describe, expect, it } from 'vitest';
import type { Activation } from '../../src/activations/activation.js';
import { learnableParamNames, type LayerActivation } from '../../src/nn/layerActivation.js';
import { elu, prelu, tanh } from './helpers/kernels.js';

describe('LayerActivation', () => {
  it('is satisfied by the catalog Activation type (checked by the compiler)', () => {
    const accepts = (a: Activation): LayerActivation => a;
    expect(typeof accepts).toBe('function');
  });

  it('learnableParamNames lists the parameters the catalog marks learnable, or all of a custom expression', () => {
    expect(learnableParamNames(prelu)).toEqual(['alpha']);
    expect(learnableParamNames(elu)).toEqual([]);
    expect(learnableParamNames(tanh)).toEqual([]);
    expect(learnableParamNames({ ...elu, spec: null })).toEqual(['alpha']);
  });
});

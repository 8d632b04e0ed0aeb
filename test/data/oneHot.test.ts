import { describe, expect, it } from 'vitest';
import { oneHot } from '../../src/data/oneHot.js';
import { ActlabError } from '../../src/util/errors.js';

describe('oneHot', () => {
  it('puts a single 1 in the column of each row\'s class', () => {
    expect(Array.from(oneHot(new Float32Array([2, 0, 1]), 3))).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('rejects labels that are not class indices', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/label 3 at row 1 is not a class index 0..2/);
    expect(() => oneHot([0.5], 3)).toThrow(ActlabError);
    expect(() => oneHot([0], 0)).toThrow(ActlabError);
  });
});

import { describe, expect, it } from 'vitest';
import { getLesson } from '../../src/lessons/lessons.js';
import { resolveParams } from '../../src/lessons/params.js';

describe('changing a parameter can change a verdict', () => {
  it('dying_relu: ReLU units die at lr 1 with negative biases, and hardly at lr 0.05 with zero biases', () => {
    const l = getLesson('dying_relu');
    const loud = l.run(resolveParams(l), { seed: 1, seeds: 3 });
    const quiet = l.run(resolveParams(l, { lr: '0.05', bias_init: '0' }), { seed: 1, seeds: 3 });
    expect(quiet.verdict).toBe('does not hold');
    expect(quiet.measurements.reluMeanNewlySilent).toBeLessThan(loud.measurements.reluMeanNewlySilent);
  }, 60_000);

  it('bounded_lr is inconclusive on a grid of small rates where nothing diverges', () => {
    const l = getLesson('bounded_lr');
    const small = l.run(resolveParams(l, { lr: '0.001,0.003', epochs: '10' }), { seed: 1, seeds: 3 });
    expect(small.verdict).toBe('inconclusive');
    expect(small.tally).toEqual({ holds: 0, doesNotHold: 0, inconclusive: 3 });
  }, 60_000);

  it('relu_sparsity: a positive initial bias breaks the symmetry and the claim', () => {
    const l = getLesson('relu_sparsity');
    const r = l.run(resolveParams(l, { bias: '2' }), { seed: 1 });
    expect(r.verdict).toBe('does not hold');
    expect(r.measurements.zeroFractionHigh).toBeLessThan(0.4);
  }, 60_000);

  it('judge alone decides: the same measurements judged with a stricter threshold give another verdict', () => {
    const l = getLesson('exploding_gradients');
    const params = resolveParams(l);
    const r = l.run(params, { seed: 1, seeds: 3 });
    expect(r.verdict).toBe('holds');
    expect(l.judge(r.measurements, { ...params, orders: 5 }).verdict).toBe('does not hold');
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { getLesson } from '../../src/lessons/lessons.js';
import { resolveParams } from '../../src/lessons/params.js';

describe('changing a parameter can change a verdict', () => {
  it('dying_relu holds at lr 1 with negative biases and does not hold at lr 0.1 with zero biases', () => {
    const l = getLesson('dying_relu');
    const loud = l.run(resolveParams(l), { seed: 1 });
    const quiet = l.run(resolveParams(l, { lr: '0.1', bias_init: '0', seeds: '2' }), { seed: 1 });
    expect(loud.verdict).toBe('holds');
    expect(quiet.verdict).toBe('does not hold');
    expect(quiet.measurements.reluDeadFraction).toBeLessThan(loud.measurements.reluDeadFraction);
  }, 30_000);

  it('bounded_lr holds on the default grid and is inconclusive on a grid of small rates where nothing diverges', () => {
    const l = getLesson('bounded_lr');
    expect(l.run(resolveParams(l), { seed: 1 }).verdict).toBe('holds');
    const small = l.run(resolveParams(l, { lr: '0.001,0.003', epochs: '10' }), { seed: 1 });
    expect(small.verdict).toBe('inconclusive');
    expect(small.measurements.reluFirstDivergingLr).toBe(-1);
  }, 30_000);

  it('judge alone decides: the same measurements judged with a stricter threshold give another verdict', () => {
    const l = getLesson('dying_relu');
    const params = resolveParams(l);
    const r = l.run(params, { seed: 1 });
    const strict = l.judge(r.measurements, { ...params, threshold: 0.9 });
    expect(strict.verdict).toBe('does not hold');
  }, 30_000);
});

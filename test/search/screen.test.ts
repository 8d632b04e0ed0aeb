import { describe, expect, it } from 'vitest';
import { screenCandidate } from '../../src/search/screen.js';
import { holm, meanInterval, tQuantile } from '../../src/search/stats.js';

describe('screening of candidates', () => {
  it.each([
    ['x*0 + 3', /constant/],
    ['2*x + 1', /linear/],
    ['step(x)', /no gradient/],
    ['log(x)', /not finite/],
    ['exp(x^2)', /too large|not finite/],
    ['x +* 2', /invalid/],
  ])('%s is rejected with its reason', (text, reason) => {
    const s = screenCandidate(text);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.reason).toMatch(reason);
  });

  it.each(['x*sigmoid(x)', 'max(x, 0)', 'tanh(x)', 'sin(x) + x'])('%s passes', (text) => {
    expect(screenCandidate(text).ok).toBe(true);
  });

  it('two forms of one function get the same fingerprint; different functions do not', () => {
    const fp = (t: string) => screenCandidate(t).fingerprint;
    expect(fp('max(x, 0)')).toBe(fp('(x + abs(x))/2'));
    expect(fp('x*sigmoid(x)')).toBe(fp('x/(1 + exp(-x))'));
    expect(fp('max(x, 0)')).not.toBe(fp('max(x, 0.01*x)'));
  });
});

describe('search statistics', () => {
  it('the t quantile matches tables (df 4: 2.776, df 9: 2.262)', () => {
    expect(tQuantile(0.05, 4)).toBeCloseTo(2.7764, 3);
    expect(tQuantile(0.05, 9)).toBeCloseTo(2.2622, 3);
  });

  it('the 95% interval of 1..5 is 3 ± 2.776·√2.5/√5', () => {
    const m = meanInterval([1, 2, 3, 4, 5]);
    expect(m.mean).toBe(3);
    expect(m.high! - 3).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 3);
    expect(meanInterval([1]).low).toBeNull();
  });

  it('Holm multiplies the k-th smallest p by (m − k + 1), keeps the order monotone, caps at 1 and skips nulls', () => {
    expect(holm([0.01, 0.04, 0.03, null, 0.5])).toEqual([0.04, 0.09, 0.09, null, 0.5]);
    expect(holm([0.9, 0.8])).toEqual([1, 1]);
  });
});

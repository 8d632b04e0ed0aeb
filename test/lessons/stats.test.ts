import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval, spearman, tQuantile, welch, wilson } from '../../src/lessons/stats.js';

describe('lesson statistics', () => {
  it('Wilson interval of 4 successes in 10 is [0.168, 0.687] (published tables)', () => {
    const w = wilson(4, 10);
    expect(w.rate).toBe(0.4);
    expect(w.lo).toBeCloseTo(0.1682, 3);
    expect(w.hi).toBeCloseTo(0.6873, 3);
    const all = wilson(10, 10);
    expect(all.hi).toBe(1);
    expect(all.lo).toBeCloseTo(0.7225, 3);
  });

  it('a Wilson interval lies in [0, 1] and contains the observed rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilson(k, n);
        return w.lo >= 0 && w.hi <= 1 && w.lo <= k / n + 1e-12 && w.hi >= k / n - 1e-12;
      }),
    );
  });

  it('the t quantile for 95% is 2.262 at 9 degrees of freedom and 1.96 for many', () => {
    expect(tQuantile(9)).toBeCloseTo(2.2622, 3);
    expect(tQuantile(10000)).toBeCloseTo(1.96, 2);
  });

  it('the mean interval of 1…10 is 5.5 ± 2.262·s/√10', () => {
    const v = Array.from({ length: 10 }, (_, i) => i + 1);
    const ci = meanInterval(v);
    const half = (2.2622 * Math.sqrt(55 / 6)) / Math.sqrt(10);
    expect(ci.rate).toBe(5.5);
    expect(ci.lo).toBeCloseTo(5.5 - half, 3);
    expect(ci.hi).toBeCloseTo(5.5 + half, 3);
  });

  it("Welch's test finds a clear shift and not a null one", () => {
    expect(welch([1, 2, 3, 4, 5], [11, 12, 13, 14, 15]).p).toBeLessThan(0.001);
    expect(welch([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]).p).toBe(1);
    expect(welch([1], [2, 3]).p).toBe(1);
  });

  it('Spearman is 1 for any increasing relation, −1 for a decreasing one, and within [−1, 1]', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 5, 2, 1])).toBeCloseTo(-1, 12);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const r = spearman(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        return r >= -1 - 1e-12 && r <= 1 + 1e-12;
      }),
    );
  });
});

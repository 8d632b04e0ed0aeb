import { describe, expect, it } from 'vitest';
import { logGamma as lgamma, regularizedIncompleteBeta, studentTTwoSided } from '../../src/experiments/incompleteBeta.js';
import { summarize } from '../../src/experiments/summary.js';
import { welchTTest } from '../../src/experiments/welchTTest.js';
import { epochsToTarget } from '../../src/experiments/epochsToTarget.js';

describe('statistics', () => {
  it('summarize gives mean, sample std, min and max', () => {
    expect(summarize([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3), min: 1, max: 4, n: 4 });
    expect(summarize([])).toBeNull();
  });

  it('the regularized incomplete beta matches closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1-x)^b
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 14);
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
  });

  it("Student's t two-sided tail matches tabulated values", () => {
    expect(studentTTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(12.706, 1)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(1.96, 1e6)).toBeCloseTo(0.05, 3);
    expect(studentTTwoSided(0, 5)).toBeCloseTo(1, 12);
  });

  it("Welch's t-test gives the hand-computed statistic and df, and a p-value equal to integrating the t density", () => {
    // a: mean 3, var 2.5; b: mean 6.2, var 12.2 -> t = -3.2/sqrt(0.5 + 2.44), df = 2.94² / (0.5²/4 + 2.44²/4)
    const r = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 11]);
    const t = -3.2 / Math.sqrt(2.94);
    const df = (2.94 * 2.94) / (0.25 / 4 + (2.44 * 2.44) / 4);
    expect(r?.statistic).toBeCloseTo(t, 12);
    expect(r?.df).toBeCloseTo(df, 12);
    // Independent oracle: 2 * ∫_{|t|}^{∞} density, by Simpson's rule on a substitution u = 1/(1+s) .. plain range.
    const c = Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2)) / Math.sqrt(df * Math.PI);
    const pdf = (s: number) => c * (1 + (s * s) / df) ** (-(df + 1) / 2);
    const a = Math.abs(t);
    const b = 2000;
    const n = 400000;
    const h = (b - a) / n;
    let sum = pdf(a) + pdf(b);
    for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * pdf(a + i * h);
    expect(r?.p).toBeCloseTo(2 * (sum * h) / 3, 5);
    expect(welchTTest([1], [2, 3])).toBeNull();
    expect(welchTTest([1, 1], [1, 1])?.p).toBe(1);
  });

  it('epochs to target is the first epoch reaching the score, or null', () => {
    const h = [0.5, 0.8, 0.95, 0.9].map((a, i) => ({ epoch: i + 1, trainLoss: 1, testLoss: 1, testAccuracy: a }));
    expect(epochsToTarget(h, 0.9)).toBe(3);
    expect(epochsToTarget(h, 0.99)).toBeNull();
  });
});

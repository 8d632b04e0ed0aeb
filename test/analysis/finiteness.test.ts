import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { CATALOG } from '../../src/activations/registry.js';
import { analyzeActivation } from '../../src/analysis/analyzeActivation.js';
import { findNonFinite } from '../../src/analysis/finiteness.js';

const props = (text: string) => analyzeActivation(resolveActivation(text));

describe('functions that are not finite on all of ℝ', () => {
  it('1/0 is infinite everywhere: no range, not monotonic, not smooth, not defined', () => {
    const p = props('1/0');
    expect(p.definedEverywhere).toBe(false);
    expect(p.nonFinite).toEqual([{ from: null, to: null, fromClosed: false, toClosed: false, values: ['inf'] }]);
    expect(p.range).toEqual({ lower: null, upper: null, lowerClosed: false, upperClosed: false });
    expect(p.monotonic).toBe(false);
    expect(p.monotonicity).toBe('none');
    expect(p.continuity).toBe('discontinuous');
    expect(p.differentiable).toBe(false);
  });

  it('log(x) is NaN for x < 0 and −∞ at 0; its limit at −∞ is undefined, not oscillating', () => {
    const p = props('log(x)');
    expect(p.definedEverywhere).toBe(false);
    expect(p.nonFinite).toEqual([{ from: null, to: 0, fromClosed: false, toClosed: true, values: ['nan', '-inf'] }]);
    expect(p.limits).toEqual({ left: 'undefined', right: 'inf' });
    expect(p.monotonic).toBe(false);
    expect(p.continuity).toBe('discontinuous');
  });

  it('sqrt(x) is NaN for x < 0 (0 itself is fine); sqrt(x − 1) for x < 1', () => {
    expect(props('sqrt(x)').nonFinite).toEqual([{ from: null, to: 0, fromClosed: false, toClosed: false, values: ['nan'] }]);
    expect(props('sqrt(x)').limits.left).toBe('undefined');
    expect(props('sqrt(x-1)').nonFinite).toEqual([{ from: null, to: 1, fromClosed: false, toClosed: false, values: ['nan'] }]);
  });

  it('1/x fails at the single point 0; x^1e308 overflows f64 for |x| > 1 (not an overflow far out), though a finite real (proved)', () => {
    expect(props('1/x').nonFinite).toEqual([{ from: 0, to: 0, fromClosed: true, toClosed: true, values: ['inf'] }]);
    expect(props('x^1e308').nonFinite).toEqual([
      { from: null, to: -1, fromClosed: false, toClosed: false, values: ['inf'] },
      { from: 1, to: null, fromClosed: false, toClosed: false, values: ['inf'] },
    ]);
    expect(props('x^1e308').definedEverywhere).toBe(true);
    expect(props('x^1e308').evidence.definedEverywhere).toBe('proved');
  });

  it('lets overflow far out pass: exp, the soft exponential and every catalog entry are finite on ℝ', () => {
    expect(props('exp(x)').nonFinite).toEqual([]);
    expect(props('exp(x)').definedEverywhere).toBe(true);
    for (const spec of CATALOG) {
      const p = props(spec.id);
      expect(p.nonFinite, spec.id).toEqual([]);
      expect(p.definedEverywhere, spec.id).toBe(true);
    }
  });

  it('keeps at most 16 intervals, those nearest 0 (sqrt(sin x))', () => {
    const p = props('sqrt(sin(x))');
    expect(p.nonFinite.length).toBe(16);
    expect(p.nonFinite[0].from).not.toBeNull();
    // the first failure right of 0 is (π, 2π)
    const first = p.nonFinite.find((i) => i.from !== null && i.from > 0)!;
    expect(first.from).toBeCloseTo(Math.PI, 12);
    expect(first.to).toBeCloseTo(2 * Math.PI, 12);
  });

  it('finds where c/(x − a) fails: the point a, for any a and c ≠ 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.double({ min: 0.5, max: 100, noNaN: true }), (k, c) => {
        const a = k / 100;
        const found = findNonFinite((x) => c / (x - a));
        // the grid holds every multiple of 0.01 in [−10, 10], so the pole is sampled
        return found.length === 1 && found[0].from === a && found[0].to === a && found[0].fromClosed && found[0].toClosed;
      }),
      { numRuns: 40 },
    );
  });

  it('finds nothing for finite functions, whatever their scale', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (c) => findNonFinite((x) => c * Math.tanh(x)).length === 0),
      { numRuns: 30 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { limitAtInfinity } from '../../src/analysis/limitAtInfinity.js';

describe('limitAtInfinity', () => {
  it('finds finite limits exactly, snapping 1 − 1e−15 to 1', () => {
    expect(limitAtInfinity((x) => x / (1 + Math.abs(x)), 1)).toBe(1);
    expect(limitAtInfinity((x) => x / (1 + Math.abs(x)), -1)).toBe(-1);
    expect(limitAtInfinity(Math.tanh, -1)).toBe(-1);
  });

  it('reports a tiny oscillating tail such as sin(x)/x as the limit 0', () => {
    expect(limitAtInfinity((x) => Math.sin(x) / x, 1)).toBe(0);
  });

  it('reports "none" for sin and "inf" for growth as slow as log', () => {
    expect(limitAtInfinity(Math.sin, 1)).toBe('none');
    expect(limitAtInfinity((x) => Math.log1p(Math.abs(x)), -1)).toBe('inf');
    expect(limitAtInfinity((x) => x, -1)).toBe('-inf');
  });

  it('takes an overflow to Infinity after growth as the infinite limit (exp) and ignores one after convergence', () => {
    expect(limitAtInfinity(Math.exp, 1)).toBe('inf');
    // Squareplus written naively: x + sqrt(x² + 4) overflows to Infinity near −1e155, after converging to 0.
    expect(limitAtInfinity((x) => (x + Math.sqrt(x * x + 4)) / 2, -1)).toBe(0);
  });

  it('converges for a tail as slow as 1/√x', () => {
    expect(limitAtInfinity((x) => 2 - 1 / Math.sqrt(x), 1)).toBeCloseTo(2, 6);
  });

  it('reports "undefined" when the function is NaN far out, and "none" only for oscillation', () => {
    expect(limitAtInfinity((x) => Math.sqrt(-x), 1)).toBe('undefined');
    expect(limitAtInfinity(Math.log, -1)).toBe('undefined');
    expect(limitAtInfinity(Math.sin, -1)).toBe('none');
  });
});

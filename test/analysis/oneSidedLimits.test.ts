import { describe, expect, it } from 'vitest';
import { oneSidedLimits } from '../../src/analysis/oneSidedLimits.js';

describe('oneSidedLimits', () => {
  it('sees the jump of a step and estimates both sides', () => {
    const r = oneSidedLimits((x) => (x >= 0 ? 1 : 0), 0);
    expect(r.jumps).toBe(true);
    expect(r.left).toBe(0);
    expect(r.right).toBe(1);
  });

  it('sees a jump riding on steep slopes on both sides', () => {
    const r = oneSidedLimits((x) => (x > 2 ? 50 * x : 50 * x - 0.01), 2);
    expect(r.jumps).toBe(true);
    expect(r.right - r.left).toBeCloseTo(0.01, 8);
  });

  it('sees no jump where a smooth function merely changes formula', () => {
    expect(oneSidedLimits((x) => (x > 1 ? Math.exp(x) : Math.E * Math.exp(x - 1)), 1).jumps).toBe(false);
  });

  it('takes cancellation noise near a removable singularity for what it is, not a jump', () => {
    // Third derivative of sin(x)/x written naively: terms of size 6/x⁴ cancel to O(x) near 0.
    const d3 = (x: number): number =>
      x === 0 ? 0 : (-Math.cos(x)) / x + (3 * Math.sin(x)) / x ** 2 + (6 * Math.cos(x)) / x ** 3 - (6 * Math.sin(x)) / x ** 4;
    expect(oneSidedLimits(d3, 0).jumps).toBe(false);
  });

  it('counts a non-finite side as a jump', () => {
    expect(oneSidedLimits((x) => 1 / x, 0).jumps).toBe(true);
  });
});

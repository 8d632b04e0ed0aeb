import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisWidth, compactTick, latestValue } from '../../web/src/views/chartData.js';

describe('chart ticks and legends', () => {
  it('writes log-axis ticks in one compact style', () => {
    expect([1, 0.1, 0.01, 1e-3, 1e-4, 1e-5].map(compactTick)).toEqual(['1', '0.1', '0.01', '1e-3', '1e-4', '1e-5']);
    expect([2e-5, 0.5, 250, 1e4, 0, -0.2].map(compactTick)).toEqual(['2e-5', '0.5', '250', '1e4', '0', '-0.2']);
    expect(compactTick(Number.NaN)).toBe('');
  });

  it('reads back close to the value, in at most 8 characters', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), (v) => {
        const s = compactTick(v);
        expect(s.length).toBeLessThanOrEqual(8);
        expect(Math.abs(Number(s) - v) / v).toBeLessThan(0.01);
      }),
    );
  });

  it('finds the latest value of a column', () => {
    expect(latestValue([1, 2, null, 3, null])).toBe(3);
    expect(latestValue([null, Number.NaN])).toBeNull();
    expect(latestValue([])).toBeNull();
  });

  it('gives an axis room for its widest label', () => {
    expect(axisWidth(['1e-4', '0.01'], true)).toBeGreaterThan(axisWidth(['1'], true));
  });
});

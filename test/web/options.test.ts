import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEARNING_RATES, REG_RATES, formatMetric, formatPercent, formatRate, nextCompareActivation, ownsSpaceKey, withCurrent } from '../../web/src/controls/options.js';

describe('control helpers', () => {
  it('offer Playground’s learning and regularisation rates, in order', () => {
    expect([...LEARNING_RATES]).toEqual([0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    expect([...REG_RATES]).toEqual([0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
  });

  it('add a value from a hand-made link to the offered ones, in order', () => {
    expect(withCurrent([0.1, 1], 0.5)).toEqual([0.1, 0.5, 1]);
    expect(withCurrent([0.1, 1], 1)).toEqual([0.1, 1]);
  });

  it('never show NaN for a metric', () => {
    expect(formatMetric(0.12345)).toBe('0.123');
    expect(formatMetric(0)).toBe('0.000');
    expect(formatMetric(0.00002)).toBe('2.00e-5');
    expect(formatMetric(Number.NaN)).toBe('—');
    expect(formatMetric(null)).toBe('—');
    expect(formatPercent(0.987)).toBe('98.7%');
    expect(formatPercent(undefined)).toBe('—');
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(formatMetric(v)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });

  it('write rates as decimals', () => {
    expect(LEARNING_RATES.map(formatRate)).toEqual(['0.00001', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10']);
  });

  it('start a comparison with an activation not trained yet', () => {
    expect(nextCompareActivation(['tanh', 'tanh'])).toBe('relu');
    expect(nextCompareActivation(['relu', 'tanh'])).toBe('sigmoid');
  });

  it('leave Space to inputs, selects and buttons, and take it elsewhere', () => {
    const element = (matches: boolean) => ({ closest: () => (matches ? {} : null), isContentEditable: false });
    expect(ownsSpaceKey(element(true) as unknown as EventTarget)).toBe(true);
    expect(ownsSpaceKey(element(false) as unknown as EventTarget)).toBe(false);
    expect(ownsSpaceKey(null)).toBe(false);
  });
});

describe('groupDigits', () => {
  it('sets thousands apart in big numbers only', async () => {
    const { groupDigits } = await import('../../web/src/controls/options.js');
    expect(groupDigits(100000)).toBe('100\u202f000');
    expect(groupDigits(2000)).toBe('2000');
    expect(groupDigits(1234567)).toBe('1\u202f234\u202f567');
    expect(groupDigits(-12345)).toBe('-12\u202f345');
  });
});

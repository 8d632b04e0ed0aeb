import { describe, expect, it } from 'vitest';
import { trainRun } from '../../src/run/trainRun.js';

const accuracy = (data: string, activation: string, hidden?: number[]) =>
  trainRun({ data: { name: data }, model: { activation, ...(hidden ? { hidden } : {}) } }).final.testAccuracy ?? Number.NaN;

describe('default settings', () => {
  it.each(['tanh', 'relu', 'sigmoid'])('XOR reaches at least 95 percent test accuracy with %s', (a) => {
    expect(accuracy('xor', a)).toBeGreaterThanOrEqual(0.95);
  });

  it('XOR stays at or below 75% test accuracy with identity activations', () => {
    expect(accuracy('xor', 'identity')).toBeLessThanOrEqual(0.75);
  });

  it.each(['relu', 'tanh'])('spiral reaches at least 95 percent test accuracy with hidden 8,8 and %s', (a) => {
    expect(accuracy('spiral', a, [8, 8])).toBeGreaterThanOrEqual(0.95);
  });
});

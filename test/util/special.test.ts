import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../../src/util/special.js';

const table = JSON.parse(readFileSync(new URL('../fixtures/erf-values.json', import.meta.url), 'utf8')) as { rows: [number, number, number][] };

/** Relative error of a against the reference b (0 when both are 0). */
function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

describe('erf and erfc', () => {
  it('match Python math.erf to 1e-15 relative at every tabulated point', () => {
    for (const [x, e] of table.rows) expect(relErr(erf(x), e), `erf(${x}) = ${erf(x)}, expected ${e}`).toBeLessThanOrEqual(1e-15);
  });

  it('match Python math.erfc to 1e-15 relative wherever the result is a normal number, deep tail included', () => {
    for (const [x, , c] of table.rows) {
      if (c !== 0 && c < 2.3e-308) continue; // subnormal results carry fewer significant bits
      expect(relErr(erfc(x), c), `erfc(${x}) = ${erfc(x)}, expected ${c}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it('keep the right tail to full precision: erfc(26) is about 5.663e-296', () => {
    expect(relErr(erfc(26), 5.663192408856143e-296)).toBeLessThan(1e-15);
    expect(erfc(27.5)).toBeLessThan(1e-320);
    expect(erfc(30)).toBe(0);
    expect(erfc(1e300)).toBe(0);
  });

  it('are odd and complementary: erf(-x) = -erf(x), erfc(-x) = 2 - erfc(x)', () => {
    for (const x of [0.1, 0.7, 1, 2, 3.3, 5.5, 8]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(relErr(erfc(-x), 2 - erfc(x))).toBeLessThan(1e-15);
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(3e-16);
    }
  });

  it('give the limits at infinity and NaN for NaN', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
  });

  it('are exact near zero: erf(x) = 2x/√π for tiny x, no underflow to zero', () => {
    expect(erf(1e-300)).toBe(1.1283791670955126e-300);
    expect(erf(-1e-30)).toBe(-1.1283791670955127e-30);
  });
});

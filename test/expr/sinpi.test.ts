/**
 * sinpi and cospi: sin(πx) and cos(πx) with x reduced exactly (x = n + r, n the nearest whole number,
 * |r| ≤ 1/2), so they keep every digit where sin(pi*x) has none left. Checked against identities that hold
 * exactly (zeros and ±1 at whole and half-whole x, periodicity for x = k + f with both parts exact) and
 * against Math.sin/Math.cos of small arguments, where πx rounds harmlessly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff, evaluate, parse, simplify, toLatex, toText } from '../../src/expr/index.js';
import { cospi, sinpi } from '../../src/expr/runtime.js';

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('sinpi and cospi', () => {
  it('are exactly 0 and ±1 at whole and half-whole x, however large', () => {
    for (const n of [0, 1, 2, 3, 7, 100, 12345, 2 ** 40 + 1, 2 ** 52 - 1, 2 ** 52, 2 ** 53, 1e15 + 1, 1e300]) {
      for (const s of [1, -1]) {
        const x = s * n;
        const odd = n < 2 ** 53 && n % 2 === 1;
        expect(Object.is(sinpi(x), n === 0 ? x : s > 0 ? 0 : -0), `sinpi(${x})`).toBe(true);
        expect(cospi(x), `cospi(${x})`).toBe(odd ? -1 : 1);
        if (n < 2 ** 52) {
          expect(sinpi(x + s * 0.5), `sinpi(${x + s * 0.5})`).toBe(s * (odd ? -1 : 1));
          expect(Object.is(cospi(x + s * 0.5), 0), `cospi(${x + s * 0.5})`).toBe(true);
        }
      }
    }
    expect(sinpi(1e-300)).toBe(Math.PI * 1e-300);
  });

  it('are periodic with period 2 exactly: sinpi(k + f) = (−1)^k sinpi(f) for whole k up to 2^32', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 32), max: 2 ** 32 }), fc.integer({ min: -(2 ** 19), max: 2 ** 19 }), (k, m) => {
        const f = m / 2 ** 20; // |f| ≤ 1/2, and k + f is exact
        const sign = Math.abs(k % 2) === 1 ? -1 : 1;
        expect(sinpi(k + f) === sign * sinpi(f), `sinpi(${k} + ${f})`).toBe(true);
        expect(cospi(k + f) === sign * cospi(f), `cospi(${k} + ${f})`).toBe(true);
        // Math.cos(πf) itself is off by the rounding of πf near f = ±1/2: an absolute bound
        expect(Math.abs(sinpi(k + f) - sign * Math.sin(Math.PI * f))).toBeLessThan(5e-16);
        expect(Math.abs(cospi(k + f) - sign * Math.cos(Math.PI * f))).toBeLessThan(5e-16);
      }),
      { numRuns: 2000 },
    );
  });

  it('agree with Math.sin(πx) and Math.cos(πx) for |x| ≤ 1/4, and with sin² + cos² = 1 everywhere', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.25, max: 0.25, noNaN: true }), fc.double({ min: -1e20, max: 1e20, noNaN: true }), (x, y) => {
        expect(rel(sinpi(x), Math.sin(Math.PI * x))).toBeLessThan(4e-16);
        expect(rel(cospi(x), Math.cos(Math.PI * x))).toBeLessThan(4e-16);
        expect(Math.abs(sinpi(y) ** 2 + cospi(y) ** 2 - 1)).toBeLessThan(1e-15);
      }),
      { numRuns: 2000 },
    );
  });

  it('are NaN at ±∞ and NaN', () => {
    for (const v of [Infinity, -Infinity, Number.NaN]) {
      expect(sinpi(v)).toBeNaN();
      expect(cospi(v)).toBeNaN();
    }
  });

  it('are functions of the language with π·cospi and −π·sinpi as derivatives, printed in text and LaTeX', () => {
    const e = simplify(parse('sinpi(x) + cospi(2*x)').expr);
    expect(toText(diff(e, 'x'))).toBe('pi*cospi(x) + -2*(pi*sinpi(2*x))');
    // sin(π(1e15 + 1/2)) = 1 and cos(π(2e15 + 1)) = −1; sin(pi*x) + cos(2*pi*x) gives 0.30 and 0.68 there
    expect(evaluate(e, { x: 1e15 + 0.5 })).toBe(0);
    expect(toLatex(e)).toContain('\\sin\\left(\\pi x\\right)');
  });
});

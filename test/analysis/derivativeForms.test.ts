import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { evaluate } from '../../src/expr/evaluate.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';

/**
 * The derivatives the analysis works from are simplified by exact rules only (src/expr): a simplified form
 * has the value of the unsimplified one at every x, so what the analysis proves about one holds of the other.
 */
describe('simplified derivative forms', () => {
  it("tanh'' is −2·sech²·tanh at every x (the analysis proves signs from this form)", () => {
    const tanh = resolveActivation('tanh');
    for (const x of [-30, -2, -0.5, 0, 1e-9, 0.5, 2, 30]) {
      const s = 1 / Math.cosh(x);
      expect(tanh.d2f(x)).toBeCloseTo(-2 * s * s * Math.tanh(x), 14);
    }
  });

  it('gathers a*(a*b), a^m*a^n and (a/b)/b without changing any value (NaN stays NaN)', () => {
    const cases = ['x*(x*sin(x))', 'x^2*x^3', 'x*x^4', 'x^3*(x^2*cos(x))', '(1/x)/x', '(sin(x)/(x+2))/(x+2)', 'tanh(x)*(tanh(x)*x)'];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: -8, max: 8, noNaN: true }), (text, x) => {
        const e = parse(text).expr;
        const a = evaluate(e, { x });
        const b = evaluate(simplify(e), { x });
        return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b;
      }),
      { numRuns: 400 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { evaluate } from '../../src/expr/evaluate.js';
import { parse } from '../../src/expr/parse.js';
import { toText } from '../../src/expr/print.js';
import { simplify } from '../../src/expr/simplify.js';

/** The derivatives the analysis works from print compactly: equal factors become powers. */
describe('simplified derivative forms', () => {
  it("writes tanh'' as −2·sech²·tanh and log'' as −1/x²", () => {
    const tanh = toText(resolveActivation('tanh').secondDerivative);
    expect(tanh).toMatch(/sech\(x\)\^2/);
    expect(tanh).not.toMatch(/sech\(x\) \* \(?sech/);
    expect(toText(resolveActivation('log(x)').secondDerivative)).toMatch(/x\^2/);
  });

  it('gathers a*(a*b), a^m*a^n and (a/b)/b without changing values', () => {
    const cases = ['x*(x*sin(x))', 'x^2*x^3', 'x*x^4', 'x^3*(x^2*cos(x))', '(1/x)/x', '(sin(x)/(x+2))/(x+2)', 'tanh(x)*(tanh(x)*x)'];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: -8, max: 8, noNaN: true }), (text, x) => {
        const e = parse(text).expr;
        const a = evaluate(e, { x });
        const b = evaluate(simplify(e), { x });
        if (!Number.isFinite(a)) return !Number.isFinite(b) || Math.abs(b) > 1e300;
        return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
      }),
      { numRuns: 400 },
    );
    expect(toText(simplify(parse('x^2*x^3').expr))).toBe('x^5');
    expect(toText(simplify(parse('(1/x)/x').expr))).toBe('1/x^2');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { evaluate } from '../../src/expr/evaluate.js';
import { parse } from '../../src/expr/parse.js';
import { toText } from '../../src/expr/print.js';
import { simplify } from '../../src/expr/simplify.js';

/**
 * The derivatives the analysis works from. Simplification never changes a value (issue 9), so equal
 * factors are not gathered into powers (a*(a*b) and a^2*b round differently): the forms stay products.
 */
describe('simplified derivative forms', () => {
  it("writes tanh'' as a product of sech, sech and tanh, and log'' as -(1/x/x)", () => {
    const tanh = toText(resolveActivation('tanh').secondDerivative);
    expect(tanh).toBe('-(2*sech(x)*(sech(x)*tanh(x)))');
    expect(toText(resolveActivation('log(x)').secondDerivative)).toBe('-(1/x/x)');
  });

  it('leaves a*(a*b), a^m*a^n and (a/b)/b as they are: gathering them would change values', () => {
    const cases = ['x*(x*sin(x))', 'x^2*x^3', 'x*x^4', 'x^3*(x^2*cos(x))', '(1/x)/x', '(sin(x)/(x+2))/(x+2)', 'tanh(x)*(tanh(x)*x)'];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double(), (text, x) => {
        const e = parse(text).expr;
        return Object.is(evaluate(e, { x }), evaluate(simplify(e), { x }));
      }),
      { numRuns: 400 },
    );
    expect(toText(simplify(parse('x^2*x^3').expr))).toBe('x^2*x^3');
    expect(toText(simplify(parse('(1/x)/x').expr))).toBe('1/x/x');
  });
});

import { describe, expect, it } from 'vitest';
import { symbolicLimit } from '../../src/analysis/series.js';
import { compileScalar } from '../../src/expr/compile.js';
import { diff } from '../../src/expr/diff.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';

const ex = (t: string) => simplify(parse(t).expr);
const at = (t: string, x: number, side: -1 | 1) => symbolicLimit(ex(t), { at: x, side });
const d = (t: string) => diff(ex(t), 'x');

describe('symbolic one-sided limits', () => {
  it('at ±∞, through exponential scales and cancellations', () => {
    expect(at('sigmoid(x)', Infinity, -1)).toBe(1);
    expect(at('sigmoid(x)', -Infinity, 1)).toBe(0);
    expect(at('x - tanh(x)', Infinity, -1)).toBe(Infinity);
    expect(at('log(1 + exp(x))', Infinity, -1)).toBe(Infinity);
    expect(symbolicLimit(d('log(1 + exp(x))'), { at: Infinity, side: -1 })).toBe(1);
    expect(symbolicLimit(d('log(1 + exp(x))'), { at: -Infinity, side: 1 })).toBe(0);
    expect(at('x*sigmoid(x)', -Infinity, 1)).toBe(0);
    expect(at('atan(x)', Infinity, -1)).toBe(Math.PI / 2);
    expect(at('x/(1 + abs(x))', -Infinity, 1)).toBe(-1);
    expect(symbolicLimit(d('x/(1 + abs(x))^0.2'), { at: Infinity, side: -1 })).toBe(0);
    expect(symbolicLimit(d('0.5*x*erfc(-x/sqrt(2))'), { at: -Infinity, side: 1 })).toBe(0);
    expect(at('sin(x)', Infinity, -1)).toBe('none');
    expect(at('sin(x)/x', Infinity, -1)).toBe(0);
  });

  it('at finite points: roots, poles, removable singularities and switches', () => {
    expect(symbolicLimit(d('cbrt(x)'), { at: 0, side: 1 })).toBe(Infinity);
    expect(symbolicLimit(d('sqrt(abs(x))'), { at: 0, side: -1 })).toBe(-Infinity);
    expect(at('1/x', 0, -1)).toBe(-Infinity);
    expect(at('sin(x)/x', 0, 1)).toBe(1);
    expect(at('(exp(x) - 1)/x', 0, -1)).toBeCloseTo(1, 14);
    expect(at('x > 2 ? 1 : x - x^2/4', 2, -1)).toBe(1);
    expect(symbolicLimit(d('x > 2 ? 1 : x - x^2/4'), { at: 2, side: -1 })).toBe(0);
    expect(at('x >= 0 ? 1 : 0', 0, -1)).toBe(0);
    expect(at('x > 0.5 ? x - 0.5 : 0', 0.5, 1)).toBe(0);
    expect(at('sqrt(x)', 0, -1)).toBeNull();
  });

  it('agree with the derivative evaluated far out, for the catalog-like forms', () => {
    const forms = ['tanh(x)', 'softplus(x)', 'x*sigmoid(x)', 'x*tanh(softplus(x))', '0.5*x*erfc(-x/sqrt(2))', 'x*erf(softplus(x))', 'x/(1 + abs(x))', 'asinh(x)'];
    for (const t of forms) {
      const g = d(t);
      const f = compileScalar(g, []);
      for (const [end, x] of [[Infinity, 60], [-Infinity, -60]] as const) {
        const l = symbolicLimit(g, { at: end, side: end > 0 ? -1 : 1 });
        expect(typeof l, `${t} at ${end}`).toBe('number');
        expect(Math.abs((l as number) - f(x, [])), `${t} at ${end}`).toBeLessThan(0.02);
      }
    }
  });
});

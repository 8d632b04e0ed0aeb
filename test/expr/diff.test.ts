import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Expr, compileScalar, diff, evaluate, num, op, parse, sym, toText } from '../../src/expr/index.js';

const d = (text: string, name = 'x', params: string[] = []) => toText(diff(parse(text, { params }).expr, name));

describe('diff', () => {
  it('differentiates the primitives to readable, simplified text', () => {
    expect(d('x^2')).toBe('2*x');
    expect(d('3*x + 1')).toBe('3');
    expect(d('sin(x)')).toBe('cos(x)');
    expect(d('exp(2*x)')).toBe('2*exp(2*x)');
    expect(d('tanh(x)')).toBe('sech(x)^2');
    expect(d('sigmoid(x)')).toBe('sigmoid(x)*sigmoid(-x)');
    expect(d('softplus(x)')).toBe('sigmoid(x)');
    expect(d('x*sigmoid(x)')).toBe('sigmoid(x) + x*(sigmoid(x)*sigmoid(-x))');
  });

  it('differentiates a conditional branch by branch, keeping the branch taken at the kink', () => {
    expect(d('x > 0 ? x : 0')).toBe('x > 0 ? 1 : 0');
    expect(d('x > 0 ? x : alpha*expm1(x)', 'x', ['alpha'])).toBe('x > 0 ? 1 : alpha*exp(x)');
    const relu = diff(parse('x > 0 ? x : 0').expr, 'x');
    expect(evaluate(relu, { x: 0 })).toBe(0);
  });

  it('differentiates with respect to a parameter', () => {
    expect(d('x > 0 ? x : alpha*x', 'alpha', ['alpha'])).toBe('x > 0 ? 0 : x');
    expect(d('x*sigmoid(beta*x)', 'beta', ['beta'])).toBe('x*(sigmoid(beta*x)*sigmoid(-(beta*x))*x)');
  });

  it('gives abs a zero derivative at 0 and max the second argument at a tie', () => {
    expect(evaluate(diff(parse('abs(x)').expr, 'x'), { x: 0 })).toBe(0);
    expect(evaluate(diff(parse('max(x, 0)').expr, 'x'), { x: 0 })).toBe(0);
    expect(evaluate(diff(parse('max(0, x)').expr, 'x'), { x: 0 })).toBe(1);
    expect(evaluate(diff(parse('clamp(x, -1, 1)').expr, 'x'), { x: 1 })).toBe(0);
    expect(evaluate(diff(parse('clamp(x, -1, 1)').expr, 'x'), { x: 0.5 })).toBe(1);
  });

  it('fills in the removable singularity of sinc and its derivatives', () => {
    const f = parse('sinc(x)').expr;
    const d1 = diff(f, 'x');
    const d2 = diff(d1, 'x');
    expect(evaluate(f, { x: 0 })).toBe(1);
    expect(evaluate(d1, { x: 0 })).toBe(0);
    expect(evaluate(d2, { x: 0 })).toBeCloseTo(-1 / 3, 15);
    for (const x of [1e-9, 1e-4, 0.3, 1.7, 3, 10, 40]) {
      const h = 1e-5 * Math.max(1, Math.abs(x));
      expect(evaluate(d1, { x })).toBeCloseTo((evaluate(f, { x: x + h }) - evaluate(f, { x: x - h })) / (2 * h), 8);
      expect(evaluate(d2, { x })).toBeCloseTo((evaluate(d1, { x: x + h }) - evaluate(d1, { x: x - h })) / (2 * h), 7);
    }
  });

  // Random smooth expressions: the symbolic derivative agrees with central finite differences.
  const smooth: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(sym('x')),
      fc.double({ min: -3, max: 3, noNaN: true }).map((v) => num(Math.round(v * 100) / 100)),
      fc.tuple(fc.constantFrom('add', 'sub', 'mul'), tie('e'), tie('e')).map(([o, a, b]) => op(o, a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => op('div', a, op('add', num(2), op('pow', b, num(2))))),
      fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'softplus', 'atan', 'erf', 'sinc', 'logsigmoid', 'asinh'), tie('e')).map(([o, a]) => op(o, a)),
      fc.tuple(tie('e'), fc.integer({ min: 2, max: 3 })).map(([a, k]) => op('pow', a, num(k))),
      tie('e').map((a) => op('exp', op('neg', op('pow', a, num(2))))),
    ),
  })).e;

  it('agrees with central finite differences on random smooth expressions', () => {
    fc.assert(
      fc.property(smooth, fc.double({ min: -2, max: 2, noNaN: true }), (e, x) => {
        const f = compileScalar(e, []);
        const df = compileScalar(diff(e, 'x'), []);
        const h = 1e-5;
        const fd = (f(x + h, []) - f(x - h, [])) / (2 * h);
        const ad = df(x, []);
        if (!Number.isFinite(fd) || !Number.isFinite(ad) || Math.abs(ad) > 1e6) return;
        const scale = Math.max(1, Math.abs(f(x, [])), Math.abs(ad));
        expect(Math.abs(ad - fd)).toBeLessThan(1e-4 * scale);
      }),
      { numRuns: 400 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { evaluate, parse, simplify, toText } from '../../src/expr/index.js';
import { softplus } from '../../src/expr/runtime.js';
import { stabilize } from '../../src/expr/stabilize.js';

const st = (text: string) => {
  const r = stabilize(simplify(parse(text, { params: ['a'] }).expr));
  return { text: toText(r.expr), rewrites: r.rewrites, expr: r.expr };
};

describe('stabilize: naive forms become stable primitives', () => {
  it.each([
    ['log(1+exp(x))', 'softplus(x)'],
    ['log(exp(x)+1)', 'softplus(x)'],
    ['log1p(exp(x))', 'softplus(x)'],
    ['log(1+x^2)', 'log1p(x^2)'],
    ['log(1-x)', 'log1p(-x)'],
    ['exp(x)-1', 'expm1(x)'],
    ['x*(exp(a*x)-1)', 'x*expm1(a*x)'],
    ['1-exp(x)', '-expm1(x)'],
    ['1/(1+exp(-x))', 'sigmoid(x)'],
    ['1/(1+exp(x))', 'sigmoid(-x)'],
    ['exp(x)/(1+exp(x))', 'sigmoid(x)'],
    ['1-sigmoid(x)', 'sigmoid(-x)'],
    ['log(sigmoid(x))', 'logsigmoid(x)'],
    ['-log(1+exp(-x))', 'logsigmoid(x)'],
    ['log(exp(x))', 'x'],
    ['1/cosh(x)', 'sech(x)'],
    ['1-tanh(x)^2', 'sech(x)^2'],
    ['(exp(x)-exp(-x))/(exp(x)+exp(-x))', 'tanh(x)'],
    ['1-erf(x/2)', 'erfc(0.5*x)'],
    ['1+erf(x)', 'erfc(-x)'],
    ['sqrt(x^2+1)', 'hypot(x, 1)'],
    ['sqrt(x*x+a*a)', 'hypot(x, a)'],
    ['sin(pi*x)/(pi*x)', 'sinc(pi*x)'],
    ['x*log(1+exp(x))', 'x*softplus(x)'],
  ])('%s → %s', (text, want) => {
    const r = st(text);
    expect(r.text).toBe(want);
    expect(r.rewrites.length).toBeGreaterThan(0);
    // where the naive form is accurate (moderate x), the values agree
    for (const x of [-3, -0.7, 0.3, 1.9]) {
      const naive = evaluate(parse(text, { params: ['a'] }).expr, { x, a: 1.5 });
      const stable = evaluate(r.expr, { x, a: 1.5 });
      if (Number.isNaN(naive)) expect(stable).toBeNaN();
      else expect(Math.abs(stable - naive)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(naive)));
    }
  });

  it('leaves stable and unrelated expressions alone and reports nothing', () => {
    for (const text of ['softplus(x)', 'x*sigmoid(x)', 'log(2+exp(x))', 'exp(x)-2', 'sin(x)/(2*x)', 'log(x)']) {
      const r = st(text);
      expect(r.rewrites).toEqual([]);
      expect(r.text).toBe(toText(simplify(parse(text, { params: ['a'] }).expr)));
    }
  });

  it('reports a chain of rewrites as one step from the typed form to the stable one', () => {
    expect(st('log(1+exp(x))').rewrites).toEqual([
      { rule: 'log(1 + u) → log1p(u), then log1p(exp(u)) → softplus(u)', from: 'log(1 + exp(x))', to: 'softplus(x)' },
    ]);
  });

  it('makes a typed formula as accurate as the stable primitive in the tails', () => {
    const typed = resolveActivation('log(1+exp(x))');
    for (const x of [-800, -40, -1e-9, 0, 1e-9, 30, 709.9, 800, 1e300]) expect(typed.f(x)).toBe(softplus(x));
    expect(typed.f(800)).toBe(800);
    expect(typed.f(-700)).toBeGreaterThan(0);
    expect(typed.rewrites?.length).toBe(1);
    expect(resolveActivation('1/(1+exp(-x))').f(-700)).toBeGreaterThan(0);
  });
});

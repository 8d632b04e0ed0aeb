import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExpressionError, evaluate, parse, toText } from '../../src/expr/index.js';

const value = (text: string, x: number, env: Record<string, number> = {}) => evaluate(parse(text, { params: Object.keys(env) }).expr, { x, ...env });

describe('parse', () => {
  it('follows the usual precedence: * before +, ^ before unary minus, ^ right-associative', () => {
    expect(value('1 + 2*3', 0)).toBe(7);
    expect(value('-x^2', 3)).toBe(-9);
    expect(value('2^3^2', 0)).toBe(512);
    expect(value('2^-1', 0)).toBe(0.5);
    expect(value('(1+2)*3', 0)).toBe(9);
    expect(value('x ** 2', 3)).toBe(9);
  });

  it('reads comparisons, logic and conditionals', () => {
    expect(value('x > 0 ? x : 0.01*x', -2)).toBeCloseTo(-0.02, 15);
    expect(value('x > 0 && x < 1 ? 1 : 0', 0.5)).toBe(1);
    expect(value('!(x > 0) ? 5 : 6', 1)).toBe(6);
    expect(value('x < 0 ? -1 : x < 1 ? 0 : 1', 0.5)).toBe(0);
  });

  it('knows constants pi and e and declared parameters', () => {
    expect(value('pi', 0)).toBe(Math.PI);
    expect(value('e', 0)).toBe(Math.E);
    const r = parse('x*sigmoid(beta*x); beta=1.5');
    expect(r.declarations).toEqual([{ name: 'beta', value: 1.5 }]);
    expect(evaluate(r.expr, { x: 2, beta: 1.5 })).toBeCloseTo(2 / (1 + Math.exp(-3)), 14);
    expect(parse('a*x; a=-2; b=1e-3').declarations).toEqual([
      { name: 'a', value: -2 },
      { name: 'b', value: 0.001 },
    ]);
  });

  it('points at the column of an unclosed parenthesis and says what it expected', () => {
    const err = (() => {
      try {
        parse('x*sigmoid(1.702*x');
      } catch (e) {
        return e as ExpressionError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(ExpressionError);
    expect(err.column).toBe(18);
    expect(err.message).toContain("expected ',' or ')'");
    expect(err.caret.split('\n')[1]).toBe(`${' '.repeat(17)}^`);
  });

  it('suggests the closest function for a misspelt one', () => {
    expect(() => parse('sigmod(x)')).toThrow(/unknown function 'sigmod'.*did you mean sigmoid/);
  });

  it('asks to declare an unknown parameter', () => {
    expect(() => parse('x*sigmoid(beta*x)')).toThrow(/unknown name 'beta'.*declare a parameter/);
  });

  it('rejects wrong arity, empty input, stray characters and chained comparisons with a column', () => {
    expect(() => parse('max(x)')).toThrow(/max takes 2 arguments but was given 1/);
    expect(() => parse('   ')).toThrow(/empty/);
    expect(() => parse('x $ 2')).toThrow(/column 3/);
    expect(() => parse('0 < x < 1')).toThrow(/cannot be chained/);
    expect(() => parse('2x')).toThrow(/column 2.*2\*x/);
    expect(() => parse('x +')).toThrow(/ends too early/);
    expect(() => parse('x; x=2')).toThrow(/cannot be a parameter name/);
  });

  it('refuses inputs beyond the size and depth limits instead of overflowing the stack', () => {
    expect(() => parse('('.repeat(5000) + 'x' + ')'.repeat(5000))).toThrow(ExpressionError);
    expect(() => parse('-'.repeat(3000) + 'x')).toThrow(/nested too deeply/);
    expect(() => parse(Array.from({ length: 2500 }, () => 'x').join('+'))).toThrow(/too large|longer/);
  });

  it('never crashes, hangs or runs code on random text (fuzz)', () => {
    const alphabet = fc.constantFrom(...'x()+-*/^<>=!?:;,.e0123456789 abcdefghijklmnopqrstuvwxyz_$`{}[]"\'\\'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        try {
          parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('treats code-like text as an unknown name, never as JavaScript', () => {
    expect(() => parse('constructor')).toThrow(ExpressionError);
    expect(() => parse('process.exit(1)')).toThrow(ExpressionError);
    expect(() => parse('__proto__(x)')).toThrow(/unknown function/);
    expect(() => parse('x; constructor=1')).not.toThrow();
  });

  it('prints text that parses back to the same expression', () => {
    for (const t of ['x > 0 ? x : 0.01*x', '-x^2', '(-x)^2', '2^-x', 'x - (x - 1)', 'x/(x/2)', 'a*x + -(x*2); a=2', '(x > 0 ? 1 : 2)*x', '-(-2)', 'x^2^3']) {
      const once = toText(parse(t).expr);
      const params = parse(t).declarations.map((d) => d.name);
      expect(toText(parse(once, { params }).expr)).toBe(once);
      for (const x of [-1.5, 0.3, 2]) {
        const env = Object.fromEntries(parse(t).declarations.map((d) => [d.name, d.value]));
        expect(evaluate(parse(once, { params }).expr, { x, ...env })).toBe(evaluate(parse(t).expr, { x, ...env }));
      }
    }
  });
});

describe('the nesting limit', () => {
  it('accepts 64 nested parentheses, refuses 65, and its message states the limit it applies', () => {
    expect(() => parse(`${'('.repeat(64)}x${')'.repeat(64)}`)).not.toThrow();
    expect(() => parse(`${'sin('.repeat(64)}x${')'.repeat(64)}`)).not.toThrow();
    expect(() => parse(`${'('.repeat(65)}x${')'.repeat(65)}`)).toThrow(/more than 64 levels/);
    expect(() => parse(`${'sin('.repeat(65)}x${')'.repeat(65)}`)).toThrow(/more than 64 levels/);
    expect(() => parse(`${'x^'.repeat(65)}x`)).toThrow(/more than 64 levels/);
  });
});

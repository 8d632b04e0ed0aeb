import { describe, expect, it } from 'vitest';
import {
  type Expr,
  InvalidExpressionError,
  JS_LOWERING,
  LATEX_LOWERING,
  NUMPY_LOWERING,
  PRIMITIVE_NAMES,
  TEXT_LOWERING,
  TORCH_LOWERING,
  compileKernel,
  compilePointwise,
  compileScalar,
  evaluate,
  lower,
  num,
  op,
  parse,
  printCode,
  run,
  sym,
  toLatex,
  toText,
} from '../../src/expr/index.js';

describe('lower: the IR', () => {
  it('computes a common subexpression once, folds constants and marks x-free and boolean instructions', () => {
    const e = parse('sigmoid(2*3*x) + sigmoid(6*x) * alpha^2 + (x > alpha ? 1 : 0)', { params: ['alpha'] }).expr;
    const p = lower([e], ['alpha']);
    const ops = p.instrs.filter((i) => i.kind === 'op').map((i) => (i.kind === 'op' ? i.op : ''));
    expect(ops.filter((o) => o === 'sigmoid')).toHaveLength(1);
    expect(p.instrs.some((i) => i.kind === 'const' && i.value === 6)).toBe(true);
    const powIndex = p.instrs.findIndex((i) => i.kind === 'op' && i.op === 'pow');
    expect(p.varying[powIndex]).toBe(false);
    const gtIndex = p.instrs.findIndex((i) => i.kind === 'op' && i.op === 'gt');
    expect(p.boolean[gtIndex]).toBe(true);
    expect(p.varying[gtIndex]).toBe(true);
    for (const x of [-2, 0, 0.3, 5]) expect(run(p, x, [1.5])[0]).toBe(evaluate(e, { x, alpha: 1.5 }));
  });

  it('shares instructions between several outputs, in the order the roots were given', () => {
    const f = parse('x*sigmoid(x)').expr;
    const df = parse('sigmoid(x) + x*sigmoid(x)*sigmoid(-x)').expr;
    const p = lower([f, df], []);
    expect(p.outputs).toHaveLength(2);
    expect(p.instrs.filter((i) => i.kind === 'op' && i.op === 'sigmoid')).toHaveLength(2); // sigmoid(x), sigmoid(-x)
    expect(run(p, 0.7, [])).toEqual([evaluate(f, { x: 0.7 }), evaluate(df, { x: 0.7 })]);
  });

  it('lowers a tree far deeper than any call stack without overflowing', () => {
    let e: Expr = sym('x');
    for (let i = 0; i < 40_000; i++) e = op(i % 2 === 0 ? 'sin' : 'neg', e);
    const p = lower([e], []);
    expect(p.instrs.length).toBe(40_001);
    expect(Number.isFinite(run(p, 0.5, [])[0])).toBe(true);
    expect(Number.isFinite(evaluate(e, { x: 0.5 }))).toBe(true);
  });

  it('keeps folding out of text so pi stays pi, and folds pi for compiled code', () => {
    const e = parse('2*pi*x').expr;
    expect(toText(e)).toBe('2*pi*x');
    expect(lower([e], [], { fold: 'none' }).instrs.some((i) => i.kind === 'const' && i.name === 'pi')).toBe(true);
    expect(lower([e], []).instrs.some((i) => i.kind === 'const' && i.value === 2 * Math.PI)).toBe(true);
  });
});

describe('every node is type-checked before code is built from it', () => {
  const hostile: Array<[string, unknown]> = [
    ['a string as a number value', { kind: 'num', value: '(process.title="owned",0)' }],
    ['an object as a number value', { kind: 'num', value: { toString: () => 'globalThis.owned=1' } }],
    ['a bad constant name', { kind: 'num', value: 1, name: 'alert(1)' }],
    ['a name that is not an identifier', { kind: 'sym', name: 'x;globalThis.owned=1' }],
    ['a non-string name', { kind: 'sym', name: 42 }],
    ['an unknown operator', { kind: 'op', op: 'constructor', args: [] }],
    ['an operator given as code', { kind: 'op', op: 'exp(1)+', args: [{ kind: 'sym', name: 'x' }] }],
    ['a wrong arity', { kind: 'op', op: 'add', args: [{ kind: 'sym', name: 'x' }] }],
    ['args that are not an array', { kind: 'op', op: 'exp', args: 'x' }],
    ['an unknown kind', { kind: 'code', value: 'x' }],
    ['null', null],
  ];
  it.each(hostile)('rejects %s in compileScalar, compileKernel, toText and printCode', (_what, node) => {
    const e = node as Expr;
    const before = process.title;
    expect(() => compileScalar(e, [])).toThrow(InvalidExpressionError);
    expect(() => compilePointwise(e, [])).toThrow(InvalidExpressionError);
    expect(() => compileKernel(e, num(0), [], [])).toThrow(InvalidExpressionError);
    expect(() => toText(e)).toThrow();
    expect(() => toLatex(e)).toThrow();
    for (const lang of ['javascript', 'numpy', 'pytorch'] as const) {
      expect(() => printCode(lang, { name: 'f', expr: e, derivative: num(0), params: [] })).toThrow();
    }
    expect(process.title).toBe(before);
    expect((globalThis as Record<string, unknown>).owned).toBeUndefined();
  });

  it('rejects a name that is not x or a declared parameter in compiled code', () => {
    expect(() => compileScalar(sym('globalThis'), [])).toThrow(/unknown name 'globalThis'/);
    expect(() => compileScalar(sym('alpha'), ['beta'])).toThrow(InvalidExpressionError);
  });

  it('also checks nodes nested inside a valid tree', () => {
    const e = op('add', sym('x'), { kind: 'num', value: '1);process.exit(9);(' } as unknown as Expr);
    expect(() => compileScalar(e, [])).toThrow(/number node's value must be a number/);
  });
});

describe('one lowering per primitive in every target', () => {
  it('has an entry for every primitive in every Record (the type checker holds this; the test shows it)', () => {
    for (const table of [JS_LOWERING, TEXT_LOWERING, LATEX_LOWERING, NUMPY_LOWERING, TORCH_LOWERING]) {
      expect(Object.keys(table).sort()).toEqual([...PRIMITIVE_NAMES].sort());
    }
  });
});

/**
 * The differential harness of the expression language, shared by test/expr/semantics.test.ts (10,000
 * cases in npm test) and scripts/fuzz-expr.ts (1,000,000 cases, run by hand): random expressions over
 * every primitive, with leaves x, two parameters and constants that include NaN, ±∞, ±0, subnormals and
 * huge values, evaluated at inputs of the same kinds. The interpreter (`evaluate`) is the definition;
 * each target must give the same value (Object.is, except that every NaN equals every NaN).
 */
import fc from 'fast-check';
import {
  type Expr,
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
  simplify,
  sym,
  toText,
  withLimits,
} from '../../src/expr/index.js';
import { PRIMITIVE_NAMES, PRIMITIVE_TABLE } from '../../src/expr/primitives.js';

/** Values that break naive code: NaN, ±∞, ±0, subnormals, huge, around 1. */
export const SPECIAL_VALUES: readonly number[] = [
  Number.NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-310, -1e-300, 1e-9, 0.5, 1, -1, 2, -2.5, 3,
  20, 710, -745, 1e15, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE,
];

/** An input value: a special value or any double (fast-check's doubles include the specials too). */
export const valueArb: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...SPECIAL_VALUES), fc.double(), fc.double({ min: -10, max: 10, noNaN: true }));

const constArb: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -0, 1, -1, 2, 0.5, 3, -2, 1e-310, 1e308, -1e308).map((v) => num(v) as Expr) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity).map((v) => num(v) as Expr) },
  { weight: 1, arbitrary: fc.constantFrom<Expr>({ kind: 'num', value: Math.PI, name: 'pi' }, { kind: 'num', value: Math.E, name: 'e' }) },
  { weight: 1, arbitrary: fc.double().map((v) => num(v) as Expr) },
);
const leafArb: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Expr>(sym('x')) },
  { weight: 1, arbitrary: fc.constantFrom<Expr>(sym('a'), sym('b')) },
  { weight: 2, arbitrary: constArb },
);

/** Random expressions over every primitive (sinc_d gets a small whole-number order). */
export const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc
      .tuple(fc.constantFrom(...PRIMITIVE_NAMES), fc.array(tie('e'), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 3 }))
      .map(([name, args, n]) => {
        const a = args.slice(0, PRIMITIVE_TABLE[name].arity);
        return name === 'sinc_d' ? op(name, num(n), a[1]) : op(name, ...a);
      }),
  ),
})).e;

/** One generated case: an expression, inputs x, and parameter values a, b. */
export interface Case {
  readonly e: Expr;
  readonly xs: readonly number[];
  readonly a: number;
  readonly b: number;
}

export const caseArb: fc.Arbitrary<Case> = fc.record({
  e: exprArb,
  xs: fc.array(valueArb, { minLength: 8, maxLength: 8 }),
  a: valueArb,
  b: valueArb,
});

/** Equal as the language means it: Object.is, with all NaNs equal. */
export function same(p: number, q: number): boolean {
  return Object.is(p, q) || (p !== p && q !== q);
}

const PARAMS = ['a', 'b'];

/** Loads the printed JavaScript of `e` as a function (x, a, b). */
function printedJs(e: Expr): (x: number, a: number, b: number) => number {
  const code = printCode('javascript', { name: 'g', expr: e, derivative: num(0), params: [{ name: 'a', value: 0 }, { name: 'b', value: 0 }] });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the printed code under test
  return new Function(`${code}\nreturn g;`)() as (x: number, a: number, b: number) => number;
}

/** A mismatch: which target, where, what it gave and what the interpreter gave. */
export interface Mismatch {
  readonly target: string;
  readonly x: number;
  readonly got: number;
  readonly expected: number;
}

/**
 * Checks every target against the interpreter on one case; returns the mismatches (empty: all agree).
 * Targets: the IR interpreter, the compiled pointwise function, the compiled scalar function with its
 * limits, the Float32Array kernel, the simplified expression, the printed JavaScript, and the text form
 * parsed back.
 */
export function checkCase(c: Case): Mismatch[] {
  const out: Mismatch[] = [];
  const { e, a, b } = c;
  const p = [a, b];
  const env = (x: number) => ({ x, a, b });
  const ref = (x: number) => evaluate(e, env(x));
  const program = lower([e], PARAMS);
  const pointwise = compilePointwise(e, PARAMS);
  const scalar = compileScalar(e, PARAMS);
  const limits = withLimits((x, q) => evaluate(e, { x, a: q[0], b: q[1] }));
  const simplified = simplify(e);
  const js = printedJs(e);
  const text = toText(e);
  const reparsed = parse(text, { params: PARAMS, declarations: false }).expr;
  const kernel = compileKernel(e, e, [e, e], PARAMS);
  const X = Float32Array.from(c.xs);
  const Y = new Float32Array(X.length);
  kernel.forward(X, Y, p);
  c.xs.forEach((x, i) => {
    const expected = ref(x);
    const check = (target: string, got: number, want = expected) => {
      if (!same(got, want)) out.push({ target, x, got, expected: want });
    };
    check('ir', run(program, x, p)[0]);
    check('compiled', pointwise(x, p));
    check('simplify', evaluate(simplified, env(x)));
    check('printed JavaScript', js(x, a, b));
    check('text round trip', evaluate(reparsed, env(x)));
    check('compileScalar (limits)', scalar(x, p), limits(x, p));
    check('Float32Array kernel', Y[i], Math.fround(scalar(X[i], p)));
  });
  return out;
}

/** A one-line description of a mismatch, with the expression. */
export function describeMismatch(c: Case, m: Mismatch): string {
  return `${m.target}: ${toText(c.e)} at x=${m.x} a=${c.a} b=${c.b}: got ${m.got}, interpreter ${m.expected}`;
}

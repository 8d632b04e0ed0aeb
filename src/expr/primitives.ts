/**
 * THE table of primitives: every operator and function of the expression language, each with its f64
 * evaluation, its derivative rule (chain rule included), its JavaScript emission and its LaTeX form.
 * Adding a primitive means adding one entry here; parse, print, diff, evaluate and compile all read
 * this table. Everything else in actlab is composition.
 */
import { type Expr, num, op } from './ast.js';
import * as R from './runtime.js';

/** How a primitive is written in text. */
export type Syntax = 'infix' | 'prefix' | 'function' | 'conditional';

/** One primitive of the expression language. */
export interface Primitive {
  /** Name in the AST; for functions also the name in the language. */
  readonly name: string;
  readonly arity: number;
  readonly syntax: Syntax;
  /** True for comparisons and logic: the value is 1 (true) or 0 (false). */
  readonly boolean?: boolean;
  /** f64 evaluation. */
  readonly evaluate: (a: readonly number[]) => number;
  /** Derivative given the arguments and the arguments' derivatives (chain rule applied). */
  readonly diff: (a: readonly Expr[], d: readonly Expr[]) => Expr;
  /** JavaScript for the value given argument expressions (numbers; booleans for `boolean` arguments). */
  readonly js: (a: readonly string[]) => string;
  /** LaTeX given rendered arguments (already parenthesised where needed). */
  readonly latex: (a: readonly string[]) => string;
  /** One line for the docs. */
  readonly doc: string;
}

const ZERO = num(0);
const ONE = num(1);
const TWO = num(2);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

const add = (a: Expr, b: Expr): Expr => op('add', a, b);
const sub = (a: Expr, b: Expr): Expr => op('sub', a, b);
const mul = (a: Expr, b: Expr): Expr => op('mul', a, b);
const div = (a: Expr, b: Expr): Expr => op('div', a, b);
const neg = (a: Expr): Expr => op('neg', a);
const pow = (a: Expr, b: Expr): Expr => op('pow', a, b);
const call = (name: string, ...a: Expr[]): Expr => op(name, ...a);
const sel = (c: Expr, a: Expr, b: Expr): Expr => op('select', c, a, b);

/** Unary function whose derivative is g(u)·u'. */
function unary(
  name: string,
  evaluate: (x: number) => number,
  jsName: string,
  dOuter: (u: Expr) => Expr,
  latex: (a: string) => string,
  doc: string,
): Primitive {
  return {
    name,
    arity: 1,
    syntax: 'function',
    evaluate: (a) => evaluate(a[0]),
    diff: (a, d) => mul(dOuter(a[0]), d[0]),
    js: (a) => `${jsName}(${a[0]})`,
    latex: (a) => latex(a[0]),
    doc,
  };
}

/** Comparison or logic primitive (value 1 or 0; derivative 0 everywhere it exists). */
function booleanOp(name: string, symbol: string, latexSymbol: string, arity: number, evaluate: (a: readonly number[]) => number, doc: string): Primitive {
  return {
    name,
    arity,
    syntax: arity === 1 ? 'prefix' : 'infix',
    boolean: true,
    evaluate,
    diff: () => ZERO,
    js: (a) => (arity === 1 ? `(!${a[0]})` : `(${a[0]} ${symbol} ${a[1]})`),
    latex: (a) => (arity === 1 ? `\\lnot ${a[0]}` : `${a[0]} ${latexSymbol} ${a[1]}`),
    doc,
  };
}

/** NaN-propagating comparison: NaN if either side is NaN, so `c ? a : b` stays NaN on NaN input. */
function compare(test: (a: number, b: number) => boolean): (a: readonly number[]) => number {
  return (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : test(a[0], a[1]) ? 1 : 0);
}

const op1 = (name: string) => (a: string) => `\\operatorname{${name}}\\left(${a}\\right)`;
const std1 = (cmd: string) => (a: string) => `${cmd}\\left(${a}\\right)`;

const LIST: readonly Primitive[] = [
  {
    name: 'add', arity: 2, syntax: 'infix', doc: 'a + b',
    evaluate: (a) => a[0] + a[1],
    diff: (_a, d) => add(d[0], d[1]),
    js: (a) => `(${a[0]} + ${a[1]})`,
    latex: (a) => `${a[0]} + ${a[1]}`,
  },
  {
    name: 'sub', arity: 2, syntax: 'infix', doc: 'a - b',
    evaluate: (a) => a[0] - a[1],
    diff: (_a, d) => sub(d[0], d[1]),
    js: (a) => `(${a[0]} - ${a[1]})`,
    latex: (a) => `${a[0]} - ${a[1]}`,
  },
  {
    name: 'mul', arity: 2, syntax: 'infix', doc: 'a * b',
    evaluate: (a) => a[0] * a[1],
    diff: (a, d) => add(mul(d[0], a[1]), mul(a[0], d[1])),
    js: (a) => `(${a[0]} * ${a[1]})`,
    latex: (a) => `${a[0]} \\cdot ${a[1]}`,
  },
  {
    name: 'div', arity: 2, syntax: 'infix', doc: 'a / b',
    evaluate: (a) => a[0] / a[1],
    // (a/b)' = a'/b - a b'/b^2, written as (a' - (a/b) b')/b to keep magnitudes small
    diff: (a, d) => div(sub(d[0], mul(div(a[0], a[1]), d[1])), a[1]),
    js: (a) => `(${a[0]} / ${a[1]})`,
    latex: (a) => `\\frac{${a[0]}}{${a[1]}}`,
  },
  {
    name: 'pow', arity: 2, syntax: 'infix', doc: 'a ^ b (right-associative)',
    evaluate: (a) => Math.pow(a[0], a[1]),
    diff: (a, d) => powDiff(a[0], a[1], d[0], d[1]),
    js: (a) => `Math.pow(${a[0]}, ${a[1]})`,
    latex: (a) => `{${a[0]}}^{${a[1]}}`,
  },
  {
    name: 'neg', arity: 1, syntax: 'prefix', doc: '-a',
    evaluate: (a) => -a[0],
    diff: (_a, d) => neg(d[0]),
    js: (a) => `(-${a[0]})`,
    latex: (a) => `-${a[0]}`,
  },
  booleanOp('lt', '<', '<', 2, compare((a, b) => a < b), 'a < b (1 or 0)'),
  booleanOp('le', '<=', '\\le', 2, compare((a, b) => a <= b), 'a <= b'),
  booleanOp('gt', '>', '>', 2, compare((a, b) => a > b), 'a > b'),
  booleanOp('ge', '>=', '\\ge', 2, compare((a, b) => a >= b), 'a >= b'),
  booleanOp('eq', '===', '=', 2, compare((a, b) => a === b), 'a == b'),
  booleanOp('ne', '!==', '\\ne', 2, compare((a, b) => a !== b), 'a != b'),
  booleanOp('and', '&&', '\\land', 2, (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : a[0] !== 0 && a[1] !== 0 ? 1 : 0), 'a && b'),
  booleanOp('or', '||', '\\lor', 2, (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : a[0] !== 0 || a[1] !== 0 ? 1 : 0), 'a || b'),
  booleanOp('not', '!', '\\lnot', 1, (a) => (a[0] !== a[0] ? Number.NaN : a[0] === 0 ? 1 : 0), '!a'),
  {
    name: 'select', arity: 3, syntax: 'conditional', doc: 'c ? a : b; its derivative is c ? a\' : b\', so the branch taken at a boundary is the kink convention',
    evaluate: (a) => (a[0] !== a[0] ? Number.NaN : a[0] !== 0 ? a[1] : a[2]),
    diff: (a, d) => sel(a[0], d[1], d[2]),
    js: (a) => `(${a[0]} ? ${a[1]} : ${a[2]})`,
    latex: (a) => `\\begin{cases} ${a[1]} & \\text{if } ${a[0]} \\\\ ${a[2]} & \\text{otherwise} \\end{cases}`,
  },
  unary('exp', Math.exp, 'Math.exp', (u) => call('exp', u), (a) => `e^{${a}}`, 'e^x'),
  unary('expm1', Math.expm1, 'Math.expm1', (u) => call('exp', u), (a) => `\\left(e^{${a}} - 1\\right)`, 'e^x - 1, accurate near 0'),
  unary('log', Math.log, 'Math.log', (u) => div(ONE, u), std1('\\ln'), 'natural logarithm'),
  unary('log1p', Math.log1p, 'Math.log1p', (u) => div(ONE, add(ONE, u)), (a) => `\\ln\\left(1 + ${a}\\right)`, 'log(1 + x), accurate near 0'),
  unary('sqrt', Math.sqrt, 'Math.sqrt', (u) => div(num(0.5), call('sqrt', u)), (a) => `\\sqrt{${a}}`, 'square root'),
  unary('cbrt', Math.cbrt, 'Math.cbrt', (u) => div(ONE, mul(num(3), pow(call('cbrt', u), TWO))), (a) => `\\sqrt[3]{${a}}`, 'cube root'),
  unary('abs', Math.abs, 'Math.abs', (u) => call('sign', u), (a) => `\\left|${a}\\right|`, "|x|; abs'(0) = 0 (sign(0) = 0), as PyTorch"),
  unary('sign', R.sign, 'M.sign', () => ZERO, op1('sign'), 'sign: -1, 0 or 1; derivative 0'),
  {
    name: 'step', arity: 1, syntax: 'function', doc: 'Heaviside step: 1 for x >= 0, else 0; derivative 0',
    evaluate: (a) => (a[0] !== a[0] ? Number.NaN : a[0] >= 0 ? 1 : 0),
    diff: () => ZERO,
    js: (a) => `(${a[0]} >= 0 ? 1 : 0)`,
    latex: (a) => `H\\left(${a[0]}\\right)`,
  },
  unary('sin', Math.sin, 'Math.sin', (u) => call('cos', u), std1('\\sin'), 'sine'),
  unary('cos', Math.cos, 'Math.cos', (u) => neg(call('sin', u)), std1('\\cos'), 'cosine'),
  unary('tan', Math.tan, 'Math.tan', (u) => pow(div(ONE, call('cos', u)), TWO), std1('\\tan'), 'tangent'),
  unary('asin', Math.asin, 'Math.asin', (u) => div(ONE, call('sqrt', sub(ONE, pow(u, TWO)))), std1('\\arcsin'), 'arcsine'),
  unary('acos', Math.acos, 'Math.acos', (u) => neg(div(ONE, call('sqrt', sub(ONE, pow(u, TWO))))), std1('\\arccos'), 'arccosine'),
  unary('atan', Math.atan, 'Math.atan', (u) => div(ONE, add(ONE, pow(u, TWO))), std1('\\arctan'), 'arctangent'),
  unary('sinh', Math.sinh, 'Math.sinh', (u) => call('cosh', u), std1('\\sinh'), 'hyperbolic sine'),
  unary('cosh', Math.cosh, 'Math.cosh', (u) => call('sinh', u), std1('\\cosh'), 'hyperbolic cosine'),
  unary('tanh', Math.tanh, 'Math.tanh', (u) => pow(call('sech', u), TWO), std1('\\tanh'), "hyperbolic tangent; tanh' = sech^2, which keeps full precision in the tails"),
  unary('sech', R.sech, 'M.sech', (u) => neg(mul(call('sech', u), call('tanh', u))), std1('\\operatorname{sech}'), 'hyperbolic secant 1/cosh(x)'),
  unary('asinh', Math.asinh, 'Math.asinh', (u) => div(ONE, call('hypot', u, ONE)), std1('\\operatorname{arsinh}'), 'inverse hyperbolic sine'),
  unary('acosh', Math.acosh, 'Math.acosh', (u) => div(ONE, mul(call('sqrt', sub(u, ONE)), call('sqrt', add(u, ONE)))), std1('\\operatorname{arcosh}'), 'inverse hyperbolic cosine'),
  unary('atanh', Math.atanh, 'Math.atanh', (u) => div(ONE, sub(ONE, pow(u, TWO))), std1('\\operatorname{artanh}'), 'inverse hyperbolic tangent'),
  unary('erf', R.erf, 'M.erf', (u) => mul(num(TWO_OVER_SQRT_PI), call('exp', neg(pow(u, TWO)))), std1('\\operatorname{erf}'), 'error function (full precision)'),
  unary('erfc', R.erfc, 'M.erfc', (u) => mul(num(-TWO_OVER_SQRT_PI), call('exp', neg(pow(u, TWO)))), std1('\\operatorname{erfc}'), '1 - erf(x), accurate in the right tail'),
  unary('sigmoid', R.sigmoid, 'M.sigmoid', (u) => mul(call('sigmoid', u), call('sigmoid', neg(u))), std1('\\sigma'), "logistic 1/(1+e^-x), stable; sigmoid' = sigmoid(x)·sigmoid(-x)"),
  unary('softplus', R.softplus, 'M.softplus', (u) => call('sigmoid', u), op1('softplus'), 'log(1 + e^x), stable'),
  unary('logsigmoid', R.logsigmoid, 'M.logsigmoid', (u) => call('sigmoid', neg(u)), (a) => `\\ln\\sigma\\left(${a}\\right)`, 'log(sigmoid(x)) = -softplus(-x), stable'),
  unary('sinc', R.sinc, 'M.sinc', (u) => call('sinc_d', ONE, u), op1('sinc'), 'sin(x)/x with sinc(0) = 1'),
  {
    name: 'sinc_d', arity: 2, syntax: 'function', doc: 'sinc_d(n, x): n-th derivative of sinc (n a whole-number literal)',
    evaluate: (a) => R.sincDerivative(a[0], a[1]),
    diff: (a, d) => mul(call('sinc_d', add(a[0], ONE), a[1]), d[1]),
    js: (a) => `M.sincDerivative(${a[0]}, ${a[1]})`,
    latex: (a) => `\\operatorname{sinc}^{(${a[0]})}\\left(${a[1]}\\right)`,
  },
  {
    name: 'min', arity: 2, syntax: 'function', doc: "min(a, b); derivative a < b ? a' : b' (a tie takes b's)",
    evaluate: (a) => R.min(a[0], a[1]),
    diff: (a, d) => sel(op('lt', a[0], a[1]), d[0], d[1]),
    js: (a) => `M.min(${a[0]}, ${a[1]})`,
    latex: (a) => `\\min\\left(${a[0]}, ${a[1]}\\right)`,
  },
  {
    name: 'max', arity: 2, syntax: 'function', doc: "max(a, b); derivative a > b ? a' : b' (a tie takes b's)",
    evaluate: (a) => R.max(a[0], a[1]),
    diff: (a, d) => sel(op('gt', a[0], a[1]), d[0], d[1]),
    js: (a) => `M.max(${a[0]}, ${a[1]})`,
    latex: (a) => `\\max\\left(${a[0]}, ${a[1]}\\right)`,
  },
  {
    name: 'clamp', arity: 3, syntax: 'function', doc: "clamp(x, lo, hi); derivative x' strictly inside (lo, hi), the bound's derivative at or beyond it (PyTorch hardtanh convention)",
    evaluate: (a) => R.clamp(a[0], a[1], a[2]),
    diff: (a, d) => sel(op('le', a[0], a[1]), d[1], sel(op('ge', a[0], a[2]), d[2], d[0])),
    js: (a) => `M.clamp(${a[0]}, ${a[1]}, ${a[2]})`,
    latex: (a) => `\\operatorname{clamp}\\left(${a[0]}, ${a[1]}, ${a[2]}\\right)`,
  },
  {
    name: 'hypot', arity: 2, syntax: 'function', doc: 'sqrt(a^2 + b^2) without overflow',
    evaluate: (a) => Math.hypot(a[0], a[1]),
    diff: (a, d) => add(mul(div(a[0], call('hypot', a[0], a[1])), d[0]), mul(div(a[1], call('hypot', a[0], a[1])), d[1])),
    js: (a) => `Math.hypot(${a[0]}, ${a[1]})`,
    latex: (a) => `\\sqrt{${a[0]}^2 + ${a[1]}^2}`,
  },
];

/** Derivative of u^v: constant exponent, constant base, or the general form. */
function powDiff(u: Expr, v: Expr, du: Expr, dv: Expr): Expr {
  const duZero = du.kind === 'num' && du.value === 0;
  const dvZero = dv.kind === 'num' && dv.value === 0;
  if (dvZero) return mul(mul(v, pow(u, sub(v, ONE))), du);
  if (duZero) return mul(mul(pow(u, v), call('log', u)), dv);
  return mul(pow(u, v), add(mul(dv, call('log', u)), div(mul(v, du), u)));
}

/** The primitive table, by AST name. */
export const PRIMITIVES: ReadonlyMap<string, Primitive> = new Map(LIST.map((p) => [p.name, p]));

/** Names callable as functions in the language (`exp(x)`, `max(a, b)`, ...). */
export const FUNCTION_NAMES: readonly string[] = LIST.filter((p) => p.syntax === 'function').map((p) => p.name);

/** Looks up a primitive; throws on an unknown name (a bug, not user input: the parser checks names). */
export function primitive(name: string): Primitive {
  const p = PRIMITIVES.get(name);
  if (!p) throw new Error(`unknown primitive '${name}'`);
  return p;
}

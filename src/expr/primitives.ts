/**
 * THE table of primitives: every operator and function of the expression language, each with its
 * semantics (the f64 evaluation, which defines what NaN, ±0 and ±∞ do), its derivative rule (chain rule
 * included) and its documentation. Targets (compiled JavaScript, text, LaTeX, NumPy, PyTorch, and any
 * later one) each hold their own `Record<PrimitiveName, …>` of lowerings, so a primitive without a
 * lowering in some target is a type error. See docs/ARCHITECTURE.md, "The IR".
 *
 * Semantics shared by every primitive:
 * - NaN in any argument gives NaN, except `select` whose unchosen branch is ignored (a NaN condition
 *   gives NaN).
 * - Comparisons and logic give 1 (true) or 0 (false), and NaN when an operand is NaN.
 * - `select(c, a, b)`: NaN if c is NaN, a if c ≠ 0, else b (−0 counts as 0).
 * - ±∞ follow IEEE 754 (e.g. exp(−∞) = 0, ∞ − ∞ = NaN); the stable functions give their limits.
 */
import { type Expr, num, op } from './ast.js';
import * as R from './runtime.js';

/** Every primitive of the language, one list; {@link PrimitiveName} is derived from it. */
export const PRIMITIVE_NAMES = [
  'add', 'sub', 'mul', 'div', 'pow', 'neg', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not', 'select',
  'exp', 'expm1', 'log', 'log1p', 'sqrt', 'cbrt', 'abs', 'sign', 'step', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
  'sinh', 'cosh', 'tanh', 'sech', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'sigmoid', 'softplus', 'logsigmoid',
  'sinc', 'sinc_d', 'min', 'max', 'clamp', 'hypot', 'sinpi', 'cospi',
] as const;

/** Every primitive name of the language, one union. */
export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];

/** How a primitive is written in text. */
export type Syntax = 'infix' | 'prefix' | 'function' | 'conditional';

/** One primitive of the expression language. */
export interface Primitive {
  /** Name in the AST; for functions also the name in the language. */
  readonly name: PrimitiveName;
  readonly arity: number;
  readonly syntax: Syntax;
  /** True for comparisons and logic: the value is 1 (true), 0 (false) or NaN (a NaN operand). */
  readonly boolean: boolean;
  /** f64 evaluation: the definition every target agrees with. */
  readonly evaluate: (a: readonly number[]) => number;
  /** Derivative given the arguments and the arguments' derivatives (chain rule applied). */
  readonly diff: (a: readonly Expr[], d: readonly Expr[]) => Expr;
  /** One line for the docs. */
  readonly doc: string;
}

const ZERO = num(0);
const ONE = num(1);
const TWO = num(2);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const PI: Expr = { kind: 'num', value: Math.PI, name: 'pi' };

// Constructors of derivatives. A derivative is *defined* by these rules, so they drop the terms whose
// derivative factor is a literal 0 and the factors that are a literal 1 (d(2x) is 2, not 0·x + 2·1, which
// would be NaN at x = ∞). They are not simplification of a given expression: `simplify` never does this.
const isZero = (e: Expr): boolean => e.kind === 'num' && e.value === 0;
const isOne = (e: Expr): boolean => e.kind === 'num' && e.value === 1 && e.name === undefined;
const add = (a: Expr, b: Expr): Expr => (isZero(a) ? b : isZero(b) ? a : op('add', a, b));
const sub = (a: Expr, b: Expr): Expr => (isZero(b) ? a : isZero(a) ? neg(b) : op('sub', a, b));
const mul = (a: Expr, b: Expr): Expr => (isZero(a) || isZero(b) ? ZERO : isOne(a) ? b : isOne(b) ? a : op('mul', a, b));
const div = (a: Expr, b: Expr): Expr => (isZero(a) ? ZERO : op('div', a, b));
const neg = (a: Expr): Expr => (isZero(a) ? ZERO : op('neg', a));
const pow = (a: Expr, b: Expr): Expr => op('pow', a, b);
const sel = (c: Expr, a: Expr, b: Expr): Expr => (a === b || (a.kind === 'num' && b.kind === 'num' && Object.is(a.value, b.value)) ? a : op('select', c, a, b));

type Entry = Omit<Primitive, 'name' | 'boolean' | 'syntax'> & { readonly boolean?: boolean; readonly syntax?: Syntax };

/** Unary function whose derivative is g(u)·u'. */
function unary(evaluate: (x: number) => number, dOuter: (u: Expr) => Expr, doc: string): Entry {
  return { arity: 1, evaluate: (a) => evaluate(a[0]), diff: (a, d) => mul(dOuter(a[0]), d[0]), doc };
}

/** NaN-propagating comparison: NaN if either side is NaN, so `c ? a : b` stays NaN on NaN input. */
function compare(test: (a: number, b: number) => boolean, doc: string): Entry {
  return {
    arity: 2, syntax: 'infix', boolean: true, doc,
    evaluate: (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : test(a[0], a[1]) ? 1 : 0),
    diff: () => ZERO,
  };
}

const TABLE: { readonly [K in PrimitiveName]: Entry } = {
  add: { arity: 2, syntax: 'infix', doc: 'a + b', evaluate: (a) => a[0] + a[1], diff: (_a, d) => add(d[0], d[1]) },
  sub: { arity: 2, syntax: 'infix', doc: 'a - b', evaluate: (a) => a[0] - a[1], diff: (_a, d) => sub(d[0], d[1]) },
  mul: { arity: 2, syntax: 'infix', doc: 'a * b', evaluate: (a) => a[0] * a[1], diff: (a, d) => add(mul(d[0], a[1]), mul(a[0], d[1])) },
  div: {
    arity: 2, syntax: 'infix', doc: 'a / b',
    evaluate: (a) => a[0] / a[1],
    // (a/b)' = a'/b - a b'/b^2, written as (a' - (a/b) b')/b to keep magnitudes small
    diff: (a, d) => div(sub(d[0], mul(div(a[0], a[1]), d[1])), a[1]),
  },
  pow: { arity: 2, syntax: 'infix', doc: 'a ^ b (right-associative; Math.pow semantics)', evaluate: (a) => Math.pow(a[0], a[1]), diff: (a, d) => powDiff(a[0], a[1], d[0], d[1]) },
  neg: { arity: 1, syntax: 'prefix', doc: '-a', evaluate: (a) => -a[0], diff: (_a, d) => neg(d[0]) },
  lt: compare((a, b) => a < b, 'a < b (1 or 0; NaN if either is NaN)'),
  le: compare((a, b) => a <= b, 'a <= b'),
  gt: compare((a, b) => a > b, 'a > b'),
  ge: compare((a, b) => a >= b, 'a >= b'),
  eq: compare((a, b) => a === b, 'a == b'),
  ne: compare((a, b) => a !== b, 'a != b'),
  and: {
    arity: 2, syntax: 'infix', boolean: true, doc: 'a && b (non-zero is true; NaN if either is NaN)', diff: () => ZERO,
    evaluate: (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : a[0] !== 0 && a[1] !== 0 ? 1 : 0),
  },
  or: {
    arity: 2, syntax: 'infix', boolean: true, doc: 'a || b', diff: () => ZERO,
    evaluate: (a) => (a[0] !== a[0] || a[1] !== a[1] ? Number.NaN : a[0] !== 0 || a[1] !== 0 ? 1 : 0),
  },
  not: { arity: 1, syntax: 'prefix', boolean: true, doc: '!a', diff: () => ZERO, evaluate: (a) => (a[0] !== a[0] ? Number.NaN : a[0] === 0 ? 1 : 0) },
  select: {
    arity: 3, syntax: 'conditional',
    doc: "c ? a : b (NaN if c is NaN); its derivative is c ? a' : b', so the branch taken at a boundary is the kink convention",
    evaluate: (a) => (a[0] !== a[0] ? Number.NaN : a[0] !== 0 ? a[1] : a[2]),
    diff: (a, d) => sel(a[0], d[1], d[2]),
  },
  exp: unary(Math.exp, (u) => op('exp', u), 'e^x'),
  expm1: unary(Math.expm1, (u) => op('exp', u), 'e^x - 1, accurate near 0'),
  log: unary(Math.log, (u) => div(ONE, u), 'natural logarithm'),
  log1p: unary(Math.log1p, (u) => div(ONE, add(ONE, u)), 'log(1 + x), accurate near 0'),
  sqrt: unary(Math.sqrt, (u) => div(num(0.5), op('sqrt', u)), 'square root'),
  cbrt: unary(Math.cbrt, (u) => div(ONE, mul(num(3), pow(op('cbrt', u), TWO))), 'cube root'),
  abs: unary(Math.abs, (u) => op('sign', u), "|x|; abs'(0) = 0 (sign(0) = 0), as PyTorch"),
  sign: unary(R.sign, () => ZERO, 'sign: -1, 0 or 1 (sign(-0) = 0); derivative 0'),
  step: unary(R.step, () => ZERO, 'Heaviside step: 1 for x >= 0, else 0; derivative 0'),
  sin: unary(Math.sin, (u) => op('cos', u), 'sine'),
  cos: unary(Math.cos, (u) => neg(op('sin', u)), 'cosine'),
  tan: unary(Math.tan, (u) => pow(div(ONE, op('cos', u)), TWO), 'tangent'),
  asin: unary(Math.asin, (u) => div(ONE, op('sqrt', sub(ONE, pow(u, TWO)))), 'arcsine'),
  acos: unary(Math.acos, (u) => neg(div(ONE, op('sqrt', sub(ONE, pow(u, TWO))))), 'arccosine'),
  atan: unary(Math.atan, (u) => div(ONE, add(ONE, pow(u, TWO))), 'arctangent'),
  sinh: unary(Math.sinh, (u) => op('cosh', u), 'hyperbolic sine'),
  cosh: unary(Math.cosh, (u) => op('sinh', u), 'hyperbolic cosine'),
  tanh: unary(Math.tanh, (u) => pow(op('sech', u), TWO), "hyperbolic tangent; tanh' = sech^2, which keeps full precision in the tails"),
  sech: unary(R.sech, (u) => neg(mul(op('sech', u), op('tanh', u))), 'hyperbolic secant 1/cosh(x)'),
  asinh: unary(Math.asinh, (u) => div(ONE, op('hypot', u, ONE)), 'inverse hyperbolic sine'),
  acosh: unary(Math.acosh, (u) => div(ONE, mul(op('sqrt', sub(u, ONE)), op('sqrt', add(u, ONE)))), 'inverse hyperbolic cosine'),
  atanh: unary(Math.atanh, (u) => div(ONE, sub(ONE, pow(u, TWO))), 'inverse hyperbolic tangent'),
  erf: unary(R.erf, (u) => mul(num(TWO_OVER_SQRT_PI), op('exp', neg(pow(u, TWO)))), 'error function (full precision)'),
  erfc: unary(R.erfc, (u) => mul(num(-TWO_OVER_SQRT_PI), op('exp', neg(pow(u, TWO)))), '1 - erf(x), accurate in the right tail'),
  sigmoid: unary(R.sigmoid, (u) => mul(op('sigmoid', u), op('sigmoid', neg(u))), "logistic 1/(1+e^-x), stable; sigmoid' = sigmoid(x)·sigmoid(-x)"),
  softplus: unary(R.softplus, (u) => op('sigmoid', u), 'log(1 + e^x), stable'),
  logsigmoid: unary(R.logsigmoid, (u) => op('sigmoid', neg(u)), 'log(sigmoid(x)) = -softplus(-x), stable'),
  sinc: unary(R.sinc, (u) => op('sinc_d', ONE, u), 'sin(x)/x with sinc(0) = 1'),
  sinc_d: {
    arity: 2, doc: 'sinc_d(n, x): n-th derivative of sinc (n a whole-number literal)',
    evaluate: (a) => R.sincDerivative(a[0], a[1]),
    diff: (a, d) => mul(op('sinc_d', add(a[0], ONE), a[1]), d[1]),
  },
  min: {
    arity: 2, doc: "min(a, b) (NaN if either is NaN; a tie gives b); derivative a < b ? a' : b'",
    evaluate: (a) => R.min(a[0], a[1]),
    diff: (a, d) => sel(op('lt', a[0], a[1]), d[0], d[1]),
  },
  max: {
    arity: 2, doc: "max(a, b) (NaN if either is NaN; a tie gives b); derivative a > b ? a' : b'",
    evaluate: (a) => R.max(a[0], a[1]),
    diff: (a, d) => sel(op('gt', a[0], a[1]), d[0], d[1]),
  },
  clamp: {
    arity: 3,
    doc: "clamp(x, lo, hi) = min(max(x, lo), hi) (hi where lo > hi, as NumPy and PyTorch; NaN if any is NaN); derivative x' strictly inside (lo, hi), the bound's derivative at or beyond it (PyTorch hardtanh convention)",
    evaluate: (a) => R.clamp(a[0], a[1], a[2]),
    diff: (a, d) => {
      const [u, lo, hi] = a;
      const inner = sel(op('le', u, lo), d[1], sel(op('ge', u, hi), d[2], d[0]));
      if (lo.kind === 'num' && hi.kind === 'num' && lo.value < hi.value) return inner;
      return sel(op('le', hi, lo), d[2], inner);
    },
  },
  sinpi: unary(R.sinpi, (u) => mul(PI, op('cospi', u)), 'sin(pi*x) with x reduced exactly: accurate for large x, 0 at whole x'),
  cospi: unary(R.cospi, (u) => neg(mul(PI, op('sinpi', u))), 'cos(pi*x) with x reduced exactly: accurate for large x, 0 at x = n + 1/2'),
  hypot: {
    arity: 2, doc: 'sqrt(a^2 + b^2) without overflow',
    evaluate: (a) => Math.hypot(a[0], a[1]),
    diff: (a, d) => add(mul(div(a[0], op('hypot', a[0], a[1])), d[0]), mul(div(a[1], op('hypot', a[0], a[1])), d[1])),
  },
};

/** Derivative of u^v: constant exponent, constant base, or the general form. */
function powDiff(u: Expr, v: Expr, du: Expr, dv: Expr): Expr {
  const duZero = du.kind === 'num' && du.value === 0;
  const dvZero = dv.kind === 'num' && dv.value === 0;
  if (dvZero) return mul(mul(v, pow(u, sub(v, ONE))), du);
  if (duZero) return mul(mul(pow(u, v), op('log', u)), dv);
  return mul(pow(u, v), add(mul(dv, op('log', u)), div(mul(v, du), u)));
}

/** The primitive table keyed by name: a Record, so every name has exactly one entry. */
export const PRIMITIVE_TABLE: { readonly [K in PrimitiveName]: Primitive } = Object.fromEntries(
  PRIMITIVE_NAMES.map((name) => {
    const e = TABLE[name];
    return [name, { name, arity: e.arity, syntax: e.syntax ?? 'function', boolean: e.boolean === true, evaluate: e.evaluate, diff: e.diff, doc: e.doc }];
  }),
) as { readonly [K in PrimitiveName]: Primitive };

/** The primitive table as a map, in the order of {@link PRIMITIVE_NAMES}. */
export const PRIMITIVES: ReadonlyMap<PrimitiveName, Primitive> = new Map(PRIMITIVE_NAMES.map((n) => [n, PRIMITIVE_TABLE[n]]));

/** Names callable as functions in the language (`exp(x)`, `max(a, b)`, ...). */
export const FUNCTION_NAMES: readonly PrimitiveName[] = PRIMITIVE_NAMES.filter((n) => PRIMITIVE_TABLE[n].syntax === 'function');

/** True if `name` is a primitive name (an own key of the table, not e.g. `constructor`). */
export function isPrimitiveName(name: unknown): name is PrimitiveName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PRIMITIVE_TABLE, name);
}

/** Looks up a primitive; throws on an unknown name (a bug, not user input: the parser checks names). */
export function primitive(name: string): Primitive {
  if (!isPrimitiveName(name)) throw new Error(`unknown primitive '${name}'`);
  return PRIMITIVE_TABLE[name];
}

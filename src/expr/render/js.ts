/**
 * The JavaScript lowering of every primitive, shared by the compiled f64/Float32Array code
 * (src/expr/compile.ts) and the printed JavaScript (src/expr/printCode.ts). Exact: each lowering gives
 * the interpreter's value, NaN included (a comparison with a NaN operand is NaN, a NaN condition selects
 * NaN), so comparisons are written as a pair of tests, "true" and "false", and neither holds on NaN.
 */
import type { PrimitiveName } from '../primitives.js';
import * as R from '../runtime.js';

/** Functions of src/expr/runtime.ts that JavaScript code may call. */
export type RuntimeName = 'sigmoid' | 'softplus' | 'logsigmoid' | 'sech' | 'sign' | 'step' | 'clamp' | 'max' | 'min' | 'sinc' | 'sincDerivative' | 'sinpi' | 'cospi' | 'erf' | 'erfc' | 'select' | 'and' | 'or' | 'not';

/** The runtime functions by name (handed to compiled code; their source text goes into printed code). */
export const RUNTIME_FUNCTIONS: { readonly [K in RuntimeName]: (...a: number[]) => number } = {
  sigmoid: R.sigmoid,
  softplus: R.softplus,
  logsigmoid: R.logsigmoid,
  sech: R.sech,
  sign: R.sign,
  step: R.step,
  clamp: R.clamp,
  max: R.max,
  min: R.min,
  sinc: R.sinc,
  sincDerivative: R.sincDerivative,
  sinpi: R.sinpi,
  cospi: R.cospi,
  erf: R.erf,
  erfc: R.erfc,
  select: R.select,
  and: R.and,
  or: R.or,
  not: R.not,
};

/** Precedence levels of JavaScript (higher binds tighter). */
export const JS_PREC = { COND: 10, OR: 20, AND: 30, CMP: 50, ADD: 100, MUL: 110, UNARY: 120, ATOM: 140 } as const;
const P = JS_PREC;

/** A piece of JavaScript: a number-valued expression, and for comparisons its true/false tests. */
export interface JsCode {
  readonly code: string;
  readonly prec: number;
  /** For a comparison: `t` holds when the value is 1, `f` when it is 0 (neither on NaN). */
  readonly test?: { readonly t: string; readonly f: string };
}

/** How a lowering names a runtime function (`M.sigmoid` in compiled code, `_sigmoid` in printed code). */
export type RuntimeRef = (name: RuntimeName) => string;

export type JsLowering = (a: readonly JsCode[], rt: RuntimeRef) => JsCode;

const code = (c: string, prec: number = P.ATOM): JsCode => ({ code: c, prec });
export const jsWrap = (a: JsCode, min: number): string => (a.prec >= min ? a.code : `(${a.code})`);
const call = (fn: string, a: readonly JsCode[]): JsCode => code(`${fn}(${a.map((x) => x.code).join(', ')})`);
const math = (fn: string): JsLowering => (a) => call(`Math.${fn}`, a);
const runtime = (fn: RuntimeName): JsLowering => (a, rt) => call(rt(fn), a);
const binary = (sym: string, prec: number): JsLowering => (a) => code(`${jsWrap(a[0], prec)} ${sym} ${jsWrap(a[1], prec + 1)}`, prec);

/** The value of a comparison given its tests: 1, 0, or NaN when neither test holds. */
function fromTests(t: string, f: string): JsCode {
  return { code: `${t} ? 1 : ${f} ? 0 : NaN`, prec: P.COND, test: { t, f } };
}
const cmp = (sym: string, negated: string): JsLowering => (a) => {
  const l = jsWrap(a[0], P.ADD);
  const r = jsWrap(a[1], P.ADD);
  return fromTests(`${l} ${sym} ${r}`, `${l} ${negated} ${r}`);
};
/** Both operands are numbers (not NaN), as a test. */
const bothNumbers = (l: string, r: string): string => `${l} === ${l} && ${r} === ${r}`;

/** The JavaScript lowering of every primitive. */
export const JS_LOWERING: { readonly [K in PrimitiveName]: JsLowering } = {
  add: binary('+', P.ADD),
  sub: binary('-', P.ADD),
  mul: binary('*', P.MUL),
  div: binary('/', P.MUL),
  pow: math('pow'),
  neg: (a) => code(`-${jsWrap(a[0], P.UNARY + 1)}`, P.UNARY),
  lt: cmp('<', '>='),
  le: cmp('<=', '>'),
  gt: cmp('>', '<='),
  ge: cmp('>=', '<'),
  eq: (a) => {
    const l = jsWrap(a[0], P.ADD);
    const r = jsWrap(a[1], P.ADD);
    return fromTests(`${l} === ${r}`, `${l} !== ${r} && ${bothNumbers(l, r)}`);
  },
  ne: (a) => {
    const l = jsWrap(a[0], P.ADD);
    const r = jsWrap(a[1], P.ADD);
    return fromTests(`${l} !== ${r} && ${bothNumbers(l, r)}`, `${l} === ${r}`);
  },
  and: runtime('and'),
  or: runtime('or'),
  not: runtime('not'),
  select: (a, rt) => {
    const [c, x, y] = a;
    if (c.test) return code(`${c.test.t} ? ${jsWrap(x, P.COND + 1)} : ${c.test.f} ? ${jsWrap(y, P.COND + 1)} : NaN`, P.COND);
    if (c.prec === P.ATOM && /^[\w.$]+$/.test(c.code)) {
      return code(`${c.code} === 0 ? ${jsWrap(y, P.COND + 1)} : ${c.code} === ${c.code} ? ${jsWrap(x, P.COND + 1)} : NaN`, P.COND);
    }
    return call(rt('select'), a);
  },
  exp: math('exp'),
  expm1: math('expm1'),
  log: math('log'),
  log1p: math('log1p'),
  sqrt: math('sqrt'),
  cbrt: math('cbrt'),
  abs: math('abs'),
  sign: runtime('sign'),
  step: runtime('step'),
  sin: math('sin'),
  cos: math('cos'),
  tan: math('tan'),
  asin: math('asin'),
  acos: math('acos'),
  atan: math('atan'),
  sinh: math('sinh'),
  cosh: math('cosh'),
  tanh: math('tanh'),
  sech: runtime('sech'),
  asinh: math('asinh'),
  acosh: math('acosh'),
  atanh: math('atanh'),
  erf: runtime('erf'),
  erfc: runtime('erfc'),
  sigmoid: runtime('sigmoid'),
  softplus: runtime('softplus'),
  logsigmoid: runtime('logsigmoid'),
  sinc: runtime('sinc'),
  sinc_d: runtime('sincDerivative'),
  min: runtime('min'),
  max: runtime('max'),
  clamp: runtime('clamp'),
  hypot: math('hypot'),
  sinpi: runtime('sinpi'),
  cospi: runtime('cospi'),
};

/** A number literal (the value is checked to be a number: nothing else can reach generated code). */
export function jsNumber(v: number, named?: 'pi' | 'e'): JsCode {
  if (typeof v !== 'number') throw new TypeError('jsNumber: not a number');
  if (named === 'pi' && v === Math.PI) return code('Math.PI');
  if (named === 'e' && v === Math.E) return code('Math.E');
  if (v !== v) return code('NaN');
  if (v === Infinity) return code('Infinity');
  if (v === -Infinity) return code('-Infinity', P.UNARY);
  if (Object.is(v, -0)) return code('-0', P.UNARY);
  const s = String(v);
  if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(s)) throw new TypeError('jsNumber: unexpected number text');
  return code(s, v < 0 ? P.UNARY : P.ATOM);
}

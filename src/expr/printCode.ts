/**
 * Printing an activation as source code in another language: JavaScript, Python/NumPy and PyTorch, each
 * with the function and its derivative, rendered from the IR (src/expr/ir.ts), never from the text the
 * user typed. The lowering of each primitive lives in one Record per target (src/expr/render/js.ts,
 * src/expr/render/python.ts), so a primitive without a mapping is a type error.
 *
 * The choices:
 * - Exact semantics: comparisons and conditionals keep the language's NaN rule (a NaN condition gives
 *   NaN), so `x > 0 ? x : 0` prints as `x > 0 ? x : x <= 0 ? 0 : NaN` / nested `np.where`.
 * - Stable forms. JavaScript carries the runtime's own functions (src/expr/runtime.ts, and erf/erfc from
 *   src/util/special.ts) by their source text, so printed code and actlab compute the same way: one
 *   implementation, no copies. NumPy: np.logaddexp for softplus, a sigmoid helper that exponentiates
 *   -|x| only, scipy.special.erf/erfc (np.vectorize(math.erf) without SciPy). PyTorch: torch.sigmoid,
 *   F.softplus (threshold 20: relative change below 1e-10), F.logsigmoid, torch.erf/erfc.
 * - sinc(x) = sin(x)/x: np.sinc / torch.sinc are the normalised sin(πx)/(πx), so they get x/π. Its
 *   derivatives (sinc_d) get a Python helper with the runtime's series and recurrence.
 * - Parameters become keyword arguments with their values as defaults (`def elu(x, alpha=1.0)`).
 * - clamp(u, lo, hi) = min(max(u, lo), hi) in every target (hi where lo > hi, as np.clip and torch.clamp).
 * - PyTorch has no cbrt: sign(u)·|u|^(1/3).
 * - Subexpressions used more than once are computed once into temporaries t1, t2, ...
 */
import type { Expr } from './ast.js';
import { type Program, lower } from './ir.js';
import { JS_LOWERING, JS_PREC, type JsCode, RUNTIME_FUNCTIONS, type RuntimeName, jsNumber } from './render/js.js';
import { NUMPY_LOWERING, PY_PREC, type PyHelper, type PySlot, TORCH_LOWERING } from './render/python.js';
import { toText } from './print.js';
import { erfFunctions } from '../util/special.js';

/** The languages code can be printed in. */
export const CODE_LANGUAGES = ['javascript', 'numpy', 'pytorch'] as const;
/** One of {@link CODE_LANGUAGES}. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** What {@link printCode} prints: a function of x with named parameters, and its derivative. */
export interface CodeFunction {
  /** Base name (`leaky_relu`, `gelu`); made a valid identifier, camelCase in JavaScript. */
  readonly name: string;
  /** Display name for the header comment (`Leaky ReLU`); defaults to the name. */
  readonly title?: string;
  /** f(x). */
  readonly expr: Expr;
  /** f'(x). */
  readonly derivative: Expr;
  /** Parameters in order, with the values that become the defaults. */
  readonly params: ReadonlyArray<{ readonly name: string; readonly value: number }>;
}

const JS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static await implements package ' +
    'protected interface private public Math Infinity NaN undefined arguments eval x'
  ).split(' '),
);
const PY_RESERVED = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield np math torch F x abs min max float int'
  ).split(' '),
);

/** A valid identifier from a name: other characters become `_`, a leading digit gets `f_`. */
function identifier(name: string): string {
  const s = String(name).replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `f_${s}`;
}

function camel(name: string): string {
  return name.replace(/_+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** A Python number literal. */
function pyNumber(lang: 'numpy' | 'pytorch', v: number): PySlot {
  const mod = lang === 'numpy' ? 'np' : 'math';
  const lit = (code: string, prec: number = PY_PREC.ATOM): PySlot => ({ code, prec, array: false, varying: false });
  if (typeof v !== 'number') throw new TypeError('pyNumber: not a number');
  if (v !== v) return lit(`${mod}.nan`);
  if (v === Infinity) return lit(`${mod}.inf`);
  if (v === -Infinity) return lit(`-${mod}.inf`, PY_PREC.UNARY);
  if (Object.is(v, -0)) return lit('-0.0', PY_PREC.UNARY);
  const s = String(v);
  return lit(/^-?\d+$/.test(s) ? `${s}.0` : s, v < 0 ? PY_PREC.UNARY : PY_PREC.ATOM);
}

/** A Python float literal for a default value (`1.0`, `0.01`, `math.inf`). */
function pythonDefault(v: number): string {
  if (v !== v) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  return pyNumber('numpy', v).code;
}

interface Body {
  readonly lines: readonly string[];
  readonly result: string;
  readonly varying: boolean;
}

/** Which instructions get a temporary: operators used twice or more (comparisons stay inline). */
function wantsTemp(program: Program, i: number, hasTest: boolean): boolean {
  return program.uses[i] >= 2 && !hasTest && program.instrs[i].kind === 'op';
}

/** JavaScript statements and result for one program output. */
function jsBody(program: Program, names: ReadonlyMap<string, string>, helpers: Set<RuntimeName>, taken: ReadonlySet<string>, counter: { n: number }): Body {
  const lines: string[] = [];
  const codes: JsCode[] = [];
  const rt = (name: RuntimeName): string => {
    helpers.add(name);
    return `_${name}`;
  };
  for (const [i, ins] of program.instrs.entries()) {
    if (ins.kind === 'x') codes.push({ code: 'x', prec: JS_PREC.ATOM });
    else if (ins.kind === 'param') codes.push({ code: names.get(ins.name) as string, prec: JS_PREC.ATOM });
    else if (ins.kind === 'const') codes.push(jsNumber(ins.value, ins.name));
    else {
      const c = JS_LOWERING[ins.op](ins.args.map((a) => codes[a]), rt);
      if (wantsTemp(program, i, c.test !== undefined)) {
        const name = fresh(taken, counter);
        lines.push(`const ${name} = ${c.code};`);
        codes.push({ code: name, prec: JS_PREC.ATOM });
      } else codes.push(c);
    }
  }
  return { lines, result: codes[program.outputs[0]].code, varying: program.varying[program.outputs[0]] };
}

function fresh(taken: ReadonlySet<string>, counter: { n: number }): string {
  let name: string;
  do name = `t${++counter.n}`;
  while (taken.has(name));
  return name;
}

/** Python statements and result for one program output. */
function pyBody(lang: 'numpy' | 'pytorch', program: Program, names: ReadonlyMap<string, string>, helpers: Set<PyHelper>, taken: ReadonlySet<string>, counter: { n: number }): Body {
  const table = lang === 'numpy' ? NUMPY_LOWERING : TORCH_LOWERING;
  const lines: string[] = [];
  const slots: PySlot[] = [];
  for (const [i, ins] of program.instrs.entries()) {
    if (ins.kind === 'x') slots.push({ code: 'x', prec: PY_PREC.ATOM, array: true, varying: true });
    else if (ins.kind === 'param') slots.push({ code: names.get(ins.name) as string, prec: PY_PREC.ATOM, array: true, varying: false });
    else if (ins.kind === 'const') slots.push(pyNumber(lang, ins.value));
    else {
      const s = table[ins.op](ins.args.map((a) => slots[a]), { helpers });
      if (wantsTemp(program, i, s.test !== undefined)) {
        const name = fresh(taken, counter);
        lines.push(`${name} = ${s.code}`);
        slots.push({ code: name, prec: PY_PREC.ATOM, array: s.array, varying: s.varying });
      } else slots.push(s);
    }
  }
  const out = slots[program.outputs[0]];
  return { lines, result: out.code, varying: out.varying };
}

/** The text of an expression in one language (temporaries inlined), e.g. for a one-line display. */
export function printExpression(lang: CodeLanguage, e: Expr, params: readonly string[] = []): string {
  const names = paramNames(lang, params.map((name) => ({ name, value: 0 })));
  const program = lower([e], params, { fold: lang === 'javascript' ? 'plain' : 'all' });
  const noTemps: Program = { ...program, uses: program.uses.map(() => 0) };
  const counter = { n: 0 };
  return lang === 'javascript'
    ? jsBody(noTemps, names, new Set(), new Set(), counter).result
    : pyBody(lang, noTemps, names, new Set(), new Set(), counter).result;
}

/** Source text of a runtime function as a `const _name = function name(...) {...};` line. */
function jsHelper(name: RuntimeName): string {
  if (name === 'erf' || name === 'erfc') return '';
  return `const _${name} = ${RUNTIME_FUNCTIONS[name].toString()};`;
}

const JS_ERF = `/* erf and erfc in full double precision: fdlibm's s_erf.c rational approximations, as actlab computes them.
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun Microsystems, Inc.
 * business. Permission to use, copy, modify, and distribute this software is freely granted, provided that this
 * notice is preserved. */
const { erf: _erf, erfc: _erfc } = (${erfFunctions.toString()})();`;

/** Names of parameters in the code: the AST name, with `_` appended where the target reserves it. */
function paramNames(lang: CodeLanguage, params: CodeFunction['params']): Map<string, string> {
  const reserved = lang === 'javascript' ? JS_RESERVED : PY_RESERVED;
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const p of params) {
    let n = identifier(p.name);
    while (reserved.has(n) || used.has(n) || /^_/.test(n) || /^t\d+$/.test(n)) n = `${n}_`;
    used.add(n);
    out.set(p.name, n);
  }
  return out;
}

function pySincHelper(lang: 'numpy' | 'pytorch'): string {
  const t = lang === 'numpy';
  const where = t ? 'np.where' : 'torch.where';
  const sin = t ? 'np.sin' : 'torch.sin';
  const cos = t ? 'np.cos' : 'torch.cos';
  return `def _sinc_d(n, x):
    """n-th derivative of sinc(x) = sin(x)/x (sinc(0) = 1): Taylor series near 0, else x*s_n + n*s_(n-1) = sin^(n)(x)."""
    near = ${t ? 'np.abs(x)' : 'torch.abs(x)'} < n + 2
    xs = ${where}(near, x, ${t ? '0.0' : 'x.new_tensor(0.0)'})
    series = ${t ? 'np.zeros_like(xs)' : 'torch.zeros_like(xs)'}
    for k in range((n + 1) // 2, 60):
        series = series + (-1) ** k / (2 * k + 1) / math.factorial(2 * k - n) * xs ** (2 * k - n)
    xf = ${where}(near, ${t ? '1.0' : 'x.new_tensor(1.0)'}, x)
    s = ${sin}(xf) / xf
    for k in range(1, n + 1):
        sin_k = (${sin}(xf), ${cos}(xf), -${sin}(xf), -${cos}(xf))[k % 4]
        s = (sin_k - k * s) / xf
    return ${where}(${t ? 'np.isinf(x)' : 'torch.isinf(x)'}, 0.0, ${where}(near, series, s))`;
}

/** sinpi/cospi as runtime.ts computes them: exact reduction x = n + r, n the nearest whole number, |r| <= 1/2. */
function pySinpiHelper(lang: 'numpy' | 'pytorch'): string {
  const m = lang === 'numpy' ? 'np' : 'torch';
  return `def _sinpi(x):
    """sin(pi*x) with x = n + r reduced exactly (n the nearest whole number, |r| <= 1/2): accurate for large x."""
    n = ${m}.round(x)
    r = x - n
    s = ${m}.sin(math.pi * r)
    return ${m}.where(r == 0, 0.0 * x, ${m}.where(${m}.fmod(n, 2) == 0, s, -s))


def _cospi(x):
    """cos(pi*x) with the same exact reduction of |x|."""
    a = ${m}.abs(x)
    n = ${m}.round(a)
    r = ${m}.abs(a - n)
    c = ${m}.where(r < 0.25, ${m}.cos(math.pi * r), ${m}.sin(math.pi * (0.5 - r)))
    return ${m}.where(c == 0, 0.0, ${m}.where(${m}.fmod(n, 2) == 0, c, -c))`;
}

const NUMPY_SIGMOID = `def _sigmoid(x):
    """Logistic sigmoid 1/(1 + e^-x), exponentiating only -|x| so it never overflows."""
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))`;

const NUMPY_ERF = `try:
    from scipy.special import erf as _erf, erfc as _erfc  # accurate and vectorised
except ImportError:  # without SciPy: the standard library's, elementwise (slower)
    _erf = np.vectorize(math.erf, otypes=[float])
    _erfc = np.vectorize(math.erfc, otypes=[float])`;



function comment(lang: CodeLanguage, text: string): string {
  return `${lang === 'javascript' ? '//' : '#'} ${text.replace(/[\r\n]+/g, ' ')}`;
}

/**
 * Source code for an activation and its derivative in one language: a self-contained module (imports and
 * helpers included) defining `name(x, params...)` and `nameDerivative` (JavaScript) / `name_derivative` (Python).
 */
export function printCode(lang: CodeLanguage, fn: CodeFunction): string {
  const names = paramNames(lang, fn.params);
  const paramList = fn.params.map((p) => p.name);
  const base = identifier(fn.name);
  const fName = lang === 'javascript' ? camel(base) : base;
  const dName = lang === 'javascript' ? `${fName}Derivative` : `${fName}_derivative`;
  const title = String(fn.title ?? fn.name).replace(/[\r\n]+/g, ' ');
  const fText = toText(fn.expr);
  const dText = toText(fn.derivative);
  const head = [
    comment(lang, `${title}: generated by actlab from its expression.`),
    comment(lang, `f(x)  = ${fText}`),
    comment(lang, `f'(x) = ${dText}`),
  ];
  const taken = new Set(names.values());
  const fold = lang === 'javascript' ? 'plain' : 'all';
  const fProgram = lower([fn.expr], paramList, { fold });
  const dProgram = lower([fn.derivative], paramList, { fold });
  if (lang === 'javascript') {
    const helpers = new Set<RuntimeName>();
    const fBody = jsBody(fProgram, names, helpers, taken, { n: 0 });
    const dBody = jsBody(dProgram, names, helpers, taken, { n: 0 });
    const sig = ['x', ...fn.params.map((p) => `${names.get(p.name)} = ${jsNumber(p.value).code}`)].join(', ');
    const fun = (name: string, doc: string, b: Body) =>
      [`/** ${doc.replace(/\*\//g, '* /')} */`, `function ${name}(${sig}) {`, ...b.lines.map((l) => `  ${l}`), `  return ${b.result};`, '}'].join('\n');
    const used = [...helpers].sort().map(jsHelper).filter((h) => h !== '');
    if (helpers.has('erf') || helpers.has('erfc')) used.push(JS_ERF);
    // A bundler that keeps function names (esbuild's keepNames, as tsx runs) wraps them in __name(...).
    if (used.some((h) => h.includes('__name('))) used.unshift('const __name = (f) => f;');
    return [
      head.join('\n'),
      fun(fName, `${title}: f(x).`, fBody),
      fun(dName, `Derivative of ${title}: f'(x).`, dBody),
      ...(used.length > 0 ? [`// Helpers: actlab's own implementations (numerically stable forms)\n${used.join('\n\n')}`] : []),
    ].join('\n\n') + '\n';
  }
  const numpy = lang === 'numpy';
  const helpers = new Set<PyHelper>();
  const fBody = pyBody(lang, fProgram, names, helpers, taken, { n: 0 });
  const dBody = pyBody(lang, dProgram, names, helpers, taken, { n: 0 });
  const sig = ['x', ...fn.params.map((p) => `${names.get(p.name)}=${pythonDefault(p.value)}`)].join(', ');
  const ret = (b: Body) => (b.varying ? b.result : `${numpy ? 'np' : 'torch'}.full_like(x, ${b.result})`);
  const convert = fn.params.map((p) => {
    const n = names.get(p.name) as string;
    return numpy ? `${n} = np.float64(${n})` : `${n} = x.new_tensor(${n})`;
  });
  const fun = (name: string, doc: string, b: Body): string => {
    const start = [`def ${name}(${sig}):`, `    """${doc}"""`];
    if (numpy) {
      return [
        ...start,
        '    x = np.asarray(x, dtype=float)',
        ...convert.map((l) => `    ${l}`),
        "    with np.errstate(all='ignore'):  # np.where computes both branches",
        ...b.lines.map((l) => `        ${l}`),
        `        return ${ret(b)}`,
      ].join('\n');
    }
    return [...start, '    x = torch.as_tensor(x)', ...convert.map((l) => `    ${l}`), ...b.lines.map((l) => `    ${l}`), `    return ${ret(b)}`].join('\n');
  };
  const defs: string[] = [];
  if (numpy && helpers.has('scipyErf')) defs.push(NUMPY_ERF);
  if (numpy && helpers.has('sigmoid')) defs.push(NUMPY_SIGMOID);
  if (helpers.has('sincD')) defs.push(pySincHelper(lang));
  if (helpers.has('sinpi')) defs.push(pySinpiHelper(lang));
  const pyDoc = (what: string, text: string) => `${what} ${text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}`;
  const functions = [fun(fName, pyDoc(`${title}: f(x) =`, fText), fBody), fun(dName, pyDoc(`Derivative of ${title}: f'(x) =`, dText), dBody)];
  const code = [...defs, ...functions].join('\n\n\n');
  const imports: string[] = [];
  if (/\bmath\./.test(code)) imports.push('import math');
  if (numpy) imports.push('import numpy as np');
  else {
    imports.push('import torch');
    if (helpers.has('F')) imports.push('import torch.nn.functional as F');
  }
  return [head.join('\n'), imports.join('\n'), code].join('\n\n\n') + '\n';
}

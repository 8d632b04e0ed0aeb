/**
 * Printing an activation as source code in another language: JavaScript, Python/NumPy and PyTorch, each
 * with the function and its derivative, written from the AST (never from the text the user typed).
 *
 * Every primitive of the language has a mapping in each target (a test sweeps the table). The choices:
 * - Stable forms. sigmoid: JavaScript and NumPy get a helper that only exponentiates -|x|, PyTorch uses
 *   torch.sigmoid. softplus: a helper max(x, 0) + log1p(e^-|x|) in JavaScript, np.logaddexp(0, x) in NumPy,
 *   torch.nn.functional.softplus in PyTorch (whose default threshold=20 returns x for x > 20, a relative
 *   change below 1e-10). logsigmoid: -softplus(-x), np.logaddexp / F.logsigmoid.
 * - erf, erfc: JavaScript has none, so the code carries fdlibm's rational approximations (the ones
 *   src/util/special.ts uses; below 1 ulp). NumPy imports scipy.special.erf/erfc and falls back to
 *   math.erf/erfc vectorised with np.vectorize (slower) when SciPy is missing. PyTorch: torch.erf/erfc.
 * - sinc(x) = sin(x)/x: np.sinc / torch.sinc are the normalised sin(πx)/(πx), so they get x/π. Its
 *   derivatives (sinc_d) get a helper: Taylor series near 0, the recurrence elsewhere (as src/expr/runtime.ts).
 * - Conditionals c ? a : b: a ternary in JavaScript; np.where / torch.where where the condition depends on
 *   x (both branches are evaluated, so NumPy code runs under np.errstate(all='ignore')); a Python
 *   conditional expression where it depends on parameters only.
 * - Parameters become keyword arguments with their values as defaults (`def elu(x, alpha=1.0)`).
 * - clamp(u, lo, hi): np.clip / torch.clamp, which give hi where lo > hi (the language gives lo; JavaScript
 *   keeps the language's rule in a helper).
 * - PyTorch has no cbrt: sign(u)·|u|^(1/3). Subexpressions that depend only on parameters use the `math`
 *   module in PyTorch code (math.sqrt(alpha)); where `math` lacks the function, the value is made a tensor
 *   with x.new_tensor(...) (same dtype and device as x).
 * - Repeated subexpressions that depend on x are computed once into temporaries t1, t2, ...
 */
import type { Expr } from './ast.js';
import { VARIABLE } from './ast.js';
import { keyOf, sizeOf } from './keys.js';
import { formatNumber, toText } from './print.js';

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

// Precedence levels (higher binds tighter). Both languages are printed with parentheses derived from these.
const COND = 10;
const OR = 20;
const AND = 30;
const NOT = 40; // Python's `not` (binds looser than comparisons)
const CMP = 50;
const BOR = 60; // Python `|`
const BAND = 70; // Python `&`
const ADD = 100;
const MUL = 110;
const UNARY = 120;
const POW = 130;
const ATOM = 140;

/** A printed subexpression. */
interface Slot {
  readonly code: string;
  readonly prec: number;
  /** A boolean (JS boolean / bool array), not a number. */
  readonly bool: boolean;
  /** Depends on x (an array / tensor in Python). */
  readonly varying: boolean;
}

const slot = (code: string, prec: number, varying: boolean, bool = false): Slot => ({ code, prec, bool, varying });
const wrap = (s: Slot, min: number): string => (s.prec >= min ? s.code : `(${s.code})`);

/** Helpers the printed code needs (emitted once, only when used). */
type Helper = 'sigmoid' | 'softplus' | 'clamp' | 'erf' | 'sincD' | 'scipyErf' | 'F';

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
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `f_${s}`;
}

function camel(name: string): string {
  return name.replace(/_+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Number literal in the target language. */
function numberSlot(lang: CodeLanguage, v: number, name?: 'pi' | 'e'): Slot {
  const js = lang === 'javascript';
  const mod = lang === 'numpy' ? 'np' : 'math';
  if (name === 'pi') return slot(js ? 'Math.PI' : `${mod}.pi`, ATOM, false);
  if (name === 'e') return slot(js ? 'Math.E' : `${mod}.e`, ATOM, false);
  if (Number.isNaN(v)) return slot(js ? 'NaN' : `${mod}.nan`, ATOM, false);
  if (v === Infinity) return slot(js ? 'Infinity' : `${mod}.inf`, ATOM, false);
  if (v === -Infinity) return slot(js ? '-Infinity' : `-${mod}.inf`, UNARY, false);
  const s = formatNumber(v);
  return slot(s, v < 0 || Object.is(v, -0) ? UNARY : ATOM, false);
}

/** A Python float literal for a default value (`1.0`, `0.01`, `math.inf`). */
function pythonDefault(v: number, lang: CodeLanguage): string {
  const s = numberSlot(lang, v).code;
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** Prints expression trees of one function body in one target language. */
class Printer {
  readonly lines: string[] = [];
  private readonly counts = new Map<string, number>();
  private readonly temps = new Map<string, Slot>();
  private readonly keys = new Map<Expr, string>();
  private tempCounter = 0;

  constructor(
    readonly lang: CodeLanguage,
    /** Parameter name in the AST → identifier in the code. */
    readonly names: ReadonlyMap<string, string>,
    readonly helpers: Set<Helper>,
    private readonly taken: ReadonlySet<string>,
  ) {}

  private key(e: Expr): string {
    return keyOf(e, this.keys);
  }

  /** Counts how often each subtree is reached (not descending into a subtree seen before). */
  private count(e: Expr): void {
    const k = this.key(e);
    const n = this.counts.get(k) ?? 0;
    this.counts.set(k, n + 1);
    if (n === 0 && e.kind === 'op') for (const a of e.args) this.count(a);
  }

  /** The code of `e` on one line, without temporaries. */
  inline(e: Expr): Slot {
    return this.num(this.visit(e));
  }

  /** The code of `e` (after any temporaries pushed to `lines`). */
  print(e: Expr): Slot {
    this.count(e);
    return this.visit(e);
  }

  private freshName(): string {
    let name: string;
    do name = `t${++this.tempCounter}`;
    while (this.taken.has(name));
    return name;
  }

  private visit(e: Expr): Slot {
    const k = this.key(e);
    const hit = this.temps.get(k);
    if (hit) return hit;
    const s = this.node(e);
    if (e.kind === 'op' && s.varying && (this.counts.get(k) ?? 0) >= 2 && sizeOf(e) >= 4) {
      const name = this.freshName();
      this.lines.push(this.lang === 'javascript' ? `const ${name} = ${s.code};` : `${name} = ${s.code}`);
      const t = slot(name, ATOM, true, s.bool);
      this.temps.set(k, t);
      return t;
    }
    return s;
  }

  private get py(): boolean {
    return this.lang !== 'javascript';
  }

  /** As a number (booleans become 1 or 0). */
  num(s: Slot): Slot {
    if (!s.bool) return s;
    if (!this.py) return slot(`(${s.code} ? 1 : 0)`, ATOM, s.varying);
    if (!s.varying) return slot(`(1.0 if ${s.code} else 0.0)`, ATOM, false);
    if (this.lang === 'numpy') return slot(`np.where(${s.code}, 1.0, 0.0)`, ATOM, true);
    return slot(`${wrap(s, ATOM)}.to(x.dtype)`, ATOM, true);
  }

  /** As a boolean (numbers are true when non-zero). */
  bool(s: Slot): Slot {
    if (s.bool) return s;
    return slot(`${wrap(s, ADD)} ${this.py ? '!=' : '!=='} 0`, CMP, s.varying, true);
  }

  /** A PyTorch tensor for a value that does not depend on x. */
  private tensor(s: Slot): Slot {
    return s.varying || this.lang !== 'pytorch' ? s : slot(`x.new_tensor(${s.code})`, ATOM, true);
  }

  private node(e: Expr): Slot {
    if (e.kind === 'num') return numberSlot(this.lang, e.value, e.name);
    if (e.kind === 'sym') {
      if (e.name === VARIABLE) return slot('x', ATOM, true);
      const n = this.names.get(e.name);
      if (n === undefined) throw new Error(`printCode: unknown name '${e.name}' (not a parameter)`);
      return slot(n, ATOM, false);
    }
    const args = e.args.map((a) => this.visit(a));
    return this.apply(e.op, args, e.args);
  }

  private binary(sym: string, prec: number, a: Slot, b: Slot): Slot {
    const l = this.num(a);
    const r = this.num(b);
    return slot(`${wrap(l, prec)} ${sym} ${wrap(r, prec + 1)}`, prec, l.varying || r.varying);
  }

  private compare(js: string, py: string, a: Slot, b: Slot): Slot {
    const l = this.num(a);
    const r = this.num(b);
    return slot(`${wrap(l, ADD)} ${this.py ? py : js} ${wrap(r, ADD)}`, CMP, l.varying || r.varying, true);
  }

  private neg(a: Slot): Slot {
    const u = this.num(a);
    return slot(`-${wrap(u, UNARY + 1)}`, UNARY, u.varying);
  }

  private logic(which: 'and' | 'or', a: Slot, b: Slot): Slot {
    const l = this.bool(a);
    const r = this.bool(b);
    const varying = l.varying || r.varying;
    if (!this.py) {
      const prec = which === 'and' ? AND : OR;
      return slot(`${wrap(l, prec)} ${which === 'and' ? '&&' : '||'} ${wrap(r, prec + 1)}`, prec, varying, true);
    }
    if (!varying) {
      const prec = which === 'and' ? AND : OR;
      return slot(`${wrap(l, prec)} ${which} ${wrap(r, prec + 1)}`, prec, false, true);
    }
    const prec = which === 'and' ? BAND : BOR;
    return slot(`${wrap(l, prec)} ${which === 'and' ? '&' : '|'} ${wrap(r, prec + 1)}`, prec, true, true);
  }

  private not(a: Slot): Slot {
    const u = this.bool(a);
    if (!this.py) return slot(`!${wrap(u, UNARY)}`, UNARY, u.varying, true);
    if (!u.varying) return slot(`not ${wrap(u, NOT)}`, NOT, false, true);
    return slot(`~${wrap(u, UNARY)}`, UNARY, true, true);
  }

  private select(c0: Slot, a0: Slot, b0: Slot): Slot {
    const c = this.bool(c0);
    const a = this.num(a0);
    const b = this.num(b0);
    if (!this.py) return slot(`${wrap(c, OR)} ? ${wrap(a, COND + 1)} : ${wrap(b, COND)}`, COND, c.varying || a.varying || b.varying);
    if (!c.varying) {
      // a branch that does not depend on x becomes an array like x when the other one does
      const like = (s: Slot): Slot => (s.varying || !(a.varying || b.varying) ? s : this.call(`${this.lang === 'numpy' ? 'np' : 'torch'}.full_like`, [slot('x', ATOM, true), s]));
      return slot(`${wrap(like(a), OR)} if ${wrap(c, OR)} else ${wrap(like(b), COND)}`, COND, a.varying || b.varying);
    }
    if (this.lang === 'numpy') return slot(`np.where(${c.code}, ${a.code}, ${b.code})`, ATOM, true);
    const ta = a.varying || b.varying ? a : this.tensor(a);
    return slot(`torch.where(${c.code}, ${ta.code}, ${b.code})`, ATOM, true);
  }

  /** Call of a function: `name(args)`. */
  private call(name: string, args: readonly Slot[], varying?: boolean): Slot {
    return slot(`${name}(${args.map((a) => a.code).join(', ')})`, ATOM, varying ?? args.some((a) => a.varying));
  }

  /** The mapping of every primitive, by target. */
  private apply(name: string, raw: readonly Slot[], ast: readonly Expr[]): Slot {
    switch (name) {
      case 'add':
        return this.binary('+', ADD, raw[0], raw[1]);
      case 'sub':
        return this.binary('-', ADD, raw[0], raw[1]);
      case 'mul':
        return this.binary('*', MUL, raw[0], raw[1]);
      case 'div':
        return this.binary('/', MUL, raw[0], raw[1]);
      case 'pow': {
        const [a, b] = raw.map((s) => this.num(s));
        if (!this.py) return this.call('Math.pow', [a, b]);
        return slot(`${wrap(a, ATOM)} ** ${wrap(b, UNARY)}`, POW, a.varying || b.varying);
      }
      case 'neg':
        return this.neg(raw[0]);
      case 'lt':
        return this.compare('<', '<', raw[0], raw[1]);
      case 'le':
        return this.compare('<=', '<=', raw[0], raw[1]);
      case 'gt':
        return this.compare('>', '>', raw[0], raw[1]);
      case 'ge':
        return this.compare('>=', '>=', raw[0], raw[1]);
      case 'eq':
        return this.compare('===', '==', raw[0], raw[1]);
      case 'ne':
        return this.compare('!==', '!=', raw[0], raw[1]);
      case 'and':
      case 'or':
        return this.logic(name, raw[0], raw[1]);
      case 'not':
        return this.not(raw[0]);
      case 'select':
        return this.select(raw[0], raw[1], raw[2]);
      case 'step':
        // H(u) = u >= 0 (1 or 0), as a boolean that its user turns into a number
        return this.compare('>=', '>=', raw[0], slot('0', ATOM, false));
      default:
        return this.func(name, raw.map((s) => this.num(s)), ast);
    }
  }

  private func(name: string, a: readonly Slot[], ast: readonly Expr[]): Slot {
    if (this.lang === 'javascript') return this.funcJs(name, a, ast);
    if (this.lang === 'numpy') return this.funcNumpy(name, a, ast);
    return this.funcTorch(name, a, ast);
  }

  private funcJs(name: string, a: readonly Slot[], ast: readonly Expr[]): Slot {
    const math = (fn: string) => this.call(`Math.${fn}`, a);
    switch (name) {
      case 'exp': case 'expm1': case 'log': case 'log1p': case 'sqrt': case 'cbrt': case 'abs': case 'sign':
      case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atan': case 'sinh': case 'cosh': case 'tanh':
      case 'asinh': case 'acosh': case 'atanh': case 'hypot': case 'min': case 'max':
        return math(name);
      case 'sech':
        return slot(`1 / ${this.call('Math.cosh', a).code}`, MUL, a[0].varying);
      case 'clamp':
        this.helpers.add('clamp');
        return this.call('_clamp', a);
      case 'sigmoid':
        this.helpers.add('sigmoid');
        return this.call('_sigmoid', a);
      case 'softplus':
        this.helpers.add('softplus');
        return this.call('_softplus', a);
      case 'logsigmoid':
        this.helpers.add('softplus');
        return this.neg(this.call('_softplus', [this.neg(a[0])]));
      case 'erf':
      case 'erfc':
        this.helpers.add('erf');
        return this.call(`_${name}`, a);
      case 'sinc':
        this.helpers.add('sincD');
        return this.call('_sincD', [slot('0', ATOM, false), a[0]]);
      case 'sinc_d':
        this.helpers.add('sincD');
        return this.call('_sincD', [this.order(ast[0]), a[1]]);
      default:
        throw new Error(`printCode: no JavaScript mapping for '${name}'`);
    }
  }

  /** The whole-number order of sinc_d as a literal. */
  private order(e: Expr): Slot {
    if (e.kind !== 'num') throw new Error('printCode: sinc_d needs a whole-number literal order');
    return slot(String(e.value), ATOM, false);
  }

  private funcNumpy(name: string, a: readonly Slot[], ast: readonly Expr[]): Slot {
    const np = (fn: string) => this.call(`np.${fn}`, a);
    switch (name) {
      case 'exp': case 'expm1': case 'log': case 'log1p': case 'sqrt': case 'cbrt': case 'abs': case 'sign':
      case 'sin': case 'cos': case 'tan': case 'sinh': case 'cosh': case 'tanh': case 'hypot':
        return np(name);
      case 'asin': case 'acos': case 'atan': case 'asinh': case 'acosh': case 'atanh':
        return np(`arc${name.slice(1)}`);
      case 'min':
        return np('minimum');
      case 'max':
        return np('maximum');
      case 'clamp':
        return np('clip');
      case 'sech':
        return slot(`1 / ${np('cosh').code}`, MUL, a[0].varying);
      case 'sigmoid':
        this.helpers.add('sigmoid');
        return this.call('_sigmoid', a);
      case 'softplus':
        return this.call('np.logaddexp', [slot('0', ATOM, false), a[0]]);
      case 'logsigmoid':
        return this.neg(this.call('np.logaddexp', [slot('0', ATOM, false), this.neg(a[0])]));
      case 'erf':
      case 'erfc':
        this.helpers.add('scipyErf');
        return this.call(`_${name}`, a);
      case 'sinc':
        return this.call('np.sinc', [slot(`${wrap(a[0], MUL)} / np.pi`, MUL, a[0].varying)]);
      case 'sinc_d':
        this.helpers.add('sincD');
        return this.call('_sinc_d', [this.order(ast[0]), a[1]]);
      default:
        throw new Error(`printCode: no NumPy mapping for '${name}'`);
    }
  }

  private funcTorch(name: string, a0: readonly Slot[], ast: readonly Expr[]): Slot {
    const constant = a0.every((s) => !s.varying);
    if (constant) {
      const viaMath = this.mathCall(name, a0);
      if (viaMath) return viaMath;
    }
    // torch functions need tensors: a value that does not depend on x becomes x.new_tensor(value)
    const a = name === 'clamp' ? [this.tensor(a0[0]), a0[1], a0[2]] : a0.map((s) => this.tensor(s));
    const torch = (fn: string) => this.call(`torch.${fn}`, a, true);
    switch (name) {
      case 'exp': case 'expm1': case 'log': case 'log1p': case 'sqrt': case 'abs': case 'sign':
      case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atan': case 'sinh': case 'cosh': case 'tanh':
      case 'asinh': case 'acosh': case 'atanh': case 'hypot': case 'erf': case 'erfc': case 'sigmoid': case 'clamp':
        return torch(name);
      case 'cbrt':
        return slot(`${this.call('torch.sign', a).code} * ${this.call('torch.abs', a).code} ** (1 / 3)`, MUL, true);
      case 'min':
        return torch('minimum');
      case 'max':
        return torch('maximum');
      case 'sech':
        return slot(`1 / ${torch('cosh').code}`, MUL, true);
      case 'softplus':
      case 'logsigmoid':
        this.helpers.add('F');
        return this.call(`F.${name}`, a, true);
      case 'sinc':
        return this.call('torch.sinc', [slot(`${wrap(a[0], MUL)} / math.pi`, MUL, true)]);
      case 'sinc_d':
        this.helpers.add('sincD');
        return this.call('_sinc_d', [this.order(ast[0]), a[1]], true);
      default:
        throw new Error(`printCode: no PyTorch mapping for '${name}'`);
    }
  }

  /** A function of parameters only, with Python's math module (PyTorch code); undefined where math lacks it. */
  private mathCall(name: string, a: readonly Slot[]): Slot | undefined {
    switch (name) {
      case 'exp': case 'expm1': case 'log': case 'log1p': case 'sqrt':
      case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atan': case 'sinh': case 'cosh': case 'tanh':
      case 'asinh': case 'acosh': case 'atanh': case 'hypot': case 'erf': case 'erfc':
        return this.call(`math.${name}`, a, false);
      case 'abs': case 'min': case 'max':
        return this.call(name, a, false);
      case 'clamp':
        return this.call('min', [this.call('max', [a[0], a[1]], false), a[2]], false);
      case 'sech':
        return slot(`1 / ${this.call('math.cosh', a, false).code}`, MUL, false);
      default:
        return undefined;
    }
  }
}

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

interface Body {
  readonly lines: readonly string[];
  readonly result: Slot;
}

function body(lang: CodeLanguage, e: Expr, names: Map<string, string>, helpers: Set<Helper>): Body {
  const p = new Printer(lang, names, helpers, new Set(names.values()));
  const s = p.num(p.print(e));
  return { lines: p.lines, result: s };
}

/** The text of an expression in one language (no temporaries), e.g. for a one-line display. */
export function printExpression(lang: CodeLanguage, e: Expr, params: readonly string[] = []): string {
  const names = paramNames(lang, params.map((name) => ({ name, value: 0 })));
  return new Printer(lang, names, new Set(), new Set()).inline(e).code;
}

const JS_HELPERS: Readonly<Record<'sigmoid' | 'softplus' | 'clamp' | 'erf' | 'sincD', string>> = {
  sigmoid: `/** Logistic sigmoid 1/(1 + e^-x), exponentiating only -|x| so it never overflows. */
function _sigmoid(x) {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const z = Math.exp(x);
  return z / (1 + z);
}`,
  softplus: `/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|), without overflow. */
function _softplus(x) {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}`,
  clamp: `/** u limited to [lo, hi] (lo wins if lo > hi); NaN stays NaN. */
function _clamp(u, lo, hi) {
  return u < lo ? lo : u > hi ? hi : u;
}`,
  erf: `/* erf and erfc in full double precision: fdlibm's s_erf.c rational approximations.
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun Microsystems, Inc.
 * business. Permission to use, copy, modify, and distribute this software is freely granted, provided that this
 * notice is preserved. */
const _ERX = 8.45062911510467529297e-1;
const _PP = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const _QQ = [1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const _PA = [-2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3];
const _QA = [1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.19844998467991074170e-2];
const _RA = [-9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592];
const _SA = [1, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2];
const _RB = [-9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2];
const _SB = [1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1];
function _poly(c, t) {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) r = r * t + c[i];
  return r;
}
function _erfTail(a) {
  const s = 1 / (a * a);
  const rs = a < 1 / 0.35 ? _poly(_RA, s) / _poly(_SA, s) : _poly(_RB, s) / _poly(_SB, s);
  const z = Math.fround(a);
  return (Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + rs)) / a;
}
/** The error function. */
function _erf(x) {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 3.725290298461914e-9) return x + 1.28379167095512586316e-1 * x;
    const z = x * x;
    return x + x * (_poly(_PP, z) / _poly(_QQ, z));
  }
  if (a < 1.25) {
    const v = _ERX + _poly(_PA, a - 1) / _poly(_QA, a - 1);
    return x > 0 ? v : -v;
  }
  if (a >= 6) return x > 0 ? 1 : -1;
  const v = 1 - _erfTail(a);
  return x > 0 ? v : -v;
}
/** The complementary error function 1 - erf(x), accurate in the right tail. */
function _erfc(x) {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 1.3877787807814457e-17) return 1 - x;
    const z = x * x;
    const y = _poly(_PP, z) / _poly(_QQ, z);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (a < 1.25) {
    const p = _poly(_PA, a - 1) / _poly(_QA, a - 1);
    return x > 0 ? 1 - _ERX - p : 1 + (_ERX + p);
  }
  if (a < 28) {
    if (x <= -6) return 2;
    const r = _erfTail(a);
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2;
}`,
  sincD: `/** n-th derivative of sinc(x) = sin(x)/x (sinc(0) = 1): Taylor series near 0, else x*s_n + n*s_(n-1) = sin^(n)(x). */
function _sincD(n, x) {
  if (x !== x) return NaN;
  if (!Number.isFinite(x)) return 0;
  if (Math.abs(x) < n + 2) {
    let sum = 0;
    for (let k = Math.ceil(n / 2); k < 60; k++) {
      let c = 1 / (2 * k + 1);
      for (let j = 2; j <= 2 * k - n; j++) c /= j;
      const t = (k % 2 === 0 ? c : -c) * Math.pow(x, 2 * k - n);
      sum += t;
      if (Math.abs(t) < 1e-18 * Math.abs(sum) && k > n) break;
    }
    return sum;
  }
  const sinK = (k) => [Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x)][k % 4];
  let s = Math.sin(x) / x;
  for (let k = 1; k <= n; k++) s = (sinK(k) - k * s) / x;
  return s;
}`,
};

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
    return ${where}(near, series, s)`;
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
  return `${lang === 'javascript' ? '//' : '#'} ${text}`;
}

/**
 * Source code for an activation and its derivative in one language: a self-contained module (imports and
 * helpers included) defining `name(x, params...)` and `nameDerivative` (JavaScript) / `name_derivative` (Python).
 */
export function printCode(lang: CodeLanguage, fn: CodeFunction): string {
  const names = paramNames(lang, fn.params);
  const helpers = new Set<Helper>();
  const base = identifier(fn.name);
  const fName = lang === 'javascript' ? camel(base) : base;
  const dName = lang === 'javascript' ? `${fName}Derivative` : `${fName}_derivative`;
  const fBody = body(lang, fn.expr, names, helpers);
  const dBody = body(lang, fn.derivative, names, helpers);
  const title = fn.title ?? fn.name;
  const fText = toText(fn.expr);
  const dText = toText(fn.derivative);
  const head = [
    comment(lang, `${title}: generated by actlab from its expression.`),
    comment(lang, `f(x)  = ${fText}`),
    comment(lang, `f'(x) = ${dText}`),
  ];
  if (lang === 'javascript') {
    const sig = ['x', ...fn.params.map((p) => `${names.get(p.name)} = ${numberSlot(lang, p.value).code}`)].join(', ');
    const fun = (name: string, doc: string, b: Body) =>
      [`/** ${doc} */`, `function ${name}(${sig}) {`, ...b.lines.map((l) => `  ${l}`), `  return ${b.result.code};`, '}'].join('\n');
    const used = (['sigmoid', 'softplus', 'clamp', 'erf', 'sincD'] as const).filter((h) => helpers.has(h)).map((h) => JS_HELPERS[h]);
    return [
      head.join('\n'),
      fun(fName, `${title}: f(x).`, fBody),
      fun(dName, `Derivative of ${title}: f'(x).`, dBody),
      ...(used.length > 0 ? [`// Helpers (numerically stable forms)\n${used.join('\n\n')}`] : []),
    ].join('\n\n') + '\n';
  }
  const numpy = lang === 'numpy';
  const sig = ['x', ...fn.params.map((p) => `${names.get(p.name)}=${pythonDefault(p.value, lang)}`)].join(', ');
  const ret = (s: Slot) => (s.varying ? s.code : `${numpy ? 'np' : 'torch'}.full_like(x, ${s.code})`);
  const fun = (name: string, doc: string, b: Body): string => {
    const start = [`def ${name}(${sig}):`, `    """${doc}"""`];
    if (numpy) {
      return [
        ...start,
        '    x = np.asarray(x, dtype=float)',
        `    with np.errstate(all='ignore'):${[...b.lines, b.result.code].some((l) => l.includes('np.where')) ? '  # np.where computes both branches' : ''}`,
        ...b.lines.map((l) => `        ${l}`),
        `        return ${ret(b.result)}`,
      ].join('\n');
    }
    return [...start, '    x = torch.as_tensor(x)', ...b.lines.map((l) => `    ${l}`), `    return ${ret(b.result)}`].join('\n');
  };
  const defs: string[] = [];
  if (numpy && helpers.has('scipyErf')) defs.push(NUMPY_ERF);
  if (numpy && helpers.has('sigmoid')) defs.push(NUMPY_SIGMOID);
  if (helpers.has('sincD')) defs.push(pySincHelper(lang));
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


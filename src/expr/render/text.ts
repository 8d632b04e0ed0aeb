/**
 * Plain text (which parses back to the same value) and LaTeX, rendered from the IR. Each instruction's
 * text is built once from its arguments' texts (shared subexpressions are written out at each use, as a
 * formula shows them); parentheses come from the precedence levels below, only where needed.
 */
import type { Program } from '../ir.js';
import type { PrimitiveName } from '../primitives.js';

/** Precedence levels of the printed language (higher binds tighter). */
export const TEXT_PREC = { SELECT: 1, OR: 2, AND: 3, CMP: 4, ADD: 5, MUL: 6, UNARY: 7, POW: 8, ATOM: 9 } as const;
const P = TEXT_PREC;

/** What a node is, as far as parenthesising and LaTeX juxtaposition need to know. */
type Shape = 'num' | 'negnum' | 'sym' | PrimitiveName;

/** A printed subexpression. */
export interface Printed {
  readonly s: string;
  readonly prec: number;
  readonly shape: Shape;
}

type Lowering = (a: readonly Printed[], op: PrimitiveName) => Printed;

/** Shortest text that reads back as the same double (NaN and ±∞ as divisions that give them). */
export function formatNumber(v: number): string {
  if (typeof v !== 'number') throw new TypeError('formatNumber: not a number');
  if (Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

const wrap = (a: Printed, need: boolean): string => (need ? `(${a.s})` : a.s);

// ---------------------------------------------------------------- plain text

const INFIX_TEXT: Partial<Record<PrimitiveName, [number, string]>> = {
  or: [P.OR, ' || '], and: [P.AND, ' && '], lt: [P.CMP, ' < '], le: [P.CMP, ' <= '], gt: [P.CMP, ' > '], ge: [P.CMP, ' >= '],
  eq: [P.CMP, ' == '], ne: [P.CMP, ' != '], add: [P.ADD, ' + '], sub: [P.ADD, ' - '], mul: [P.MUL, '*'], div: [P.MUL, '/'],
};

const infixText: Lowering = (a, op) => {
  const [prec, text] = INFIX_TEXT[op] as [number, string];
  const left = wrap(a[0], a[0].prec < prec || (prec === P.CMP && a[0].prec === P.CMP));
  const right = wrap(a[1], a[1].prec <= prec);
  return { s: `${left}${text}${right}`, prec, shape: op };
};
const prefixText = (sign: string): Lowering => (a, op) => ({ s: `${sign}${wrap(a[0], a[0].prec < P.UNARY || a[0].shape === 'negnum')}`, prec: P.UNARY, shape: op });
const fnText: Lowering = (a, op) => ({ s: `${op}(${a.map((x) => x.s).join(', ')})`, prec: P.ATOM, shape: op });

/** The plain-text lowering of every primitive. */
export const TEXT_LOWERING: { readonly [K in PrimitiveName]: Lowering } = {
  add: infixText, sub: infixText, mul: infixText, div: infixText,
  pow: (a) => ({ s: `${wrap(a[0], a[0].prec < P.ATOM)}^${wrap(a[1], a[1].prec < P.UNARY)}`, prec: P.POW, shape: 'pow' }),
  neg: prefixText('-'), not: prefixText('!'),
  lt: infixText, le: infixText, gt: infixText, ge: infixText, eq: infixText, ne: infixText, and: infixText, or: infixText,
  select: (a) => ({ s: `${wrap(a[0], a[0].prec <= P.SELECT)} ? ${a[1].s} : ${a[2].s}`, prec: P.SELECT, shape: 'select' }),
  exp: fnText, expm1: fnText, log: fnText, log1p: fnText, sqrt: fnText, cbrt: fnText, abs: fnText, sign: fnText, step: fnText,
  sin: fnText, cos: fnText, tan: fnText, asin: fnText, acos: fnText, atan: fnText, sinh: fnText, cosh: fnText, tanh: fnText,
  sech: fnText, asinh: fnText, acosh: fnText, atanh: fnText, erf: fnText, erfc: fnText, sigmoid: fnText, softplus: fnText,
  logsigmoid: fnText, sinc: fnText, sinc_d: fnText, min: fnText, max: fnText, clamp: fnText, hypot: fnText,
  sinpi: fnText, cospi: fnText,
};

// ---------------------------------------------------------------- LaTeX

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'rho',
  'sigma', 'tau', 'phi', 'chi', 'psi', 'omega',
]);

/** A parameter name in LaTeX (`alpha` → `\alpha`, `a1` → `a_{1}`). */
export function latexName(name: string): string {
  if (name.length === 1) return /^[A-Za-z]$/.test(name) ? name : `\\mathrm{${latexEscape(name)}}`;
  if (GREEK.has(name)) return `\\${name}`;
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(name);
  if (m) return `${latexName(m[1])}_{${m[2]}}`;
  return `\\mathrm{${latexEscape(name)}}`;
}

function latexEscape(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c === '\\' ? 'backslash ' : c}`);
}

function latexNumber(v: number): string {
  const s = formatNumber(v);
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  if (m) return `${m[1]} \\times 10^{${Number(m[2])}}`;
  if (s === '(0/0)') return '\\mathrm{NaN}';
  if (s === '(1/0)') return '\\infty';
  if (s === '(-1/0)') return '-\\infty';
  return s;
}

const paren = (a: Printed, need: boolean): string => (need ? `\\left(${a.s}\\right)` : a.s);
const INFIX_LATEX: Partial<Record<PrimitiveName, [number, string]>> = {
  or: [P.OR, '\\lor'], and: [P.AND, '\\land'], lt: [P.CMP, '<'], le: [P.CMP, '\\le'], gt: [P.CMP, '>'], ge: [P.CMP, '\\ge'],
  eq: [P.CMP, '='], ne: [P.CMP, '\\ne'], add: [P.ADD, '+'], sub: [P.ADD, '-'],
};
const infixLatex: Lowering = (a, op) => {
  const [prec, sym] = INFIX_LATEX[op] as [number, string];
  return { s: `${paren(a[0], a[0].prec < prec)} ${sym} ${paren(a[1], a[1].prec <= prec)}`, prec, shape: op };
};
const fnLatex = (f: (a: readonly string[]) => string): Lowering => (a, op) => ({ s: f(a.map((x) => x.s)), prec: P.ATOM, shape: op });
const op1 = (name: string) => fnLatex((a) => `\\operatorname{${name}}\\left(${a[0]}\\right)`);
const std1 = (cmd: string) => fnLatex((a) => `${cmd}\\left(${a[0]}\\right)`);
const isInfix = (s: Shape): boolean => s in INFIX_TEXT || s === 'pow';

/** The LaTeX lowering of every primitive. */
export const LATEX_LOWERING: { readonly [K in PrimitiveName]: Lowering } = {
  add: infixLatex, sub: infixLatex, lt: infixLatex, le: infixLatex, gt: infixLatex, ge: infixLatex, eq: infixLatex, ne: infixLatex,
  and: infixLatex, or: infixLatex,
  mul: ([a, b]) => {
    const l = paren(a, a.prec < P.MUL);
    const r = paren(b, b.prec <= P.MUL && b.shape !== 'div');
    const juxtapose = (a.shape === 'num' || a.shape === 'negnum') && (b.shape === 'sym' || (!isInfix(b.shape) && b.shape !== 'neg' && b.shape !== 'num' && b.shape !== 'negnum'));
    return { s: juxtapose ? `${l} ${r}` : `${l} \\cdot ${r}`, prec: P.MUL, shape: 'mul' };
  },
  div: ([a, b]) => ({ s: `\\frac{${a.s}}{${b.s}}`, prec: P.MUL, shape: 'div' }),
  pow: ([a, b]) => ({ s: `{${paren(a, a.prec < P.ATOM)}}^{${b.s}}`, prec: P.POW, shape: 'pow' }),
  neg: ([a]) => ({ s: `-${paren(a, a.prec < P.UNARY || a.prec === P.ADD)}`, prec: P.UNARY, shape: 'neg' }),
  not: ([a]) => ({ s: `\\lnot ${paren(a, a.prec < P.UNARY)}`, prec: P.UNARY, shape: 'not' }),
  select: ([c, a, b]) => ({
    s: `\\begin{cases} ${a.s} & \\text{if } ${c.s} \\\\ ${b.s} & \\text{otherwise} \\end{cases}`,
    prec: P.SELECT,
    shape: 'select',
  }),
  exp: fnLatex((a) => `e^{${a[0]}}`),
  expm1: fnLatex((a) => `\\left(e^{${a[0]}} - 1\\right)`),
  log: std1('\\ln'),
  log1p: fnLatex((a) => `\\ln\\left(1 + ${a[0]}\\right)`),
  sqrt: fnLatex((a) => `\\sqrt{${a[0]}}`),
  cbrt: fnLatex((a) => `\\sqrt[3]{${a[0]}}`),
  abs: fnLatex((a) => `\\left|${a[0]}\\right|`),
  sign: op1('sign'),
  step: fnLatex((a) => `H\\left(${a[0]}\\right)`),
  sin: std1('\\sin'), cos: std1('\\cos'), tan: std1('\\tan'),
  asin: std1('\\arcsin'), acos: std1('\\arccos'), atan: std1('\\arctan'),
  sinh: std1('\\sinh'), cosh: std1('\\cosh'), tanh: std1('\\tanh'),
  sech: std1('\\operatorname{sech}'),
  asinh: std1('\\operatorname{arsinh}'), acosh: std1('\\operatorname{arcosh}'), atanh: std1('\\operatorname{artanh}'),
  erf: std1('\\operatorname{erf}'), erfc: std1('\\operatorname{erfc}'),
  sigmoid: std1('\\sigma'),
  softplus: op1('softplus'),
  logsigmoid: fnLatex((a) => `\\ln\\sigma\\left(${a[0]}\\right)`),
  sinc: op1('sinc'),
  sinc_d: fnLatex((a) => `\\operatorname{sinc}^{(${a[0]})}\\left(${a[1]}\\right)`),
  min: fnLatex((a) => `\\min\\left(${a[0]}, ${a[1]}\\right)`),
  max: fnLatex((a) => `\\max\\left(${a[0]}, ${a[1]}\\right)`),
  clamp: fnLatex((a) => `\\operatorname{clamp}\\left(${a[0]}, ${a[1]}, ${a[2]}\\right)`),
  hypot: fnLatex((a) => `\\sqrt{${a[0]}^2 + ${a[1]}^2}`),
  sinpi: fnLatex((a) => `\\sin\\left(\\pi ${a[0]}\\right)`),
  cospi: fnLatex((a) => `\\cos\\left(\\pi ${a[0]}\\right)`),
};

/** Renders one output of a program with a lowering table and leaf printers. */
function render(
  program: Program,
  output: number,
  table: { readonly [K in PrimitiveName]: Lowering },
  leaf: { num: (v: number, name?: 'pi' | 'e') => string; sym: (name: string) => string },
): string {
  const out: Printed[] = [];
  program.instrs.forEach((ins, i) => {
    if (i > output) return;
    if (ins.kind === 'x') out.push({ s: leaf.sym('x'), prec: P.ATOM, shape: 'sym' });
    else if (ins.kind === 'param') out.push({ s: leaf.sym(ins.name), prec: P.ATOM, shape: 'sym' });
    else if (ins.kind === 'const') {
      const neg = ins.value < 0 || Object.is(ins.value, -0);
      out.push({ s: leaf.num(ins.value, ins.name), prec: neg ? P.UNARY : P.ATOM, shape: neg ? 'negnum' : 'num' });
    } else out.push(table[ins.op](ins.args.map((a) => out[a]), ins.op));
  });
  return out[output].s;
}

/** Plain text of output k of a program lowered without folding. */
export function renderText(program: Program, k = 0): string {
  return render(program, program.outputs[k], TEXT_LOWERING, {
    num: (v, name) => (name !== undefined ? name : formatNumber(v)),
    sym: (name) => name,
  });
}

/** LaTeX of output k of a program lowered without folding. */
export function renderLatex(program: Program, k = 0): string {
  return render(program, program.outputs[k], LATEX_LOWERING, {
    num: (v, name) => (name === 'pi' ? '\\pi' : name === 'e' ? 'e' : latexNumber(v)),
    sym: latexName,
  });
}

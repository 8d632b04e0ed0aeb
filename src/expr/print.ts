/**
 * Printing an AST as plain text (which parses back to the same value) and as LaTeX.
 * Parentheses are inserted from the precedence table below, only where they are needed.
 */
import type { Expr } from './ast.js';
import { primitive } from './primitives.js';

const INFIX: Readonly<Record<string, { prec: number; text: string }>> = {
  or: { prec: 2, text: ' || ' },
  and: { prec: 3, text: ' && ' },
  lt: { prec: 4, text: ' < ' },
  le: { prec: 4, text: ' <= ' },
  gt: { prec: 4, text: ' > ' },
  ge: { prec: 4, text: ' >= ' },
  eq: { prec: 4, text: ' == ' },
  ne: { prec: 4, text: ' != ' },
  add: { prec: 5, text: ' + ' },
  sub: { prec: 5, text: ' - ' },
  mul: { prec: 6, text: '*' },
  div: { prec: 6, text: '/' },
  pow: { prec: 8, text: '^' },
};
const PREC_SELECT = 1;
const PREC_UNARY = 7;
const PREC_ATOM = 9;

/** Precedence of a node as printed. */
function precedence(e: Expr): number {
  if (e.kind === 'num') return e.value < 0 || Object.is(e.value, -0) ? PREC_UNARY : PREC_ATOM;
  if (e.kind === 'sym') return PREC_ATOM;
  if (e.op === 'select') return PREC_SELECT;
  if (e.op === 'neg' || e.op === 'not') return PREC_UNARY;
  return INFIX[e.op]?.prec ?? PREC_ATOM;
}

/** Shortest text that reads back as the same double. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  return String(v);
}

function wrap(s: string, need: boolean): string {
  return need ? `(${s})` : s;
}

/** Plain-text form: `x*sigmoid(x)`, `x > 0 ? x : 0.01*x`. */
export function toText(e: Expr): string {
  if (e.kind === 'num') return e.name ?? formatNumber(e.value);
  if (e.kind === 'sym') return e.name;
  const p = primitive(e.op);
  if (e.op === 'select') {
    const [c, a, b] = e.args;
    return `${wrap(toText(c), precedence(c) <= PREC_SELECT)} ? ${toText(a)} : ${toText(b)}`;
  }
  if (e.op === 'neg' || e.op === 'not') {
    const a = e.args[0];
    const inner = toText(a);
    const sign = e.op === 'neg' ? '-' : '!';
    // "- -x" would read as "--x", which parses fine; "-(-2)" needs the parentheses for clarity.
    return `${sign}${wrap(inner, precedence(a) < PREC_UNARY || (a.kind === 'num' && a.value < 0))}`;
  }
  const infix = INFIX[e.op];
  if (infix) {
    const [a, b] = e.args;
    if (e.op === 'pow') {
      return `${wrap(toText(a), precedence(a) < PREC_ATOM)}^${wrap(toText(b), precedence(b) < PREC_UNARY)}`;
    }
    const left = wrap(toText(a), precedence(a) < infix.prec || (infix.prec === 4 && precedence(a) === 4));
    const right = wrap(toText(b), precedence(b) <= infix.prec);
    return `${left}${infix.text}${right}`;
  }
  return `${p.name}(${e.args.map(toText).join(', ')})`;
}

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'rho',
  'sigma', 'tau', 'phi', 'chi', 'psi', 'omega',
]);

function latexName(name: string): string {
  if (name.length === 1) return name;
  if (GREEK.has(name)) return `\\${name}`;
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(name);
  if (m) return `${latexName(m[1])}_{${m[2]}}`;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

function latexNumber(v: number): string {
  const s = formatNumber(v);
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  if (m) return `${m[1]} \\times 10^{${Number(m[2])}}`;
  return s;
}

/** LaTeX form, for KaTeX/MathJax. */
export function toLatex(e: Expr): string {
  if (e.kind === 'num') return e.name === 'pi' ? '\\pi' : e.name === 'e' ? 'e' : latexNumber(e.value);
  if (e.kind === 'sym') return latexName(e.name);
  const p = primitive(e.op);
  const paren = (x: Expr, need: boolean): string => (need ? `\\left(${toLatex(x)}\\right)` : toLatex(x));
  if (e.op === 'select') {
    return p.latex(e.args.map((a) => toLatex(a)));
  }
  if (e.op === 'neg') return `-${paren(e.args[0], precedence(e.args[0]) < PREC_UNARY || precedence(e.args[0]) === 5)}`;
  if (e.op === 'not') return `\\lnot ${paren(e.args[0], precedence(e.args[0]) < PREC_UNARY)}`;
  if (e.op === 'div') return p.latex([toLatex(e.args[0]), toLatex(e.args[1])]);
  if (e.op === 'pow') {
    const [a, b] = e.args;
    return `{${paren(a, precedence(a) < PREC_ATOM)}}^{${toLatex(b)}}`;
  }
  if (e.op === 'mul') {
    const [a, b] = e.args;
    const l = paren(a, precedence(a) < 6);
    const r = paren(b, precedence(b) <= 6 && !(b.kind === 'op' && b.op === 'div'));
    const juxtapose = a.kind === 'num' && (b.kind === 'sym' || (b.kind === 'op' && INFIX[b.op] === undefined && b.op !== 'neg'));
    return juxtapose ? `${l} ${r}` : `${l} \\cdot ${r}`;
  }
  const infix = INFIX[e.op];
  if (infix) {
    const [a, b] = e.args;
    return p.latex([paren(a, precedence(a) < infix.prec), paren(b, precedence(b) <= infix.prec)]);
  }
  return p.latex(e.args.map((a) => toLatex(a)));
}

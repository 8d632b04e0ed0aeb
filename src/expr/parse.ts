/**
 * Parser of the expression language: text → AST, with errors that say where (column), what was found
 * and what was expected. A precedence-climbing recursive-descent parser with explicit size and depth
 * limits, so no input can make it hang or overflow the stack.
 *
 * Grammar (lowest precedence first):
 *   text        := expression (';' declaration)*
 *   declaration := name '=' ['-'|'+'] number
 *   expression  := or ['?' expression ':' expression]
 *   or          := and ('||' and)*
 *   and         := compare ('&&' compare)*
 *   compare     := sum [('<'|'<='|'>'|'>='|'=='|'!=') sum]
 *   sum         := product (('+'|'-') product)*
 *   product     := unary (('*'|'/') unary)*
 *   unary       := ('-'|'+'|'!') unary | power
 *   power       := primary [('^'|'**') unary]            (right-associative: 2^3^2 = 2^9, -x^2 = -(x^2))
 *   primary     := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'
 */
import { type Expr, VARIABLE, num, op, sym } from './ast.js';
import { FUNCTION_NAMES, type PrimitiveName, isPrimitiveName, primitive } from './primitives.js';
import { ActlabError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';

/** Longest accepted expression text, in characters. */
export const MAX_TEXT_LENGTH = 4000;
/** Deepest accepted nesting: parentheses, function calls, conditionals, prefix signs and powers each add a level. */
export const MAX_DEPTH = 64;
/** Most AST nodes accepted. */
export const MAX_NODES = 4000;

/** Names that are constants of the language. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** A syntax or name error, with the 1-based column where it was found. */
export class ExpressionError extends ActlabError {
  /** 1-based column in the text. */
  readonly column: number;
  /** The text that was parsed. */
  readonly text: string;
  /** The problem alone, without the position. */
  readonly problem: string;

  constructor(text: string, column: number, problem: string) {
    super(`cannot read expression "${clip(text)}" at column ${column}: ${problem}`);
    this.name = 'ExpressionError';
    this.text = text;
    this.column = column;
    this.problem = problem;
  }

  /** The text with a caret under the column, for multi-line displays (the explorer, `--debug`). */
  get caret(): string {
    return `${this.text}\n${' '.repeat(Math.max(0, this.column - 1))}^`;
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

/** A parameter declared in the text (`; beta=1.5`). */
export interface Declaration {
  readonly name: string;
  readonly value: number;
}

/** What the parser returns. */
export interface ParseResult {
  readonly expr: Expr;
  /** Parameters declared after `;`, in order. */
  readonly declarations: readonly Declaration[];
}

/** Options of `parse`. */
export interface ParseOptions {
  /** Parameter names the expression may use besides `x` (a catalog entry's params). */
  readonly params?: readonly string[];
  /** Accept `; name=value` declarations (custom expressions). Default true. */
  readonly declarations?: boolean;
  /**
   * Names of functions defined outside the primitive table (catalog entries used inside another entry's
   * expression, `x*relu6(x + 3)/6`): the hook returns how many arguments the name takes and how to expand
   * a call into an expression of primitives, or undefined for an unknown name. Primitives come first.
   */
  readonly functions?: (name: string) => FunctionRef | undefined;
}

/** A function the parser expands in place (see ParseOptions.functions). */
export interface FunctionRef {
  /** Fewest and most arguments accepted. */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The expression that replaces the call, given the parsed arguments. */
  expand(args: readonly Expr[]): Expr;
}

type TokenKind = 'num' | 'name' | 'op' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: number;
  /** 0-based offset. */
  readonly at: number;
}

const OPERATORS = ['**', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '^', '(', ')', ',', '?', ':', '<', '>', '!', ';', '='];
const RESERVED = new Set([VARIABLE, ...Object.keys(CONSTANTS), ...FUNCTION_NAMES]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const numMatch = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (numMatch) {
      const s = numMatch[0];
      const after = text[i + s.length];
      if (after !== undefined && /[A-Za-z_.\d]/.test(after)) {
        throw new ExpressionError(text, i + s.length + 1, `unexpected '${after}' after the number ${s}; separate a number and a name with an operator, e.g. 2*x`);
      }
      tokens.push({ kind: 'num', text: s, value: Number(s), at: i });
      i += s.length;
      continue;
    }
    const nameMatch = /^[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(i, i + 65));
    if (nameMatch) {
      if (nameMatch[0].length > 64) throw new ExpressionError(text, i + 1, 'a name longer than 64 characters');
      tokens.push({ kind: 'name', text: nameMatch[0], value: 0, at: i });
      i += nameMatch[0].length;
      continue;
    }
    const o = OPERATORS.find((s) => text.startsWith(s, i));
    if (o) {
      tokens.push({ kind: 'op', text: o, value: 0, at: i });
      i += o.length;
      continue;
    }
    const shown = c.charCodeAt(0) < 32 ? `character code ${c.charCodeAt(0)}` : `'${c}'`;
    throw new ExpressionError(text, i + 1, `unexpected ${shown}; expressions use numbers, x, parameter names, functions and + - * / ^ < > ? :`);
  }
  tokens.push({ kind: 'end', text: '', value: 0, at: text.length });
  return tokens;
}

function describe(t: Token): string {
  return t.kind === 'end' ? 'the end of the expression' : `'${t.text}'`;
}

const COMPARISONS: Readonly<Record<string, PrimitiveName>> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '==': 'eq', '!=': 'ne' };

class Parser {
  private pos = 0;
  private depth = -1;
  private nodes = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly names: ReadonlySet<string>,
    private readonly functions?: (name: string) => FunctionRef | undefined,
  ) {}

  private get peek(): Token {
    return this.tokens[this.pos];
  }

  private fail(t: Token, problem: string): never {
    throw new ExpressionError(this.text, t.at + 1, problem);
  }

  private take(): Token {
    return this.tokens[this.pos++];
  }

  private accept(text: string): boolean {
    const t = this.peek;
    if (t.kind === 'op' && t.text === text) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(text: string, context: string): void {
    if (!this.accept(text)) this.fail(this.peek, `expected '${text}' ${context} but found ${describe(this.peek)}`);
  }

  private node<T extends Expr>(e: T): T {
    if (++this.nodes > MAX_NODES) this.fail(this.peek, `the expression is too large (more than ${MAX_NODES} parts); simplify it`);
    return e;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(this.peek, `the expression is nested too deeply (more than ${MAX_DEPTH} levels of parentheses, calls, signs and powers); simplify it`);
  }

  /** The expression up to `;` or the end. */
  parseAll(): Expr {
    const e = this.expression();
    const t = this.peek;
    if (!(t.kind === 'end' || (t.kind === 'op' && t.text === ';'))) {
      this.fail(t, `unexpected ${describe(t)}; expected an operator or the end of the expression`);
    }
    return e;
  }

  get position(): number {
    return this.pos;
  }

  expression(): Expr {
    this.enter();
    const cond = this.or();
    let result = cond;
    if (this.accept('?')) {
      const a = this.expression();
      this.expect(':', "after the '?' branch of a conditional");
      const b = this.expression();
      result = this.node(op('select', cond, a, b));
    }
    this.depth--;
    return result;
  }

  private or(): Expr {
    let e = this.and();
    while (this.accept('||')) e = this.node(op('or', e, this.and()));
    return e;
  }

  private and(): Expr {
    let e = this.compare();
    while (this.accept('&&')) e = this.node(op('and', e, this.compare()));
    return e;
  }

  private compare(): Expr {
    const e = this.sum();
    const t = this.peek;
    if (t.kind === 'op' && COMPARISONS[t.text]) {
      this.pos++;
      const r = this.node(op(COMPARISONS[t.text], e, this.sum()));
      const n = this.peek;
      if (n.kind === 'op' && COMPARISONS[n.text]) this.fail(n, `comparisons cannot be chained; write a < x && x < b`);
      return r;
    }
    return e;
  }

  private sum(): Expr {
    let e = this.product();
    for (;;) {
      if (this.accept('+')) e = this.node(op('add', e, this.product()));
      else if (this.accept('-')) e = this.node(op('sub', e, this.product()));
      else return e;
    }
  }

  private product(): Expr {
    let e = this.unary();
    for (;;) {
      if (this.accept('*')) e = this.node(op('mul', e, this.unary()));
      else if (this.accept('/')) e = this.node(op('div', e, this.unary()));
      else return e;
    }
  }

  private unary(): Expr {
    let e: Expr;
    if (this.accept('-')) {
      this.enter();
      const a = this.unary();
      e = a.kind === 'num' && !a.name ? this.node(num(-a.value)) : this.node(op('neg', a));
      this.depth--;
    } else if (this.accept('+')) {
      this.enter();
      e = this.unary();
      this.depth--;
    } else if (this.accept('!')) {
      this.enter();
      e = this.node(op('not', this.unary()));
      this.depth--;
    } else e = this.power();
    return e;
  }

  private power(): Expr {
    const base = this.primary();
    if (this.accept('^') || this.accept('**')) {
      this.enter();
      const e = this.node(op('pow', base, this.unary()));
      this.depth--;
      return e;
    }
    return base;
  }

  private primary(): Expr {
    const t = this.take();
    if (t.kind === 'num') {
      if (!Number.isFinite(t.value)) this.fail(t, `the number ${t.text} is too large for a double; use a smaller number`);
      return this.node(num(t.value));
    }
    if (t.kind === 'op' && t.text === '(') {
      const e = this.expression();
      if (!this.accept(')')) this.fail(this.peek, `expected ')' to close the '(' at column ${t.at + 1} but found ${describe(this.peek)}`);
      return e;
    }
    if (t.kind === 'name') {
      const isCall = this.peek.kind === 'op' && this.peek.text === '(';
      if (isCall) return this.call(t);
      if (t.text === VARIABLE || this.names.has(t.text)) return this.node(sym(t.text));
      if (Object.hasOwn(CONSTANTS, t.text)) return this.node({ kind: 'num', value: CONSTANTS[t.text], name: t.text as 'pi' | 'e' });
      if (isPrimitiveName(t.text) && FUNCTION_NAMES.includes(t.text)) this.fail(t, `'${t.text}' is a function; call it as ${t.text}(x)`);
      const known = [VARIABLE, ...this.names, ...Object.keys(CONSTANTS)];
      this.fail(
        t,
        `unknown name '${t.text}';${didYouMean(t.text, known) || ''} the names here are ${known.join(', ')}; declare a parameter after ';' as in x*sigmoid(beta*x); beta=1`,
      );
    }
    if (t.kind === 'end') this.fail(t, 'the expression ends too early: expected a number, x, a name or \'(\'');
    this.fail(t, `unexpected ${describe(t)}; expected a number, x, a name or '('`);
  }

  private call(name: Token): Expr {
    const p = isPrimitiveName(name.text) ? primitive(name.text) : undefined;
    const ref = !p && this.functions ? this.functions(name.text) : undefined;
    if (ref) return this.expandCall(name, ref);
    if (!p || p.syntax !== 'function') {
      this.fail(name, `unknown function '${name.text}';${didYouMean(name.text, FUNCTION_NAMES)} functions: ${FUNCTION_NAMES.join(', ')}`);
    }
    this.expect('(', `after the function name '${name.text}'`);
    const args: Expr[] = [];
    if (!(this.peek.kind === 'op' && this.peek.text === ')')) {
      do args.push(this.expression());
      while (this.accept(','));
    }
    if (!this.accept(')')) this.fail(this.peek, `expected ',' or ')' in the arguments of ${name.text}(...) but found ${describe(this.peek)}`);
    if (args.length !== p.arity) {
      this.fail(name, `${name.text} takes ${p.arity} argument${p.arity === 1 ? '' : 's'} but was given ${args.length}`);
    }
    if (p.name === 'sinc_d') {
      const n = args[0];
      if (n.kind !== 'num' || !Number.isInteger(n.value) || n.value < 0 || n.value > 8) this.fail(name, 'the first argument of sinc_d must be a whole number from 0 to 8');
    }
    return this.node(op(p.name, ...args));
  }

  private expandCall(name: Token, ref: FunctionRef): Expr {
    this.expect('(', `after the function name '${name.text}'`);
    const args: Expr[] = [];
    if (!(this.peek.kind === 'op' && this.peek.text === ')')) {
      do args.push(this.expression());
      while (this.accept(','));
    }
    if (!this.accept(')')) this.fail(this.peek, `expected ',' or ')' in the arguments of ${name.text}(...) but found ${describe(this.peek)}`);
    if (args.length < ref.minArgs || args.length > ref.maxArgs) {
      const n = ref.minArgs === ref.maxArgs ? `${ref.minArgs}` : `${ref.minArgs} to ${ref.maxArgs}`;
      this.fail(name, `${name.text} takes ${n} argument${ref.maxArgs === 1 ? '' : 's'} but was given ${args.length}`);
    }
    return this.node(ref.expand(args));
  }
}

/** Parses an expression text (with optional `; name=value` parameter declarations). */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') throw new ActlabError('an expression must be text; pass a string like "x*sigmoid(x)"');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ExpressionError(text, MAX_TEXT_LENGTH + 1, `the expression is longer than ${MAX_TEXT_LENGTH} characters; shorten it`);
  }
  if (text.trim() === '') throw new ExpressionError(text, 1, 'the expression is empty; write one in x, e.g. x*sigmoid(x)');
  const tokens = tokenize(text);
  // Declarations come first in the token stream order only after ';', so collect them before parsing the body.
  const semi = tokens.findIndex((t) => t.kind === 'op' && t.text === ';');
  const declarations: Declaration[] = [];
  if (semi >= 0) {
    if (options.declarations === false) throw new ExpressionError(text, tokens[semi].at + 1, "unexpected ';': this expression takes no parameter declarations");
    let i = semi;
    while (tokens[i].kind === 'op' && tokens[i].text === ';') {
      const name = tokens[i + 1];
      if (name.kind === 'end') break; // a trailing ';' is harmless
      if (name.kind !== 'name') throw new ExpressionError(text, name.at + 1, `expected a parameter name after ';' but found ${describe(name)}; declare parameters as ; beta=1.5`);
      if (RESERVED.has(name.text)) throw new ExpressionError(text, name.at + 1, `'${name.text}' cannot be a parameter name: it is the variable, a constant or a function`);
      if (declarations.some((d) => d.name === name.text) || options.params?.includes(name.text)) {
        throw new ExpressionError(text, name.at + 1, `the parameter '${name.text}' is declared twice`);
      }
      const eq = tokens[i + 2];
      if (!(eq.kind === 'op' && eq.text === '=')) throw new ExpressionError(text, eq.at + 1, `expected '=' after the parameter name '${name.text}' but found ${describe(eq)}`);
      let j = i + 3;
      let sign = 1;
      if (tokens[j].kind === 'op' && (tokens[j].text === '-' || tokens[j].text === '+')) {
        sign = tokens[j].text === '-' ? -1 : 1;
        j++;
      }
      const v = tokens[j];
      if (v.kind !== 'num' || !Number.isFinite(v.value)) throw new ExpressionError(text, v.at + 1, `expected a number as the value of '${name.text}' but found ${describe(v)}`);
      declarations.push({ name: name.text, value: sign * v.value });
      i = j + 1;
      if (!(tokens[i].kind === 'end' || (tokens[i].kind === 'op' && tokens[i].text === ';'))) {
        throw new ExpressionError(text, tokens[i].at + 1, `unexpected ${describe(tokens[i])} after the value of '${name.text}'; separate declarations with ';'`);
      }
    }
  }
  for (const p of options.params ?? []) {
    if (RESERVED.has(p)) throw new ActlabError(`'${p}' cannot be a parameter name: it is the variable, a constant or a function`);
  }
  const names = new Set([...(options.params ?? []), ...declarations.map((d) => d.name)]);
  const parser = new Parser(text, semi >= 0 ? [...tokens.slice(0, semi), { kind: 'end', text: '', value: 0, at: tokens[semi].at }] : tokens, names, options.functions);
  const expr = parser.parseAll();
  return { expr, declarations };
}

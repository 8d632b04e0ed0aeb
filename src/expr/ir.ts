/**
 * The intermediate representation every target renders from: a linear SSA list of instructions.
 *
 * `lower` turns (already simplified) expression trees into one `Program`: every node is type-checked
 * first (a number is a finite-or-not JavaScript number, a name is `x` or a declared parameter, an
 * operator is a primitive of the table with its arity), structurally equal subtrees become one
 * instruction (common subexpressions once, across all roots), operators on constants are folded with the
 * primitive's own evaluation (so folding never changes a value), and each instruction says whether it
 * depends on x (`varying`; the rest can be computed once per call) and whether it is a comparison/logic
 * value (`boolean`). The walk is iterative: no tree depth can overflow the stack.
 *
 * Renderers (src/expr/render/*, src/expr/compile.ts, src/expr/printCode.ts, and the WebAssembly and
 * export targets) each hold a `Record<PrimitiveName, …>` of lowerings and walk `instrs` in order.
 */
import type { Expr } from './ast.js';
import { VARIABLE } from './ast.js';
import { type PrimitiveName, PRIMITIVE_TABLE, isPrimitiveName } from './primitives.js';
import { ActlabError } from '../util/errors.js';

export type { PrimitiveName } from './primitives.js';

/** One SSA instruction; `args` are indices of earlier instructions. */
export type Instr =
  | { readonly kind: 'x' }
  | { readonly kind: 'const'; readonly value: number; readonly name?: 'pi' | 'e' }
  | { readonly kind: 'param'; readonly index: number; readonly name: string }
  | { readonly kind: 'op'; readonly op: PrimitiveName; readonly args: readonly number[] };

/** A lowered, CSE'd, constant-folded program with several outputs (e.g. f, f', df/dp...). */
export interface Program {
  readonly instrs: readonly Instr[];
  /** Instruction index of each output, in the order the roots were given. */
  readonly outputs: readonly number[];
  /** Parameter names, in index order. */
  readonly params: readonly string[];
  /** varying[i]: instruction i depends on x (false: hoistable, computed once per call). */
  readonly varying: readonly boolean[];
  /** boolean[i]: instruction i is a comparison/logic value (1 or 0, NaN on a NaN operand). */
  readonly boolean: readonly boolean[];
  /** uses[i]: how many times instruction i is an argument of a later instruction (outputs not counted). */
  readonly uses: readonly number[];
}

/** How `lower` folds operators whose arguments are all constants. */
export type FoldMode =
  /** Every such operator (compiled code: fastest). */
  | 'all'
  /** Only where no argument is a named constant (pi, e), so printed formulas keep `pi` (printed code). */
  | 'plain'
  /** Never (text and LaTeX show the tree as it is). */
  | 'none';

/** Options of {@link lower}. */
export interface LowerOptions {
  readonly fold?: FoldMode;
  /** Most instructions accepted (default {@link MAX_INSTRUCTIONS}); more is an {@link ExpressionSizeError}. */
  readonly maxInstructions?: number;
}

/** Most instructions one program may have (after common subexpressions are merged). */
export const MAX_INSTRUCTIONS = 50_000;

/** A node that is not a well-formed expression (library input that the parser did not build). */
export class InvalidExpressionError extends ActlabError {
  constructor(problem: string) {
    super(`invalid expression node: ${problem}; build expressions with parse() or the num/sym/op constructors`);
    this.name = 'InvalidExpressionError';
  }
}

/** A derived expression (derivative, simplified form, program) larger than a stated limit. */
export class ExpressionSizeError extends ActlabError {
  constructor(what: string, limit: number, name: string) {
    super(`${what} is too large: more than ${limit} ${name}; simplify the expression or use a shorter one`);
    this.name = 'ExpressionSizeError';
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 37)}...` : v}'`;
  if (v === null) return 'null';
  return typeof v;
}

/** Checks one node's own fields (not its children); returns its children. */
function checkNode(e: unknown, params: ReadonlySet<string>): readonly Expr[] {
  if (typeof e !== 'object' || e === null) throw new InvalidExpressionError(`expected an object, got ${describe(e)}`);
  const n = e as { kind?: unknown; value?: unknown; name?: unknown; op?: unknown; args?: unknown };
  if (n.kind === 'num') {
    if (typeof n.value !== 'number') throw new InvalidExpressionError(`a number node's value must be a number, got ${describe(n.value)}`);
    if (n.name !== undefined && n.name !== 'pi' && n.name !== 'e') throw new InvalidExpressionError(`a number node's name must be 'pi' or 'e', got ${describe(n.name)}`);
    return [];
  }
  if (n.kind === 'sym') {
    if (typeof n.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n.name)) {
      throw new InvalidExpressionError(`a name node's name must be an identifier, got ${describe(n.name)}`);
    }
    if (n.name !== VARIABLE && !params.has(n.name)) throw new InvalidExpressionError(`unknown name ${describe(n.name)} (not x and not a declared parameter)`);
    return [];
  }
  if (n.kind === 'op') {
    if (!isPrimitiveName(n.op)) throw new InvalidExpressionError(`unknown operator ${describe(n.op)}`);
    const p = PRIMITIVE_TABLE[n.op];
    if (!Array.isArray(n.args) || n.args.length !== p.arity) {
      throw new InvalidExpressionError(`'${n.op}' takes ${p.arity} argument${p.arity === 1 ? '' : 's'}`);
    }
    return n.args as Expr[];
  }
  throw new InvalidExpressionError(`unknown node kind ${describe(n.kind)}`);
}

function constKey(value: number, name: string | undefined): string {
  return `c${Object.is(value, -0) ? '-0' : String(value)}${name ?? ''}`;
}

/**
 * Lowers expressions (in x and the named parameters) to one Program. Throws InvalidExpressionError on a
 * malformed node and ExpressionSizeError past `maxInstructions`.
 */
export function lower(roots: readonly Expr[], params: readonly string[], options: LowerOptions = {}): Program {
  const fold = options.fold ?? 'all';
  const limit = options.maxInstructions ?? MAX_INSTRUCTIONS;
  const paramSet = new Set<string>();
  for (const p of params) {
    if (typeof p !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) || p === VARIABLE || paramSet.has(p)) {
      throw new InvalidExpressionError(`parameter names must be distinct identifiers other than x, got ${describe(p)}`);
    }
    paramSet.add(p);
  }
  const instrs: Instr[] = [];
  const varying: boolean[] = [];
  const boolean: boolean[] = [];
  const uses: number[] = [];
  const byKey = new Map<string, number>();
  const byNode = new Map<Expr, number>();

  const intern = (key: string, make: () => Instr, vary: boolean, bool: boolean): number => {
    const hit = byKey.get(key);
    if (hit !== undefined) return hit;
    if (instrs.length >= limit) throw new ExpressionSizeError('the compiled program', limit, 'instructions');
    const i = instrs.length;
    const ins = make();
    instrs.push(ins);
    varying.push(vary);
    boolean.push(bool);
    uses.push(0);
    if (ins.kind === 'op') for (const a of ins.args) uses[a]++;
    byKey.set(key, i);
    return i;
  };
  const constant = (value: number, name?: 'pi' | 'e'): number =>
    intern(constKey(value, name), () => (name === undefined ? { kind: 'const', value } : { kind: 'const', value, name }), false, false);

  const visitRoot = (root: Expr): number => {
    // Iterative post-order: a frame is a node whose children are being lowered.
    const stack: { e: Expr; kids: readonly Expr[]; next: number }[] = [];
    const enter = (e: Expr): number | undefined => {
      const hit = byNode.get(e);
      if (hit !== undefined) return hit;
      const kids = checkNode(e, paramSet);
      if (e.kind === 'num') {
        const i = constant(e.value, e.name);
        byNode.set(e, i);
        return i;
      }
      if (e.kind === 'sym') {
        const i = e.name === VARIABLE
          ? intern('x', () => ({ kind: 'x' }), true, false)
          : intern(`p${e.name}`, () => ({ kind: 'param', index: params.indexOf(e.name), name: e.name }), false, false);
        byNode.set(e, i);
        return i;
      }
      stack.push({ e, kids, next: 0 });
      return undefined;
    };
    let result = enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next];
        if (enter(kid) !== undefined) top.next++;
        else if (stack.length > 1_000_000) throw new ExpressionSizeError('the expression', 1_000_000, 'levels of nesting');
        continue;
      }
      stack.pop();
      const e = top.e;
      if (e.kind !== 'op') continue;
      const args = top.kids.map((k) => byNode.get(k) as number);
      const i = opInstr(e.op, args);
      byNode.set(e, i);
      result = i;
      if (stack.length > 0) stack[stack.length - 1].next++;
    }
    return result as number;
  };

  const opInstr = (name: PrimitiveName, args: number[]): number => {
    const p = PRIMITIVE_TABLE[name];
    const consts = args.map((a) => instrs[a]);
    const foldable =
      fold !== 'none' &&
      consts.every((c) => c.kind === 'const' && (fold === 'all' || c.name === undefined));
    if (foldable) return constant(p.evaluate(consts.map((c) => (c.kind === 'const' ? c.value : Number.NaN))));
    return intern(`${name}(${args.join(',')})`, () => ({ kind: 'op', op: name, args }), args.some((a) => varying[a]), p.boolean);
  };

  const outputs = roots.map(visitRoot);
  return { instrs, outputs, params: [...params], varying, boolean, uses };
}

/** Instructions reachable from the given outputs (a program's outputs may share a prefix). */
export function reachable(program: Program, outputs: readonly number[] = program.outputs): boolean[] {
  const live = new Array<boolean>(program.instrs.length).fill(false);
  for (const o of outputs) live[o] = true;
  for (let i = program.instrs.length - 1; i >= 0; i--) {
    const ins = program.instrs[i];
    if (live[i] && ins.kind === 'op') for (const a of ins.args) live[a] = true;
  }
  return live;
}

/** The IR interpreter: the value of every output at x with parameter values p (for tests and analysis). */
export function run(program: Program, x: number, p: ArrayLike<number>): number[] {
  const v = new Float64Array(program.instrs.length);
  program.instrs.forEach((ins, i) => {
    if (ins.kind === 'x') v[i] = x;
    else if (ins.kind === 'const') v[i] = ins.value;
    else if (ins.kind === 'param') v[i] = p[ins.index] ?? Number.NaN;
    else v[i] = PRIMITIVE_TABLE[ins.op].evaluate(ins.args.map((a) => v[a]));
  });
  return program.outputs.map((o) => v[o]);
}

/** Names other than x that an expression mentions, in first-seen order (iterative). */
export function namesOf(e: Expr): string[] {
  const out: string[] = [];
  const seen = new Set<Expr>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const n = stack.pop() as Expr;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'sym') {
      if (n.name !== VARIABLE && !out.includes(n.name)) out.push(n.name);
    } else if (n.kind === 'op' && Array.isArray(n.args)) for (let i = n.args.length - 1; i >= 0; i--) stack.push(n.args[i]);
  }
  return out;
}

/**
 * Stable rewriting: naive forms of functions that have a stable primitive are replaced by that
 * primitive, so a formula typed by a user is as accurate as the catalog's. Unlike `simplify`, these
 * rewrites change values — for the better: `log(1 + exp(x))` is ∞ beyond x ≈ 709.78 in f64 and 0 below
 * x ≈ −37, `softplus(x)` is right everywhere. Each rewrite is reported (`show` lists them).
 *
 * The rules (u, v any subexpressions; commuted sums are matched too):
 *   log(1 + u) → log1p(u)                 log(1 - u) → log1p(-u)
 *   log1p(exp(u)) → softplus(u)           (so log(1 + exp(u)) → softplus(u))
 *   -softplus(-u) → logsigmoid(u)         log(sigmoid(u)) → logsigmoid(u)
 *   exp(u) - 1 → expm1(u)                 1 - exp(u) → -expm1(u)
 *   1/(1 + exp(-u)) → sigmoid(u)          1/(1 + exp(u)) → sigmoid(-u)
 *   exp(u)/(1 + exp(u)) → sigmoid(u)      1 - sigmoid(u) → sigmoid(-u)
 *   log(exp(u)) → u                       1/cosh(u) → sech(u)
 *   1 - tanh(u)^2 → sech(u)^2             (exp(u) - exp(-u))/(exp(u) + exp(-u)) → tanh(u)
 *   1 - erf(u) → erfc(u)                  1 + erf(u) → erfc(-u)
 *   sqrt(u^2 + v^2) → hypot(u, v)         sin(u)/u → sinc(u)
 * The walk is iterative over the DAG; each rule makes the expression smaller, so it terminates.
 */
import { type Expr, num, op } from './ast.js';
import type { PrimitiveName } from './primitives.js';
import { Interner, MAX_DERIVED_NODES, rebuildBottomUp, simplify } from './simplify.js';
import { toText } from './print.js';

/** One rewrite that was applied. */
export interface StableRewrite {
  /** The rule, e.g. `log(1 + exp(u)) → softplus(u)`. */
  readonly rule: string;
  /** The subexpression as it was. */
  readonly from: string;
  /** What replaced it. */
  readonly to: string;
}

/** The result of {@link stabilize}. */
export interface Stabilized {
  readonly expr: Expr;
  readonly rewrites: readonly StableRewrite[];
}

type OpExpr = Expr & { kind: 'op' };
const isOp = (e: Expr, name: PrimitiveName): e is OpExpr => e.kind === 'op' && e.op === name;
const isNum = (e: Expr, v: number): boolean => e.kind === 'num' && e.value === v && e.name === undefined;
const a0 = (e: Expr): Expr => (e as OpExpr).args[0];
const a1 = (e: Expr): Expr => (e as OpExpr).args[1];

/** The other term of a sum whose one term is the number v (1 + u or u + 1), if any. */
function plusConst(e: Expr, v: number): Expr | undefined {
  if (!isOp(e, 'add')) return undefined;
  if (isNum(a0(e), v)) return a1(e);
  if (isNum(a1(e), v)) return a0(e);
  return undefined;
}

/** u when e is −u (a neg node or a product by −1), else undefined. */
function negated(e: Expr): Expr | undefined {
  if (isOp(e, 'neg')) return a0(e);
  if (isOp(e, 'mul') && isNum(a0(e), -1)) return a1(e);
  return undefined;
}

interface Rule {
  readonly name: string;
  readonly apply: (e: OpExpr, same: (p: Expr, q: Expr) => boolean) => Expr | undefined;
}

const RULES: readonly Rule[] = [
  {
    name: 'log(1 + u) → log1p(u)',
    apply: (e) => {
      if (e.op !== 'log') return undefined;
      const u = plusConst(a0(e), 1);
      if (u) return op('log1p', u);
      if (isOp(a0(e), 'sub') && isNum(a0(a0(e)), 1)) return op('log1p', op('neg', a1(a0(e))));
      return undefined;
    },
  },
  { name: 'log1p(exp(u)) → softplus(u)', apply: (e) => (e.op === 'log1p' && isOp(a0(e), 'exp') ? op('softplus', a0(a0(e))) : undefined) },
  {
    name: '-softplus(-u) → logsigmoid(u)',
    apply: (e) => {
      if (e.op !== 'neg' || !isOp(a0(e), 'softplus')) return undefined;
      const u = negated(a0(a0(e)));
      return u ? op('logsigmoid', u) : undefined;
    },
  },
  { name: 'log(sigmoid(u)) → logsigmoid(u)', apply: (e) => (e.op === 'log' && isOp(a0(e), 'sigmoid') ? op('logsigmoid', a0(a0(e))) : undefined) },
  { name: 'log(exp(u)) → u', apply: (e) => (e.op === 'log' && isOp(a0(e), 'exp') ? a0(a0(e)) : undefined) },
  {
    name: 'exp(u) - 1 → expm1(u)',
    apply: (e) => {
      if (e.op === 'sub' && isOp(e.args[0], 'exp') && isNum(e.args[1], 1)) return op('expm1', a0(e.args[0]));
      if (e.op === 'add' && isNum(e.args[0], -1) && isOp(e.args[1], 'exp')) return op('expm1', a0(e.args[1]));
      if (e.op === 'add' && isNum(e.args[1], -1) && isOp(e.args[0], 'exp')) return op('expm1', a0(e.args[0]));
      return undefined;
    },
  },
  { name: '1 - exp(u) → -expm1(u)', apply: (e) => (e.op === 'sub' && isNum(e.args[0], 1) && isOp(e.args[1], 'exp') ? op('neg', op('expm1', a0(e.args[1]))) : undefined) },
  {
    name: '1/(1 + exp(-u)) → sigmoid(u)',
    apply: (e) => {
      if (e.op !== 'div' || !isNum(e.args[0], 1)) return undefined;
      const t = plusConst(e.args[1], 1);
      if (!t || !isOp(t, 'exp')) return undefined;
      const u = negated(a0(t));
      return u ? op('sigmoid', u) : op('sigmoid', op('neg', a0(t)));
    },
  },
  {
    name: 'exp(u)/(1 + exp(u)) → sigmoid(u)',
    apply: (e, same) => {
      if (e.op !== 'div' || !isOp(e.args[0], 'exp')) return undefined;
      const t = plusConst(e.args[1], 1);
      return t && same(t, e.args[0]) ? op('sigmoid', a0(e.args[0])) : undefined;
    },
  },
  { name: '1 - sigmoid(u) → sigmoid(-u)', apply: (e) => (e.op === 'sub' && isNum(e.args[0], 1) && isOp(e.args[1], 'sigmoid') ? op('sigmoid', op('neg', a0(e.args[1]))) : undefined) },
  { name: '1/cosh(u) → sech(u)', apply: (e) => (e.op === 'div' && isNum(e.args[0], 1) && isOp(e.args[1], 'cosh') ? op('sech', a0(e.args[1])) : undefined) },
  {
    name: '1 - tanh(u)^2 → sech(u)^2',
    apply: (e) => {
      if (e.op !== 'sub' || !isNum(e.args[0], 1)) return undefined;
      const t = e.args[1];
      return isOp(t, 'pow') && isNum(a1(t), 2) && isOp(a0(t), 'tanh') ? op('pow', op('sech', a0(a0(t))), num(2)) : undefined;
    },
  },
  {
    name: '(exp(u) - exp(-u))/(exp(u) + exp(-u)) → tanh(u)',
    apply: (e, same) => {
      if (e.op !== 'div' || !isOp(e.args[0], 'sub') || !isOp(e.args[1], 'add')) return undefined;
      const [p, q] = (e.args[0] as OpExpr).args;
      const [r, s] = (e.args[1] as OpExpr).args;
      if (!(same(p, r) && same(q, s) && isOp(p, 'exp') && isOp(q, 'exp'))) return undefined;
      const u = negated(a0(q));
      return u && same(u, a0(p)) ? op('tanh', a0(p)) : undefined;
    },
  },
  { name: '1 - erf(u) → erfc(u)', apply: (e) => (e.op === 'sub' && isNum(e.args[0], 1) && isOp(e.args[1], 'erf') ? op('erfc', a0(e.args[1])) : undefined) },
  {
    name: '1 + erf(u) → erfc(-u)',
    apply: (e) => {
      const t = plusConst(e, 1);
      return t && isOp(t, 'erf') ? op('erfc', op('neg', a0(t))) : undefined;
    },
  },
  {
    name: 'sqrt(u^2 + v^2) → hypot(u, v)',
    apply: (e, same) => {
      if (e.op !== 'sqrt' || !isOp(a0(e), 'add')) return undefined;
      const sq = (t: Expr): Expr | undefined => {
        if (isOp(t, 'pow') && isNum(a1(t), 2)) return a0(t);
        if (isOp(t, 'mul') && same(a0(t), a1(t))) return a0(t);
        if (isNum(t, 1)) return num(1);
        return undefined;
      };
      const u = sq(a0(a0(e)));
      const v = sq(a1(a0(e)));
      return u && v ? op('hypot', u, v) : undefined;
    },
  },
  { name: 'sin(u)/u → sinc(u)', apply: (e, same) => (e.op === 'div' && isOp(e.args[0], 'sin') && same(a0(e.args[0]), e.args[1]) ? op('sinc', e.args[1]) : undefined) },
];

/**
 * Rewrites naive forms into stable primitives (see the file header) and simplifies the result; returns
 * the new expression and the rewrites applied, outermost last.
 */
export function stabilize(e: Expr, maxNodes: number = MAX_DERIVED_NODES): Stabilized {
  const pool = new Interner(maxNodes, 'the rewritten expression');
  const rewrites: StableRewrite[] = [];
  const seen = new Set<string>();
  const same = (p: Expr, q: Expr): boolean => pool.node(p) === pool.node(q);
  /** Interns a freshly built node (its arguments first). */
  const intern = (n: Expr): Expr => (n.kind === 'op' ? pool.node({ kind: 'op', op: n.op, args: n.args.map(intern) }) : pool.node(n));
  const visit = (n: OpExpr): Expr => {
    let cur: Expr = n;
    for (let guard = 0; guard < 16 && cur.kind === 'op'; guard++) {
      let next: Expr | undefined;
      let rule = '';
      for (const r of RULES) {
        next = r.apply(cur, same);
        if (next) {
          rule = r.name;
          break;
        }
      }
      if (!next) break;
      next = intern(next);
      const from = toText(cur);
      const to = toText(next);
      const last = rewrites[rewrites.length - 1];
      if (last && last.to === from) rewrites[rewrites.length - 1] = { rule: `${last.rule}, then ${rule}`, from: last.from, to };
      else if (!seen.has(`${rule}|${from}`)) rewrites.push({ rule, from, to });
      seen.add(`${rule}|${from}`);
      cur = next;
    }
    return cur;
  };
  const out = rebuildBottomUp(e, (n) => pool.node(n), (n, args) => visit(pool.node({ kind: 'op', op: n.op, args }) as OpExpr));
  return { expr: rewrites.length > 0 ? simplify(out, maxNodes) : e, rewrites };
}

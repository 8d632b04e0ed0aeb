/**
 * Algebraic simplification that never changes a value. Every rule here is an identity of IEEE 754
 * double arithmetic under the language's semantics (src/expr/primitives.ts) — for every input, NaN,
 * ±0, ±∞ and subnormals included — so `evaluate(simplify(e))` is `evaluate(e)`, bit for bit; the
 * differential test (test/expr/semantics.test.ts) holds this. Rules that are only true of real numbers
 * are not here: `x*0 → 0` (NaN at ∞), `x - x → 0`, `c ? a : a → a` (NaN when c is), `x + 0 → x` (−0),
 * reassociation (rounding). What remains: constant folding of arithmetic, exact neutral elements
 * (`x*1`, `x - 0`, `x + -0`, `x^1`, `x^0 = 1`), sign normalisation (`a + -b → a - b`, `-(-a) → a`,
 * `(-a)*b → -(a*b)`), constants to the front of products, division by a power of two as a product,
 * and constant conditions.
 *
 * Stable forms are never rewritten into unstable ones (log1p, expm1, softplus, sigmoid are kept); turning
 * naive forms into stable primitives changes values (for the better) and is a separate, reported step
 * (`stabilize` in src/expr/stabilize.ts).
 *
 * The work is one bottom-up pass over the DAG with hash-consing (structurally equal subtrees become one
 * node, compared by identity): iterative, linear in the number of distinct subtrees, and capped at
 * {@link MAX_DERIVED_NODES}.
 */
import { type Expr, num } from './ast.js';
import { ExpressionSizeError } from './ir.js';
import { type PrimitiveName, PRIMITIVE_TABLE } from './primitives.js';

/** Most distinct subexpressions a simplified or differentiated expression may have. */
export const MAX_DERIVED_NODES = 100_000;

const ARITHMETIC = new Set<PrimitiveName>(['add', 'sub', 'mul', 'div', 'neg', 'pow', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not']);

/** Hash-consing of expression nodes: one object per distinct structure. */
export class Interner {
  private readonly ids = new Map<Expr, number>();
  private readonly table = new Map<string, Expr>();

  constructor(private readonly limit: number, private readonly what: string) {}

  get size(): number {
    return this.table.size;
  }

  /** The canonical node for a leaf or for an operator over canonical arguments. */
  node(e: Expr): Expr {
    const own = this.ids.get(e);
    if (own !== undefined) return e;
    let key: string;
    if (e.kind === 'num') key = `n${Object.is(e.value, -0) ? '-0' : String(e.value)}${e.name ?? ''}`;
    else if (e.kind === 'sym') key = `s${e.name}`;
    else key = `${e.op}(${e.args.map((a) => this.id(a)).join(',')})`;
    const hit = this.table.get(key);
    if (hit) return hit;
    if (this.table.size >= this.limit) throw new ExpressionSizeError(this.what, this.limit, 'distinct subexpressions');
    this.table.set(key, e);
    this.ids.set(e, this.ids.size);
    return e;
  }

  private id(e: Expr): number {
    const i = this.ids.get(e);
    if (i === undefined) throw new Error('Interner: argument not interned');
    return i;
  }
}

const isNum = (e: Expr, v?: number): e is Expr & { kind: 'num' } => e.kind === 'num' && (v === undefined || e.value === v);
const isPlainNum = (e: Expr): boolean => e.kind === 'num' && e.name === undefined;
const isOp = (e: Expr, name: PrimitiveName): e is Expr & { kind: 'op' } => e.kind === 'op' && e.op === name;
const val = (e: Expr): number => (e.kind === 'num' ? e.value : Number.NaN);
const arg = (e: Expr, i: number): Expr => (e.kind === 'op' ? e.args[i] : e);
const isNegZero = (e: Expr): boolean => e.kind === 'num' && Object.is(e.value, -0);
const isPosZero = (e: Expr): boolean => e.kind === 'num' && Object.is(e.value, 0);

/** The simplifier of one call: rules over interned nodes. */
class Simplifier {
  constructor(private readonly pool: Interner) {}

  mk(name: PrimitiveName, args: readonly Expr[]): Expr {
    return this.pool.node({ kind: 'op', op: name, args });
  }

  num(v: number): Expr {
    return this.pool.node(num(v));
  }

  /** Rewrites name(args) (args already simplified and interned). Each rule shrinks or normalises, so this terminates. */
  rw(name: PrimitiveName, a: readonly Expr[]): Expr {
    if (ARITHMETIC.has(name) && a.every(isPlainNum)) {
      const v = PRIMITIVE_TABLE[name].evaluate(a.map(val));
      if (Number.isFinite(v)) return this.num(v);
    }
    const [x, y, z] = a;
    switch (name) {
      case 'add':
        if (isNegZero(y)) return x; // x + -0 = x for every x (+0 + -0 = +0)
        if (isNegZero(x)) return y;
        if (isOp(y, 'neg')) return this.rw('sub', [x, arg(y, 0)]);
        if (isNum(y) && val(y) < 0 && isPlainNum(y)) return this.mk('sub', [x, this.num(-val(y))]);
        if (isOp(x, 'neg')) return this.rw('sub', [y, arg(x, 0)]);
        if (x === y) return this.rw('mul', [this.num(2), x]); // x + x = 2x exactly
        break;
      case 'sub':
        if (isPosZero(y)) return x; // x - 0 = x (−0 − 0 = −0)
        if (isNegZero(x)) return this.rw('neg', [y]); // −0 − y = −y
        if (isOp(y, 'neg')) return this.rw('add', [x, arg(y, 0)]);
        if (isNum(y) && val(y) < 0 && isPlainNum(y)) return this.mk('add', [x, this.num(-val(y))]);
        break;
      case 'mul':
        if (isNum(x, 1) && isPlainNum(x)) return y;
        if (isNum(y, 1) && isPlainNum(y)) return x;
        if (isNum(x, -1) && isPlainNum(x)) return this.rw('neg', [y]);
        if (isNum(y, -1) && isPlainNum(y)) return this.rw('neg', [x]);
        if (isOp(x, 'neg')) return this.rw('neg', [this.rw('mul', [arg(x, 0), y])]);
        if (isOp(y, 'neg')) return this.rw('neg', [this.rw('mul', [x, arg(y, 0)])]);
        if (isNum(y) && !isNum(x)) return this.rw('mul', [y, x]); // constants to the front (commutative, exact)
        break;
      case 'div':
        if (isNum(y, 1) && isPlainNum(y)) return x;
        if (isNum(y, -1) && isPlainNum(y)) return this.rw('neg', [x]);
        if (isOp(x, 'neg')) return this.rw('neg', [this.rw('div', [arg(x, 0), y])]);
        if (isOp(y, 'neg')) return this.rw('neg', [this.rw('div', [x, arg(y, 0)])]);
        if (isNum(y) && isPlainNum(y) && !isNum(x) && exactReciprocal(val(y))) return this.rw('mul', [this.num(1 / val(y)), x]);
        break;
      case 'neg':
        if (isNum(x) && isPlainNum(x)) return this.num(-val(x));
        if (isOp(x, 'neg')) return arg(x, 0);
        if (isOp(x, 'mul') && isNum(arg(x, 0)) && isPlainNum(arg(x, 0))) return this.rw('mul', [this.num(-val(arg(x, 0))), arg(x, 1)]);
        break;
      case 'pow':
        if (isNum(y, 1) && isPlainNum(y)) return x; // Math.pow(x, 1) = x, NaN and −0 included
        if (isNum(y, 0) && isPlainNum(y)) return this.num(1); // Math.pow(x, ±0) = 1, even for NaN
        // (−a)^n = a^n for even whole n (pow is even in its base for even integer exponents)
        if (isOp(x, 'neg') && isNum(y) && Number.isInteger(val(y)) && val(y) % 2 === 0) return this.rw('pow', [arg(x, 0), y]);
        break;
      case 'select':
        if (isNum(x)) return val(x) !== val(x) ? this.num(Number.NaN) : val(x) !== 0 ? y : z;
        if (isOp(x, 'not')) return this.rw('select', [arg(x, 0), z, y]); // NaN stays NaN either way
        break;
      default:
        break;
    }
    return this.mk(name, a);
  }
}

/** True when x / v = x · (1/v) for every x: v a power of two whose reciprocal is representable. */
function exactReciprocal(v: number): boolean {
  if (!Number.isFinite(v) || v === 0) return false;
  const r = 1 / v;
  if (!Number.isFinite(r) || r * v !== 1) return false;
  const m = Math.abs(v);
  return Math.log2(m) === Math.round(Math.log2(m)) && 2 ** Math.round(Math.log2(m)) === m && 2 ** -Math.round(Math.log2(m)) === Math.abs(r);
}

/**
 * Rebuilds `e` bottom up without recursion (any depth): each leaf through `leaf`, each operator node
 * through `node` with its arguments already rebuilt; shared subtrees are rebuilt once.
 */
export function rebuildBottomUp(e: Expr, leaf: (n: Expr) => Expr, node: (n: Extract<Expr, { kind: 'op' }>, args: Expr[]) => Expr): Expr {
  const done = new Map<Expr, Expr>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    if (done.has(n)) {
      stack.pop();
      continue;
    }
    if (n.kind !== 'op') {
      done.set(n, leaf(n));
      stack.pop();
      continue;
    }
    let ready = true;
    for (let i = n.args.length - 1; i >= 0; i--) {
      if (!done.has(n.args[i])) {
        ready = false;
        stack.push(n.args[i]);
      }
    }
    if (!ready) continue;
    stack.pop();
    done.set(n, node(n, n.args.map((a) => done.get(a) as Expr)));
  }
  return done.get(e) as Expr;
}

/** Simplifies an expression without changing its value anywhere (see the file header). */
export function simplify(e: Expr, maxNodes: number = MAX_DERIVED_NODES): Expr {
  const pool = new Interner(maxNodes, 'the simplified expression');
  const s = new Simplifier(pool);
  return rebuildBottomUp(e, (n) => pool.node(n), (n, args) => s.rw(n.op, args));
}

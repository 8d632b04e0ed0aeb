/**
 * Algebraic simplification so that derivatives print readably: constant folding, neutral and absorbing
 * elements, sign normalisation, collection of constant factors, and pruning of conditionals whose two
 * branches are the same. It never rewrites a stable primitive into an unstable form (log1p, expm1,
 * softplus, sigmoid are kept as they are).
 */
import { type Expr, num, op } from './ast.js';
import { keyOf } from './keys.js';
import { type PrimitiveName, primitive } from './primitives.js';

const isNum = (e: Expr, v?: number): boolean => e.kind === 'num' && (v === undefined || e.value === v);
const isOp = (e: Expr, name: string): boolean => e.kind === 'op' && e.op === name;
/** Value of a number node (callers check isNum first). */
const val = (e: Expr): number => (e.kind === 'num' ? e.value : Number.NaN);
/** Arguments of an operator node (callers check isOp first). */
const arg = (e: Expr, i: number): Expr => (e.kind === 'op' ? e.args[i] : e);

/** Simplifies an expression (bottom-up, to a fixed point). */
export function simplify(e: Expr): Expr {
  let current = e;
  for (let i = 0; i < 8; i++) {
    const next = pass(current, new Map());
    if (keyOf(next) === keyOf(current)) return next;
    current = next;
  }
  return current;
}

function pass(e: Expr, memo: Map<Expr, Expr>): Expr {
  const hit = memo.get(e);
  if (hit) return hit;
  let out: Expr = e;
  if (e.kind === 'op') {
    const args = e.args.map((a) => pass(a, memo));
    out = rewrite(e.op, args);
  }
  memo.set(e, out);
  return out;
}

const ARITHMETIC = new Set<PrimitiveName>(['add', 'sub', 'mul', 'div', 'neg', 'pow', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not']);

function same(a: Expr, b: Expr): boolean {
  return keyOf(a) === keyOf(b);
}

function rewrite(name: PrimitiveName, a: Expr[]): Expr {
  // Constant folding of arithmetic on plain numbers; functions of constants (sqrt(2), log(2)) and the named
  // constants pi and e are kept symbolic so that formulas stay readable.
  if (a.length > 0 && ARITHMETIC.has(name) && a.every((x) => x.kind === 'num' && x.name === undefined)) {
    const v = primitive(name).evaluate(a.map((x) => (x as { value: number }).value));
    if (Number.isFinite(v)) return num(v);
  }
  const [x, y, z] = a;
  switch (name) {
    case 'add':
      if (isNum(x, 0)) return y;
      if (isNum(y, 0)) return x;
      if (isOp(y, 'neg')) return rewrite('sub', [x, arg(y, 0)]);
      if (isNum(y) && val(y) < 0) return op('sub', x, num(-val(y)));
      if (isOp(x, 'neg')) return rewrite('sub', [y, arg(x, 0)]);
      if (same(x, y)) return rewrite('mul', [num(2), x]);
      break;
    case 'sub':
      if (isNum(y, 0)) return x;
      if (isNum(x, 0)) return rewrite('neg', [y]);
      if (isOp(y, 'neg')) return rewrite('add', [x, arg(y, 0)]);
      if (isNum(y) && val(y) < 0) return op('add', x, num(-val(y)));
      if (same(x, y)) return num(0);
      break;
    case 'mul': {
      if (isNum(x, 0) || isNum(y, 0)) return num(0);
      if (isNum(x, 1)) return y;
      if (isNum(y, 1)) return x;
      if (isNum(x, -1)) return rewrite('neg', [y]);
      if (isNum(y, -1)) return rewrite('neg', [x]);
      if (isOp(x, 'neg')) return rewrite('neg', [rewrite('mul', [arg(x, 0), y])]);
      if (isOp(y, 'neg')) return rewrite('neg', [rewrite('mul', [x, arg(y, 0)])]);
      // Constants to the front: y*2 -> 2*y; 2*(3*y) -> 6*y; (2*a)*b -> 2*(a*b)
      if (isNum(y) && !isNum(x)) return rewrite('mul', [y, x]);
      if (isNum(x) && isOp(y, 'mul') && isNum(arg(y, 0))) return rewrite('mul', [rewrite('mul', [x, arg(y, 0)]), arg(y, 1)]);
      if (!isNum(x) && isOp(x, 'mul') && isNum(arg(x, 0))) return rewrite('mul', [arg(x, 0), rewrite('mul', [arg(x, 1), y])]);
      if (!isNum(x) && isOp(y, 'mul') && isNum(arg(y, 0))) return rewrite('mul', [arg(y, 0), rewrite('mul', [x, arg(y, 1)])]);
      if (same(x, y)) return op('pow', x, num(2));
      // Equal factors into powers (whole exponents only): a*(a*b) -> a^2*b, a^m*a^n -> a^(m+n)
      if (isOp(y, 'mul') && same(x, arg(y, 0))) return rewrite('mul', [op('pow', x, num(2)), arg(y, 1)]);
      {
        const [bx, ex] = wholePower(x);
        const [by, ey] = wholePower(y);
        if ((ex !== 1 || ey !== 1) && same(bx, by)) return rewrite('pow', [bx, num(ex + ey)]);
        if (isOp(y, 'mul')) {
          const [bz, ez] = wholePower(arg(y, 0));
          if ((ex !== 1 || ez !== 1) && same(bx, bz)) return rewrite('mul', [rewrite('pow', [bx, num(ex + ez)]), arg(y, 1)]);
        }
      }
      // a * (1/b) -> a/b
      if (isOp(y, 'div') && isNum(arg(y, 0), 1)) return rewrite('div', [x, arg(y, 1)]);
      if (isOp(x, 'div') && isNum(arg(x, 0), 1)) return rewrite('div', [y, arg(x, 1)]);
      break;
    }
    case 'div':
      if (isNum(x, 0) && !isNum(y, 0)) return num(0);
      if (isNum(y, 1)) return x;
      if (isNum(y, -1)) return rewrite('neg', [x]);
      if (isOp(x, 'neg')) return rewrite('neg', [rewrite('div', [arg(x, 0), y])]);
      if (isOp(y, 'neg')) return rewrite('neg', [rewrite('div', [x, arg(y, 0)])]);
      if (isNum(y) && val(y) !== 0 && !isNum(x) && Number.isFinite(1 / val(y)) && isExactReciprocal(val(y))) {
        return rewrite('mul', [num(1 / val(y)), x]);
      }
      // (a/b)/b -> a/b^2
      if (isOp(x, 'div') && same(arg(x, 1), y)) return rewrite('div', [arg(x, 0), rewrite('pow', [y, num(2)])]);
      if (same(x, y)) break; // x/x is not 1 at x = 0
      break;
    case 'neg':
      if (isNum(x)) return num(-val(x));
      if (isOp(x, 'neg')) return arg(x, 0);
      if (isOp(x, 'sub')) return op('sub', arg(x, 1), arg(x, 0));
      if (isOp(x, 'mul') && isNum(arg(x, 0))) return rewrite('mul', [num(-val(arg(x, 0))), arg(x, 1)]);
      break;
    case 'pow':
      if (isNum(y, 1)) return x;
      // (-a)^n = a^n for even whole n
      if (isOp(x, 'neg') && isNum(y) && Number.isInteger(val(y)) && val(y) % 2 === 0) return rewrite('pow', [arg(x, 0), y]);
      if (isNum(y, 0)) return num(1);
      if (isOp(x, 'pow') && isNum(arg(x, 1)) && isNum(y) && Number.isInteger(val(arg(x, 1))) && Number.isInteger(val(y))) {
        return op('pow', arg(x, 0), num(val(arg(x, 1)) * val(y)));
      }
      break;
    case 'select':
      if (isNum(x)) return val(x) !== 0 ? y : z;
      if (same(y, z)) return y;
      break;
    default:
      break;
  }
  return op(name, ...a);
}

/** An expression as base^n with n a whole number from 2 to 64 (a plain a is a^1). */
function wholePower(e: Expr): [Expr, number] {
  if (isOp(e, 'pow') && isNum(arg(e, 1))) {
    const n = val(arg(e, 1));
    if (Number.isInteger(n) && n >= 2 && n <= 64) return [arg(e, 0), n];
  }
  return [e, 1];
}

/** True when 1/v is exact in binary floating point (v a power of two), so x/v → (1/v)*x loses nothing. */
function isExactReciprocal(v: number): boolean {
  const m = Math.abs(v);
  return Math.log2(m) === Math.round(Math.log2(m));
}

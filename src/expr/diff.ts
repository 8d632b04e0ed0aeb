/**
 * Symbolic differentiation: the chain rule applied through the primitive table, then simplification.
 */
import { type Expr, num } from './ast.js';
import { primitive } from './primitives.js';
import { simplify } from './simplify.js';

/** d e / d name, unsimplified; memoised over shared subtrees. */
function derive(e: Expr, name: string, memo: Map<Expr, Expr>): Expr {
  const hit = memo.get(e);
  if (hit) return hit;
  let d: Expr;
  if (e.kind === 'num') d = num(0);
  else if (e.kind === 'sym') d = num(e.name === name ? 1 : 0);
  else {
    const p = primitive(e.op);
    if (p.boolean) d = num(0);
    else {
      const ds = e.args.map((a) => derive(a, name, memo));
      d = ds.every((x) => x.kind === 'num' && x.value === 0) ? num(0) : p.diff(e.args, ds);
    }
  }
  memo.set(e, d);
  return d;
}

/** The simplified derivative of `e` with respect to the variable or parameter `name`. */
export function diff(e: Expr, name: string): Expr {
  return simplify(derive(e, name, new Map()));
}

/**
 * Symbolic differentiation: the chain rule applied through the primitive table (whose rules build the
 * derivative without terms that are a literal zero), then simplification. Iterative over the DAG (any
 * depth; a shared subtree is differentiated once) and capped at MAX_DERIVED_NODES new nodes.
 */
import { type Expr, num } from './ast.js';
import { ExpressionSizeError } from './ir.js';
import { primitive } from './primitives.js';
import { MAX_DERIVED_NODES, simplify } from './simplify.js';

/** d e / d name, unsimplified; memoised over shared subtrees. */
function derive(e: Expr, name: string, maxNodes: number): Expr {
  const memo = new Map<Expr, Expr>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    if (n.kind === 'num') {
      memo.set(n, num(0));
      stack.pop();
      continue;
    }
    if (n.kind === 'sym') {
      memo.set(n, num(n.name === name ? 1 : 0));
      stack.pop();
      continue;
    }
    const p = primitive(n.op);
    if (p.boolean) {
      memo.set(n, num(0));
      stack.pop();
      continue;
    }
    let ready = true;
    for (let i = n.args.length - 1; i >= 0; i--) {
      if (!memo.has(n.args[i])) {
        ready = false;
        stack.push(n.args[i]);
      }
    }
    if (!ready) continue;
    stack.pop();
    const ds = n.args.map((a) => memo.get(a) as Expr);
    memo.set(n, ds.every((x) => x.kind === 'num' && x.value === 0) ? num(0) : p.diff(n.args, ds));
    if (memo.size > maxNodes) throw new ExpressionSizeError('the derivative', maxNodes, 'distinct subexpressions');
  }
  return memo.get(e) as Expr;
}

/** The simplified derivative of `e` with respect to the variable or parameter `name`. */
export function diff(e: Expr, name: string, maxNodes: number = MAX_DERIVED_NODES): Expr {
  return simplify(derive(e, name, maxNodes), maxNodes);
}

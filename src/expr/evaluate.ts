/**
 * A straightforward f64 interpreter over the AST: the definition of the language's values (each
 * primitive's `evaluate` in the table), which compiled code, the simplifier and every renderer are
 * tested against. The walk is iterative (any depth) and evaluates a shared subtree once.
 */
import type { Expr } from './ast.js';
import { primitive } from './primitives.js';

/** Evaluates `e` with the given values of `x` and the parameters (missing names evaluate to NaN). */
export function evaluate(e: Expr, env: Readonly<Record<string, number>>): number {
  const values = new Map<Expr, number>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    if (values.has(n)) {
      stack.pop();
      continue;
    }
    if (n.kind === 'num') {
      values.set(n, n.value);
      stack.pop();
    } else if (n.kind === 'sym') {
      values.set(n, Object.prototype.hasOwnProperty.call(env, n.name) ? env[n.name] : Number.NaN);
      stack.pop();
    } else {
      let ready = true;
      for (let i = n.args.length - 1; i >= 0; i--) {
        if (!values.has(n.args[i])) {
          ready = false;
          stack.push(n.args[i]);
        }
      }
      if (ready) {
        values.set(n, primitive(n.op).evaluate(n.args.map((a) => values.get(a) as number)));
        stack.pop();
      }
    }
  }
  return values.get(e) as number;
}

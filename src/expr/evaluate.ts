/**
 * A straightforward f64 interpreter over the AST: the reference the compiled code is tested against.
 */
import type { Expr } from './ast.js';
import { primitive } from './primitives.js';

/** Evaluates `e` with the given values of `x` and the parameters (missing names evaluate to NaN). */
export function evaluate(e: Expr, env: Readonly<Record<string, number>>): number {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'sym') return env[e.name] ?? Number.NaN;
  const args = e.args.map((a) => evaluate(a, env));
  return primitive(e.op).evaluate(args);
}

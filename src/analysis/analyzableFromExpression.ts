import type { Expr } from '../expr/ast.js';
import { diff } from '../expr/diff.js';
import { compileScalar } from '../expr/compile.js';
import { simplify } from '../expr/simplify.js';
import { findBreakpoints } from './breakpoints.js';
import { substitute } from './prove.js';
import type { AnalyzableFunction } from './properties.js';

/**
 * Builds what `analyze` needs from an expression in `x` and parameter values: f and its symbolic first three
 * derivatives (differentiated and simplified by src/expr, compiled to f64 functions) and its
 * breakpoints (`findBreakpoints`), and the same expressions with the parameter values substituted for the
 * prover. Derivatives are built lazily, on first request.
 */
export function analyzableFromExpression(expr: Expr, params: Readonly<Record<string, number>> = {}): AnalyzableFunction {
  const derivatives: Expr[] = [expr];
  const nth = (k: number): Expr => {
    while (derivatives.length <= k) derivatives.push(simplify(diff(derivatives[derivatives.length - 1], 'x')));
    return derivatives[k];
  };
  const names = Object.keys(params);
  const values = names.map((n) => params[n]);
  const at = (e: Expr): ((x: number) => number) => {
    const compiled = compileScalar(e, names);
    return (x) => compiled(x, values);
  };
  const inX: Expr[] = [];
  const symbolicNth = (k: number): Expr => (inX[k] ??= substitute(nth(k), params));
  return {
    f: at(expr),
    derivative: (k) => at(nth(k)),
    breakpoints: findBreakpoints(expr, params),
    symbolic: { f: symbolicNth(0), derivative: (k) => symbolicNth(k) },
  };
}

/**
 * Printing an AST as plain text (which parses back to the same value) and as LaTeX: the expression is
 * lowered to the IR without folding and rendered by src/expr/render/text.ts.
 */
import type { Expr } from './ast.js';
import { ExpressionSizeError, lower, namesOf } from './ir.js';
import { sizeOf } from './keys.js';
import { renderLatex, renderText } from './render/text.js';

export { formatNumber } from './render/text.js';

/**
 * Most nodes a formula may have when written out (shared subexpressions counted at each use): a derivative
 * can be small as a DAG and enormous as text (the second derivative of a product of 200 factors).
 */
export const MAX_PRINTED_NODES = 100_000;

function checkPrintable(e: Expr): void {
  if (sizeOf(e) > MAX_PRINTED_NODES) throw new ExpressionSizeError('the formula to print', MAX_PRINTED_NODES, 'nodes when written out');
}

/** Plain-text form: `x*sigmoid(x)`, `x > 0 ? x : 0.01*x`. */
export function toText(e: Expr): string {
  const p = lower([e], namesOf(e), { fold: 'none' });
  checkPrintable(e);
  return renderText(p);
}

/** LaTeX form, for KaTeX/MathJax. */
export function toLatex(e: Expr): string {
  const p = lower([e], namesOf(e), { fold: 'none' });
  checkPrintable(e);
  return renderLatex(p);
}

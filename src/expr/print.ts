/**
 * Printing an AST as plain text (which parses back to the same value) and as LaTeX: the expression is
 * lowered to the IR without folding and rendered by src/expr/render/text.ts.
 */
import type { Expr } from './ast.js';
import { lower, namesOf } from './ir.js';
import { renderLatex, renderText } from './render/text.js';

export { formatNumber } from './render/text.js';

/** Plain-text form: `x*sigmoid(x)`, `x > 0 ? x : 0.01*x`. */
export function toText(e: Expr): string {
  return renderText(lower([e], namesOf(e), { fold: 'none' }));
}

/** LaTeX form, for KaTeX/MathJax. */
export function toLatex(e: Expr): string {
  return renderLatex(lower([e], namesOf(e), { fold: 'none' }));
}

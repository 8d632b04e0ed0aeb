/**
 * What the activation panel shows about one activation, computed away from the page (in the activation
 * worker) because a contrived custom expression can take long to differentiate or analyse. Plain data, so
 * it crosses postMessage.
 */
import type { Activation } from '../../../src/activations/activation.js';
import { resolveActivation } from '../../../src/activations/resolve.js';
import { analyzeActivation } from '../../../src/analysis/analyzeActivation.js';
import type { Properties } from '../../../src/analysis/properties.js';
import type { Expr } from '../../../src/expr/ast.js';
import { toLatex } from '../../../src/expr/print.js';
import { type CodeLanguage, printCode } from '../../../src/expr/printCode.js';

/** Most nodes (counted as a tree) a formula may have to be printed; beyond it the panel says "too long". */
export const MAX_PRINTED_NODES = 1500;
/** Where the panel samples f, f', f''. */
export const PLOT_RANGE = { from: -5, to: 5, points: 201 } as const;

/** Everything but the properties: formulas, samples, code. */
export interface ActivationReport {
  /** Canonical key of the activation. */
  readonly key: string;
  /** Catalog id, or null for an expression. */
  readonly id: string | null;
  readonly name: string;
  readonly params: ReadonlyArray<{ readonly name: string; readonly value: number }>;
  /** LaTeX of f, f', f'' (null where the formula is too large to print). */
  readonly latex: { readonly f: string | null; readonly df: string | null; readonly d2f: string | null };
  readonly samples: { readonly x: number[]; readonly f: number[]; readonly df: number[]; readonly d2f: number[] };
  /** The function and its derivative as code, or null where too large to print. */
  readonly code: Readonly<Record<CodeLanguage, string>> | null;
}

/** True when `e`, counted as a tree (shared subtrees each time), has at most `limit` nodes. Stops early. */
export function treeSizeAtMost(e: Expr, limit: number): boolean {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (++n > limit) return false;
    if (x.kind === 'op') for (const a of x.args) stack.push(a);
  }
  return true;
}

function latexOf(e: Expr): string | null {
  return treeSizeAtMost(e, MAX_PRINTED_NODES) ? toLatex(e) : null;
}

/** The code name of an activation: its id, or `activation` for an expression. */
export function codeName(a: Pick<Activation, 'id'>): string {
  return a.id ?? 'activation';
}

/** Builds the report of a resolved activation. */
export function reportOf(a: Activation): ActivationReport {
  const { from, to, points } = PLOT_RANGE;
  const x: number[] = [];
  for (let i = 0; i < points; i++) x.push(Number((from + ((to - from) * i) / (points - 1)).toFixed(10)));
  const params = a.paramNames.map((name, i) => ({ name, value: a.paramValues[i] }));
  const printable = treeSizeAtMost(a.expr, MAX_PRINTED_NODES) && treeSizeAtMost(a.derivative, MAX_PRINTED_NODES);
  const fn = { name: codeName(a), title: a.id === null ? 'Custom activation' : a.name, expr: a.expr, derivative: a.derivative, params };
  return {
    key: a.key,
    id: a.id,
    name: a.name,
    params,
    latex: { f: latexOf(a.expr), df: latexOf(a.derivative), d2f: latexOf(a.secondDerivative) },
    samples: { x, f: x.map((v) => a.f(v)), df: x.map((v) => a.df(v)), d2f: x.map((v) => a.d2f(v)) },
    code: printable ? { javascript: printCode('javascript', fn), numpy: printCode('numpy', fn), pytorch: printCode('pytorch', fn) } : null,
  };
}

/** Resolves a codec text and builds its report (throws the resolver's one-line error on bad input). */
export function buildReport(text: string): ActivationReport {
  return reportOf(resolveActivation(text));
}

/** The analysed properties of a codec text. */
export function buildProperties(text: string): Properties {
  return analyzeActivation(resolveActivation(text));
}

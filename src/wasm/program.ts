/**
 * The shape of the expression IR (the contract of src/expr/ir.ts) the renderer reads, and a lowering of
 * simplified expressions to it: one SSA instruction per distinct subexpression (shared across the
 * roots), with which instructions vary with x and which are comparisons or logic.
 */
import type { Expr } from '../expr/ast.js';
import { VARIABLE } from '../expr/ast.js';
import { keyOf } from '../expr/keys.js';

/** One SSA instruction; `args` are indices of earlier instructions. */
export type Instr =
  | { readonly kind: 'x' }
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'param'; readonly index: number; readonly name: string }
  | { readonly kind: 'op'; readonly op: string; readonly args: readonly number[] };

/** A program with several outputs. */
export interface Program {
  readonly instrs: readonly Instr[];
  readonly outputs: readonly number[];
  readonly params: readonly string[];
  readonly varying: readonly boolean[];
  readonly boolean: readonly boolean[];
}

const BOOLEAN_OPS = new Set(['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not']);

/** Lowers expressions in x and `params` to one program (common subexpressions computed once). */
export function lowerExpressions(roots: readonly Expr[], params: readonly string[]): Program {
  const instrs: Instr[] = [];
  const varying: boolean[] = [];
  const boolean: boolean[] = [];
  const slots = new Map<string, number>();
  const keys = new Map<Expr, string>();
  const push = (key: string, ins: Instr, vary: boolean, bool: boolean): number => {
    const i = instrs.length;
    instrs.push(ins);
    varying.push(vary);
    boolean.push(bool);
    slots.set(key, i);
    return i;
  };
  const visit = (e: Expr): number => {
    const key = keyOf(e, keys);
    const hit = slots.get(key);
    if (hit !== undefined) return hit;
    if (e.kind === 'num') return push(key, { kind: 'const', value: e.value }, false, false);
    if (e.kind === 'sym') {
      if (e.name === VARIABLE) return push(key, { kind: 'x' }, true, false);
      const index = params.indexOf(e.name);
      if (index < 0) throw new Error(`lower: unknown name in expression (not a declared parameter)`);
      return push(key, { kind: 'param', index, name: e.name }, false, false);
    }
    const args = e.args.map(visit);
    return push(key, { kind: 'op', op: e.op, args }, args.some((a) => varying[a]), BOOLEAN_OPS.has(e.op));
  };
  const outputs = roots.map(visit);
  return { instrs, outputs, params, varying, boolean };
}

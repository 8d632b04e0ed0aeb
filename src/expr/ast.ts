/**
 * The abstract syntax tree of actlab's expression language.
 *
 * Operators and functions are all `op` nodes named after an entry of the primitive table
 * (`src/expr/primitives.ts`), so evaluation, differentiation, printing and compilation are each
 * one lookup in that table.
 */
import type { PrimitiveName } from './primitives.js';

/** A numeric literal. `name` keeps the symbolic constants `pi` and `e` printable. */
export interface NumNode {
  readonly kind: 'num';
  readonly value: number;
  readonly name?: 'pi' | 'e';
}

/** A variable: `x` or a parameter name. */
export interface SymNode {
  readonly kind: 'sym';
  readonly name: string;
}

/** An operator or function application, e.g. `add(a, b)`, `sigmoid(a)`, `select(c, a, b)`. */
export interface OpNode {
  readonly kind: 'op';
  readonly op: PrimitiveName;
  readonly args: readonly Expr[];
}

/** Any expression node. */
export type Expr = NumNode | SymNode | OpNode;

/** The variable every activation is a function of. */
export const VARIABLE = 'x';

/** Builds a numeric literal. */
export function num(value: number): NumNode {
  return { kind: 'num', value };
}

/** Builds a variable reference. */
export function sym(name: string): SymNode {
  return { kind: 'sym', name };
}

/** Builds an operator node. */
export function op(name: PrimitiveName, ...args: Expr[]): OpNode {
  return { kind: 'op', op: name, args };
}

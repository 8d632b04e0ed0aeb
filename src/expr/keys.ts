import type { Expr } from './ast.js';

/** A structural key: two expressions with the same key are the same tree (used for CSE and simplification). */
export function keyOf(e: Expr, cache: Map<Expr, string> = new Map()): string {
  const hit = cache.get(e);
  if (hit !== undefined) return hit;
  let k: string;
  if (e.kind === 'num') k = Object.is(e.value, -0) ? 'n-0' : `n${e.value}`;
  else if (e.kind === 'sym') k = `s${e.name}`;
  else k = `${e.op}(${e.args.map((a) => keyOf(a, cache)).join(',')})`;
  cache.set(e, k);
  return k;
}

/** True if the expression mentions the variable or parameter `name`. */
export function dependsOn(e: Expr, name: string): boolean {
  if (e.kind === 'num') return false;
  if (e.kind === 'sym') return e.name === name;
  return e.args.some((a) => dependsOn(a, name));
}

/** Number of nodes in the tree (shared subtrees counted each time). */
export function sizeOf(e: Expr): number {
  return e.kind === 'op' ? 1 + e.args.reduce((s, a) => s + sizeOf(a), 0) : 1;
}

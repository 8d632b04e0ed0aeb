import type { Expr } from './ast.js';

/** Children-first order of the distinct nodes of a DAG (iterative: any depth). */
function postOrder(e: Expr): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<Expr>();
  const stack: Array<[Expr, boolean]> = [[e, false]];
  while (stack.length > 0) {
    const [n, expanded] = stack.pop() as [Expr, boolean];
    if (expanded) {
      out.push(n);
      continue;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push([n, true]);
    if (n.kind === 'op') for (let i = n.args.length - 1; i >= 0; i--) if (!seen.has(n.args[i])) stack.push([n.args[i], false]);
  }
  return out;
}

/**
 * A structural key: equal trees have equal keys, and different trees different keys (up to a 64-bit
 * hash collision). A key longer than 64 characters is replaced by its hash, so keys stay short however
 * large the expanded tree is; the walk is iterative.
 */
export function keyOf(e: Expr, cache: Map<Expr, string> = new Map()): string {
  const hit = cache.get(e);
  if (hit !== undefined) return hit;
  for (const n of postOrder(e)) {
    if (cache.has(n)) continue;
    let k: string;
    if (n.kind === 'num') k = Object.is(n.value, -0) ? 'n-0' : `n${n.value}`;
    else if (n.kind === 'sym') k = `s${n.name}`;
    else {
      const inner = `${n.op}(${n.args.map((a) => cache.get(a) as string).join(',')})`;
      // a long key is replaced by its length and a 64-bit hash of it (a collision is ~2^-64)
      k = inner.length > 64 ? `#${inner.length}:${hashString(inner)}` : inner;
    }
    cache.set(n, k);
  }
  return cache.get(e) as string;
}

function hashString(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

/** True if the expression mentions the variable or parameter `name`. */
export function dependsOn(e: Expr, name: string): boolean {
  const seen = new Set<Expr>();
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const n = stack.pop() as Expr;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'sym' && n.name === name) return true;
    if (n.kind === 'op') for (const a of n.args) stack.push(a);
  }
  return false;
}

/** Number of nodes in the tree (shared subtrees counted each time; may exceed 2^53 as a rounded number). */
export function sizeOf(e: Expr): number {
  const size = new Map<Expr, number>();
  for (const n of postOrder(e)) size.set(n, n.kind === 'op' ? 1 + n.args.reduce((s, a) => s + (size.get(a) as number), 0) : 1);
  return size.get(e) as number;
}

/**
 * Candidate trees of the search grammar (src/search/space.ts) and the operations on them: rendering to
 * the expression language, random generation, exhaustive enumeration, subtree mutation, crossover and
 * parameter perturbation. Trees are plain JSON, so they travel to worker threads and Redis workers.
 *
 *   Term = Unary(op, Leaf)          a unary operator applied to …
 *   Leaf = x | Binary(op, Term, Term)   … the input, or a binary operator of two terms (a "core unit").
 */
import type { Rng } from '../util/rng.js';
import type { SearchSpace } from './space.js';

/** A unary operator applied to the input or to a binary node. */
export interface Term {
  readonly u: number;
  /** `beta` of this operator, when its template uses one. */
  readonly beta?: number;
  readonly arg: Leaf;
}

/** The input x, or a binary operator of two terms. */
export type Leaf = 'x' | { readonly b: number; readonly beta?: number; readonly left: Term; readonly right: Term };

const usesBeta = (template: string): boolean => /\bbeta\b/.test(template);

/** Number of binary levels of a term. */
export function depthOf(t: Term): number {
  return t.arg === 'x' ? 0 : 1 + Math.max(depthOf(t.arg.left), depthOf(t.arg.right));
}

/** Number of operators in a term (unary and binary). */
export function sizeOf(t: Term): number {
  return 1 + (t.arg === 'x' ? 0 : 1 + sizeOf(t.arg.left) + sizeOf(t.arg.right));
}

/** Substitutes whole-word variables of a template by parenthesised texts. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  const wrap = (v: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$|^\d+(\.\d+)?$/.test(v) ? v : `(${v})`);
  return template.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (w) => (Object.hasOwn(values, w) ? wrap(values[w]) : w));
}

/** The candidate as an activation argument: an expression in x with `; betaK=value` declarations. */
export function render(t: Term, space: SearchSpace): string {
  const decl: string[] = [];
  const param = (value: number | undefined): string => {
    const name = `beta${decl.length + 1}`;
    decl.push(`${name}=${formatBeta(value ?? space.betaInit ?? 1)}`);
    return name;
  };
  const term = (n: Term): string => {
    const op = space.unary[n.u];
    const inner = leaf(n.arg);
    const vars: Record<string, string> = { u: inner };
    if (usesBeta(op.expression)) vars.beta = param(n.beta);
    return fill(op.expression, vars);
  };
  const leaf = (l: Leaf): string => {
    if (l === 'x') return 'x';
    const op = space.binary[l.b];
    const vars: Record<string, string> = { a: term(l.left), b: term(l.right) };
    if (usesBeta(op.expression)) vars.beta = param(l.beta);
    return fill(op.expression, vars);
  };
  const body = term(t);
  return decl.length === 0 ? body : `${body}; ${decl.join('; ')}`;
}

/** The tree in operator names, for reports: `mul(x(x), sigmoid(x))`. */
export function describe(t: Term, space: SearchSpace): string {
  const leaf = (l: Leaf): string => (l === 'x' ? 'x' : `${space.binary[l.b].name}(${describe(l.left, space)}, ${describe(l.right, space)})`);
  const op = space.unary[t.u].name;
  return op === 'x' && t.arg !== 'x' ? leaf(t.arg) : `${op}(${leaf(t.arg)})`;
}

/** Parameter values rounded to 4 significant digits, so equal trees print equally. */
function formatBeta(v: number): string {
  const r = Number(v.toPrecision(4));
  return Object.is(r, -0) ? '0' : String(r);
}

function betaFor(template: string, space: SearchSpace): { beta?: number } {
  return usesBeta(template) ? { beta: space.betaInit ?? 1 } : {};
}

/** A random term with at most `depth` binary levels (each level taken with probability 1/2). */
export function randomTerm(space: SearchSpace, rng: Rng, depth = space.depth): Term {
  const u = rng.int(space.unary.length);
  const grow = depth > 0 && space.binary.length > 0 && rng.next() < 0.5;
  const arg: Leaf = grow ? randomBinary(space, rng, depth) : 'x';
  return { u, ...betaFor(space.unary[u].expression, space), arg };
}

function randomBinary(space: SearchSpace, rng: Rng, depth: number): Leaf {
  const b = rng.int(space.binary.length);
  return { b, ...betaFor(space.binary[b].expression, space), left: randomTerm(space, rng, depth - 1), right: randomTerm(space, rng, depth - 1) };
}

/**
 * Every tree of the space up to its depth, simplest first: u(x), then the core units b(u1(x), u2(x)),
 * then deeper ones. A generator, so a large space is never held in memory.
 */
export function* enumerateTrees(space: SearchSpace): Generator<Term> {
  for (let d = 0; d <= space.depth; d++) yield* treesOfDepth(space, d);
}

function* treesOfDepth(space: SearchSpace, d: number): Generator<Term> {
  for (let u = 0; u < space.unary.length; u++) {
    const beta = betaFor(space.unary[u].expression, space);
    if (d === 0) {
      yield { u, ...beta, arg: 'x' };
      continue;
    }
    for (const leaf of binariesOfDepth(space, d)) yield { u, ...beta, arg: leaf };
  }
}

function* binariesOfDepth(space: SearchSpace, d: number): Generator<Leaf> {
  // A binary node at level d has one child of depth d-1 and the other of depth ≤ d-1.
  for (let b = 0; b < space.binary.length; b++) {
    const beta = betaFor(space.binary[b].expression, space);
    for (let dl = 0; dl < d; dl++) {
      for (let dr = 0; dr < d; dr++) {
        if (dl !== d - 1 && dr !== d - 1) continue;
        for (const left of treesOfDepth(space, dl)) for (const right of treesOfDepth(space, dr)) yield { b, ...beta, left, right };
      }
    }
  }
}

/** Addresses every term of a tree (the root first), with a rebuild function for replacing it. */
function terms(t: Term): Array<{ node: Term; depth: number; replace: (n: Term) => Term }> {
  const out: Array<{ node: Term; depth: number; replace: (n: Term) => Term }> = [];
  const walk = (n: Term, level: number, replace: (m: Term) => Term): void => {
    out.push({ node: n, depth: level, replace });
    if (n.arg === 'x') return;
    const l = n.arg;
    walk(l.left, level + 1, (m) => replace({ ...n, arg: { ...l, left: m } }));
    walk(l.right, level + 1, (m) => replace({ ...n, arg: { ...l, right: m } }));
  };
  walk(t, 0, (m) => m);
  return out;
}

/** A copy of `value` kept inside the space's beta range. */
function clampBeta(v: number, space: SearchSpace): number {
  const [lo, hi] = space.betaRange ?? [-5, 5];
  return Math.min(hi, Math.max(lo, v));
}

/**
 * One random mutation: replace a subtree by a random one, change one operator, insert a binary node
 * above a term, remove a binary node, or perturb a `beta` (log-normal step, sign kept unless it is 0).
 */
export function mutate(t: Term, space: SearchSpace, rng: Rng): Term {
  const sites = terms(t);
  const site = sites[rng.int(sites.length)];
  const room = space.depth - site.depth;
  const kind = rng.int(5);
  const n = site.node;
  switch (kind) {
    case 0: // new subtree
      return site.replace(randomTerm(space, rng, Math.max(0, room)));
    case 1: { // change the unary operator (or the binary one under it)
      if (n.arg !== 'x' && rng.next() < 0.5) {
        const b = rng.int(space.binary.length);
        return site.replace({ ...n, arg: { ...n.arg, b, ...betaFor(space.binary[b].expression, space) } });
      }
      const u = rng.int(space.unary.length);
      const { beta: _old, ...rest } = n;
      return site.replace({ ...rest, u, ...betaFor(space.unary[u].expression, space) });
    }
    case 2: { // insert a binary node (when the depth allows)
      if (site.depth + 1 + depthOf(n) > space.depth || space.binary.length === 0) return mutate(t, space, rng);
      const b = rng.int(space.binary.length);
      const u = rng.int(space.unary.length);
      const other = randomTerm(space, rng, 0);
      const [left, right] = rng.next() < 0.5 ? [n, other] : [other, n];
      return site.replace({ u, ...betaFor(space.unary[u].expression, space), arg: { b, ...betaFor(space.binary[b].expression, space), left, right } });
    }
    case 3: { // remove a binary node: keep one of its children
      if (n.arg === 'x') {
        const u = rng.int(space.unary.length);
        return site.replace({ u, ...betaFor(space.unary[u].expression, space), arg: 'x' });
      }
      return site.replace(rng.next() < 0.5 ? n.arg.left : n.arg.right);
    }
    default: { // perturb a parameter
      const withBeta = sites.filter((s) => s.node.beta !== undefined || (s.node.arg !== 'x' && s.node.arg.beta !== undefined));
      if (withBeta.length === 0) return mutate(t, space, rng);
      const s = withBeta[rng.int(withBeta.length)];
      const step = (v: number): number => clampBeta(v === 0 ? rng.normal() * 0.5 : v * Math.exp(0.3 * rng.normal()), space);
      const m = s.node;
      if (m.beta !== undefined && (m.arg === 'x' || m.arg.beta === undefined || rng.next() < 0.5)) return s.replace({ ...m, beta: step(m.beta) });
      if (m.arg !== 'x' && m.arg.beta !== undefined) return s.replace({ ...m, arg: { ...m.arg, beta: step(m.arg.beta) } });
      return t;
    }
  }
}

/** Crossover: a random subtree of `a` replaced by a random subtree of `b`, when the depth bound allows. */
export function crossover(a: Term, b: Term, space: SearchSpace, rng: Rng): Term {
  const sa = terms(a);
  const sb = terms(b);
  for (let tries = 0; tries < 8; tries++) {
    const site = sa[rng.int(sa.length)];
    const donor = sb[rng.int(sb.length)].node;
    if (site.depth + depthOf(donor) <= space.depth) return site.replace(donor);
  }
  return a;
}

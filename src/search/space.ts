/**
 * The search space of `actlab search`: a grammar over the expression language. A candidate is a tree of
 * unary operators (templates in `u`) and binary operators (templates in `a` and `b`) over the input `x`,
 * as in Ramachandran, Zoph & Le 2017 ("Searching for Activation Functions", arXiv 1710.05941): a "core
 * unit" is b(u1(x1), u2(x2)); `depth` bounds the number of binary nodes on any path. A template may use
 * one parameter, `beta`, which becomes a parameter of the candidate (perturbed by evolution, trainable
 * when tuned).
 */
import { parse } from '../expr/parse.js';
import { ActlabError } from '../util/errors.js';

/** One operator of the grammar. */
export interface OperatorSpec {
  /** Short name used in reports (`tanh`, `mul`). */
  readonly name: string;
  /** Expression template: in `u` for unary operators, in `a` and `b` for binary ones; may use `beta`. */
  readonly expression: string;
}

/** The whole space, as written in a `--space` JSON file. */
export interface SearchSpace {
  readonly unary: readonly OperatorSpec[];
  readonly binary: readonly OperatorSpec[];
  /** Largest number of binary operators on a path from the root to `x` (1–3). */
  readonly depth: number;
  /** Starting value of every `beta` (default 1). */
  readonly betaInit?: number;
  /** Range `beta` is kept in by perturbation (default [-5, 5]). */
  readonly betaRange?: readonly [number, number];
}

/** The default space: the unary and binary sets of Ramachandran et al. 2017, §2 (ε = 1e-3 where they add one). */
export const DEFAULT_SPACE: SearchSpace = {
  unary: [
    { name: 'x', expression: 'u' },
    { name: 'neg', expression: '-u' },
    { name: 'abs', expression: 'abs(u)' },
    { name: 'square', expression: 'u^2' },
    { name: 'cube', expression: 'u^3' },
    { name: 'sqrt', expression: 'sqrt(u)' },
    { name: 'scale', expression: 'beta*u' },
    { name: 'shift', expression: 'u + beta' },
    { name: 'log_abs', expression: 'log(abs(u) + 1e-3)' },
    { name: 'exp', expression: 'exp(u)' },
    { name: 'sin', expression: 'sin(u)' },
    { name: 'cos', expression: 'cos(u)' },
    { name: 'sinh', expression: 'sinh(u)' },
    { name: 'cosh', expression: 'cosh(u)' },
    { name: 'tanh', expression: 'tanh(u)' },
    { name: 'asinh', expression: 'asinh(u)' },
    { name: 'atan', expression: 'atan(u)' },
    { name: 'sinc', expression: 'sinc(u)' },
    { name: 'relu', expression: 'max(u, 0)' },
    { name: 'min0', expression: 'min(u, 0)' },
    { name: 'sigmoid', expression: 'sigmoid(u)' },
    { name: 'softplus', expression: 'softplus(u)' },
    { name: 'gauss', expression: 'exp(-u^2)' },
    { name: 'erf', expression: 'erf(u)' },
    { name: 'const', expression: 'beta' },
  ],
  binary: [
    { name: 'add', expression: 'a + b' },
    { name: 'mul', expression: 'a * b' },
    { name: 'sub', expression: 'a - b' },
    { name: 'div', expression: 'a / (b + 1e-3)' },
    { name: 'max', expression: 'max(a, b)' },
    { name: 'min', expression: 'min(a, b)' },
    { name: 'gate', expression: 'sigmoid(a) * b' },
    { name: 'rbf', expression: 'exp(-beta*(a - b)^2)' },
    { name: 'laplace', expression: 'exp(-beta*abs(a - b))' },
    { name: 'mix', expression: 'beta*a + (1 - beta)*b' },
  ],
  depth: 1,
  betaInit: 1,
  betaRange: [-5, 5],
};

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

function checkTemplate(where: string, o: unknown, vars: readonly string[]): OperatorSpec {
  if (typeof o !== 'object' || o === null) throw new ActlabError(`${where} must be an object {"name": …, "expression": …}; fix the space file`);
  const r = o as Record<string, unknown>;
  if (typeof r.name !== 'string' || !NAME.test(r.name)) throw new ActlabError(`${where}.name must be a short identifier (letters, digits, _), got ${JSON.stringify(r.name)}; fix the space file`);
  if (typeof r.expression !== 'string' || r.expression.trim() === '') throw new ActlabError(`${where}.expression must be a non-empty expression in ${vars.join(' and ')}; fix the space file`);
  try {
    parse(r.expression, { params: [...vars, 'beta'], declarations: false });
  } catch (e) {
    throw new ActlabError(`${where}.expression '${r.expression}' is not a valid expression in ${vars.join(', ')} and beta: ${(e as Error).message.split('\n')[0]}; fix the space file`);
  }
  if (/\bx\b/.test(r.expression)) throw new ActlabError(`${where}.expression '${r.expression}' uses x; operators are written in ${vars.join(' and ')} (the tree supplies x); fix the space file`);
  return { name: r.name, expression: r.expression };
}

/** Checks a space read from JSON; throws a one-line ActlabError naming the bad field. */
export function checkSpace(value: unknown, source = 'the search space'): SearchSpace {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ActlabError(`${source} must be a JSON object with "unary", "binary" and "depth"; see 'actlab search --help'`);
  const r = value as Record<string, unknown>;
  const known = new Set(['unary', 'binary', 'depth', 'betaInit', 'betaRange']);
  for (const k of Object.keys(r)) if (!known.has(k)) throw new ActlabError(`${source} has an unknown field '${k}'; the fields are ${[...known].join(', ')}`);
  if (!Array.isArray(r.unary)) throw new ActlabError(`${source}: "unary" must be a list of operators; fix the space file`);
  if (!Array.isArray(r.binary)) throw new ActlabError(`${source}: "binary" must be a list of operators; fix the space file`);
  const unary = r.unary.map((o, i) => checkTemplate(`${source}: unary[${i}]`, o, ['u']));
  const binary = r.binary.map((o, i) => checkTemplate(`${source}: binary[${i}]`, o, ['a', 'b']));
  if (unary.length === 0) throw new ActlabError(`${source} has no unary operators; list at least one (e.g. {"name": "x", "expression": "u"})`);
  const depth = r.depth === undefined ? 1 : r.depth;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > 3) throw new ActlabError(`${source}: "depth" must be a whole number from 0 to 3, got ${JSON.stringify(r.depth)}; fix the space file`);
  if (depth > 0 && binary.length === 0) throw new ActlabError(`${source} has depth ${depth} but no binary operators; add some or set "depth": 0`);
  for (const list of [unary, binary]) {
    const seen = new Set<string>();
    for (const o of list) {
      if (seen.has(o.name)) throw new ActlabError(`${source}: the operator name '${o.name}' appears twice; give each operator its own name`);
      seen.add(o.name);
    }
  }
  const betaInit = r.betaInit === undefined ? 1 : r.betaInit;
  if (typeof betaInit !== 'number' || !Number.isFinite(betaInit)) throw new ActlabError(`${source}: "betaInit" must be a finite number; fix the space file`);
  const betaRange = r.betaRange === undefined ? [-5, 5] : r.betaRange;
  if (!Array.isArray(betaRange) || betaRange.length !== 2 || !betaRange.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(betaRange[0] < betaRange[1])) {
    throw new ActlabError(`${source}: "betaRange" must be [low, high] with low < high; fix the space file`);
  }
  return { unary, binary, depth, betaInit, betaRange: [betaRange[0] as number, betaRange[1] as number] };
}

/** Number of distinct trees of the space (before simplification), or Infinity beyond 1e12. */
export function spaceSize(space: SearchSpace): number {
  const U = space.unary.length;
  const B = space.binary.length;
  // t(d): trees with at most d binary levels: unary chains of length 1 over x, or a unary of a binary node.
  let t = U; // depth 0: u(x)
  for (let d = 1; d <= space.depth; d++) t = U + U * B * t * t;
  return t > 1e12 ? Infinity : t;
}

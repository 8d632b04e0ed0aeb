/**
 * Turning an activation argument (catalog id with parameters, or an expression in x) into a resolved
 * `Activation`: parsed once, differentiated symbolically (x, x twice, each parameter), compiled once.
 * Built-in and custom activations go through exactly the same path.
 */
import type { Activation } from './activation.js';
import { decodeActivation, encodeCatalogRef } from './codec.js';
import { findAnySpec, findSpec, getSpec } from './registry.js';
import type { ActivationSpec } from './spec.js';
import { type VectorActivation, vectorActivationFromSpec } from './vector.js';
import { type Expr, VARIABLE, num, op } from '../expr/ast.js';
import { compileKernel, compileScalar } from '../expr/compile.js';
import { diff } from '../expr/diff.js';
import { type FunctionRef, MAX_NODES, parse } from '../expr/parse.js';
import { simplify } from '../expr/simplify.js';
import { type StableRewrite, stabilize } from '../expr/stabilize.js';
import { toText } from '../expr/print.js';
import { ActlabError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { LruCache } from '../util/lruCache.js';
import { fastKernelFor } from './fastKernels.js';

/** The symbolic part of an activation, shared by every choice of parameter values. */
interface Compiled {
  readonly expr: Expr;
  readonly derivative: Expr;
  readonly secondDerivative: Expr;
  readonly paramDerivatives: readonly Expr[];
  readonly rewrites: readonly StableRewrite[];
  readonly f: ReturnType<typeof compileScalar>;
  readonly df: ReturnType<typeof compileScalar>;
  readonly d2f: ReturnType<typeof compileScalar>;
}

/** Most nodes an expression may have once entry references are expanded (each reference copies a body). */
export const MAX_EXPANDED_NODES = 8 * MAX_NODES;

/** Replaces symbols by expressions (x by a call's argument, parameters by values). */
function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
  if (e.kind === 'num') return e;
  if (e.kind === 'sym') return map.get(e.name) ?? e;
  return op(e.op, ...e.args.map((a) => substitute(a, map)));
}

/** Node count of the tree an expression stands for (shared subtrees counted each time), capped at `cap + 1`. */
function treeSize(e: Expr, cap: number, memo = new Map<Expr, number>()): number {
  if (e.kind !== 'op') return 1;
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let n = 1;
  for (const a of e.args) {
    n += treeSize(a, cap, memo);
    if (n > cap) break;
  }
  const v = Math.min(n, cap + 1);
  memo.set(e, v);
  return v;
}

/** Parsed bodies of catalog entries, for references from other expressions. */
const bodyCache = new Map<string, Expr>();

/**
 * The hook that lets an expression call a catalog entry by id or alias (`x*relu6(x + 3)/6`): the call
 * `id(u, p1, p2, ...)` is replaced by the entry's expression with x := u and its parameters := the
 * further arguments (or their defaults), before simplification and differentiation. `stack` holds the
 * entries being expanded, so a cycle is an error rather than a hang.
 */
function entryFunctions(stack: readonly string[]): (name: string) => FunctionRef | undefined {
  return (name) => {
    const found = findAnySpec(name);
    if (!found) return undefined;
    if (found.kind === 'vector') {
      throw new ActlabError(`'${found.spec.id}' is a vector activation (a function of a whole row) and cannot be used inside an elementwise expression; use a scalar entry such as sigmoid or exp`);
    }
    const spec = found.spec;
    if (stack.includes(spec.id)) throw new Error(`catalog entries refer to each other in a cycle: ${[...stack, spec.id].join(' -> ')}`);
    return {
      minArgs: 1,
      maxArgs: 1 + spec.params.length,
      expand(args) {
        let body = bodyCache.get(spec.id);
        if (!body) {
          body = parse(spec.expression, { params: spec.params.map((q) => q.name), declarations: false, functions: entryFunctions([...stack, spec.id]) }).expr;
          bodyCache.set(spec.id, body);
        }
        const map = new Map<string, Expr>([[VARIABLE, args[0]]]);
        spec.params.forEach((q, i) => map.set(q.name, args[i + 1] ?? num(q.default)));
        return substitute(body, map);
      },
    };
  };
}

/** Parses with entry references expanded, and bounds the expanded size. */
function parseWithEntries(text: string, params: readonly string[] | undefined, declarations: boolean, stack: readonly string[]) {
  const r = parse(text, { params, declarations, functions: entryFunctions(stack) });
  if (treeSize(r.expr, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    throw new ActlabError(`the expression "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" grows beyond ${MAX_EXPANDED_NODES} parts once the catalog entries it calls are written out; nest fewer entry calls`);
  }
  return r;
}

/** Symbolic work per expression (bounded: the explorer compiles as the user types). */
const compiledCache = new LruCache<string, Compiled>(512);

function compileSymbolic(cacheKey: string, expr: Expr, params: readonly string[]): Compiled {
  const hit = compiledCache.get(cacheKey);
  if (hit) return hit;
  const { expr: f, rewrites } = stabilize(simplify(expr));
  const df = diff(f, VARIABLE);
  const d2f = diff(df, VARIABLE);
  const dp = params.map((p) => diff(f, p));
  const c: Compiled = {
    expr: f,
    derivative: df,
    secondDerivative: d2f,
    paramDerivatives: dp,
    rewrites,
    f: compileScalar(f, params),
    df: compileScalar(df, params),
    d2f: compileScalar(d2f, params),
  };
  compiledCache.set(cacheKey, c);
  return c;
}

function bind(
  c: Compiled,
  meta: { id: string | null; spec: ActivationSpec | null; key: string; name: string },
  params: readonly string[],
  values: readonly number[],
): Activation {
  const p = Float64Array.from(values);
  const kernel = (meta.id !== null && fastKernelFor(meta.id)) || compileKernel(c.expr, c.derivative, c.paramDerivatives, params);
  return {
    ...meta,
    paramNames: params,
    paramValues: values,
    expr: c.expr,
    derivative: c.derivative,
    secondDerivative: c.secondDerivative,
    paramDerivatives: c.paramDerivatives,
    rewrites: c.rewrites,
    f: (x) => c.f(x, p),
    df: (x) => c.df(x, p),
    d2f: (x) => c.d2f(x, p),
    kernel,
  };
}

const kernelCache = new LruCache<string, Activation>(512);

/** Checks one parameter value against the entry's declared range. */
function checkParam(spec: ActivationSpec, name: string, value: number): void {
  const ps = spec.params.find((q) => q.name === name);
  if (!ps) {
    const names = spec.params.map((q) => q.name);
    const what = names.length === 0 ? `${spec.id} has no parameters` : `${spec.id} has no parameter '${name}';${didYouMean(name, names)} its parameters are ${names.join(', ')}`;
    throw new ActlabError(`${what}; write e.g. ${encodeCatalogRef(spec.id, spec.params.slice(0, 1).map((q) => [q.name, q.default]))}`);
  }
  if ((ps.min !== undefined && value < ps.min) || (ps.max !== undefined && value > ps.max)) {
    const range = ps.min !== undefined && ps.max !== undefined ? `between ${ps.min} and ${ps.max}` : ps.min !== undefined ? `at least ${ps.min}` : `at most ${ps.max}`;
    throw new ActlabError(`parameter '${name}' of ${spec.id} must be ${range}, got ${value}; choose a value in that range`);
  }
}

/** Resolves a catalog entry with parameter overrides (by name). */
export function activationFromSpec(spec: ActivationSpec, overrides: Readonly<Record<string, number>> = {}): Activation {
  const names = spec.params.map((q) => q.name);
  for (const [k, v] of Object.entries(overrides)) checkParam(spec, k, v);
  const values = spec.params.map((q) => overrides[q.name] ?? q.default);
  spec.params.forEach((q, i) => {
    const j = q.greaterThan === undefined ? -1 : names.indexOf(q.greaterThan);
    if (j >= 0 && !(values[i] > values[j])) {
      throw new ActlabError(`${spec.id}: ${q.name} (${values[i]}) must be greater than ${q.greaterThan} (${values[j]}); swap or change them`);
    }
  });
  const nonDefault: Array<[string, number]> = [];
  spec.params.forEach((q, i) => {
    if (!Object.is(values[i], q.default)) nonDefault.push([q.name, values[i]]);
  });
  const key = encodeCatalogRef(spec.id, nonDefault);
  const hit = kernelCache.get(key);
  if (hit) return hit;
  let parsed: Expr;
  try {
    parsed = parseWithEntries(spec.expression, names, false, [spec.id]).expr;
  } catch (e) {
    throw new Error(`catalog entry ${spec.id} has a bad expression: ${(e as Error).message}`);
  }
  const c = compileSymbolic(`catalog:${spec.id}`, parsed, names);
  const a = bind(c, { id: spec.id, spec, key, name: spec.name }, names, values);
  kernelCache.set(key, a);
  return a;
}

/** Resolves a custom expression in x (with optional `; name=value` declarations). */
export function activationFromExpression(text: string): Activation {
  const { expr, declarations } = parseWithEntries(text, undefined, true, []);
  const names = declarations.map((d) => d.name);
  const values = declarations.map((d) => d.value);
  const body = toText(simplify(expr));
  const key = declarations.length === 0 ? body : `${body}; ${declarations.map((d) => `${d.name}=${d.value}`).join('; ')}`;
  const hit = kernelCache.get(`expr:${key}`);
  if (hit) return hit;
  const c = compileSymbolic(`expr:${body}|${names.join(',')}`, expr, names);
  const a = bind(c, { id: null, spec: null, key, name: body }, names, values);
  kernelCache.set(`expr:${key}`, a);
  return a;
}

/** A resolved activation of either kind. */
export type AnyActivation = { readonly kind: 'scalar'; readonly activation: Activation } | { readonly kind: 'vector'; readonly activation: VectorActivation };

/**
 * Resolves an activation argument that may also name a vector activation (`softmax`,
 * `softmax:temperature=0.5`); everything else goes through `resolveActivation`.
 */
export function resolveAnyActivation(text: string): AnyActivation {
  const ref = decodeActivation(text.trim());
  if (ref.kind === 'catalog') {
    const found = findAnySpec(ref.name);
    if (found?.kind === 'vector') return { kind: 'vector', activation: vectorActivationFromSpec(found.spec, Object.fromEntries(ref.params)) };
  }
  return { kind: 'scalar', activation: resolveActivation(text) };
}

/**
 * Resolves an activation argument: a catalog id or alias with optional parameters (`elu:alpha=0.5`),
 * or else an expression in x (`x*sigmoid(1.702*x)`). Throws a one-line ActlabError on bad input.
 */
export function resolveActivation(text: string): Activation {
  const trimmed = text.trim();
  if (trimmed === '') throw new ActlabError('the activation is empty; give a catalog id such as relu, or an expression in x');
  const ref = decodeActivation(trimmed);
  if (ref.kind === 'catalog') {
    const spec = findSpec(ref.name);
    if (spec) return activationFromSpec(spec, Object.fromEntries(ref.params));
    // A bare word that is not an id: an unknown activation (unless it is an expression such as 'x').
    if (ref.params.length > 0 || !/[^A-Za-z0-9_-]/.test(trimmed)) getSpec(ref.name);
  }
  return activationFromExpression(trimmed);
}

/**
 * Turning an activation argument (catalog id with parameters, or an expression in x) into a resolved
 * `Activation`: parsed once, differentiated symbolically (x, x twice, each parameter), compiled once.
 * Built-in and custom activations go through exactly the same path.
 */
import type { Activation } from './activation.js';
import { decodeActivation, encodeCatalogRef } from './codec.js';
import { findSpec, getSpec } from './registry.js';
import type { ActivationSpec } from './spec.js';
import { type Expr, VARIABLE } from '../expr/ast.js';
import { compileKernel, compileScalar } from '../expr/compile.js';
import { diff } from '../expr/diff.js';
import { parse } from '../expr/parse.js';
import { simplify } from '../expr/simplify.js';
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
  readonly f: ReturnType<typeof compileScalar>;
  readonly df: ReturnType<typeof compileScalar>;
  readonly d2f: ReturnType<typeof compileScalar>;
}

/** Symbolic work per expression (bounded: the explorer compiles as the user types). */
const compiledCache = new LruCache<string, Compiled>(512);

function compileSymbolic(cacheKey: string, expr: Expr, params: readonly string[]): Compiled {
  const hit = compiledCache.get(cacheKey);
  if (hit) return hit;
  const f = simplify(expr);
  const df = diff(f, VARIABLE);
  const d2f = diff(df, VARIABLE);
  const dp = params.map((p) => diff(f, p));
  const c: Compiled = {
    expr: f,
    derivative: df,
    secondDerivative: d2f,
    paramDerivatives: dp,
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
    parsed = parse(spec.expression, { params: names, declarations: false }).expr;
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
  const { expr, declarations } = parse(text);
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

/**
 * One text form for an activation, shared by CLI flags, the explorer's URL, experiment files and saved
 * models: a catalog id or alias with optional parameters (`elu:alpha=0.5`, `soboleva:a=1,b=1`), or an
 * expression in x with optional declarations (`x*sigmoid(beta*x); beta=1.5`).
 */
import { parseDecimal } from '../util/decimal.js';
import { ActlabError } from '../util/errors.js';

/** A parsed `id:name=value,...` reference. */
export interface CatalogRef {
  readonly kind: 'catalog';
  /** The id or alias as typed. */
  readonly name: string;
  /** Parameter overrides, in the order typed. */
  readonly params: ReadonlyArray<readonly [string, number]>;
}

/** An expression typed by the user. */
export interface ExpressionRef {
  readonly kind: 'expression';
  readonly text: string;
}

/** What an activation argument refers to. */
export type ActivationRef = CatalogRef | ExpressionRef;

const REF = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(?::(.*))?$/s;

/** Splits an activation argument into a catalog reference (if it has that shape) or an expression. */
export function decodeActivation(text: string): ActivationRef {
  const m = REF.exec(text);
  if (!m || (m[2] === undefined && /^x$/i.test(m[1]))) return { kind: 'expression', text };
  if (m[2] === undefined) return { kind: 'catalog', name: m[1], params: [] };
  const params: Array<[string, number]> = [];
  for (const part of m[2].split(',')) {
    const kv = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(part);
    if (!kv) {
      throw new ActlabError(`cannot read the parameter '${part.trim()}' in '${text}'; write parameters as ${m[1]}:name=value,name=value`);
    }
    const v = parseDecimal(kv[2]);
    if (v === undefined || !Number.isFinite(v)) {
      throw new ActlabError(`parameter '${kv[1]}' in '${text}' must be a finite decimal number, got '${kv[2]}'; write e.g. ${m[1]}:${kv[1]}=0.5`);
    }
    if (params.some(([name]) => name === kv[1])) {
      throw new ActlabError(`parameter '${kv[1]}' is given twice in '${text}'; give each parameter once`);
    }
    params.push([kv[1], v]);
  }
  return { kind: 'catalog', name: m[1], params };
}

/** The text form of a catalog reference: `id` or `id:a=1,b=2`. */
export function encodeCatalogRef(id: string, params: ReadonlyArray<readonly [string, number]>): string {
  return params.length === 0 ? id : `${id}:${params.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/**
 * Splits a comma-separated list of activations (`relu,tanh,elu:alpha=0.5,beta=2,max(x, 0)`): commas inside
 * parentheses belong to an expression, and a piece like `beta=2` continues the previous entry's parameters.
 */
export function splitActivationList(list: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if ((c === ',' && depth === 0) || i === list.length) {
      pieces.push(list.slice(start, i));
      start = i + 1;
    }
  }
  const out: string[] = [];
  for (const raw of pieces) {
    const p = raw.trim();
    if (p === '') continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*\s*=\s*[-+0-9.eE]+$/.test(p) && out.length > 0 && /^[A-Za-z][A-Za-z0-9_-]*:/.test(out[out.length - 1])) {
      out[out.length - 1] += `,${p}`;
    } else out.push(p);
  }
  if (out.length === 0) throw new ActlabError(`no activation in '${list}'; give a comma-separated list such as relu,tanh,gelu`);
  return out;
}

/**
 * The activation picker's logic, free of the DOM: which entries it offers, how a codec text maps to the
 * picker's state and back, and the quick (main-thread, bounded) part of checking what the user typed.
 */
import { decodeActivation, encodeCatalogRef } from '../../../src/activations/codec.js';
import { CATALOG, byFamily, findSpec, getSpec } from '../../../src/activations/registry.js';
import { activationFromSpec } from '../../../src/activations/resolve.js';
import type { ActivationSpec, ParamSpec } from '../../../src/activations/spec.js';
import { VECTOR_ACTIVATIONS } from '../../../src/activations/vector.js';
import type { NonFiniteInterval } from '../../../src/analysis/properties.js';
import { ExpressionError, parse } from '../../../src/expr/parse.js';
import type { Translate } from './panelLogic.js';

/** The option value of "custom expression…". */
export const CUSTOM = '__custom__';

/** A group of options of the select. */
export interface OptionGroup {
  /** Family name (translation key `activation.family.<family>`). */
  readonly family: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** The options of the select: the catalog by family, then (if asked) the vector activations. */
export function optionGroups(allowVector = false): OptionGroup[] {
  const groups: OptionGroup[] = byFamily().map((g) => ({ family: g.family, options: g.specs.map((s) => ({ id: s.id, name: s.name })) }));
  if (allowVector) groups.push({ family: 'vector', options: VECTOR_ACTIVATIONS.map((v) => ({ id: v.id, name: v.name })) });
  return groups;
}

/**
 * The display name of a catalog or vector activation id in the current language (`activation.name.<id>`),
 * falling back to the catalog's English name, then to the id.
 */
export function activationName(id: string, t: Translate): string {
  const key = `activation.name.${id}`;
  const s = t(key);
  if (s !== key) return s;
  return CATALOG.find((c) => c.id === id)?.name ?? VECTOR_ACTIVATIONS.find((v) => v.id === id)?.name ?? id;
}

/** The state a codec text puts the picker in. */
export type PickerState =
  | { readonly mode: 'catalog'; readonly id: string; readonly params: Readonly<Record<string, number>> }
  | { readonly mode: 'vector'; readonly id: string }
  | { readonly mode: 'custom'; readonly text: string };

function vectorId(name: string): string | undefined {
  const n = name.toLowerCase().replace(/[-_\s]/g, '');
  return VECTOR_ACTIVATIONS.find((v) => [v.id, ...v.aliases].some((a) => a.toLowerCase().replace(/[-_\s]/g, '') === n))?.id;
}

/** Reads a codec text: a catalog entry with its parameters (defaults filled in), a vector activation, or an expression. */
export function pickerState(value: string, allowVector = false): PickerState {
  let ref;
  try {
    ref = decodeActivation(value.trim());
  } catch {
    return { mode: 'custom', text: value };
  }
  if (ref.kind === 'catalog') {
    const spec = findSpec(ref.name);
    if (spec) {
      const given = new Map(ref.params);
      if ([...given.keys()].every((k) => spec.params.some((p) => p.name === k))) {
        return { mode: 'catalog', id: spec.id, params: Object.fromEntries(spec.params.map((p) => [p.name, given.get(p.name) ?? p.default])) };
      }
    }
    if (allowVector && ref.params.length === 0) {
      const v = vectorId(ref.name);
      if (v) return { mode: 'vector', id: v };
    }
  }
  return { mode: 'custom', text: value };
}

/** The codec text of a catalog entry with parameter values: only values that differ from the defaults are written. */
export function encodeChoice(spec: ActivationSpec, values: Readonly<Record<string, number>>): string {
  const changed: Array<[string, number]> = [];
  for (const p of spec.params) {
    const v = values[p.name];
    if (v !== undefined && !Object.is(v, p.default)) changed.push([p.name, v]);
  }
  return encodeCatalogRef(spec.id, changed);
}

/** The spec of a catalog id (the select only offers catalog ids). */
export function specOf(id: string): ActivationSpec | undefined {
  return CATALOG.find((s) => s.id === id);
}

/** A problem with one parameter value, as a translation key and its variables; null when the value is fine. */
export function paramProblem(p: ParamSpec, raw: string): { key: string; vars: Record<string, string | number> } | null {
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) return { key: 'activation.picker.paramNumber', vars: { name: p.name } };
  if (p.min !== undefined && p.max !== undefined && (v < p.min || v > p.max)) return { key: 'activation.picker.paramRange', vars: { name: p.name, min: p.min, max: p.max } };
  if (p.min !== undefined && v < p.min) return { key: 'activation.picker.paramMin', vars: { name: p.name, min: p.min } };
  if (p.max !== undefined && v > p.max) return { key: 'activation.picker.paramMax', vars: { name: p.name, max: p.max } };
  return null;
}

/** What checking a text found. */
export type CheckResult =
  /** `nonFinite`: where f is NaN or ±∞, when the worker checked it (catalog entries are finite). */
  | { readonly ok: true; readonly nonFinite?: readonly NonFiniteInterval[] }
  /** `column` (1-based) and `problem` when the expression could not be read; otherwise the message says it all. */
  | { readonly ok: false; readonly message: string; readonly column?: number; readonly problem?: string; readonly timeout?: boolean };

/** A check result from any thrown error (ExpressionError keeps its column). */
export function errorResult(e: unknown): CheckResult {
  if (e instanceof ExpressionError) return { ok: false, message: e.message, column: e.column, problem: e.problem };
  return { ok: false, message: e instanceof Error ? e.message : String(e) };
}

/**
 * The fast part of checking a typed activation, safe on the main thread: empty text, catalog references
 * (resolved here, which is quick), unknown names, and syntax (the parser bounds its work). Returns
 * `'deep'` when the text parses as an expression and still needs differentiating and compiling, which can
 * take long for contrived expressions and so runs in a worker.
 */
export function quickCheck(text: string): CheckResult | 'deep' {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'empty' };
  try {
    const ref = decodeActivation(trimmed);
    if (ref.kind === 'catalog') {
      const spec = findSpec(ref.name);
      if (spec) {
        activationFromSpec(spec, Object.fromEntries(ref.params));
        return { ok: true };
      }
      if (ref.params.length > 0 || !/[^A-Za-z0-9_-]/.test(trimmed)) getSpec(ref.name);
    }
    parse(trimmed);
    return 'deep';
  } catch (e) {
    return errorResult(e);
  }
}

/** The line under the text with a caret at a 1-based column. */
export function caretLine(column: number): string {
  return `${' '.repeat(Math.max(0, column - 1))}^`;
}

/** The text of a catalog entry as an editable expression, its parameters declared (`x > 0 ? x : alpha*expm1(x); alpha=1`). */
export function asExpression(spec: ActivationSpec, values: Readonly<Record<string, number>>): string {
  const decl = spec.params.map((p) => `; ${p.name}=${values[p.name] ?? p.default}`).join('');
  return `${spec.expression}${decl}`;
}

/** Calls `fn` once `ms` after the last call; `cancel` drops a pending call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): { call(...args: A): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call(...args: A) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn(...args);
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

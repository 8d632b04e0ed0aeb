/** Parameter handling shared by the CLI and the explorer: defaults, `name=value` overrides, typed getters. */
import { parseDecimal } from '../util/decimal.js';
import { ActlabError } from '../util/errors.js';
import type { Lesson, LessonParam, ParamValue, ParamValues } from './lesson.js';

function checkNumber(p: LessonParam, v: number, text: string): number {
  if (!Number.isFinite(v)) throw new ActlabError(`parameter ${p.name} must be a number, got '${text}'; e.g. --set ${p.name}=${String(p.default)}`);
  if (p.integer && !Number.isInteger(v)) throw new ActlabError(`parameter ${p.name} must be a whole number, got '${text}'; e.g. --set ${p.name}=${String(p.default)}`);
  if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)) {
    throw new ActlabError(`parameter ${p.name} must lie in [${p.min ?? '-∞'}, ${p.max ?? '∞'}], got ${text}; pick a value in that range`);
  }
  return v;
}

/** Parses the text of one parameter value according to its kind. */
export function parseParamValue(p: LessonParam, text: string): ParamValue {
  const t = text.trim();
  if (p.kind === 'text') {
    if (t === '') throw new ActlabError(`parameter ${p.name} is empty; e.g. --set ${p.name}=${String(p.default)}`);
    return t;
  }
  if (p.kind === 'number') return checkNumber(p, parseDecimal(t) ?? Number.NaN, t);
  const parts = t.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((s) => s === '')) throw new ActlabError(`parameter ${p.name} needs comma-separated numbers, got '${t}'; e.g. --set ${p.name}=${String(p.default)}`);
  return parts.map((s) => checkNumber(p, parseDecimal(s) ?? Number.NaN, s));
}

/** Default parameter values of a lesson, with overrides (`name` → text) applied; unknown names are an error. */
export function resolveParams(lesson: Lesson, overrides: Readonly<Record<string, string>> = {}): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const p of lesson.params) out[p.name] = p.default;
  for (const [name, text] of Object.entries(overrides)) {
    const p = lesson.params.find((q) => q.name === name);
    if (!p) {
      const known = lesson.params.map((q) => q.name).join(', ') || 'none';
      throw new ActlabError(`lesson ${lesson.id} has no parameter '${name}'; its parameters are: ${known}`);
    }
    out[name] = parseParamValue(p, text);
  }
  return out;
}

/** A number parameter. */
export function num(params: ParamValues, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new ActlabError(`parameter ${name} must be a number; pass it with --set ${name}=<number>`);
  return v;
}

/** A list parameter. */
export function list(params: ParamValues, name: string): readonly number[] {
  const v = params[name];
  if (typeof v === 'number') return [v];
  if (typeof v !== 'object') throw new ActlabError(`parameter ${name} must be a list of numbers; pass it with --set ${name}=a,b,c`);
  return v;
}

/** A text parameter. */
export function text(params: ParamValues, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new ActlabError(`parameter ${name} must be a text; pass it with --set ${name}=<text>`);
  return v;
}

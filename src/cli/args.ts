/** Parsing of option values shared by commands: number lists, numbers, choices. */
import { parseDecimal } from '../util/decimal.js';
import { ActlabError } from '../util/errors.js';

const quote = (text: string): string => `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;

/** Parses a finite decimal number option (`--from -5`); hex, binary and Infinity are refused. */
export function parseNumber(text: string, option: string): number {
  const v = parseDecimal(text);
  if (v === undefined || !Number.isFinite(v)) throw new ActlabError(`${option} must be a decimal number, got ${quote(text)}; e.g. ${option}=-5`);
  return v;
}

/** Parses a whole decimal number within bounds (`--epochs 100`). */
export function parseInteger(text: string, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = parseDecimal(text) ?? Number.NaN;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new ActlabError(`${option} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got ${quote(text)}`);
  }
  return v;
}

/**
 * Parses a list of x values: comma-separated numbers (`-3,0,3`, `inf`, `nan` allowed), or a range
 * `from:to:count` (`-5:5:11`).
 */
export function parseNumberList(text: string, option: string): number[] {
  const range = /^\s*([^:]+):([^:]+):(\d+)\s*$/.exec(text);
  if (range) {
    const a = parseNumber(range[1], option);
    const b = parseNumber(range[2], option);
    const n = parseInteger(range[3], `${option} count`, 1, 100000);
    return Array.from({ length: n }, (_, i) => (n === 1 ? a : a + ((b - a) * i) / (n - 1)));
  }
  const parts = text.split(',');
  if (parts.length > 100000) throw new ActlabError(`${option} has ${parts.length} values; the limit is 100000`);
  return parts.map((s) => {
    const t = s.trim().toLowerCase();
    if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
    if (t === '-inf' || t === '-infinity') return -Infinity;
    if (t === 'nan') return Number.NaN;
    const v = parseDecimal(t);
    if (v === undefined) throw new ActlabError(`${option} has ${quote(s.trim())}, which is not a decimal number; give comma-separated numbers like ${option}=-3,0,3 or a range like ${option}=-5:5:11`);
    return v;
  });
}

/** Checks a choice option. */
export function parseChoice<T extends string>(text: string, option: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new ActlabError(`${option} must be one of ${choices.join(', ')}, got ${quote(text)}`);
}

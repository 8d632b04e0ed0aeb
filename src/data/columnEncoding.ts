import { ActlabError } from '../util/errors.js';

/** A CSV column read as a number per row. */
export interface NumericColumn {
  readonly name: string;
  readonly kind: 'numeric';
}

/**
 * A CSV column of text values, one-hot encoded: one feature per category (`name=category`), 1 for the
 * row's category and 0 for the others. An unseen category is an error (see `encodeCells`).
 */
export interface CategoricalColumn {
  readonly name: string;
  readonly kind: 'categorical';
  /** The categories seen in training, sorted (by UTF-16 code units); the order of the features. */
  readonly categories: readonly string[];
}

/** How one raw CSV column becomes feature columns (saved with models so predict encodes the same way). */
export type ColumnEncoding = NumericColumn | CategoricalColumn;

/** How rows with empty or NA feature cells are handled. */
export type MissingPolicy = 'drop' | 'mean' | 'error';

/** The missing-value policies, default first. */
export const MISSING_POLICIES: readonly MissingPolicy[] = ['drop', 'mean', 'error'];

/** Most categories a text column may have before it is left out as an identifier-like column. */
export const MAX_CATEGORIES = 50;

/** Most distinct integer values a numeric target may have and still be taken as class labels. */
export const MAX_INTEGER_CLASSES = 50;

/** Largest finite float32 value: CSV numbers beyond it cannot be trained on. */
export const FLOAT32_MAX = 3.4028234663852886e38;

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);

/** True for a cell that marks a missing value: empty, NA, N/A, NaN, null, None or ? (any case, spaces ignored). */
export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The value of a numeric cell, or undefined when it is not a plain decimal number (hex, binary, inf and NaN are not). */
export function parseNumberCell(cell: string): number | undefined {
  const t = cell.trim();
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** True when `cell` is written as a decimal number, however large (1e300 included). */
export function looksNumeric(cell: string): boolean {
  return NUMBER.test(cell.trim());
}

/** The feature names the encodings produce, in order: a numeric column's name, `name=category` per category. */
export function encodedFeatureNames(columns: readonly ColumnEncoding[]): string[] {
  return columns.flatMap((c) => (c.kind === 'numeric' ? [c.name] : c.categories.map((k) => `${c.name}=${k}`)));
}

/** Number of features the encodings produce. */
export function encodedWidth(columns: readonly ColumnEncoding[]): number {
  return columns.reduce((s, c) => s + (c.kind === 'numeric' ? 1 : c.categories.length), 0);
}

const show = (cell: string): string => (cell.length > 30 ? `${cell.slice(0, 27)}...` : cell);

/**
 * Encodes one row: `cells[k]` is the raw cell of `columns[k]`. Writes encodedWidth(columns) values into
 * `out` from `offset`. A missing cell becomes NaN (in every feature of a categorical column) when
 * `missingAsNaN`, else it is an error. A text cell in a numeric column, a number beyond float32 and a
 * category not seen in training are errors naming `where` (e.g. `data.csv: line 7`).
 */
export function encodeCells(
  cells: readonly string[], columns: readonly ColumnEncoding[], out: Float32Array, offset: number, where: string, missingAsNaN: boolean,
): void {
  let o = offset;
  columns.forEach((c, k) => {
    const cell = cells[k];
    if (isMissingCell(cell)) {
      if (!missingAsNaN) throw new ActlabError(`${where}, column '${c.name}' is missing ('${show(cell.trim())}'); fill it in, or pass --missing drop or --missing mean`);
      const w = c.kind === 'numeric' ? 1 : c.categories.length;
      out.fill(Number.NaN, o, o + w);
      o += w;
      return;
    }
    if (c.kind === 'numeric') {
      const t = cell.trim();
      if (!looksNumeric(t)) throw new ActlabError(`${where}, column '${c.name}': '${show(t)}' is not a number; the column holds numbers, so fix the cell or leave it empty`);
      const v = Number(t);
      if (!(Math.abs(v) <= FLOAT32_MAX)) throw new ActlabError(`${where}, column '${c.name}': ${show(t)} is beyond the 32-bit float range (±3.4e38); rescale the column`);
      out[o++] = v;
      return;
    }
    const t = cell.trim();
    const index = c.categories.indexOf(t);
    if (index < 0) {
      const known = c.categories.length > 8 ? `${c.categories.slice(0, 8).join(', ')}, …` : c.categories.join(', ');
      throw new ActlabError(`${where}, column '${c.name}': category '${show(t)}' was not seen in training (known: ${known}); use a known category or retrain with it`);
    }
    out.fill(0, o, o + c.categories.length);
    out[o + index] = 1;
    o += c.categories.length;
  });
}

/**
 * A CSV file the user drops on the explorer, turned into CustomData. Parsing and its error messages are
 * the core's (src/data parseCsv); this module only decides which column is the target, whether the task
 * is classification or regression, and which two columns the plane draws.
 */
import { parseCsv, parseNumberCell, readCsvRecords, type Dataset } from '../../../src/data/index.js';
import { LIMITS, type CustomData } from '../state/types.js';

/** Column names taken as the target wherever they stand (case and surrounding spaces ignored). */
export const TARGET_NAMES = ['label', 'class', 'target', 'y'] as const;
/** Most classes a classification target may have (colours and output units stay readable). */
export const MAX_CLASSES = 10;
/** Largest file the explorer reads. */
export const MAX_CSV_BYTES = 5_000_000;

/** A CSV file read for the explorer. */
export interface CsvImport {
  data: CustomData;
  /** Rows in the file (more than data holds when the file was thinned to LIMITS.maxPoints rows). */
  fileRows: number;
  /** The reader's one-line notes (the CLI prints the same): task inferred, rows with missing values dropped, columns left out. */
  notes: readonly string[];
}

/** Error with a one-line message for the user (the core's ActlabError text, or ours). */
export class CsvImportError extends Error {
  /** 'binary': the file is not text (the page says so in the user's language). */
  readonly code: 'binary' | null;
  constructor(message: string, code: 'binary' | null = null) {
    super(message);
    this.name = 'CsvImportError';
    this.code = code;
  }
}

/**
 * True when `text` (a file decoded as UTF-8) is not a text file: it holds a NUL character, or more than
 * a tenth of its first 4096 characters are control characters (other than tab, CR, LF) or U+FFFD (bytes
 * that were not UTF-8).
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  if (n === 0) return false;
  if (text.includes('\0')) return true;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad > n / 10;
}

/** The target column: the first named label/class/target/y, else the last column. */
export function chooseTarget(columns: readonly string[]): string {
  const names = columns.map((c) => c.trim());
  for (const wanted of TARGET_NAMES) {
    const hit = names.find((c) => c.toLowerCase() === wanted);
    if (hit !== undefined) return hit;
  }
  return names[names.length - 1] ?? '';
}

/** True when numeric targets look like class labels: integers with at most MAX_CLASSES distinct values. */
export function looksLikeClasses(values: ArrayLike<number>): boolean {
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) return false;
    distinct.add(v);
    if (distinct.size > MAX_CLASSES) return false;
  }
  return distinct.size >= 2;
}

/**
 * Reads CSV text into CustomData, as the CLI reads it (src/data parseCsv): text feature columns one-hot
 * encoded, rows with empty or NA feature cells dropped. The target is the column named label/class/target/y,
 * else the last one; the task is classification when the target is non-numeric or takes at most 10
 * distinct integer values (the explorer's colours; the CLI allows 50), regression otherwise. Files of more
 * than LIMITS.maxPoints rows are thinned evenly to that many. Throws CsvImportError with one line that says
 * what is wrong and what to do.
 */
export function importCsv(text: string, fileName: string): CsvImport {
  if (text.length > MAX_CSV_BYTES) {
    throw new CsvImportError(`${fileName}: the file is ${(text.length / 1e6).toFixed(1)} MB; the explorer reads files up to ${MAX_CSV_BYTES / 1e6} MB`);
  }
  if (looksBinary(text)) throw new CsvImportError(`${fileName}: this is not a text CSV file`, 'binary');
  let ds: Dataset;
  try {
    const header = readCsvRecords(text, fileName).find((r) => !r.blank);
    const target = header === undefined ? '' : chooseTarget(header.fields);
    ds = parseCsv(text, { target, fileName });
    const numericClasses = ds.classNames?.every((c) => parseNumberCell(c) !== undefined) === true;
    if (ds.task === 'classification' && numericClasses && !looksLikeClasses((ds.classNames ?? []).map(Number))) {
      ds = parseCsv(text, { target, fileName, task: 'regression' });
    }
  } catch (e) {
    throw new CsvImportError(e instanceof Error ? e.message : String(e));
  }
  const k = ds.classNames?.length ?? 0;
  if (ds.task === 'classification' && k > MAX_CLASSES) {
    throw new CsvImportError(
      `${fileName}: the target column has ${k} distinct values; a class column may have at most ${MAX_CLASSES} (name the target column 'label' or put it last)`,
    );
  }
  for (let i = 0; i < ds.x.length; i++) {
    if (!Number.isFinite(Math.fround(ds.x[i]))) throw new CsvImportError(`${fileName}: a value is too large for 32-bit floats; rescale the column`);
  }
  return { data: toCustomData(ds, fileName), fileRows: ds.n, notes: ds.notes ?? [] };
}

/** Row indices 0..n-1 thinned evenly to at most `max`. */
export function thinRows(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

function toCustomData(ds: Dataset, fileName: string): CustomData {
  const rows = thinRows(ds.n, LIMITS.maxPoints);
  const x: number[] = [];
  const y: number[] = [];
  for (const r of rows) {
    for (let j = 0; j < ds.d; j++) x.push(ds.x[r * ds.d + j]);
    y.push(ds.y[r]);
  }
  const data: CustomData = {
    task: ds.task,
    featureNames: [...ds.featureNames],
    x,
    y,
    planeColumns: [0, Math.min(1, ds.d - 1)],
    source: fileName,
  };
  if (ds.task === 'classification') data.classNames = [...(ds.classNames ?? [])];
  return data;
}

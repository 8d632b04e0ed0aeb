/**
 * Reading a CSV for a trained model: feature columns matched by name (other columns ignored), the target
 * column kept when present. Shared by `actlab predict`, the exported PyTorch script's contract and tests.
 */
import { encodeCells, encodedWidth, isMissingCell, type ColumnEncoding } from '../data/columnEncoding.js';
import { readCsvRecords } from '../data/csvRecords.js';
import { parseNumberCell } from '../data/parseCsv.js';
import { ActlabError } from '../util/errors.js';
import type { SavedModelJson } from './savedModel.js';

/** Rows of a CSV in the model's feature order. */
export interface ModelInputRows {
  /** Raw feature values (CSV units), rows×features, in the model's feature order. */
  readonly x: Float64Array;
  readonly rows: number;
  /** 1-based line of each row in the file. */
  readonly lines: readonly number[];
  /** Target cells (trimmed text) when the model names a target column and the CSV has it. */
  readonly targets: readonly string[] | null;
}

/** Parses `text` and picks the named feature columns (and the target column, if any). */
export function readModelInput(text: string, label: string, featureNames: readonly string[], target: string | null): ModelInputRows {
  const records = readCsvRecords(text, label);
  while (records.length > 0 && records[records.length - 1].blank) records.pop();
  if (records.length < 2) throw new ActlabError(`${label}: no data rows; give a header line and at least one row`);
  const columns = records[0].fields.map((f) => f.trim());
  const index = featureNames.map((name) => {
    const j = columns.indexOf(name);
    if (j < 0) throw new ActlabError(`${label}: no column '${name}' in the header; the model needs ${featureNames.join(', ')}`);
    return j;
  });
  const targetIndex = target !== null ? columns.indexOf(target) : -1;
  const rows = records.slice(1);
  const d = index.length;
  const x = new Float64Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r.fields.length !== columns.length) throw new ActlabError(`${label}: line ${r.line} has ${r.fields.length} fields, header has ${columns.length}; give every row one value per column`);
    index.forEach((j, k) => {
      const v = parseNumberCell(r.fields[j]);
      if (v === undefined) throw new ActlabError(`${label}: line ${r.line}, column '${columns[j]}': '${r.fields[j].trim()}' is not a number; features must be numbers`);
      x[i * d + k] = v;
    });
  });
  return {
    x,
    rows: rows.length,
    lines: rows.map((r) => r.line),
    targets: targetIndex >= 0 ? rows.map((r) => r.fields[targetIndex].trim()) : null,
  };
}

/** The label a target cell names: numbers in canonical form (`1.0` → `1`), text trimmed. */
export function targetKey(cell: string): string {
  const v = parseNumberCell(cell);
  return v !== undefined ? String(v) : cell.trim();
}

/** A CSV's rows as a saved model's network inputs. */
export interface EncodedModelInput {
  /** Network inputs, rows×inputs: columns encoded (numeric, or one-hot categories), then standardised in f64 and rounded once to f32. */
  readonly x: Float32Array;
  readonly rows: number;
  /** 1-based line of each row in the file. */
  readonly lines: readonly number[];
  /** Target cells (untrimmed) when the model names a target column and the CSV has it. */
  readonly targets: readonly string[] | null;
  /** Rows with a missing feature cell, filled with the training mean (0 after standardising). */
  readonly filled: number;
}

/**
 * Reads a CSV for a saved model the way `actlab predict` does: the raw columns matched by name (others
 * ignored), encoded as at training time (`inputs.columns`; numeric columns of the feature names for models
 * saved without them), missing cells set to the training mean, standardised.
 */
export function encodeModelInput(text: string, label: string, model: Pick<SavedModelJson, 'inputs' | 'target'>): EncodedModelInput {
  const { names, standardizer: std } = model.inputs;
  const encodings: readonly ColumnEncoding[] = model.inputs.columns ?? names.map((name) => ({ name, kind: 'numeric' as const }));
  const d = names.length;
  if (encodedWidth(encodings) !== d) throw new ActlabError(`the model's column encodings give ${encodedWidth(encodings)} inputs for ${d} features; the file is damaged, so save the model again`);
  const records = readCsvRecords(text, label);
  while (records.length > 0 && records[records.length - 1].blank) records.pop();
  if (records.length < 2) throw new ActlabError(`${label}: no data rows; give a header line and at least one row`);
  const columns = records[0].fields.map((f) => f.trim());
  const index = encodings.map((c) => {
    const j = columns.indexOf(c.name);
    if (j < 0) throw new ActlabError(`${label}: no column '${c.name}' in the header; the model needs ${encodings.map((e) => e.name).join(', ')}`);
    return j;
  });
  const target = model.target.name;
  const targetIndex = target !== null ? columns.indexOf(target) : -1;
  const rows = records.slice(1);
  const x = new Float32Array(rows.length * d);
  let filled = 0;
  rows.forEach((r, i) => {
    if (r.blank) throw new ActlabError(`${label}: line ${r.line} is blank; remove blank lines between data rows`);
    if (r.fields.length !== columns.length) throw new ActlabError(`${label}: line ${r.line} has ${r.fields.length} fields, header has ${columns.length}; give every row one value per column`);
    const cells = index.map((j) => r.fields[j]);
    if (cells.some(isMissingCell)) filled++;
    encodeCells(cells, encodings, x, i * d, `${label}: line ${r.line}`, true);
    for (let k = 0; k < d; k++) {
      const v = x[i * d + k];
      // A missing cell (NaN) takes the training mean, which is 0 after standardising.
      x[i * d + k] = v === v ? (v - std.mean[k]) / std.std[k] : 0;
    }
  });
  return { x, rows: rows.length, lines: rows.map((r) => r.line), targets: targetIndex >= 0 ? rows.map((r) => r.fields[targetIndex]) : null, filled };
}

import { ActlabError } from '../util/errors.js';
import { readCsvRecords, type CsvRecord } from './csvRecords.js';
import { createDataset, type DataTask, type Dataset } from './dataset.js';

/** Options of `parseCsv`. */
export interface CsvOptions {
  /** Name of the target column (exact header text, surrounding spaces ignored). */
  target: string;
  /** File name, used in error messages, as the data set's source and (without extension) its name. */
  fileName?: string;
  /**
   * Classification or regression. Default: regression when every target cell is a number,
   * classification otherwise. Pass 'classification' for numeric class labels such as 0/1/2.
   */
  task?: DataTask;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The value of a numeric cell, or undefined when it is not a plain finite decimal number. */
export function parseNumberCell(cell: string): number | undefined {
  const t = cell.trim();
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

const show = (cell: string): string => (cell.length > 30 ? `${cell.slice(0, 27)}...` : cell);

/**
 * Parses CSV text (RFC 4180, header line required) into a Dataset: every column except `target` is a
 * numeric feature. A non-numeric target gives a classification set whose class names are the distinct
 * values sorted (by UTF-16 code units); numeric class labels are sorted by value. Trailing blank lines
 * are allowed. Every error is an ActlabError naming the file, the line (header = line 1) and the column.
 */
export function parseCsv(text: string, options: CsvOptions): Dataset {
  const label = options.fileName ?? 'CSV input';
  const records = readCsvRecords(text, label);
  while (records.length > 0 && records[records.length - 1].blank) records.pop();
  if (records.length === 0) {
    throw new ActlabError(`${label}: the file is empty; give it a header line with column names and at least 2 data rows`);
  }
  const header = records[0];
  if (header.blank) {
    throw new ActlabError(`${label}: line ${header.line} is blank; the first line must be the header with the column names`);
  }
  const columns = header.fields.map((f) => f.trim());
  checkHeader(columns, header, label);
  const targetIndex = columns.indexOf(options.target.trim());
  if (targetIndex < 0) {
    throw new ActlabError(`${label}: no column '${options.target}' in the header (columns: ${columns.join(', ')}); choose the target from these`);
  }
  if (columns.length < 2) {
    throw new ActlabError(`${label}: the only column is the target '${columns[0]}'; add at least one feature column`);
  }
  const rows = records.slice(1);
  for (const r of rows) {
    if (r.blank) throw new ActlabError(`${label}: line ${r.line} is blank; remove blank lines between data rows`);
    if (r.fields.length !== columns.length) {
      throw new ActlabError(`${label}: line ${r.line} has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}, header has ${columns.length}; give every row one value per column`);
    }
    r.fields.forEach((cell, j) => {
      if (cell.trim() === '') throw new ActlabError(`${label}: line ${r.line}, column '${columns[j]}' is empty; fill in a value or delete the row`);
    });
  }
  if (rows.length < 2) {
    throw new ActlabError(`${label}: only ${rows.length} data row${rows.length === 1 ? '' : 's'}; a data set needs at least 2`);
  }

  const featureIndex = columns.map((_, j) => j).filter((j) => j !== targetIndex);
  const d = featureIndex.length;
  const x = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    featureIndex.forEach((j, k) => {
      const v = parseNumberCell(r.fields[j]);
      if (v === undefined) {
        throw new ActlabError(`${label}: line ${r.line}, column '${columns[j]}': '${show(r.fields[j].trim())}' is not a number; features must be numbers`);
      }
      x[i * d + k] = v;
    });
  });

  const targets = rows.map((r) => r.fields[targetIndex].trim());
  const numeric = targets.map(parseNumberCell);
  const allNumeric = numeric.every((v) => v !== undefined);
  const task: DataTask = options.task ?? (allNumeric ? 'regression' : 'classification');
  const targetName = columns[targetIndex];
  const y = new Float32Array(rows.length);
  let classNames: string[] | undefined;
  if (task === 'regression') {
    numeric.forEach((v, i) => {
      if (v === undefined) {
        throw new ActlabError(`${label}: line ${rows[i].line}, column '${targetName}': '${show(targets[i])}' is not a number; a regression target must be numeric`);
      }
      y[i] = v;
    });
  } else {
    const keys = allNumeric ? numeric.map((v) => String(v)) : targets;
    const distinct = [...new Set(keys)];
    classNames = allNumeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
    if (classNames.length < 2) {
      throw new ActlabError(`${label}: column '${targetName}' has only the class '${classNames[0]}'; a classification target needs at least 2 classes`);
    }
    const index = new Map(classNames.map((c, k) => [c, k]));
    keys.forEach((key, i) => {
      y[i] = index.get(key) ?? 0;
    });
  }
  const base = options.fileName?.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') || 'csv';
  return createDataset({
    name: base,
    task,
    featureNames: featureIndex.map((j) => columns[j]),
    ...(classNames ? { classNames } : {}),
    x,
    y,
    source: options.fileName ?? 'CSV text',
  });
}

/** Checks that the header names every column once and is not a data row. */
function checkHeader(columns: string[], header: CsvRecord, label: string): void {
  if (columns.every((c) => parseNumberCell(c) !== undefined)) {
    throw new ActlabError(`${label}: line ${header.line} looks like data, not a header ('${show(header.fields.join(','))}'); add a first line with the column names`);
  }
  const seen = new Set<string>();
  columns.forEach((c, j) => {
    if (c === '') throw new ActlabError(`${label}: line ${header.line}, column ${j + 1} has no name; name every column in the header`);
    if (seen.has(c)) throw new ActlabError(`${label}: line ${header.line}: column '${c}' appears twice; give each column a unique name`);
    seen.add(c);
  });
}

import { ActlabError } from '../util/errors.js';
import {
  type ColumnEncoding, encodeCells, encodedFeatureNames, encodedWidth, FLOAT32_MAX, isMissingCell, looksNumeric, MAX_CATEGORIES,
  MAX_INTEGER_CLASSES, type MissingPolicy, parseNumberCell,
} from './columnEncoding.js';
import { readCsvRecords, type CsvRecord } from './csvRecords.js';
import { createDataset, type DataTask, type Dataset } from './dataset.js';

/** Options of `parseCsv`. */
export interface CsvOptions {
  /** Name of the target column (exact header text, surrounding spaces ignored). */
  target: string;
  /** File name, used in error messages, as the data set's source and (without extension) its name. */
  fileName?: string;
  /**
   * Classification or regression. Default: classification when a target cell is text, or when every
   * target cell is an integer and there are at most MAX_INTEGER_CLASSES distinct values (a note says
   * so); regression otherwise.
   */
  task?: DataTask;
  /**
   * Rows with a missing feature cell (empty, NA, N/A, NaN, null, None, ?): `drop` them (default, with
   * a note of how many), fill them with the training mean (`mean`: the cells are NaN here and
   * `standardizeSplit` puts the training mean in their place), or stop with an `error` naming the line.
   * A missing target cell is always an error.
   */
  missing?: MissingPolicy;
}

export { parseNumberCell };

const show = (cell: string): string => (cell.length > 30 ? `${cell.slice(0, 27)}...` : cell);

/**
 * Parses CSV text (RFC 4180, header line required) into a Dataset. Every column except `target` is a
 * feature: a column of numbers is numeric, a column of text is categorical and one-hot encoded
 * (a column mostly of numbers with some text cells is an error naming the first text cell)
 * (categories sorted; `columns` records the encoding); a text column with more than MAX_CATEGORIES
 * distinct values (an identifier, not a category) and a column with no value are left out with a note. Missing cells follow
 * `options.missing`. A classification target's class names are the distinct values sorted (numbers by
 * value). Trailing blank lines are allowed. Every error is an ActlabError naming the file, the line
 * (header = line 1) and the column.
 */
export function parseCsv(text: string, options: CsvOptions): Dataset {
  const label = options.fileName ?? 'CSV input';
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new ActlabError(`${label}: line ${line} holds a NUL byte; this is a binary file, not a text CSV file`);
  }
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
    throw new ActlabError(`${label}: no column '${show(options.target)}' in the header (columns: ${columns.join(', ').slice(0, 300)}); choose the target from these`);
  }
  if (columns.length < 2) {
    throw new ActlabError(`${label}: the only column is the target '${columns[0]}'; add at least one feature column`);
  }
  const targetName = columns[targetIndex];
  const allRows = records.slice(1);
  for (const r of allRows) {
    if (r.blank) throw new ActlabError(`${label}: line ${r.line} is blank; remove blank lines between data rows`);
    if (r.fields.length !== columns.length) {
      throw new ActlabError(`${label}: line ${r.line} has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}, header has ${columns.length}; give every row one value per column`);
    }
    if (isMissingCell(r.fields[targetIndex])) {
      const cell = r.fields[targetIndex].trim();
      throw new ActlabError(`${label}: line ${r.line}: the target '${targetName}' is ${cell === '' ? 'empty' : `missing ('${show(cell)}')`}; every row needs a target, so fill it in or delete the row`);
    }
  }
  if (allRows.length < 2) {
    throw new ActlabError(`${label}: only ${allRows.length} data row${allRows.length === 1 ? '' : 's'}; a data set needs at least 2`);
  }

  const notes: string[] = [];
  const featureIndex = columns.map((_, j) => j).filter((j) => j !== targetIndex);
  const encodings: ColumnEncoding[] = [];
  const used: number[] = [];
  for (const j of featureIndex) {
    const enc = columnEncoding(columns[j], allRows, j, label);
    if (typeof enc === 'string') {
      notes.push(`column '${show(columns[j])}' left out: ${enc}`);
      continue;
    }
    encodings.push(enc);
    used.push(j);
  }
  if (encodings.length === 0) {
    throw new ActlabError(`${label}: no usable feature column (text columns with more than ${MAX_CATEGORIES} values are left out); add a numeric or categorical column`);
  }

  const policy = options.missing ?? 'drop';
  const rows = allRows.filter((r) => {
    const hasMissing = used.some((j) => isMissingCell(r.fields[j]));
    if (hasMissing && policy === 'error') {
      const j = used.find((k) => isMissingCell(r.fields[k])) as number;
      throw new ActlabError(`${label}: line ${r.line}, column '${columns[j]}' is missing ('${show(r.fields[j].trim())}'); fill it in, or pass --missing drop or --missing mean`);
    }
    return !(hasMissing && policy === 'drop');
  });
  const dropped = allRows.length - rows.length;
  if (dropped > 0) notes.push(`dropped ${dropped} of ${allRows.length} rows with missing feature values (--missing mean fills them instead)`);
  if (rows.length < 2) {
    throw new ActlabError(`${label}: only ${rows.length} of ${allRows.length} rows have no missing feature value; pass --missing mean to fill the gaps`);
  }
  const filled = policy === 'mean' ? rows.filter((r) => used.some((j) => isMissingCell(r.fields[j]))).length : 0;
  if (filled > 0) notes.push(`filled the missing values of ${filled} rows with the training mean`);

  const d = encodedWidth(encodings);
  const x = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    encodeCells(used.map((j) => r.fields[j]), encodings, x, i * d, `${label}: line ${r.line}`, policy === 'mean');
  });

  const targets = rows.map((r) => r.fields[targetIndex].trim());
  const numeric = targets.map(parseNumberCell);
  const allNumeric = numeric.every((v) => v !== undefined);
  let task: DataTask;
  if (options.task !== undefined) task = options.task;
  else if (!allNumeric) task = 'classification';
  else {
    const distinct = new Set(numeric);
    const integerLabels = distinct.size >= 2 && distinct.size <= MAX_INTEGER_CLASSES && [...distinct].every((v) => Number.isInteger(v));
    task = integerLabels ? 'classification' : 'regression';
    if (integerLabels) notes.push(`target '${targetName}' holds ${distinct.size} distinct integers: classification (pass --task regression to fit them as numbers)`);
  }
  const y = new Float32Array(rows.length);
  let classNames: string[] | undefined;
  if (task === 'regression') {
    targets.forEach((t, i) => {
      const v = numeric[i];
      if (v === undefined) {
        const why = looksNumeric(t) ? 'is beyond the 64-bit float range' : 'is not a number';
        throw new ActlabError(`${label}: line ${rows[i].line}, column '${targetName}': '${show(t)}' ${why}; a regression target must be numeric`);
      }
      if (!(Math.abs(v) <= FLOAT32_MAX)) throw new ActlabError(`${label}: line ${rows[i].line}, column '${targetName}': ${show(t)} is beyond the 32-bit float range (±3.4e38); rescale the column`);
      y[i] = v;
    });
  } else {
    const keys = allNumeric ? numeric.map((v) => String(v)) : targets;
    const distinct = [...new Set(keys)];
    classNames = allNumeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
    if (classNames.length < 2) {
      throw new ActlabError(`${label}: column '${targetName}' has only the class '${show(classNames[0])}'; a classification target needs at least 2 classes`);
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
    featureNames: encodedFeatureNames(encodings),
    ...(classNames ? { classNames } : {}),
    x,
    y,
    source: options.fileName ?? 'CSV text',
    columns: encodings,
    notes,
  });
}

/**
 * How feature column `j` is read: numeric when every present cell is a number; categorical when the
 * column is text with at most MAX_CATEGORIES values; the reason it is left out otherwise. A column
 * mostly of numbers with some text cells, and a hex, binary, octal or infinite number, are errors naming the cell.
 */
function columnEncoding(name: string, rows: readonly CsvRecord[], j: number, label: string): ColumnEncoding | string {
  let numbers = 0;
  let textCells = 0;
  let firstText: CsvRecord | undefined;
  const distinct = new Set<string>();
  for (const r of rows) {
    const cell = r.fields[j];
    if (isMissingCell(cell)) continue;
    if (looksNumeric(cell)) numbers++;
    else if (isOtherNumber(cell)) {
      throw new ActlabError(`${label}: line ${r.line}, column '${name}': '${show(cell.trim())}' is not a decimal number; write numbers in decimal (e.g. 16, 0.5, 1e-3)`);
    } else {
      textCells++;
      firstText ??= r;
    }
    if (distinct.size <= MAX_CATEGORIES) distinct.add(cell.trim());
  }
  if (numbers === 0 && textCells === 0) return 'every cell is missing';
  if (firstText === undefined) return { name, kind: 'numeric' };
  if (numbers >= textCells) {
    const t = firstText.fields[j].trim();
    throw new ActlabError(`${label}: line ${firstText.line}, column '${name}': '${show(t)}' is not a number; the column holds numbers, so fix the cell or leave it empty`);
  }
  if (distinct.size > MAX_CATEGORIES) return `more than ${MAX_CATEGORIES} distinct text values (an identifier, not a category)`;
  return { name, kind: 'categorical', categories: [...distinct].sort() };
}

/** True for text JavaScript reads as a number though it is not decimal: 0x10, 0b1, 0o7, Infinity. */
function isOtherNumber(cell: string): boolean {
  const t = cell.trim();
  return t !== '' && (/^[+-]?inf(inity)?$/i.test(t) || !Number.isNaN(Number(t)));
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

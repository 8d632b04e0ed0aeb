import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { readCsvRecords } from '../data/csvRecords.js';
import type { DataSpec } from '../experiments/trainingJob.js';
import { ActlabError } from '../util/errors.js';
import { parseInteger, parseNumber } from './args.js';
import type { CliIO } from './io.js';

/** The data options shared by train and compare. */
export interface DataOptions {
  data: string;
  target?: string;
  n?: string;
  noise?: string;
  testRatio?: string;
  dataSeed?: string;
}

/** True when `--data` names a file rather than a built-in set. */
export function isFileArgument(data: string): boolean {
  return /\.(csv|txt)$/i.test(data) || data.includes('/') || data.includes('\\');
}

/** Turns `--data` and its companions into a serialisable DataSpec (a CSV file's text is read into it). */
export function dataSpecFromOptions(o: DataOptions, io: CliIO): DataSpec {
  const common = {
    ...(o.n !== undefined ? { n: parseInteger(o.n, '--n', 2, 1_000_000) } : {}),
    ...(o.noise !== undefined ? { noise: parseNumber(o.noise, '--noise') } : {}),
    ...(o.testRatio !== undefined ? { testRatio: parseNumber(o.testRatio, '--test-ratio') } : {}),
    ...(o.dataSeed !== undefined ? { seed: parseInteger(o.dataSeed, '--data-seed', 0) } : {}),
  };
  if (!isFileArgument(o.data) && !existsSync(resolvePath(io.cwd, o.data))) return { name: o.data, ...common };
  const path = resolvePath(io.cwd, o.data);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ActlabError(`cannot read '${o.data}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unreadable'}; check the path`);
  }
  const target = o.target ?? lastColumn(text, o.data);
  return { name: o.data, csv: { text, target }, ...common };
}

/** The last header column: the default target of a CSV file. */
function lastColumn(text: string, label: string): string {
  const records = readCsvRecords(text, label);
  const header = records.find((r) => !r.blank);
  if (!header) throw new ActlabError(`${label}: the file is empty; give it a header line with column names and at least 2 data rows`);
  return header.fields[header.fields.length - 1].trim();
}

import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { MISSING_POLICIES, type MissingPolicy } from '../data/columnEncoding.js';
import { readCsvRecords } from '../data/csvRecords.js';
import type { DataTask } from '../data/dataset.js';
import type { DataSpec } from '../run/trainingJob.js';
import { readTextFile } from '../node/textFile.js';
import { ActlabError } from '../util/errors.js';
import { parseChoice, parseInteger, parseNumber } from './args.js';
import type { CliIO } from './io.js';

/** The data options shared by train and compare. */
export interface DataOptions {
  data: string;
  target?: string;
  task?: string;
  missing?: string;
  n?: string;
  noise?: string;
  testRatio?: string;
  dataSeed?: string;
}

/** The tasks `--task` accepts. */
export const TASKS: readonly DataTask[] = ['classification', 'regression'];

/** True when `--data` names a file rather than a built-in set. */
export function isFileArgument(data: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(data) || data.includes('/') || data.includes('\\');
}

/**
 * Turns `--data` and its companions into a serialisable DataSpec. A CSV file's text is read into it (in
 * memory only) with its path, row count and SHA-256, which are what results and saved models record.
 */
export function dataSpecFromOptions(o: DataOptions, io: CliIO): DataSpec {
  const common = {
    ...(o.n !== undefined ? { n: parseInteger(o.n, '--n', 2, 1_000_000) } : {}),
    ...(o.noise !== undefined ? { noise: parseNumber(o.noise, '--noise') } : {}),
    ...(o.testRatio !== undefined ? { testRatio: parseNumber(o.testRatio, '--test-ratio') } : {}),
    ...(o.dataSeed !== undefined ? { seed: parseInteger(o.dataSeed, '--data-seed', 0, 2 ** 32 - 1) } : {}),
  };
  if (common.testRatio !== undefined && !(common.testRatio > 0 && common.testRatio < 1)) {
    throw new ActlabError(`--test-ratio must be between 0 and 1 (exclusive), got '${o.testRatio}'; e.g. --test-ratio 0.2`);
  }
  if (common.noise !== undefined && !(common.noise >= 0 && common.noise <= 1)) {
    throw new ActlabError(`--noise must be from 0 to 1, got '${o.noise}'; e.g. --noise 0.1`);
  }
  const task = o.task !== undefined ? parseChoice<DataTask>(o.task, '--task', TASKS) : undefined;
  const missing = o.missing !== undefined ? parseChoice<MissingPolicy>(o.missing, '--missing', MISSING_POLICIES) : undefined;
  if (!isFileArgument(o.data) && !existsSync(resolvePath(io.cwd, o.data))) {
    for (const [flag, v] of [['--target', o.target], ['--task', task], ['--missing', missing]] as const) {
      if (v !== undefined) throw new ActlabError(`${flag} applies to CSV files, and '${o.data}' is a built-in data set; drop ${flag} or give a .csv file`);
    }
    return { name: o.data, ...common };
  }
  const file = readTextFile(o.data, '--data', io.cwd);
  const records = readCsvRecords(file.text, o.data);
  const header = records.find((r) => !r.blank);
  if (!header) throw new ActlabError(`${o.data}: the file is empty; give it a header line with column names and at least 2 data rows`);
  const rows = records.filter((r) => !r.blank).length - 1;
  const target = o.target ?? header.fields[header.fields.length - 1].trim();
  return {
    name: o.data,
    csv: { text: file.text, target, ...(task ? { task } : {}), ...(missing ? { missing } : {}), path: o.data, rows, sha256: file.sha256 },
    ...common,
  };
}

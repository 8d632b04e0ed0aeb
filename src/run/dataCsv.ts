/**
 * A data split as CSV text in raw units: the feature columns, then the target column (class names, or the
 * value). What `actlab train --save-data` writes, what `actlab predict` and the exported PyTorch/NumPy scripts
 * read, and what the distributed-training example trains on.
 */
import type { Dataset } from '../data/dataset.js';

/** Target column name used for built-in data sets (a CSV keeps its own). */
export const BUILTIN_TARGET = 'label';

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The shortest decimal that reads back as the same f32 value (5.8, not 5.800000190734863). */
export function f32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}

/** The rows of `ds` as CSV with a header line. */
export function datasetToCsv(ds: Dataset, target: string): string {
  const lines = [[...ds.featureNames, target].map(cell).join(',')];
  for (let i = 0; i < ds.n; i++) {
    const row: string[] = [];
    for (let k = 0; k < ds.d; k++) row.push(f32Text(ds.x[i * ds.d + k]));
    const y = ds.y[i];
    row.push(ds.task === 'classification' && ds.classNames ? cell(ds.classNames[y]) : f32Text(y));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

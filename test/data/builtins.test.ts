import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, BUILTIN_DATASET_NAMES, findBuiltinDataset, getDataset } from '../../src/data/builtins.js';
import { ActlabError } from '../../src/util/errors.js';

describe('the built-in data set registry', () => {
  it('lists every entry under its own name', () => {
    for (const name of BUILTIN_DATASET_NAMES) expect(BUILTIN_DATASETS[name].name).toBe(name);
    expect(BUILTIN_DATASET_NAMES).toEqual(expect.arrayContaining(['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs3', 'spiral3', 'iris', 'plane', 'multi_gauss', 'sine']));
  });

  it('finds names ignoring case, dashes and underscores', () => {
    expect(findBuiltinDataset('Multi-Gauss')?.name).toBe('multi_gauss');
    expect(findBuiltinDataset('multigauss')?.name).toBe('multi_gauss');
    expect(findBuiltinDataset('CIRCLE')?.name).toBe('circle');
    expect(findBuiltinDataset('nope')).toBeUndefined();
  });

  it('getDataset passes the options to the generator', () => {
    const ds = getDataset('spiral', { n: 40, noise: 0.1, seed: 9 });
    expect(ds.n).toBe(40);
    expect(Array.from(ds.x)).toEqual(Array.from(BUILTIN_DATASETS.spiral.generate({ n: 40, noise: 0.1, seed: 9 }).x));
  });

  it('suggests the closest name for a typo and lists what is available', () => {
    expect(() => getDataset('cirle')).toThrow(ActlabError);
    expect(() => getDataset('cirle')).toThrow(
      `unknown data set 'cirle'; did you mean circle? (available: ${BUILTIN_DATASET_NAMES.join(', ')})`,
    );
  });

  it('still lists the available sets when nothing is close', () => {
    expect(() => getDataset('zzzzzzzz')).toThrow(/^unknown data set 'zzzzzzzz'; pick a built-in data set or load a CSV file \(available: circle, /);
  });

  it('gives iris with its fixed 150 rows and refuses another size', () => {
    expect(getDataset('iris').n).toBe(150);
    expect(getDataset('iris', { n: 150 }).n).toBe(150);
    expect(() => getDataset('iris', { n: 100 })).toThrow(/exactly 150 rows/);
  });
});

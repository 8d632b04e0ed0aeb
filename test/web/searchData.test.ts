import { describe, expect, it } from 'vitest';
import { prepareData } from '../../src/experiments/preparedData.js';
import { DEFAULT_STATE } from '../../web/src/state/types.js';
import { searchDataSpec } from '../../web/src/search/searchData.js';

describe("the explorer's data as the search's data spec", () => {
  it('a built-in set keeps the page\'s points, noise, split and seed', () => {
    const spec = searchDataSpec({ ...DEFAULT_STATE, dataset: 'spiral', points: 300, noise: 20, trainRatio: 70, dataSeed: 4 }, null);
    expect(spec).toEqual({ name: 'spiral', n: 300, noise: 0.2, testRatio: 0.30000000000000004, seed: 4 });
    const d = prepareData(spec);
    expect(d.train.n + d.test.n).toBe(300);
  });

  it('clicked or uploaded points become CSV text with class names as targets, and prepare as the same rows', () => {
    const custom = { task: 'classification' as const, featureNames: ['a', 'b,c'], classNames: ['no', 'yes'], x: [0, 1, 2, 3, 4, 5, 6, 7], y: [0, 1, 1, 0], planeColumns: [0, 1] as [number, number], source: 'clicked' };
    const spec = searchDataSpec({ ...DEFAULT_STATE, dataset: 'custom' }, custom);
    expect(spec.csv?.text?.split('\n')[0]).toBe('a,"b,c",target');
    expect(spec.csv?.text?.split('\n')[2]).toBe('2,3,yes');
    const d = prepareData({ ...spec, testRatio: 0.25 });
    expect(d.train.n + d.test.n).toBe(4);
    expect(d.classNames).toEqual(['no', 'yes']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_EDIT_ROWS, customFromDataInfo, nearestRow, withPoint, withoutNearest } from '../../web/src/data/editPoints.js';
import type { DataInfo } from '../../web/src/engine/protocol.js';
import type { CustomData } from '../../web/src/state/types.js';

const info: DataInfo = {
  task: 'classification',
  numClasses: 2,
  classNames: ['negative', 'positive'],
  featureNames: ['x1', 'x2'],
  inputNames: ['x1', 'x2'],
  inputStandardizer: null,
  planeColumns: [0, 1],
  extent: [-6, 6, -6, 6],
  targetRange: [0, 1],
  points: { xy: new Float32Array([1, 1, -2, 3, 4, -4]), label: new Float32Array([0, 1, 1]), isTest: new Uint8Array([0, 0, 1]) },
  nTrain: 2,
  nTest: 1,
};

const csv: CustomData = {
  task: 'regression',
  featureNames: ['a', 'b', 'c'],
  x: [0, 10, 100, 2, 20, 200],
  y: [0.5, 1.5],
  planeColumns: [2, 0],
  source: 'file.csv',
};

describe('editing points by hand', () => {
  it('copies the shown points of a built-in set', () => {
    expect(customFromDataInfo(info)).toEqual({
      task: 'classification',
      featureNames: ['x1', 'x2'],
      classNames: ['negative', 'positive'],
      x: [1, 1, -2, 3, 4, -4],
      y: [0, 1, 1],
      planeColumns: [0, 1],
      source: 'clicked',
    });
  });

  it('adds a point of the chosen class, to 2 decimals', () => {
    const next = withPoint(customFromDataInfo(info), 1.23456, -0.5, 1);
    expect(next.y).toEqual([0, 1, 1, 1]);
    expect(next.x.slice(6)).toEqual([Math.fround(1.23), -0.5]);
    expect(withPoint(customFromDataInfo(info), 0, 0, 2).classNames).toEqual(['negative', 'positive', '2']);
  });

  it('puts the plane coordinates in the drawn columns and the mean in the others', () => {
    const next = withPoint(csv, 7, 8, 0.25);
    expect(next.x.slice(6)).toEqual([8, 15, 7]);
    expect(next.y).toEqual([0.5, 1.5, 0.25]);
    expect(csv.y).toHaveLength(2);
  });

  it('removes the nearest point, never going below the minimum', () => {
    const base = customFromDataInfo(info);
    expect(nearestRow(base, -1.5, 2.5)).toBe(1);
    const next = withoutNearest(base, -1.5, 2.5);
    expect(next.x).toEqual([1, 1, 4, -4]);
    expect(next.y).toEqual([0, 1]);
    expect(withoutNearest(next, 0, 0)).toBe(next);
    expect(next.y.length).toBe(MIN_EDIT_ROWS);
  });

  it('keeps x and y in step through any edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }), fc.integer({ min: 0, max: 12 }))), (edits) => {
        let data = customFromDataInfo(info);
        for (const [add, x1, x2, c] of edits) data = add ? withPoint(data, x1, x2, c) : withoutNearest(data, x1, x2);
        expect(data.x).toHaveLength(2 * data.y.length);
        expect(data.y.length).toBeGreaterThanOrEqual(MIN_EDIT_ROWS);
        expect(data.y.every((c) => Number.isInteger(c) && c >= 0 && c < (data.classNames?.length ?? 0))).toBe(true);
      }),
    );
  });
});

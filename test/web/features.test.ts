import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActlabError } from '../../src/util/errors.js';
import {
  FEATURE_LABELS, checkFeatures, featureColumnName, featureEncoder, featureValue, featurize, gridPoints, standardEncoder,
} from '../../web/src/engine/features.js';
import { FEATURES } from '../../web/src/state/types.js';

describe('Playground features', () => {
  it('computes every feature of a plane point', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }), (a, b) => {
        expect(featureValue('x1', a, b)).toBe(a);
        expect(featureValue('x2', a, b)).toBe(b);
        expect(featureValue('x1sq', a, b)).toBe(a * a);
        expect(featureValue('x2sq', a, b)).toBe(b * b);
        expect(featureValue('x1x2', a, b)).toBe(a * b);
        expect(featureValue('sinx1', a, b)).toBe(Math.sin(a));
        expect(featureValue('sinx2', a, b)).toBe(Math.sin(b));
      }),
    );
  });

  it('has a label and a column name for every feature', () => {
    for (const f of FEATURES) {
      expect(FEATURE_LABELS[f]).toBeTruthy();
      expect(featureColumnName(f, 'x1', 'x2')).toBeTruthy();
    }
    expect(featureColumnName('x1x2', 'h', 'w')).toBe('h*w');
    expect(featureColumnName('sinx2', 'h', 'w')).toBe('sin(w)');
  });

  it('checks selections: at least one, known ids, FEATURES order', () => {
    expect(checkFeatures(['x2', 'x1'])).toEqual(['x1', 'x2']);
    expect(() => checkFeatures([])).toThrow(ActlabError);
    expect(() => checkFeatures([])).toThrow(/at least one feature/);
    expect(() => checkFeatures(['x3'])).toThrow(/unknown input feature 'x3'/);
  });

  it('encodes data rows and plane points the same way', () => {
    fc.assert(
      fc.property(
        fc.subarray([...FEATURES], { minLength: 1 }),
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (features, values) => {
          const n = Math.floor(values.length / 2);
          const xy = Float32Array.from(values.slice(0, 2 * n));
          const enc = featureEncoder(features);
          expect(enc.width).toBe(features.length);
          expect(Array.from(enc.encodeRows(xy, n))).toEqual(Array.from(enc.encodePlane(xy, n)));
          expect(Array.from(featurize(enc.features ?? [], xy, n))).toEqual(Array.from(enc.encodePlane(xy, n)));
        },
      ),
    );
  });

  it('reads the plane columns of wider data for the features', () => {
    const enc = featureEncoder(['x1', 'x2', 'x1x2'], 3, [2, 0], ['c', 'a']);
    expect(enc.names).toEqual(['c', 'a', 'c*a']);
    expect(Array.from(enc.encodeRows(Float32Array.of(1, 2, 3), 1))).toEqual([3, 1, 3]);
  });
});

describe('standardEncoder', () => {
  it('standardises all columns and holds non-plane columns at their mean on the plane', () => {
    const enc = standardEncoder(['a', 'b', 'c'], [1, 2, 3], [2, 4, 0.5], [0, 2]);
    expect(enc.features).toBeNull();
    expect(enc.names).toEqual(['a', 'b', 'c']);
    expect(Array.from(enc.encodeRows(Float32Array.of(3, 6, 4), 1))).toEqual([1, 1, 2]);
    expect(Array.from(enc.encodePlane(Float32Array.of(5, 2.5), 1))).toEqual([2, 0, -1]);
  });
});

describe('gridPoints', () => {
  it('puts row 0 at the top (largest x2) and column 0 at the left', () => {
    const g = gridPoints([-6, 6, -6, 6], 4);
    // Cell centres: -4.5, -1.5, 1.5, 4.5.
    expect([g[0], g[1]]).toEqual([-4.5, 4.5]);
    expect([g[2 * 3], g[2 * 3 + 1]]).toEqual([4.5, 4.5]);
    expect([g[2 * 15], g[2 * 15 + 1]]).toEqual([4.5, -4.5]);
  });
});

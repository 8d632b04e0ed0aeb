import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, BUILTIN_DATASET_NAMES, type BuiltinDataset } from '../../../src/data/builtins.js';
import { classCounts } from '../../../src/data/dataset.js';
import { circle } from '../../../src/data/synthetic/circle.js';
import { xor } from '../../../src/data/synthetic/xor.js';
import { gauss } from '../../../src/data/synthetic/gauss.js';
import { spiral } from '../../../src/data/synthetic/spiral.js';
import { moons } from '../../../src/data/synthetic/moons.js';
import { blobs } from '../../../src/data/synthetic/blobs.js';
import { plane } from '../../../src/data/synthetic/plane.js';
import { multiGauss, multiGaussTarget } from '../../../src/data/synthetic/multiGauss.js';
import { sine } from '../../../src/data/synthetic/sine.js';
import { ActlabError } from '../../../src/util/errors.js';

const generated = BUILTIN_DATASET_NAMES.filter((name) => name !== 'iris');
const row = (x: Float32Array, i: number): [number, number] => [x[2 * i], x[2 * i + 1]];

describe('every generated data set', () => {
  it.each(generated)('%s gives the same rows for the same seed and different rows for another', (name) => {
    const gen = BUILTIN_DATASETS[name].generate;
    const a = gen({ n: 101, noise: 0.2, seed: 4 });
    const b = gen({ n: 101, noise: 0.2, seed: 4 });
    const c = gen({ n: 101, noise: 0.2, seed: 5 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it.each(generated)('%s has the requested shape, finite values and the registry metadata', (name) => {
    const entry = BUILTIN_DATASETS[name];
    const ds = entry.generate({ n: 101, noise: 0.3, seed: 1 });
    expect(ds.name).toBe(name);
    expect(ds.task).toBe(entry.task);
    expect(ds.n).toBe(101);
    expect(ds.d).toBe(entry.d);
    expect(ds.x.length).toBe(101 * entry.d);
    expect(ds.y.length).toBe(101);
    expect(ds.featureNames.length).toBe(entry.d);
    expect(ds.x.every(Number.isFinite)).toBe(true);
    expect(ds.y.every(Number.isFinite)).toBe(true);
    expect(ds.source).toBeTruthy();
    expect(ds.licence).toBeTruthy();
    expect(entry.generate().n).toBe(entry.defaultSize);
  });

  it.each(generated.filter((name) => BUILTIN_DATASETS[name].task === 'classification'))(
    '%s has valid class indices and balanced classes (at noise 0)',
    (name) => {
      const entry: BuiltinDataset = BUILTIN_DATASETS[name];
      const ds = entry.generate({ n: 301, seed: 2 });
      expect(ds.numClasses).toBe(entry.numClasses);
      expect(ds.classNames?.length).toBe(entry.numClasses);
      expect(ds.y.every((c) => Number.isInteger(c) && c >= 0 && c < (ds.numClasses ?? 0))).toBe(true);
      const counts = classCounts(ds);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    },
  );

  it.each(generated)('%s interleaves the classes rather than listing them in blocks', (name) => {
    const ds = BUILTIN_DATASETS[name].generate({ n: 200, seed: 3 });
    const firstHalf = Array.from(ds.y.subarray(0, 100));
    expect(new Set(firstHalf).size).toBeGreaterThan(1);
  });

  it.each(generated)('%s rejects a bad size, noise or seed with an ActlabError', (name) => {
    const gen = BUILTIN_DATASETS[name].generate;
    expect(() => gen({ n: 1 })).toThrow(ActlabError);
    expect(() => gen({ n: 10.5 })).toThrow(/cannot have 10.5 rows/);
    expect(() => gen({ noise: 1.5 })).toThrow(/noise 1.5 is out of range/);
    expect(() => gen({ noise: Number.NaN })).toThrow(ActlabError);
    expect(() => gen({ seed: 0.5 })).toThrow(/not an integer/);
  });
});

describe('Playground geometry', () => {
  it('circle puts class 1 inside radius 2.5 and class 0 on the ring 3.5..5 without noise', () => {
    const ds = circle({ n: 400, seed: 1 });
    for (let i = 0; i < ds.n; i++) {
      const r = Math.hypot(...row(ds.x, i));
      if (ds.y[i] === 1) expect(r).toBeLessThan(2.5);
      else expect(r >= 3.5 - 1e-5 && r <= 5 + 1e-5).toBe(true);
    }
  });

  it('circle with noise mislabels some points, as Playground does', () => {
    const ds = circle({ n: 400, noise: 0.5, seed: 1 });
    let wrong = 0;
    for (let i = 0; i < ds.n; i++) if ((Math.hypot(...row(ds.x, i)) < 2.5 ? 1 : 0) !== ds.y[i]) wrong++;
    expect(wrong).toBeGreaterThan(10);
  });

  it('xor labels class 1 where x1·x2 ≥ 0 and keeps points 0.3 away from the axes', () => {
    const ds = xor({ n: 400, seed: 2 });
    for (let i = 0; i < ds.n; i++) {
      const [a, b] = row(ds.x, i);
      expect(ds.y[i]).toBe(a * b >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.3 - 1e-6);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(5.3 + 1e-6);
    }
  });

  it('gauss centres class 1 at (2, 2) and class 0 at (−2, −2) with variance 0.5 at noise 0', () => {
    const ds = gauss({ n: 4000, seed: 3 });
    const sums = [[0, 0, 0], [0, 0, 0]];
    for (let i = 0; i < ds.n; i++) {
      const s = sums[ds.y[i]];
      s[0] += ds.x[2 * i];
      s[1] += ds.x[2 * i + 1];
      s[2] += 1;
    }
    expect(sums[1][0] / sums[1][2]).toBeCloseTo(2, 1);
    expect(sums[0][1] / sums[0][2]).toBeCloseTo(-2, 1);
    let sq = 0;
    for (let i = 0; i < ds.n; i++) if (ds.y[i] === 1) sq += (ds.x[2 * i] - 2) ** 2;
    expect(sq / sums[1][2]).toBeCloseTo(0.5, 1);
  });

  it('spiral arms grow to radius 5 and the two arms are point reflections of each other', () => {
    const ds = spiral({ n: 200, seed: 1 });
    let maxR = 0;
    const key = (a: number, b: number): string => `${(a + 0).toFixed(3)},${(b + 0).toFixed(3)}`.replace(/-0\.000/g, '0.000');
    const arm0 = new Set<string>();
    const arm1 = new Set<string>();
    for (let i = 0; i < ds.n; i++) {
      const [a, b] = row(ds.x, i);
      maxR = Math.max(maxR, Math.hypot(a, b));
      if (ds.y[i] === 0) arm0.add(key(-a, -b));
      else arm1.add(key(a, b));
    }
    expect(maxR).toBeLessThan(5);
    expect(maxR).toBeGreaterThan(4.9);
    expect(arm0.size).toBe(100);
    expect(arm0).toEqual(arm1);
  });

  it('spiral3 has three arms rotated by a third of a turn', () => {
    const ds = spiral({ n: 300, seed: 1 }, 3);
    expect(ds.name).toBe('spiral3');
    expect(ds.classNames).toEqual(['A', 'B', 'C']);
    expect(classCounts(ds)).toEqual([100, 100, 100]);
  });

  it('moons stay within the Playground box and their classes are separable at noise 0 by the curve', () => {
    const ds = moons({ n: 400, seed: 6 });
    for (let i = 0; i < ds.n; i++) {
      const [a, b] = row(ds.x, i);
      expect(Math.abs(a)).toBeLessThanOrEqual(4.5 + 1e-5);
      expect(Math.abs(b)).toBeLessThanOrEqual(2.25 + 1e-5);
      // Upper moon: distance 3 from (−1.5, −0.75); lower moon: distance 3 from (1.5, 0.75).
      const centre = ds.y[i] === 0 ? [-1.5, -0.75] : [1.5, 0.75];
      expect(Math.hypot(a - centre[0], b - centre[1])).toBeCloseTo(3, 4);
    }
  });

  it('blobs3 puts three clusters on a circle of radius 4', () => {
    const ds = blobs(3, { n: 3000, seed: 2 });
    for (let c = 0; c < 3; c++) {
      let sx = 0;
      let sy = 0;
      let k = 0;
      for (let i = 0; i < ds.n; i++) if (ds.y[i] === c) { sx += ds.x[2 * i]; sy += ds.x[2 * i + 1]; k++; }
      expect(Math.hypot(sx / k, sy / k)).toBeCloseTo(4, 0);
    }
  });

  it('plane targets are (x1 + x2)/10 without noise', () => {
    const ds = plane({ n: 100, seed: 1 });
    for (let i = 0; i < ds.n; i++) expect(ds.y[i]).toBeCloseTo((ds.x[2 * i] + ds.x[2 * i + 1]) / 10, 5);
  });

  it('multi_gauss peaks at +1 and −1 on its bump centres and is 0 far from them', () => {
    expect(multiGaussTarget(-4, 2.5)).toBe(1);
    expect(multiGaussTarget(0, 2.5)).toBe(-1);
    expect(multiGaussTarget(4, -2.5)).toBe(-1);
    expect(multiGaussTarget(-2, 0)).toBe(0);
    const ds = multiGauss({ n: 200, seed: 1 });
    expect(ds.y.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('sine is one feature with target sin(x) without noise', () => {
    const ds = sine({ n: 50, seed: 1 });
    expect(ds.d).toBe(1);
    for (let i = 0; i < ds.n; i++) expect(ds.y[i]).toBeCloseTo(Math.sin(ds.x[i]), 5);
  });
});

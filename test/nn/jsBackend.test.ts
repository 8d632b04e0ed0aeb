import { describe, expect, it } from 'vitest';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { createRng } from '../../src/util/rng.js';

const rng = createRng(7);
const rand = (n: number): Float32Array => new Float32Array(n).map(() => rng.next() * 2 - 1);

/** C = op(A)·op(B) by the textbook triple loop, in f64. */
function naive(at: (i: number, p: number) => number, bt: (p: number, j: number) => number, m: number, k: number, n: number): number[] {
  const c: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
    c.push(s);
  }
  return c;
}

const shapes = [[1, 1, 1], [3, 5, 2], [4, 4, 4], [5, 7, 9], [8, 3, 12], [9, 16, 5]] as const;

describe('jsBackend', () => {
  for (const [m, k, n] of shapes) {
    it(`gemm, gemmTN and gemmNT equal the triple loop for ${m}×${k}·${k}×${n}, overwriting and accumulating`, () => {
      const a = rand(m * k);
      const b = rand(k * n);
      const c0 = rand(m * n);
      const expected = naive((i, p) => a[i * k + p], (p, j) => b[p * n + j], m, k, n);
      const at = new Float32Array(k * m);
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
      const bt = new Float32Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
      const variants: [string, (c: Float32Array, acc: boolean) => void][] = [
        ['gemm', (c, acc) => jsBackend.gemm(a, b, c, m, k, n, acc)],
        ['gemmTN', (c, acc) => jsBackend.gemmTN(at, b, c, m, k, n, acc)],
        ['gemmNT', (c, acc) => jsBackend.gemmNT(a, bt, c, m, k, n, acc)],
      ];
      for (const [, run] of variants) {
        const c = rand(m * n);
        run(c, false);
        c.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
        const d = Float32Array.from(c0);
        run(d, true);
        d.forEach((v, i) => expect(v).toBeCloseTo(expected[i] + c0[i], 5));
      }
    });
  }

  it('sumRows adds the columns and broadcastRows copies a row into every row', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const out = new Float32Array(3);
    jsBackend.sumRows(a, out, 2, 3, false);
    expect(Array.from(out)).toEqual([5, 7, 9]);
    jsBackend.sumRows(a, out, 2, 3, true);
    expect(Array.from(out)).toEqual([10, 14, 18]);
    const c = new Float32Array(6);
    jsBackend.broadcastRows(Float32Array.from([7, 8, 9]), c, 2, 3);
    expect(Array.from(c)).toEqual([7, 8, 9, 7, 8, 9]);
  });
});

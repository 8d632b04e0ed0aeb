import { describe, expect, it } from 'vitest';
import { VECTOR_ACTIVATIONS, logSoftmax, softmax, softmin, type NumArray } from '../../src/activations/vector.js';

/** A fixed pseudo-random matrix (no Math.random: a small LCG with a fixed seed). */
function matrix(rows: number, cols: number, scale: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: rows * cols }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 2 * scale;
  });
}

function run(f: (typeof VECTOR_ACTIVATIONS)[number], x: Float64Array, rows: number, cols: number): Float64Array {
  const y = new Float64Array(x.length);
  f.forward(x, y, rows, cols);
  return y;
}

describe.each(VECTOR_ACTIVATIONS.map((f) => [f.id, f] as const))('%s', (_id, f) => {
  const rows = 3;
  const cols = 5;

  it('has a backward pass equal to central finite differences of the forward (vector-Jacobian product)', () => {
    const x = matrix(rows, cols, 3, 7);
    const dy = matrix(rows, cols, 1, 11);
    const y = run(f, x, rows, cols);
    const dx = new Float64Array(x.length);
    f.backward(y, dy, dx, rows, cols);
    const h = 1e-6;
    for (let i = 0; i < x.length; i++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += h;
      down[i] -= h;
      const yu = run(f, up, rows, cols);
      const yd = run(f, down, rows, cols);
      let fd = 0;
      for (let k = 0; k < x.length; k++) fd += (dy[k] * (yu[k] - yd[k])) / (2 * h);
      expect(Math.abs(dx[i] - fd), `dx[${i}] = ${dx[i]}, finite difference ${fd}`).toBeLessThan(1e-8);
    }
  });

  it('gives no NaN for rows with ±1e30, ±1e300 and mixed huge and tiny entries', () => {
    const x = Float64Array.from([1e30, -1e30, 0, 1, -1, 1e300, -1e300, 5, 1e-300, -5]);
    const y = run(f, x, 2, 5);
    for (const v of y) expect(Number.isNaN(v)).toBe(false);
    const dx = new Float64Array(x.length);
    f.backward(y, Float64Array.from(x, (_, i) => (i % 3) - 1), dx, 2, 5);
    for (const v of dx) expect(Number.isFinite(v)).toBe(true);
  });

  it('works in place on Float32Array buffers and agrees with the f64 result to f32 precision', () => {
    const x = matrix(rows, cols, 10, 3);
    const y64 = run(f, x, rows, cols);
    const x32 = Float32Array.from(x);
    const y32 = new Float32Array(x.length);
    f.forward(x32, y32, rows, cols);
    const ref = run(f, Float64Array.from(x32), rows, cols);
    y32.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThanOrEqual(2e-7 * Math.max(1, Math.abs(ref[i]))));
    expect(y64.length).toBe(y32.length);
  });

  it('rejects buffers shorter than rows × cols', () => {
    expect(() => f.forward(new Float64Array(3), new Float64Array(6), 2, 3)).toThrow(/shorter/);
  });
});

describe('softmax', () => {
  it('gives rows that sum to 1 and are invariant to adding a constant', () => {
    const x = matrix(4, 6, 20, 5);
    const y = run(softmax, x, 4, 6);
    const shifted = run(softmax, x.map((v) => v + 1000), 4, 6);
    for (let r = 0; r < 4; r++) {
      let s = 0;
      for (let j = 0; j < 6; j++) {
        s += y[r * 6 + j];
        expect(Math.abs(y[r * 6 + j] - shifted[r * 6 + j])).toBeLessThan(1e-12);
      }
      expect(Math.abs(s - 1)).toBeLessThan(1e-15);
    }
  });

  it('gives exact 0 and 1 for widely separated scores, and the limit for +Infinity entries', () => {
    expect(Array.from(run(softmax, Float64Array.from([1e30, 0, -1e30]), 1, 3))).toEqual([1, 0, 0]);
    expect(Array.from(run(softmax, Float64Array.from([Infinity, 3, Infinity, -Infinity]), 1, 4))).toEqual([0.5, 0, 0.5, 0]);
    expect(Array.from(run(softmax, Float64Array.from([-Infinity, 0]), 1, 2))).toEqual([0, 1]);
  });

  it('gives NaN for a row that is entirely -Infinity, which has no limit', () => {
    for (const v of run(softmax, Float64Array.from([-Infinity, -Infinity]), 1, 2)) expect(v).toBeNaN();
  });

  it('matches e^x / Σ e^x on a small example', () => {
    const y = run(softmax, Float64Array.from([1, 2, 3]), 1, 3);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    [1, 2, 3].forEach((v, i) => expect(y[i]).toBeCloseTo(Math.exp(v) / z, 15));
  });
});

describe('log_softmax', () => {
  it('equals log(softmax) where softmax is not tiny, and stays finite where softmax underflows', () => {
    const x = matrix(2, 7, 5, 9);
    const y = run(logSoftmax, x, 2, 7);
    const p = run(softmax, x, 2, 7);
    y.forEach((v, i) => expect(Math.abs(v - Math.log(p[i]))).toBeLessThan(1e-13));
    const far = run(logSoftmax, Float64Array.from([0, -1000]), 1, 2);
    expect(far[1]).toBeCloseTo(-1000, 10);
    expect(far[0]).toBe(0);
  });

  it('gives -log(k) for k +Infinity entries and -Infinity elsewhere', () => {
    expect(Array.from(run(logSoftmax, Float64Array.from([Infinity, 2, Infinity]), 1, 3))).toEqual([-Math.log(2), -Infinity, -Math.log(2)]);
  });

  it('has a backward pass dx = dy - softmax·Σdy that sums to zero per row', () => {
    const x = matrix(1, 4, 2, 21);
    const y = run(logSoftmax, x, 1, 4);
    const dy = Float64Array.from([0.3, -1, 2, 0.5]);
    const dx = new Float64Array(4);
    logSoftmax.backward(y, dy, dx, 1, 4);
    expect(Math.abs(dx.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
  });
});

describe('softmin', () => {
  it('equals softmax of the negated scores', () => {
    const x = matrix(3, 4, 4, 13);
    const a = run(softmin, x, 3, 4);
    const b = run(softmax, x.map((v) => -v), 3, 4);
    a.forEach((v, i) => expect(v).toBe(b[i]));
  });

  it('puts the mass on -Infinity entries', () => {
    expect(Array.from(run(softmin, Float64Array.from([-Infinity, 0, 1]), 1, 3))).toEqual([1, 0, 0]);
  });
});

describe('VECTOR_ACTIVATIONS', () => {
  it('lists softmax, log_softmax and softmin with unique snake_case ids and a summary each', () => {
    expect(VECTOR_ACTIVATIONS.map((f) => f.id)).toEqual(['softmax', 'log_softmax', 'softmin']);
    for (const f of VECTOR_ACTIVATIONS) expect(f.summary.length).toBeGreaterThan(60);
  });

  it('accepts either typed array kind through the NumArray type', () => {
    const buffers: NumArray[] = [new Float32Array(2), new Float64Array(2)];
    for (const b of buffers) {
      softmax.forward(Float64Array.from([0, 0]), b, 1, 2);
      expect(Array.from(b)).toEqual([0.5, 0.5]);
    }
  });
});

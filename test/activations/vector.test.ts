import { describe, expect, it } from 'vitest';
import { VECTOR_ACTIVATIONS, VECTOR_CATALOG, entmax15, logSoftmax, logSumExp, softmax, softmin, sparsemax, vectorActivationFromSpec, type NumArray } from '../../src/activations/vector.js';

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
  it('lists softmax, log_softmax, softmin, sparsemax and entmax15 with unique snake_case ids and a summary each', () => {
    expect(VECTOR_ACTIVATIONS.map((f) => f.id)).toEqual(['softmax', 'log_softmax', 'softmin', 'sparsemax', 'entmax15']);
    expect(VECTOR_CATALOG.map((f) => f.id)).toEqual(VECTOR_ACTIVATIONS.map((f) => f.id));
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

/** Simplex projection by bisection on the threshold: y = [z − τ]₊^p with Σ y = 1 (p = 1 sparsemax, p = 2 entmax-1.5 on z = x/2). */
function bisectionMap(x: readonly number[], p: 1 | 2): number[] {
  const z = p === 1 ? [...x] : x.map((v) => v / 2);
  const m = Math.max(...z);
  let lo = m - 1;
  let hi = m;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const s = z.reduce((acc, v) => acc + Math.max(v - mid, 0) ** p, 0);
    if (s > 1) lo = mid;
    else hi = mid;
  }
  return z.map((v) => Math.max(v - lo, 0) ** p);
}

describe.each(VECTOR_ACTIVATIONS.map((f) => [f.id, f] as const))('%s (catalog entry)', (_id, f) => {
  it('reproduces its documented sample rows to 1e-12', () => {
    expect(f.samples.length).toBeGreaterThanOrEqual(3);
    for (const s of f.samples) {
      const y = run(f, Float64Array.from(s.x), 1, s.x.length);
      s.y.forEach((want, i) => expect(Math.abs(y[i] - want), `${f.id}(${s.x})[${i}] = ${y[i]}, expected ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want))));
    }
  });

  it('has the properties its entry declares (range, sums to 1, shift invariance, sparsity, order) on random rows', () => {
    const rows = 40;
    const cols = 6;
    const x = matrix(rows, cols, 4, 17);
    const y = run(f, x, rows, cols);
    const shifted = run(f, x.map((v) => v + 3.25), rows, cols);
    const p = f.properties;
    let zeros = 0;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const v = y[r * cols + j];
        if (v === 0) zeros++;
        s += v;
        if (p.range.lower !== null) expect(v).toBeGreaterThanOrEqual(p.range.lower);
        if (p.range.upper !== null) expect(v).toBeLessThanOrEqual(p.range.upper);
        if (p.shiftInvariant) expect(Math.abs(v - shifted[r * cols + j])).toBeLessThan(1e-12);
        for (let k = 0; k < cols; k++) {
          const dxk = x[r * cols + j] - x[r * cols + k];
          const dyk = y[r * cols + j] - y[r * cols + k];
          if (dxk > 0) expect(p.order === 'increasing' ? dyk >= 0 : dyk <= 0).toBe(true);
        }
      }
      if (p.sumsToOne) expect(Math.abs(s - 1)).toBeLessThan(1e-14);
    }
    expect(zeros > 0).toBe(p.sparse);
  });

  it('applies its temperature as f_T(x) = f_1(x/T), with a backward pass that matches finite differences', () => {
    for (const t of [0.5, 3]) {
      const ft = vectorActivationFromSpec(f, { temperature: t });
      expect(ft.key).toBe(`${f.id}:temperature=${t}`);
      const x = matrix(2, 5, 3, 29);
      const a = run(ft, x, 2, 5);
      const b = run(f, x.map((v) => v / t), 2, 5);
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-12));
      const dy = matrix(2, 5, 1, 31);
      const dx = new Float64Array(10);
      ft.backward(a, dy, dx, 2, 5);
      const h = 1e-6;
      for (let i = 0; i < 10; i++) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[i] += h;
        down[i] -= h;
        const yu = run(ft, up, 2, 5);
        const yd = run(ft, down, 2, 5);
        let fd = 0;
        for (let k = 0; k < 10; k++) fd += (dy[k] * (yu[k] - yd[k])) / (2 * h);
        expect(Math.abs(dx[i] - fd), `T=${t} dx[${i}] = ${dx[i]} vs ${fd}`).toBeLessThan(1e-7);
      }
    }
  });

  it('refuses unknown parameters and temperatures out of range with one-line messages', () => {
    expect(() => vectorActivationFromSpec(f, { beta: 1 })).toThrow(/no parameter 'beta'.*temperature/);
    expect(() => vectorActivationFromSpec(f, { temperature: 0 })).toThrow(/between 0.001 and 1000/);
  });
});

describe('sparsemax and entmax15', () => {
  it('equal the simplex projections found by bisection on the threshold, on random rows', () => {
    const x = matrix(30, 7, 2, 41);
    for (const [f, p] of [[sparsemax, 1], [entmax15, 2]] as const) {
      const y = run(f, x, 30, 7);
      for (let r = 0; r < 30; r++) {
        const want = bisectionMap([...x.subarray(r * 7, r * 7 + 7)], p);
        want.forEach((w, j) => expect(Math.abs(y[r * 7 + j] - w), `${f.id} row ${r}`).toBeLessThan(1e-12));
      }
    }
  });

  it('give exact zeros, one-hot rows for a dominant entry, and the uniform row for equal entries', () => {
    for (const f of [sparsemax, entmax15]) {
      expect(Array.from(run(f, Float64Array.from([10, 0, -3]), 1, 3))).toEqual([1, 0, 0]);
      run(f, Float64Array.from([2, 2, 2, 2]), 1, 4).forEach((v) => expect(v).toBeCloseTo(0.25, 15));
      expect(Array.from(run(f, Float64Array.from([Infinity, 1, Infinity]), 1, 3))).toEqual([0.5, 0, 0.5]);
      for (const v of run(f, Float64Array.from([Number.NaN, 1]), 1, 2)) expect(v).toBeNaN();
    }
  });

  it('have Jacobians that vanish outside the support and rows of the Jacobian that sum to zero', () => {
    for (const f of [sparsemax, entmax15]) {
      const x = Float64Array.from([1.2, 0.9, -2, 0.4]);
      const y = run(f, x, 1, 4);
      expect(y[2]).toBe(0);
      for (let i = 0; i < 4; i++) {
        const dy = new Float64Array(4);
        dy[i] = 1;
        const dx = new Float64Array(4);
        f.backward(y, dy, dx, 1, 4);
        expect(dx[2]).toBe(0);
        expect(Math.abs(dx.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
      }
    }
  });
});

describe('logSumExp', () => {
  it('is the stable log Σ e^x that the losses use, with the limits for infinite rows', () => {
    expect(logSumExp([1000, 1000], 0, 2)).toBeCloseTo(1000 + Math.LN2, 10);
    expect(logSumExp([0, -Infinity], 0, 2)).toBe(0);
    expect(logSumExp([Infinity, 0], 0, 2)).toBe(Infinity);
    expect(logSumExp([-Infinity, -Infinity], 0, 2)).toBe(-Infinity);
    expect(logSumExp([Number.NaN, 0], 0, 2)).toBeNaN();
  });
});

describe('one softmax', () => {
  it('the losses\' output and gradient use it: outputFromLogits is softmax.forward, and the CCE gradient is (softmax − t)/n', async () => {
    const { outputFromLogits, lossAndGrad } = await import('../../src/nn/losses.js');
    const logits = Float32Array.from(matrix(4, 3, 6, 91));
    const a = new Float32Array(12);
    const b = new Float32Array(12);
    outputFromLogits('categorical_crossentropy', logits, a, 4, 3);
    softmax.forward(logits, b, 4, 3);
    expect(Array.from(a)).toEqual(Array.from(b));
    const t = Float32Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const g = new Float32Array(12);
    const loss = lossAndGrad('categorical_crossentropy', logits, t, 4, 3, g);
    g.forEach((v, i) => expect(v).toBeCloseTo((b[i] - t[i]) / 4, 6));
    let want = 0;
    for (let r = 0; r < 4; r++) want += logSumExp(logits, r * 3, 3) - logits[r * 3];
    expect(loss).toBeCloseTo(want / 4, 6);
  });

  it('is the only one: the losses import it and exponentiate no logits themselves; the explorer\'s session takes its outputs from the core', async () => {
    const { readFileSync } = await import('node:fs');
    const losses = readFileSync('src/nn/losses.ts', 'utf8');
    expect(losses).toMatch(/from '[./]*(?:src\/)?activations\/vector\.js'/);
    expect(losses).not.toMatch(/Math\.exp\(logits/);
    const session = readFileSync('web/src/engine/session.ts', 'utf8');
    expect(session).toMatch(/import \{ outputFromLogits \} from '[./]*src\/nn\/losses\.js'/);
    expect(session).not.toMatch(/Math\.exp\(/);
  });
});

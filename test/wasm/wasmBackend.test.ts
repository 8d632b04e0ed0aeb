import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig } from '../../src/nn/optimizers.js';
import { createRng } from '../../src/util/rng.js';
import { assemble, createIsolatedWasmBackend, createWasmBackend, DEFAULT_CUTOFFS, vectorConstantsInLoops, type WasmBackend } from '../../src/wasm/index.js';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { coreWat } from '../../src/wasm/coreWat.js';

const rng = createRng(11);
const rand = (n: number): Float32Array => new Float32Array(n).map(() => rng.next() * 2 - 1);

/** C (+)= op(A)·op(B) in f64 by the textbook triple loop. */
function naive(at: (i: number, p: number) => number, bt: (p: number, j: number) => number, c0: Float32Array | null, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = c0 ? c0[i * n + j] : 0;
    for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
    c[i * n + j] = s;
  }
  return c;
}

let shared: WasmBackend;
let unshared: WasmBackend;
beforeAll(async () => {
  // WebAssembly at every size (the default backend hands small calls to the JavaScript code).
  shared = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
  unshared = await createIsolatedWasmBackend(true, { gemmMacs: 0, elements: 0 });
});

const shapes = [[1, 1, 1], [3, 5, 2], [4, 8, 8], [5, 7, 11], [9, 16, 13], [13, 3, 9], [64, 49, 20]] as const;

describe('wasm backend matrix products', () => {
  for (const [m, k, n] of shapes) {
    it(`gemm, gemmTN and gemmNT agree with the f64 triple loop for ${m}×${k}·${k}×${n} (in memory, copied, unshared memory; overwrite and accumulate)`, () => {
      const a = rand(m * k);
      const b = rand(k * n);
      const at = new Float32Array(k * m);
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
      const bt = new Float32Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
      for (const backend of [shared, unshared]) {
        for (const inMemory of [true, false]) {
          const place = (x: Float32Array): Float32Array => {
            if (!inMemory) return Float32Array.from(x);
            const y = backend.alloc(x.length);
            y.set(x);
            return y;
          };
          for (const accumulate of [false, true]) {
            const c0 = rand(m * n);
            const expected = naive((i, p) => a[i * k + p], (p, j) => b[p * n + j], accumulate ? c0 : null, m, k, n);
            const runs: [string, (c: Float32Array) => void][] = [
              ['gemm', (c) => backend.gemm(place(a), place(b), c, m, k, n, accumulate)],
              ['gemmTN', (c) => backend.gemmTN(place(at), place(b), c, m, k, n, accumulate)],
              ['gemmNT', (c) => backend.gemmNT(place(a), place(bt), c, m, k, n, accumulate)],
            ];
            for (const [, run] of runs) {
              const c = place(c0);
              run(c);
              for (let i = 0; i < m * n; i++) expect(Math.abs(c[i] - expected[i])).toBeLessThan(1e-5 * (1 + k));
            }
          }
        }
      }
    });
  }

  it('sumRows and mul are bit-identical to the f32 arithmetic of the JavaScript backend', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 23 }), fc.boolean(), (rows, cols, accumulate) => {
      const a = rand(rows * cols);
      const out0 = rand(cols);
      const expected = Float32Array.from(out0);
      if (!accumulate) expected.fill(0);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expected[j] += a[i * cols + j];
      const out = shared.alloc(cols);
      out.set(out0);
      shared.sumRows(a, out, rows, cols, accumulate);
      expect(Array.from(out)).toEqual(Array.from(expected));
      const b = rand(rows * cols);
      const prod = new Float32Array(rows * cols);
      shared.mul(a, b, prod);
      expect(Array.from(prod)).toEqual(Array.from(a, (v, i) => Math.fround(v * b[i])));
    }), { numRuns: 40 });
  });

  it('its module keeps vector constants out of loops after binaryen -O3', () => {
    const { text } = assemble(coreWat(true), true);
    expect(text).toContain('f32x4.mul');
    expect(vectorConstantsInLoops(text ?? '')).toBe(0);
  });
});

describe('wasm backend optimisers', () => {
  const configs: OptimizerConfig[] = [{ name: 'sgd' }, { name: 'momentum', momentum: 0.8 }, { name: 'adam' }, { name: 'adam', beta1: 0.5, beta2: 0.9, epsilon: 1e-3 }];
  for (const config of configs) {
    it(`${config.name} ${JSON.stringify(config)} updates weights bit-identically to the JavaScript optimiser over several steps`, () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 37 }), { minLength: 1, maxLength: 3 }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (sizes, lr) => {
        const init = sizes.map((s) => rand(s));
        const grads = sizes.map((s) => [rand(s), rand(s), rand(s)]);
        const jsParams = init.map((v, i) => ({ value: Float32Array.from(v), grad: new Float32Array(sizes[i]) }));
        const wParams = init.map((v, i) => {
          const value = shared.alloc(sizes[i]);
          value.set(v);
          return { value, grad: shared.alloc(sizes[i]) };
        });
        const jsOpt = createOptimizer(config, jsParams);
        const wOpt = shared.createOptimizer(config, wParams);
        for (let step = 0; step < 3; step++) {
          jsParams.forEach((p, i) => p.grad.set(grads[i][step]));
          wParams.forEach((p, i) => p.grad.set(grads[i][step]));
          jsOpt.step(lr);
          wOpt.step(lr);
        }
        wParams.forEach((p, i) => expect(Array.from(p.value)).toEqual(Array.from(jsParams[i].value)));
      }), { numRuns: 25 });
    });
  }

  it('falls back to the JavaScript optimiser for parameters outside its memory', () => {
    const value = Float32Array.from([1, 2, 3]);
    const grad = Float32Array.from([1, 1, 1]);
    shared.createOptimizer({ name: 'sgd' }, [{ value, grad }]).step(0.5);
    expect(Array.from(value)).toEqual([0.5, 1.5, 2.5]);
  });
});

describe('wasm backend size cutoffs', () => {
  it('hands products, sums and kernels below the cutoffs to the JavaScript code (bit-identical to jsBackend there)', async () => {
    const w = await createWasmBackend();
    const [m, k, n] = [3, 4, 5];
    expect(m * k * n).toBeLessThan(DEFAULT_CUTOFFS.gemmMacs);
    const a = rand(m * k);
    const b = rand(k * n);
    const c1 = w.alloc(m * n);
    const c2 = new Float32Array(m * n);
    w.gemm(a, b, c1, m, k, n, false);
    jsBackend.gemm(a, b, c2, m, k, n, false);
    expect(Array.from(c1)).toEqual(Array.from(c2));
  });
});

describe('wasm heap', () => {
  it('keeps earlier arrays valid and distinct when the memory grows', () => {
    const first = shared.alloc(10);
    first.fill(3);
    const big = shared.alloc(8_000_000);
    big[big.length - 1] = 7;
    expect(Array.from(first)).toEqual(new Array(10).fill(3));
    expect(big[big.length - 1]).toBe(7);
    expect(shared.heap.owns(first) && shared.heap.owns(big)).toBe(true);
    expect(first.byteOffset + 40 <= big.byteOffset).toBe(true);
  });

  it('hands out plain arrays without shared memory (operands are copied through scratch space)', () => {
    const a = unshared.alloc(5);
    expect(unshared.heap.shared).toBe(false);
    expect(unshared.heap.owns(a)).toBe(false);
  });
});

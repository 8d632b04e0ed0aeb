import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKernel, compileScalar, num } from '../../src/expr/index.js';
import { createIsolatedWasmBackend, type WasmBackend } from '../../src/wasm/index.js';
import { caseArb, same } from '../expr/differential.js';

let w: WasmBackend;
beforeAll(async () => {
  // WebAssembly at every size (the default backend hands arrays under 256 elements to the JavaScript kernels).
  w = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
});

const PARAMS = ['a', 'b'];

describe('differential test of the wasm target (random expressions over every primitive)', () => {
  it('gives exactly the f32 of the scalar code for NaN, ±∞ and huge inputs, and wherever its own output is NaN or ±∞', () => {
    let rendered = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const kernel = compileKernel(c.e, num(0), [], PARAMS);
        const act = { key: 'case', kernel, paramNames: PARAMS, paramValues: [c.a, c.b], expr: c.e, derivative: num(0), paramDerivatives: [num(0), num(0)] };
        const k = w.kernel(act);
        if (k === kernel) return;
        rendered++;
        const scalar = compileScalar(c.e, PARAMS);
        const p = Float32Array.of(c.a, c.b);
        const xs = [...c.xs, Number.NaN, Infinity, -Infinity, 3e9, -3e9];
        const X = w.alloc(xs.length);
        X.set(xs);
        const Y = w.alloc(xs.length);
        k.forward(X, Y, p);
        xs.forEach((_, i) => {
          const x = X[i];
          const want = Math.fround(scalar(x, p));
          const special = x !== x || Math.abs(x) > 1e9 || !Number.isFinite(Y[i]);
          if (special && !same(Y[i], want)) throw new Error(`at x=${x}: wasm ${Y[i]}, scalar ${want}`);
        });
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(rendered).toBeGreaterThan(20);
  });
});

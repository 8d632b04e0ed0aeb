import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/util/rng.js';
import { createIsolatedWasmBackend, type WasmBackend } from '../../src/wasm/index.js';

const rng = createRng(23);
const rand = (n: number): Float32Array => new Float32Array(n).map(() => rng.next() * 2 - 1);

let shared: WasmBackend;
let unshared: WasmBackend;
beforeAll(async () => {
  // WebAssembly at every size, so the unfused composition runs the same f32 kernels as the fused calls.
  shared = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
  unshared = await createIsolatedWasmBackend(true, { gemmMacs: 0, elements: 0 });
});

describe('fused dense layer calls on the wasm backend', () => {
  it('denseForward is bit-identical to broadcastRows then gemm with accumulate (in memory, copied, unshared memory)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 17 }), fc.boolean(), (n, k, u, inMemory) => {
      for (const backend of [shared, unshared]) {
        const place = (a: Float32Array): Float32Array => {
          if (!inMemory) return a;
          const b = backend.alloc(a.length);
          b.set(a);
          return b;
        };
        const x = place(rand(n * k));
        const w = place(rand(k * u));
        const b = place(rand(u));
        const fused = place(rand(n * u));
        const plain = place(new Float32Array(n * u));
        backend.denseForward(x, w, b, fused, n, k, u);
        backend.broadcastRows(b, plain, n, u);
        backend.gemm(x, w, plain, n, k, u, true);
        expect(Array.from(fused)).toEqual(Array.from(plain));
      }
    }), { numRuns: 40 });
  });

  it('denseBackward is bit-identical to mul, gemmTN, sumRows and gemmNT (with and without f\'(z) and dx)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 17 }), fc.boolean(), fc.boolean(), fc.boolean(), (n, k, u, withD, withDx, inMemory) => {
      for (const backend of [shared, unshared]) {
        const place = (a: Float32Array): Float32Array => {
          if (!inMemory) return a;
          const b = backend.alloc(a.length);
          b.set(a);
          return b;
        };
        const x = place(rand(n * k));
        const da = place(rand(n * u));
        const d = withD ? place(rand(n * u)) : null;
        const w = place(rand(k * u));
        const out = () => ({ dz: place(rand(n * u)), gw: place(rand(k * u)), gb: place(rand(u)), dx: place(rand(n * k)) });
        const f = out();
        backend.denseBackward(x, da, d, w, f.dz, f.gw, f.gb, withDx ? f.dx : null, n, k, u);
        const r = out();
        let dz = da;
        if (d) {
          backend.mul(da, d, r.dz);
          dz = r.dz;
        }
        backend.gemmTN(x, dz, r.gw, k, n, u, false);
        backend.sumRows(dz, r.gb, n, u, false);
        if (withDx) backend.gemmNT(dz, w, r.dx, n, u, k, false);
        expect(Array.from(f.gw)).toEqual(Array.from(r.gw));
        expect(Array.from(f.gb)).toEqual(Array.from(r.gb));
        if (d) expect(Array.from(f.dz)).toEqual(Array.from(r.dz));
        if (withDx) expect(Array.from(f.dx)).toEqual(Array.from(r.dx));
      }
    }), { numRuns: 40 });
  });
});

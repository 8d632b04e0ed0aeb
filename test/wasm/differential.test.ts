import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedWasmBackend, type WasmBackend } from '../../src/wasm/index.js';
import { caseArb } from '../expr/differential.js';
import { checkWasmCase } from './wasmDifferential.js';

let w: WasmBackend;
beforeAll(async () => {
  // WebAssembly at every size (the default backend hands arrays under 256 elements to the JavaScript kernels).
  w = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
});

describe('differential test of the wasm target (random expressions over every primitive)', () => {
  it('gives exactly the f32 of the scalar code for NaN, ±∞ and huge inputs, and wherever its own output is NaN or ±∞', () => {
    let rendered = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = checkWasmCase(w, c);
        if (r.rendered) rendered++;
        if (r.mismatches.length > 0) throw new Error(r.mismatches[0]);
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(rendered).toBeGreaterThan(20);
  });
});

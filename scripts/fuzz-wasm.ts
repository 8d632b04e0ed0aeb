/**
 * The differential fuzz of the WebAssembly target at scale (run by hand, not in npm test; the suite runs 100
 * expressions in test/wasm/differential.test.ts):
 *   npx tsx scripts/fuzz-wasm.ts [expressions=20000] [seed=1]
 * Renders random expressions (the generator of test/expr/differential.ts) to f32x4 kernels and compares, at
 * the case's inputs plus NaN, ±∞ and ±3e9, every lane whose input or output is special (NaN, ±∞, beyond ±1e9)
 * with the f32 of the scalar code, exactly (NaN equals NaN). Finite values are held to the per-primitive ulp
 * bounds by test/wasm instead: a composition may amplify a few ulp, so they are not compared here.
 * Prints a summary and the first mismatches; exits 1 if there was any.
 */
import fc from 'fast-check';
import { createIsolatedWasmBackend } from '../src/wasm/index.js';
import { caseArb } from '../test/expr/differential.js';
import { checkWasmCase } from '../test/wasm/wasmDifferential.js';

const total = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 1);
const w = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
let expressions = 0;
let rendered = 0;
let lanes = 0;
let mismatches = 0;
let crashes = 0;
const examples: string[] = [];
const start = Date.now();
for (let k = 0; expressions < total; k++) {
  for (const c of fc.sample(caseArb, { numRuns: 500, seed: seed * 1_000_003 + k })) {
    if (expressions >= total) break;
    expressions++;
    try {
      const r = checkWasmCase(w, c);
      if (!r.rendered) continue;
      rendered++;
      lanes += r.lanes;
      mismatches += r.mismatches.length;
      for (const m of r.mismatches) if (examples.length < 10) examples.push(m);
    } catch (e) {
      crashes++;
      if (examples.length < 10) examples.push(`crash: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.stderr.write(`${expressions} expressions, ${Math.round((Date.now() - start) / 1000)} s\n`);
}
console.log(JSON.stringify({ expressions, rendered, specialLanes: lanes, mismatches, crashes, seconds: (Date.now() - start) / 1000, examples }, null, 1));
process.exit(mismatches + crashes > 0 ? 1 : 0);

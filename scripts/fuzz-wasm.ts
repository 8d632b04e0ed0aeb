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
import { compileKernel, compileScalar, num } from '../src/expr/index.js';
import { createIsolatedWasmBackend } from '../src/wasm/index.js';
import { caseArb, same } from '../test/expr/differential.js';

const total = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 1);
const PARAMS = ['a', 'b'];
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
      const kernel = compileKernel(c.e, num(0), [], PARAMS);
      const act = { key: 'case', kernel, paramNames: PARAMS, paramValues: [c.a, c.b], expr: c.e, derivative: num(0), paramDerivatives: [num(0), num(0)] };
      const kw = w.kernel(act);
      if (kw === kernel) continue;
      rendered++;
      const scalar = compileScalar(c.e, PARAMS);
      const p = Float32Array.of(c.a, c.b);
      const xs = [...c.xs, Number.NaN, Infinity, -Infinity, 3e9, -3e9];
      const X = w.alloc(xs.length);
      X.set(xs);
      const Y = w.alloc(xs.length);
      kw.forward(X, Y, p);
      for (let i = 0; i < xs.length; i++) {
        const x = X[i];
        const want = Math.fround(scalar(x, p));
        if (!(x !== x || Math.abs(x) > 1e9 || !Number.isFinite(Y[i]))) continue;
        lanes++;
        if (!same(Y[i], want)) {
          mismatches++;
          if (examples.length < 10) examples.push(`a=${c.a} b=${c.b} x=${x}: wasm ${Y[i]}, scalar ${want}`);
        }
      }
      w.free(X);
      w.free(Y);
    } catch (e) {
      crashes++;
      if (examples.length < 10) examples.push(`crash: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.stderr.write(`${expressions} expressions, ${Math.round((Date.now() - start) / 1000)} s\n`);
}
console.log(JSON.stringify({ expressions, rendered, specialLanes: lanes, mismatches, crashes, seconds: (Date.now() - start) / 1000, examples }, null, 1));
process.exit(mismatches + crashes > 0 ? 1 : 0);

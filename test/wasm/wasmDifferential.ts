/**
 * One case of the WebAssembly target's differential check, shared by test/wasm/differential.test.ts and
 * scripts/fuzz-wasm.ts: the case's expression rendered to an f32x4 kernel, run on its inputs plus NaN, ±∞
 * and ±3e9, and every lane whose input or output is special (NaN, ±∞, beyond ±1e9) compared exactly with the
 * f32 of the scalar code (NaN equals NaN).
 */
import { compileKernel, compileScalar, num } from '../../src/expr/index.js';
import type { WasmBackend } from '../../src/wasm/index.js';
import { same, type Case } from '../expr/differential.js';

const PARAMS = ['a', 'b'];

/** What one case gave: whether a wasm kernel was rendered, how many special lanes were compared, the mismatches. */
export interface WasmCaseResult {
  readonly rendered: boolean;
  readonly lanes: number;
  readonly mismatches: readonly string[];
}

/** Checks one generated case on the wasm backend `w`. */
export function checkWasmCase(w: WasmBackend, c: Case): WasmCaseResult {
  const kernel = compileKernel(c.e, num(0), [], PARAMS);
  const act = { key: 'case', kernel, paramNames: PARAMS, paramValues: [c.a, c.b], expr: c.e, derivative: num(0), paramDerivatives: [num(0), num(0)] };
  const k = w.kernel(act);
  if (k === kernel) return { rendered: false, lanes: 0, mismatches: [] };
  const scalar = compileScalar(c.e, PARAMS);
  const p = Float32Array.of(c.a, c.b);
  const xs = [...c.xs, Number.NaN, Infinity, -Infinity, 3e9, -3e9];
  const X = w.alloc(xs.length);
  X.set(xs);
  const Y = w.alloc(xs.length);
  k.forward(X, Y, p);
  let lanes = 0;
  const mismatches: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = X[i];
    if (!(x !== x || Math.abs(x) > 1e9 || !Number.isFinite(Y[i]))) continue;
    lanes++;
    const want = Math.fround(scalar(x, p));
    if (!same(Y[i], want)) mismatches.push(`a=${c.a} b=${c.b} x=${x}: wasm ${Y[i]}, scalar ${want}`);
  }
  w.free(X);
  w.free(Y);
  return { rendered: true, lanes, mismatches };
}

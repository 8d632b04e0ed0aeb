/**
 * Every hand-written kernel gives the numbers of the kernel compiled from its catalog expression: values
 * and derivatives within 1 ulp in f32 (a 1e-15 absolute floor covers f64 cancellation at a derivative's
 * zero), the same NaNs, and the same limits at ±Infinity, through all six methods of ActivationKernel.
 */
import { describe, expect, it } from 'vitest';
import { FAST_KERNEL_IDS, fastKernelFor } from '../../src/activations/fastKernels.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import type { Activation } from '../../src/activations/activation.js';
import { compileKernel } from '../../src/expr/compile.js';
import type { ActivationKernel } from '../../src/expr/kernel.js';

/** A dense grid over [−30, 30] plus the special points. */
function grid(): Float32Array {
  const xs: number[] = [0, -0, 1e-45, -1e-45, 1e-30, -1e-30, 1e-7, -1e-7, 1e30, -1e30, 3e38, -3e38, Infinity, -Infinity, NaN];
  for (let i = -30_000; i <= 30_000; i++) xs.push(i / 1000 + 1e-4 * Math.sin(i));
  for (let e = -40; e <= 38; e++) xs.push(10 ** e, -(10 ** e), 3.3 * 10 ** (e - 1), -3.3 * 10 ** (e - 1));
  return Float32Array.from(xs);
}

/** Distance in f32 units in the last place (0 when both are NaN or equal, Infinity for NaN vs number). */
function ulps(a: number, b: number): number {
  if (a === b || (a !== a && b !== b)) return 0;
  if (a !== a || b !== b || !Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const m = Math.max(Math.abs(a), Math.abs(b));
  const ulp = m < 2 ** -126 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(m)) - 23);
  return Math.abs(a - b) / ulp;
}

/** Indices where `got` and `want` differ by more than 1 ulp f32 and more than 1e-15 absolute. */
function mismatches(got: Float32Array, want: Float32Array, x: Float32Array): string[] {
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    if (ulps(got[i], want[i]) <= 1) continue;
    if (Number.isFinite(got[i]) && Number.isFinite(want[i]) && Math.abs(got[i] - want[i]) <= 1e-15) continue;
    bad.push(`x=${x[i]}: ${got[i]} vs ${want[i]}`);
    if (bad.length >= 5) break;
  }
  return bad;
}

function compiledOf(a: Activation): ActivationKernel {
  return compileKernel(a.expr, a.derivative, a.paramDerivatives, a.paramNames);
}

/** The fast kernels under test, at the default parameters and at other parameter values. */
const CASES = [...FAST_KERNEL_IDS, 'leaky_relu:negative_slope=0.2', 'leaky_relu:negative_slope=0'];

describe('fast kernels', () => {
  it('exist for relu, leaky_relu, sigmoid, silu and tanh and are what resolveActivation uses', () => {
    expect([...FAST_KERNEL_IDS].sort()).toEqual(['leaky_relu', 'relu', 'sigmoid', 'silu', 'tanh']);
    for (const id of FAST_KERNEL_IDS) {
      const k = fastKernelFor(id);
      expect(k?.params).toEqual(resolveActivation(id).paramNames);
      expect(resolveActivation(id).kernel.forward.toString()).toBe(k?.forward.toString());
    }
    expect(fastKernelFor('elu')).toBeUndefined();
    expect(fastKernelFor('toString')).toBeUndefined();
  });

  for (const ref of CASES) {
    const act = resolveActivation(ref);
    const id = ref.split(':')[0];
    const fast = fastKernelFor(id) as ActivationKernel;
    const slow = compiledOf(act);
    const p = act.paramValues;
    const x = grid();
    const n = x.length;
    const dy = Float32Array.from(x, (_, i) => ((i * 7919) % 2001) / 1000 - 1);

    it(`${ref}: forward and forwardDeriv match the compiled kernel at every grid point, 0, ±1e30, ±Infinity and NaN`, () => {
      const [y1, y2, d1, y3, d3] = [0, 1, 2, 3, 4].map(() => new Float32Array(n));
      fast.forward(x, y1, p);
      slow.forward(x, y2, p);
      expect(mismatches(y1, y2, x)).toEqual([]);
      fast.forwardDeriv(x, y3, d3, p);
      slow.forwardDeriv(x, new Float32Array(n), d1, p);
      expect(mismatches(y3, y2, x)).toEqual([]);
      expect(mismatches(d3, d1, x)).toEqual([]);
    });

    it(`${ref}: backward multiplies dy by the same derivative as the compiled kernel`, () => {
      const [a, b] = [new Float32Array(n), new Float32Array(n)];
      fast.backward(x, dy, a, p);
      slow.backward(x, dy, b, p);
      expect(mismatches(a, b, x)).toEqual([]);
    });

    it(`${ref}: paramGrad adds the same parameter gradients as the compiled kernel`, () => {
      const finite = x.filter((v) => Number.isFinite(v) && Math.abs(v) < 1e6);
      const dyf = dy.subarray(0, finite.length);
      const [g1, g2] = [new Float64Array(p.length).fill(0.5), new Float64Array(p.length).fill(0.5)];
      fast.paramGrad(finite, dyf, p, g1);
      slow.paramGrad(finite, dyf, p, g2);
      for (let k = 0; k < p.length; k++) expect(g1[k]).toBeCloseTo(g2[k], 6);
      for (const special of [Infinity, -Infinity, NaN, 0]) {
        const [h1, h2] = [new Float64Array(p.length), new Float64Array(p.length)];
        fast.paramGrad(Float32Array.of(special), Float32Array.of(1), p, h1);
        slow.paramGrad(Float32Array.of(special), Float32Array.of(1), p, h2);
        expect(Array.from(h1)).toEqual(Array.from(h2));
      }
    });

    it(`${ref}: the per-column variants match the compiled kernel with a different parameter in each column`, () => {
      const cols = 3;
      const m = n - (n % cols);
      const xs = x.subarray(0, m);
      const colP = p.map((v, k) => Float32Array.of(v, v * 0.5 + 0.1 * (k + 1), 0.3));
      const [y1, d1, y2, d2] = [0, 1, 2, 3].map(() => new Float32Array(m));
      fast.forwardDerivCols(xs, y1, d1, cols, colP);
      slow.forwardDerivCols(xs, y2, d2, cols, colP);
      expect(mismatches(y1, y2, xs)).toEqual([]);
      expect(mismatches(d1, d2, xs)).toEqual([]);
      const finite = Float32Array.from(xs, (v) => (Number.isFinite(v) && Math.abs(v) < 1e6 ? v : 1));
      const g1 = colP.map(() => new Float64Array(cols));
      const g2 = colP.map(() => new Float64Array(cols));
      fast.paramGradCols(finite, dy.subarray(0, m), cols, colP, g1);
      slow.paramGradCols(finite, dy.subarray(0, m), cols, colP, g2);
      for (let k = 0; k < p.length; k++) for (let c = 0; c < cols; c++) expect(g1[k][c]).toBeCloseTo(g2[k][c], 5);
    });
  }
});

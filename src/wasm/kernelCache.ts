import type { Expr } from '../expr/ast.js';
import { compileScalar, type ScalarFunction } from '../expr/compile.js';
import type { ActivationKernel } from '../expr/kernel.js';
import { keyOf } from '../expr/keys.js';
import type { LayerActivation } from '../nn/layerActivation.js';
import { assemble } from './assemble.js';
import type { Heap } from './heap.js';
import { lower } from '../expr/ir.js';
import { renderable, renderKernelModule } from './render.js';

interface KernelExports {
  forward(x: number, y: number, n: number, pp: number, cp: number): void;
  forwardDeriv(x: number, y: number, d: number, n: number, pp: number, cp: number): void;
  backward(x: number, dy: number, dx: number, n: number, pp: number, cp: number): void;
  paramGrad?(x: number, dy: number, n: number, pp: number, cp: number, gp: number): void;
  forwardDerivCols?(x: number, y: number, d: number, rows: number, cols: number, pp: number, cp: number): void;
  paramGradCols?(x: number, dy: number, rows: number, cols: number, pp: number, cp: number, gp: number): void;
}

/** Lanes the WebAssembly loop hands back: `index` of lane 0 and 4 bits per output (output k in bits 4k..4k+3). */
type FixHandler = (index: number, mask: number) => void;

/** A compiled module and its constant table (shared by every activation with the same expressions). */
interface Compiled {
  readonly module: WebAssembly.Module;
  readonly constants: Float32Array;
}

/** The expression key of an activation's kernels: f, f', ∂f/∂p and the parameter names. */
export function kernelKey(activation: LayerActivation): string | null {
  const { expr, derivative, paramDerivatives } = activation;
  if (!expr || !derivative || !paramDerivatives) return null;
  const keys = new Map<Expr, string>();
  return [expr, derivative, ...paramDerivatives].map((e) => keyOf(e, keys)).join(';') + `|${activation.paramNames.join(',')}`;
}

/** How many activations' modules a cache keeps by default. */
export const DEFAULT_KERNEL_CACHE_SIZE = 128;

/**
 * Rendered WebAssembly kernels, cached by expression key (parameter values are arguments, so
 * `elu:alpha=0.5` and `elu:alpha=2` share one module). An activation without expressions, or with a
 * primitive that has no vector version, keeps its JavaScript kernels.
 *
 * The cache is bounded (least recently used first out). A kernel holds no memory of the heap between
 * calls (its constant table is copied into the call's scratch area), so an evicted module and instance
 * are released by the garbage collector once nothing refers to them, and a kernel still held by a
 * network keeps working after its eviction.
 */
export class KernelCache {
  private readonly compiled = new Map<string, Compiled | null>();
  private readonly kernels = new Map<string, ActivationKernel>();

  constructor(
    private readonly heap: Heap,
    /** The most activations (expression keys) kept; at least 1. */
    readonly capacity = DEFAULT_KERNEL_CACHE_SIZE,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`KernelCache: capacity is ${capacity}; pass a whole number of at least 1`);
  }

  /** How many compiled modules (or decisions to keep the JavaScript kernels) the cache holds. */
  get size(): number {
    return this.compiled.size;
  }

  /** Whether `activation` runs rendered WebAssembly kernels (false: its JavaScript kernels). */
  rendered(activation: LayerActivation): boolean {
    const key = kernelKey(activation);
    return key !== null && this.compile(key, activation) !== null;
  }

  /** The kernels for an activation. */
  kernelFor(activation: LayerActivation): ActivationKernel {
    const key = kernelKey(activation);
    if (key === null) return activation.kernel;
    const hit = this.kernels.get(key);
    if (hit) {
      this.touch(key);
      return hit;
    }
    const compiled = this.compile(key, activation);
    const kernel = compiled ? this.instantiate(compiled, activation) : activation.kernel;
    this.kernels.set(key, kernel);
    return kernel;
  }

  /** Marks `key` as the most recently used (Map order is insertion order). */
  private touch(key: string): void {
    const c = this.compiled.get(key);
    if (c === undefined) return;
    this.compiled.delete(key);
    this.compiled.set(key, c);
  }

  private compile(key: string, activation: LayerActivation): Compiled | null {
    if (this.compiled.has(key)) {
      this.touch(key);
      return this.compiled.get(key) ?? null;
    }
    const roots = [activation.expr as Expr, activation.derivative as Expr, ...(activation.paramDerivatives as Expr[])];
    const program = lower(roots, activation.paramNames);
    let result: Compiled | null = null;
    if (renderable(program)) {
      const r = renderKernelModule(program, this.heap.shared);
      result = { module: assemble(r.wat).module, constants: r.constants };
    }
    while (this.compiled.size >= this.capacity) {
      const oldest = this.compiled.keys().next().value as string;
      this.compiled.delete(oldest);
      this.kernels.delete(oldest);
    }
    this.compiled.set(key, result);
    return result;
  }

  private instantiate(compiled: Compiled, activation: LayerActivation): ActivationKernel {
    const heap = this.heap;
    const params = activation.paramNames;
    const K = params.length;
    const constants = compiled.constants;
    const constBytes = constants.length * 4 + 16;
    /** Copies the constant table into the call's scratch area (after `heap.begin`) and returns its address. */
    const putConstants = (): number => {
      const cp = heap.temp(constants.length * 4);
      heap.heap.set(constants, cp >> 2);
      return cp;
    };
    let onFix: FixHandler = () => {};
    const instance = new WebAssembly.Instance(compiled.module, { env: { memory: heap.memory, fix: (i: number, m: number) => onFix(i, m) } });
    const ex = instance.exports as unknown as KernelExports;
    const roots = [activation.expr as Expr, activation.derivative as Expr, ...(activation.paramDerivatives as Expr[])];
    // The f64 value of output k at x by the JavaScript kernels' scalar code (NaN for a NaN x, the limits
    // at ±∞), rounded to f32 where it is stored.
    const scalar = roots.map((e): ScalarFunction => compileScalar(e, params));
    const [fS, dS, ...dpS] = scalar;
    const paramBytes = 4 * K + 16 + constBytes;
    /** Calls `each` for the lanes of output `k` in `mask`. */
    const lanes = (index: number, mask: number, each: (i: number) => void, k = 0): void => {
      const m = (mask >>> (4 * k)) & 15;
      for (let l = 0; l < 4; l++) if (m & (1 << l)) each(index + l);
    };
    const putParams = (p: ArrayLike<number>): number => {
      const pp = heap.temp(paramBytes);
      const h = heap.heap;
      for (let k = 0; k < K; k++) h[(pp >> 2) + k] = p[k];
      return pp;
    };
    const colParams = (P: readonly Float32Array[], cols: number): number => {
      const pp = heap.temp(4 * K * cols + 16);
      const h = heap.heap;
      for (let k = 0; k < K; k++) h.set(P[k].subarray(0, cols), (pp >> 2) + k * cols);
      return pp;
    };
    const pvec = (P: readonly Float32Array[], c: number): number[] => P.map((a) => a[c]);

    return {
      params,
      forward(X, Y, p) {
        heap.begin(heap.need(X, Y) + paramBytes);
        const px = heap.arg(X, true, false);
        const py = heap.arg(Y, false, true, X.length);
        const pp = putParams(p);
        onFix = (index, mask) => {
          const h = heap.heap;
          lanes(index, mask, (i) => (h[(py >> 2) + i] = fS(h[(px >> 2) + i], p)));
        };
        const cp = putConstants();
        ex.forward(px, py, X.length, pp, cp);
        heap.finish();
      },
      forwardDeriv(X, Y, D, p) {
        heap.begin(heap.need(X, Y, D) + paramBytes);
        const px = heap.arg(X, true, false);
        const py = heap.arg(Y, false, true, X.length);
        const pd = heap.arg(D, false, true, X.length);
        const pp = putParams(p);
        onFix = (index, mask) => {
          const h = heap.heap;
          lanes(index, mask, (i) => (h[(py >> 2) + i] = fS(h[(px >> 2) + i], p)), 0);
          lanes(index, mask, (i) => (h[(pd >> 2) + i] = dS(h[(px >> 2) + i], p)), 1);
        };
        const cp = putConstants();
        ex.forwardDeriv(px, py, pd, X.length, pp, cp);
        heap.finish();
      },
      backward(X, DY, DX, p) {
        heap.begin(heap.need(X, DY, DX) + paramBytes);
        const px = heap.arg(X, true, false);
        const pdy = heap.arg(DY, true, false, X.length);
        const pdx = heap.arg(DX, false, true, X.length);
        const pp = putParams(p);
        onFix = (index, mask) => {
          const h = heap.heap;
          lanes(index, mask, (i) => (h[(pdx >> 2) + i] = h[(pdy >> 2) + i] * dS(h[(px >> 2) + i], p)));
        };
        const cp = putConstants();
        ex.backward(px, pdy, pdx, X.length, pp, cp);
        heap.finish();
      },
      paramGrad(X, DY, p, G) {
        if (K === 0 || !ex.paramGrad) return;
        heap.begin(heap.need(X, DY) + paramBytes + 8 * K + 16);
        const px = heap.arg(X, true, false);
        const pdy = heap.arg(DY, true, false, X.length);
        const pp = putParams(p);
        const gp = heap.temp(8 * K);
        const extra = new Float64Array(K);
        onFix = (index, mask) => {
          const h = heap.heap;
          for (let k = 0; k < K; k++) lanes(index, mask, (i) => (extra[k] += h[(pdy >> 2) + i] * dpS[k](h[(px >> 2) + i], p)), k);
        };
        const cp = putConstants();
        ex.paramGrad(px, pdy, X.length, pp, cp, gp);
        const sums = new Float64Array(heap.memory.buffer, gp, K);
        for (let k = 0; k < K; k++) G[k] += sums[k] + extra[k];
        heap.finish();
      },
      forwardDerivCols(X, Y, D, cols, P) {
        if (K === 0 || !ex.forwardDerivCols) {
          this.forwardDeriv(X, Y, D, []);
          return;
        }
        const rows = cols > 0 ? X.length / cols : 0;
        heap.begin(heap.need(X, Y, D) + 4 * K * cols + 16 + constBytes);
        const px = heap.arg(X, true, false);
        const py = heap.arg(Y, false, true, X.length);
        const pd = heap.arg(D, false, true, X.length);
        const pp = colParams(P, cols);
        onFix = (index, mask) => {
          const h = heap.heap;
          lanes(index, mask, (i) => (h[(py >> 2) + i] = fS(h[(px >> 2) + i], pvec(P, i % cols))), 0);
          lanes(index, mask, (i) => (h[(pd >> 2) + i] = dS(h[(px >> 2) + i], pvec(P, i % cols))), 1);
        };
        const cp = putConstants();
        ex.forwardDerivCols(px, py, pd, rows, cols, pp, cp);
        heap.finish();
      },
      paramGradCols(X, DY, cols, P, G) {
        if (K === 0 || !ex.paramGradCols) return;
        const rows = cols > 0 ? X.length / cols : 0;
        heap.begin(heap.need(X, DY) + 4 * K * cols + 16 + 8 * K * cols + 16 + constBytes);
        const px = heap.arg(X, true, false);
        const pdy = heap.arg(DY, true, false, X.length);
        const pp = colParams(P, cols);
        const gp = heap.temp(8 * K * cols);
        new Float64Array(heap.memory.buffer, gp, K * cols).fill(0);
        onFix = (index, mask) => {
          const h = heap.heap;
          for (let k = 0; k < K; k++) lanes(index, mask, (i) => (G[k][i % cols] += h[(pdy >> 2) + i] * dpS[k](h[(px >> 2) + i], pvec(P, i % cols))), k);
        };
        const cp = putConstants();
        ex.paramGradCols(px, pdy, rows, cols, pp, cp, gp);
        const sums = new Float64Array(heap.memory.buffer, gp, K * cols);
        for (let k = 0; k < K; k++) for (let c = 0; c < cols; c++) G[k][c] += sums[k * cols + c];
        heap.finish();
      },
    };
  }
}

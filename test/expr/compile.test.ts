import { describe, expect, it } from 'vitest';
import { compileKernel, compileScalar, diff, evaluate, parse, simplify } from '../../src/expr/index.js';

function kernelOf(text: string, params: string[] = []) {
  const f = simplify(parse(text, { params }).expr);
  const df = diff(f, 'x');
  return { f, df, k: compileKernel(f, df, params.map((p) => diff(f, p)), params) };
}

const grid = Float32Array.from([-1e30, -100, -20, -3, -1, -0.5, -1e-7, 0, 1e-7, 0.5, 1, 3, 20, 100, 1e30]);

describe('compile', () => {
  it('compiles a scalar function equal to the interpreter', () => {
    for (const text of ['x > 0 ? x : alpha*expm1(x)', 'x*sigmoid(x)', 'softplus(x) - log1p(exp(-abs(x)))', 'sinc(x)', 'clamp(x, -1, 1)']) {
      const e = parse(text, { params: ['alpha'] }).expr;
      const f = compileScalar(e, ['alpha']);
      for (const x of grid) expect(f(x, [1.3])).toBe(evaluate(e, { x, alpha: 1.3 }));
    }
  });

  it('gives NaN for NaN and the limit at ±Infinity', () => {
    const silu = compileScalar(parse('x*sigmoid(x)').expr, []);
    expect(silu(Number.NaN, [])).toBeNaN();
    expect(silu(-Infinity, [])).toBe(-0);
    expect(silu(Infinity, [])).toBe(Infinity);
    const relu = compileScalar(parse('x > 0 ? x : 0').expr, []);
    expect(relu(Number.NaN, [])).toBeNaN();
  });

  it('builds Float32Array kernels whose forward, derivative and parameter gradient match the scalar code', () => {
    const { f, df, k } = kernelOf('x > 0 ? x : alpha*expm1(x)', ['alpha']);
    const y = new Float32Array(grid.length);
    const dd = new Float32Array(grid.length);
    k.forwardDeriv(grid, y, dd, [0.7]);
    const fs = compileScalar(f, ['alpha']);
    const dfs = compileScalar(df, ['alpha']);
    grid.forEach((x, i) => {
      expect(y[i]).toBe(Math.fround(fs(x, [0.7])));
      expect(dd[i]).toBe(Math.fround(dfs(x, [0.7])));
    });
    const y2 = new Float32Array(grid.length);
    k.forward(grid, y2, [0.7]);
    expect(Array.from(y2)).toEqual(Array.from(y));
    const dy = new Float32Array(grid.length).fill(2);
    const dx = new Float32Array(grid.length);
    k.backward(grid, dy, dx, [0.7]);
    grid.forEach((x, i) => expect(dx[i]).toBe(Math.fround(2 * dfs(x, [0.7]))));
    const g = new Float64Array(1);
    k.paramGrad(grid, dy, [0.7], g);
    const expected = Array.from(grid).reduce((s, x) => s + 2 * (x > 0 ? 0 : Math.expm1(x)), 0);
    expect(g[0]).toBeCloseTo(expected, 6);
  });

  it('uses one parameter value per column in the *Cols kernels', () => {
    const { k } = kernelOf('x > 0 ? x : alpha*x', ['alpha']);
    const x = Float32Array.from([-1, -1, -2, -2]); // 2 rows × 2 cols
    const y = new Float32Array(4);
    const dd = new Float32Array(4);
    k.forwardDerivCols(x, y, dd, 2, [Float32Array.from([0.1, 0.5])]);
    expect(Array.from(y)).toEqual([-0.1, -0.5, -0.2, -1].map(Math.fround));
    expect(Array.from(dd)).toEqual([0.1, 0.5, 0.1, 0.5].map(Math.fround));
    const g = [new Float64Array(2)];
    k.paramGradCols(x, Float32Array.from([1, 1, 1, 1]), 2, [Float32Array.from([0.1, 0.5])], g);
    expect(Array.from(g[0])).toEqual([-3, -3]);
  });

  it('emits no user text into generated code: a parameter named like JS is just a slot', () => {
    const { k } = kernelOf('constructor*x', ['constructor']);
    const y = new Float32Array(1);
    k.forward(Float32Array.from([2]), y, [3]);
    expect(y[0]).toBe(6);
  });
});

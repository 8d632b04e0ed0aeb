import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { CATALOG } from '../../src/activations/registry.js';
import { erf, erfc } from '../../src/util/special.js';
import { sinc, sincDerivative } from '../../src/expr/runtime.js';
import { compileScalar } from '../../src/expr/compile.js';
import { lower } from '../../src/expr/ir.js';
import { VECTOR_OPS } from '../../src/wasm/vmath.js';
import { ACCURACY_ULP, assemble, createIsolatedWasmBackend, renderable, renderKernelModule, vectorConstantsInLoops, type WasmBackend } from '../../src/wasm/index.js';

let w: WasmBackend;
beforeAll(async () => {
  // WebAssembly at every size (the default backend hands arrays under 256 elements to the JavaScript kernels).
  w = await createIsolatedWasmBackend(false, { gemmMacs: 0, elements: 0 });
});

/** Error in units in the last place of the f32 result (normal range). */
function ulps(got: number, truth: number): number {
  if (Object.is(got, Math.fround(truth))) return 0;
  return Math.abs(got - truth) / (Math.max(Math.abs(truth), 1.1754943508222875e-38) * 2 ** -23);
}

/** Points from lo to hi, evenly or (lo > 0) geometrically spaced. */
function sweep(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (lo > 0 ? Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1)) : lo + ((hi - lo) * i) / (n - 1)));
}

const softplus64 = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const PRIMITIVES: readonly [string, string, (x: number) => number, number, number][] = [
  ['exp', 'exp(x)', Math.exp, -103, 88.7],
  ['expm1', 'expm1(x)', Math.expm1, -30, 88.7],
  ['log', 'log(x)', Math.log, 1e-44, 3e38],
  ['log1p', 'log1p(x)', Math.log1p, -0.9999, 1e30],
  ['sigmoid', 'sigmoid(x)', (x) => 1 / (1 + Math.exp(-x)), -87, 30],
  ['tanh', 'tanh(x)', Math.tanh, -10, 10],
  ['softplus', 'softplus(x)', softplus64, -87, 87],
  ['logsigmoid', 'logsigmoid(x)', (x) => -softplus64(-x), -87, 87],
  ['sech', 'sech(x)', (x) => 1 / Math.cosh(x), -87, 87],
  ['erf', 'erf(x)', erf, -5, 5],
  ['erfc', 'erfc(x)', erfc, -5, 9.5],
  ['sin', 'sin(x)', Math.sin, -8000, 8000],
  ['cos', 'cos(x)', Math.cos, -8000, 8000],
  ['atan', 'atan(x)', Math.atan, -1e4, 1e4],
  ['sinh', 'sinh(x)', Math.sinh, -88, 88],
  ['cosh', 'cosh(x)', Math.cosh, -88, 88],
  ['hypot', 'hypot(x, 3)', (x) => Math.hypot(x, 3), -1e4, 1e4],
  ['sqrt', 'sqrt(x)', Math.sqrt, 1e-30, 1e30],
  ['log1p', 'log1p(x)', Math.log1p, -0.99, 10],
  ['log1p', 'log1p(x)', Math.log1p, 1e-30, 1e30],
  ['cbrt', 'cbrt(x)', Math.cbrt, 1e-44, 3e38],
  ['cbrt', 'cbrt(x)', Math.cbrt, -10, 10],
  ['tan', 'tan(x)', Math.tan, -10, 10],
  ['tan', 'tan(x)', Math.tan, -8000, 8000],
  ['sin', 'sin(x)', Math.sin, -8192, 8192],
  ['cos', 'cos(x)', Math.cos, -8192, 8192],
  ['asin', 'asin(x)', Math.asin, -1, 1],
  ['acos', 'acos(x)', Math.acos, -1, 1],
  ['asinh', 'asinh(x)', Math.asinh, -1e4, 1e4],
  ['asinh', 'asinh(x)', Math.asinh, 1e-30, 1e9],
  ['acosh', 'acosh(x)', Math.acosh, 1, 1e9],
  ['atanh', 'atanh(x)', Math.atanh, -0.99999, 0.99999],
  ['atanh', 'atanh(x)', Math.atanh, 1e-30, 0.5],
  ['sinc', 'sinc(x)', sinc, -100, 100],
  ['sinc', 'sinc(x)', sinc, 1e-30, 8000],
];

describe('f32x4 primitives: the stated accuracy against f64', () => {
  for (const [name, text, truth, lo, hi] of PRIMITIVES) {
    it(`${name} is within ${ACCURACY_ULP[name]} ulp of the f64 value on [${lo}, ${hi}] (finite, normal results)`, () => {
      const act = resolveActivation(text);
      const k = w.kernel(act);
      expect(k).not.toBe(act.kernel);
      const xs = sweep(lo, hi, 300_007);
      const x = w.alloc(xs.length);
      x.set(xs);
      const y = w.alloc(xs.length);
      k.forward(x, y, []);
      let worst = 0;
      for (let i = 0; i < xs.length; i++) {
        const t = truth(x[i]);
        if (!Number.isFinite(t) || Math.abs(t) < 1.1754943508222875e-38) continue;
        worst = Math.max(worst, ulps(y[i], t));
      }
      expect(worst).toBeLessThanOrEqual(ACCURACY_ULP[name]);
    });
  }
});

describe('f32x4 sinc′ (sinc_d(1, x), the derivative output of sinc)', () => {
  it(`is within ${ACCURACY_ULP.sinc_d} ulp of max(|sinc′|, (|cos x| + |sinc x|)/max(1, |x|)) on [-40, 40]`, () => {
    const act = resolveActivation('sinc(x)');
    const k = w.kernel(act);
    expect(k).not.toBe(act.kernel);
    const xs = sweep(-40, 40, 100_003);
    const x = w.alloc(xs.length);
    x.set(xs);
    const y = w.alloc(xs.length);
    const d = w.alloc(xs.length);
    k.forwardDeriv(x, y, d, []);
    let worst = 0;
    for (let i = 0; i < xs.length; i++) {
      const t = sincDerivative(1, x[i]);
      const scale = Math.max(Math.abs(t), (Math.abs(Math.cos(x[i])) + Math.abs(sinc(x[i]))) / Math.max(1, Math.abs(x[i])));
      worst = Math.max(worst, Math.abs(d[i] - t) / (scale * 2 ** -23));
    }
    expect(worst).toBeLessThanOrEqual(ACCURACY_ULP.sinc_d);
  });
});

const SPECIAL = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-40, -1e-40, 3e38, -3e38];

describe('catalog sweep on the wasm backend', () => {
  for (const spec of CATALOG) {
    it(`${spec.id}: rendered f32x4 kernels match f64 within 1e-6·(1+|f|) (1e-5 with a general power), special values exactly as the scalar code, parameter gradients as the JavaScript kernels within 1e-5 of Σ|dy·∂f/∂p|`, () => {
      const act = resolveActivation(spec.id);
      const k = w.kernel(act);
      const program = lower([act.expr, act.derivative, ...act.paramDerivatives], act.paramNames);
      if (!renderable(program)) {
        // A primitive without a vector version (sinc_d of order 2 and more): the JavaScript kernels run.
        expect(program.instrs.some((ins) => ins.kind === 'op' && ins.op !== 'pow' && VECTOR_OPS[ins.op] === null)).toBe(true);
        expect(k).toBe(act.kernel);
        return;
      }
      expect(k).not.toBe(act.kernel);
      // The scalar code the special lanes are recomputed with (and the JavaScript kernels' slow path).
      const fS = compileScalar(act.expr, act.paramNames);
      const dS = compileScalar(act.derivative, act.paramNames);
      // General powers (a parameter or non-integer exponent) go through exp(b·log a): a looser bound.
      const tol = program.instrs.some((ins) => ins.kind === 'op' && ins.op === 'pow' && program.instrs[ins.args[1]].kind !== 'const') ? 1e-5 : 1e-6;
      const xs = [...SPECIAL, ...sweep(-12, 12, 2001)];
      const n = xs.length;
      const x = w.alloc(n);
      x.set(xs);
      const y = w.alloc(n);
      const d = w.alloc(n);
      const p = Float32Array.from(act.paramValues);
      k.forwardDeriv(x, y, d, p);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        for (const [got, f] of [[y[i], fS], [d[i], dS]] as const) {
          if (Number.isNaN(xi)) {
            expect(got).toBeNaN();
            continue;
          }
          const t = f(xi, p);
          if (!Number.isFinite(Math.fround(t)) || !Number.isFinite(xi) || Math.abs(xi) > 1e9 || (t === 0 && got === 0)) {
            // NaN, ±∞, huge inputs and the sign of a zero: exactly the interpreter's value.
            expect(Object.is(got, Math.fround(t)), `${spec.id} at ${xi}: ${got} vs ${t}`).toBe(true);
          } else {
            expect(Math.abs(got - t), `${spec.id} at ${xi}: ${got} vs ${t}`).toBeLessThanOrEqual(tol * (1 + Math.abs(t)));
          }
        }
      }
      // forward and backward agree with forwardDeriv.
      const y2 = w.alloc(n);
      k.forward(x, y2, p);
      expect(Array.from(y2)).toEqual(Array.from(y));
      const dy = new Float32Array(n).map((_, i) => Math.sin(i));
      const dx = w.alloc(n);
      k.backward(x, dy, dx, p);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        if (xi !== xi || Math.abs(xi) > 1e9 || !Number.isFinite(dx[i])) {
          // Scalar lanes: dy·f'(x) in f64, rounded once.
          const want = Math.fround(dy[i] * dS(xi, p));
          expect(Object.is(dx[i], want) || (dx[i] !== dx[i] && want !== want), `backward at ${xi}`).toBe(true);
        } else expect(Math.abs(dx[i] - dy[i] * d[i])).toBeLessThanOrEqual(1e-6 * Math.abs(dy[i] * d[i]) + 1e-44);
      }
      if (act.paramNames.length === 0) return;
      // Parameter gradients, shared and per column, against the JavaScript kernels (finite inputs).
      const fin = w.alloc(2001 - 1);
      fin.set(sweep(-12, 12, 2000));
      const g = fin.length;
      const dyf = dy.subarray(0, g);
      const scale = act.paramNames.map((_, kk) => {
        const gg = new Float64Array(act.paramNames.length);
        let s = 0;
        for (let i = 0; i < g; i++) {
          gg.fill(0);
          act.kernel.paramGrad(fin.subarray(i, i + 1), Float32Array.of(Math.abs(dyf[i])), p, gg);
          s += Math.abs(gg[kk]);
        }
        return s;
      });
      const gw = new Float64Array(act.paramNames.length);
      const gj = new Float64Array(act.paramNames.length);
      k.paramGrad(fin, dyf, p, gw);
      act.kernel.paramGrad(fin, dyf, p, gj);
      gw.forEach((v, kk) => expect(Math.abs(v - gj[kk])).toBeLessThanOrEqual(1e-5 * (1 + scale[kk])));
      const cols = 8;
      const P = act.paramValues.map((v) => Float32Array.from({ length: cols }, (_, c) => v * (1 + 0.05 * c)));
      const yc = w.alloc(g);
      const dc = w.alloc(g);
      const yj = new Float32Array(g);
      const dj = new Float32Array(g);
      k.forwardDerivCols(fin, yc, dc, cols, P);
      act.kernel.forwardDerivCols(fin, yj, dj, cols, P);
      for (let i = 0; i < g; i++) {
        expect(Math.abs(yc[i] - yj[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(yj[i])));
        expect(Math.abs(dc[i] - dj[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(dj[i])));
      }
      const Gw = P.map(() => new Float64Array(cols));
      const Gj = P.map(() => new Float64Array(cols));
      k.paramGradCols(fin, dyf, cols, P, Gw);
      act.kernel.paramGradCols(fin, dyf, cols, P, Gj);
      Gw.forEach((col, kk) => col.forEach((v, c) => expect(Math.abs(v - Gj[kk][c])).toBeLessThanOrEqual(1e-5 * (1 + scale[kk]))));
    });
  }
});

describe('wasm kernel rendering', () => {
  it('renders a typed-in activation with a parameter, and caches modules by expression (parameter values are arguments)', () => {
    const typed = resolveActivation('x*sigmoid(beta*x); beta=1.5');
    const k = w.kernel(typed);
    expect(k).not.toBe(typed.kernel);
    const x = w.alloc(9);
    x.set([-4, -2, -1, -0.5, 0, 0.5, 1, 2, 4]);
    const y = w.alloc(9);
    const d = w.alloc(9);
    k.forwardDeriv(x, y, d, [1.5]);
    x.forEach((v, i) => expect(y[i]).toBeCloseTo(v / (1 + Math.exp(-1.5 * v)), 6));
    expect(w.kernel(resolveActivation('elu:alpha=0.5'))).toBe(w.kernel(resolveActivation('elu:alpha=2')));
  });

  it('keeps vector constants out of the loops of every rendered kernel (checked on gelu, mish and snake)', () => {
    for (const id of ['gelu', 'mish', 'snake']) {
      const act = resolveActivation(id);
      const program = lower([act.expr, act.derivative, ...act.paramDerivatives], act.paramNames);
      const { text } = assemble(renderKernelModule(program, true).wat, true);
      expect(text).toMatch(/loop/);
      expect(vectorConstantsInLoops(text ?? '')).toBe(0);
    }
  });

  it('counts a non-zero vector constant inside a loop (the check can fail)', () => {
    const wat = '(module (memory 1) (func (export "f") (param $n i32) (loop $l (v128.store (i32.const 0) (f32x4.add (v128.load (i32.const 0)) (v128.const f32x4 1 2 3 4))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))';
    expect(vectorConstantsInLoops(assemble(wat, true).text ?? '')).toBe(1);
  });
});

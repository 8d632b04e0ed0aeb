/**
 * One table-driven sweep over the whole catalog: a new entry is tested by these loops with no new test
 * code. Each `it` names the property it holds for every entry.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, findSpec, getSpec } from '../../src/activations/registry.js';
import { activationFromSpec, resolveActivation } from '../../src/activations/resolve.js';
import { FAMILIES } from '../../src/activations/spec.js';
import { SWEEP } from './sweep.js';

const EXTREMES = SWEEP;
const acts = CATALOG.map((s) => activationFromSpec(s));

/** Relative closeness with an absolute floor. */
function close(a: number, b: number, rel: number, abs = 0): boolean {
  if (Object.is(a, b) || a === b) return true;
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/** Central difference of g at x, with a step scaled to x. */
function central(g: (x: number) => number, x: number, h: number): number {
  return (g(x + h) - g(x - h)) / (2 * h);
}

/** True when g looks smooth around x: the two one-sided differences agree (no kink or jump nearby). */
function smoothAround(g: (x: number) => number, x: number, h: number): boolean {
  const left = (g(x) - g(x - 4 * h)) / (4 * h);
  const right = (g(x + 4 * h) - g(x)) / (4 * h);
  const gx = g(x);
  return Number.isFinite(left) && Number.isFinite(right) && Number.isFinite(gx) && Math.abs(left - right) <= 1e-3 * Math.max(1, Math.abs(left), Math.abs(right));
}

describe('the catalog', () => {
  it('has at least 150 scalar entries with unique ids, known families and complete metadata', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(CATALOG.map((s) => s.id));
    expect(ids.size).toBe(CATALOG.length);
    for (const s of CATALOG) {
      expect(s.id, s.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(FAMILIES).toContain(s.family);
      expect(s.summary.length, `${s.id} summary`).toBeGreaterThan(60);
      expect(s.name.length).toBeGreaterThan(0);
      for (const p of s.params) {
        expect(Number.isFinite(p.default), `${s.id}.${p.name}`).toBe(true);
        expect(p.description.length, `${s.id}.${p.name} description`).toBeGreaterThan(5);
      }
    }
  });

  it('contains every elementwise activation of torch.nn and the framework-specific variants', () => {
    const required = [
      'elu', 'hardshrink', 'hard_sigmoid', 'hardtanh', 'hard_swish', 'leaky_relu', 'logsigmoid', 'prelu', 'relu', 'relu6', 'rrelu', 'selu',
      'celu', 'gelu', 'gelu_tanh', 'sigmoid', 'silu', 'mish', 'softplus', 'softshrink', 'softsign', 'tanh', 'tanhshrink', 'threshold',
      'hard_sigmoid_keras', 'binary_step', 'bipolar_step', 'swish_beta', 'identity', 'arctan', 'isru', 'isrlu', 'sqnl', 'bent_identity',
      'gaussian', 'sinusoid', 'sinc', 'soft_exponential', 'squareplus', 'elish', 'snake',
    ];
    for (const id of required) expect(findSpec(id)?.id, id).toBe(id);
  });

  it('finds entries by alias, ignoring case, dashes and underscores', () => {
    expect(getSpec('swish').id).toBe('silu');
    expect(getSpec('logistic').id).toBe('sigmoid');
    expect(getSpec('linear').id).toBe('identity');
    expect(getSpec('Leaky-ReLU').id).toBe('leaky_relu');
    expect(() => getSpec('leaky_rleu')).toThrow(/did you mean leaky_relu/);
  });

  it('uses the full-precision SELU constants', () => {
    const selu = getSpec('selu');
    const p = Object.fromEntries(selu.params.map((q) => [q.name, q.default]));
    const a = resolveActivation('selu');
    expect(a.f(-1e9)).toBe(-1.0507009873554804934193349852946 * 1.6732632423543772848170429916717);
    expect(Object.values(p).length === 0 || Object.values(p).every(Number.isFinite)).toBe(true);
  });
});

describe.each(acts.map((a) => [a.id as string, a] as const))('%s', (_id, a) => {
  it('reproduces its documented samples to 1e-12', () => {
    for (const [x, y] of a.spec?.samples ?? []) expect(close(a.f(x), y, 1e-12, 1e-300), `f(${x}) = ${a.f(x)}, expected ${y}`).toBe(true);
  });

  it('is finite, with a finite derivative, at every extreme finite input (or overflows honestly)', () => {
    // ±Infinity is accepted only where the true value is beyond the double range: the function already
    // grows faster than linearly at a tenth of x (x² or e^x at 1e300), never NaN.
    const honest = (g: (x: number) => number, x: number) => {
      const v = g(x);
      if (Number.isFinite(v)) return true;
      if (Number.isNaN(v)) return false;
      const w = g(x / 10);
      return !Number.isFinite(w) || Math.abs(w) > 1e3 * Math.abs(x / 10);
    };
    for (const x of EXTREMES) {
      expect(honest(a.f, x), `f(${x}) = ${a.f(x)}`).toBe(true);
      expect(honest(a.df, x), `f'(${x}) = ${a.df(x)}`).toBe(true);
    }
  });

  it('gives NaN for NaN, and the limit at ±Infinity', () => {
    expect(a.f(Number.NaN)).toBeNaN();
    expect(a.df(Number.NaN)).toBeNaN();
    for (const s of [1, -1]) {
      const atInf = a.f(s * Infinity);
      const far = a.f(s * 1e300);
      if (Number.isFinite(atInf)) expect(close(atInf, far, 1e-9, 1e-12), `f(${s * Infinity}) = ${atInf}, f(${s}e300) = ${far}`).toBe(true);
      else if (Number.isNaN(atInf)) {
        // only a function that keeps oscillating has no limit (sin, snake)
        expect(Math.abs(a.f(s * 1e6) - a.f(s * 1e6 + 1)), `f(${s * Infinity}) is NaN but f settles`).toBeGreaterThan(1e-6);
      } else {
        // An infinite limit: f is already huge far out, or (logarithmic growth) still growing in size there.
        const growing = Math.abs(far) > Math.abs(a.f(s * 1e150)) && Math.abs(a.f(s * 1e150)) > Math.abs(a.f(s * 1e30)) && Math.abs(a.f(s * 1e30)) > Math.abs(a.f(s * 1e10));
        expect(Math.sign(atInf) === Math.sign(far) && (Math.abs(far) > 1e100 || growing), `f(${s * Infinity}) = ${atInf}, f(${s}e300) = ${far}`).toBe(true);
      }
    }
  });

  it("has a symbolic derivative that agrees with central finite differences away from kinks", () => {
    let checked = 0;
    for (let i = 0; i <= 240; i++) {
      const x = -6 + (12 * i) / 240 + 0.0123;
      // 1e-6 keeps the truncation error small for fast oscillations (SIREN's sin(30x)); the rounding
      // error eps·|f|/h stays below 1e-8 relative for every entry's values on [-6, 6].
      const h = 1e-6;
      if (!smoothAround(a.f, x, h)) continue;
      const fd = central(a.f, x, h);
      expect(close(a.df(x), fd, 1e-5, 1e-6), `f'(${x}) = ${a.df(x)}, finite difference ${fd}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('has a second derivative that agrees with finite differences of the first, away from kinks', () => {
    for (let i = 0; i <= 120; i++) {
      const x = -6 + (12 * i) / 120 + 0.0171;
      const h = 1e-5;
      if (!smoothAround(a.f, x, h) || !smoothAround(a.df, x, h)) continue;
      expect(close(a.d2f(x), central(a.df, x, h), 1e-4, 1e-5), `f''(${x}) = ${a.d2f(x)}`).toBe(true);
    }
  });

  it('has parameter derivatives that agree with finite differences in the parameter', () => {
    a.paramNames.forEach((name, k) => {
      const spec = a.spec!;
      const base = a.paramValues[k];
      const h = 1e-6 * Math.max(1, Math.abs(base));
      const ps = spec.params[k];
      if ((ps.min !== undefined && base - h < ps.min) || (ps.max !== undefined && base + h > ps.max)) return;
      const up = activationFromSpec(spec, { [name]: base + h });
      const down = activationFromSpec(spec, { [name]: base - h });
      const dp = new Float64Array(a.paramNames.length);
      for (const x of [-2.3, -0.7, 0.4, 1.9]) {
        if (!smoothAround((v) => activationFromSpec(spec, { [name]: v }).f(x), base, h)) continue;
        dp.fill(0);
        a.kernel.paramGrad(Float32Array.of(x), Float32Array.of(1), a.paramValues, dp);
        const fd = (up.f(Math.fround(x)) - down.f(Math.fround(x))) / (2 * h);
        expect(close(dp[k], fd, 1e-4, 1e-5), `∂f/∂${name} at x=${x}: ${dp[k]} vs ${fd}`).toBe(true);
      }
    });
  });

  it('has Float32Array kernels equal to the f64 scalar code rounded to f32', () => {
    const xs = Float32Array.from([...EXTREMES.map(Math.fround), ...Array.from({ length: 201 }, (_, i) => -10 + i * 0.1)]);
    const y = new Float32Array(xs.length);
    const d = new Float32Array(xs.length);
    const y1 = new Float32Array(xs.length);
    a.kernel.forwardDeriv(xs, y, d, a.paramValues);
    a.kernel.forward(xs, y1, a.paramValues);
    xs.forEach((x, i) => {
      expect(close(y[i], Math.fround(a.f(x)), 1.2e-7, 1e-38), `f32 f(${x}) = ${y[i]} vs ${a.f(x)}`).toBe(true);
      expect(close(d[i], Math.fround(a.df(x)), 1.2e-7, 1e-38), `f32 f'(${x}) = ${d[i]} vs ${a.df(x)}`).toBe(true);
      expect(y1[i]).toBe(y[i]);
    });
    const dy = Float32Array.from(xs, (_, i) => ((i % 5) - 2) * 0.5);
    const dx = new Float32Array(xs.length);
    a.kernel.backward(xs, dy, dx, a.paramValues);
    xs.forEach((_, i) => expect(close(dx[i], Math.fround(dy[i] * d[i]), 2.4e-7, 1e-38)).toBe(true));
  });
});

describe('catalog samples', () => {
  it('exist for every entry (computed independently from the textbook formulas in Python)', () => {
    for (const s of CATALOG) expect(s.samples?.length ?? 0, s.id).toBeGreaterThanOrEqual(3);
  });
});

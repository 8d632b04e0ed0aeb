import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import { evalInterval, iv } from '../../src/analysis/interval.js';
import { substitute } from '../../src/analysis/prove.js';
import type { Expr } from '../../src/expr/ast.js';
import { diff } from '../../src/expr/diff.js';
import { evaluate } from '../../src/expr/evaluate.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';

const TEXTS = [
  'x - tanh(x)', 'log(1 + exp(x))', 'cbrt(x)', 'sqrt(abs(x))', 'x/(1 + abs(x))', 'sin(3*x)*cos(x)', 'tan(x)', 'asin(x/10)',
  'acosh(abs(x) + 1)', 'atanh(x/100)', 'x^3 - 2*x', 'x^-2', 'abs(x)^0.5', 'sinc(x)', 'erfc(x)*x', 'sech(x)^2', 'hypot(x, 2)',
  'min(x, sin(x))', 'clamp(x, -1, 2)', 'x > 1 ? log(x) : x - 1', 'sigmoid(x)*softplus(-x)', 'logsigmoid(x) + expm1(x/4)', 'log1p(x)',
  'sinpi(x/3)*cospi(x)', 'cospi(x^2/7)',
];

const EXPRS: Array<[string, Expr]> = [
  ...TEXTS.map((t): [string, Expr] => [t, simplify(parse(t).expr)]),
  ...CATALOG.map((s): [string, Expr] => {
    const a = resolveActivation(s.id);
    const env = Object.fromEntries(a.paramNames.map((n, i) => [n, a.paramValues[i]]));
    return [s.id, substitute(a.expr, env)];
  }),
];
const WITH_DERIVATIVES: Array<[string, Expr]> = EXPRS.flatMap(([t, e]) => [[t, e], [`(${t})'`, diff(e, 'x')]]);

describe('interval enclosures', () => {
  it('contain the value at every point of the box, for the battery, the catalog and their derivatives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: WITH_DERIVATIVES.length - 1 }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (k, a, w, ts) => {
          const [name, e] = WITH_DERIVATIVES[k];
          const box = iv(a, a + w);
          const enc = evalInterval(e, box);
          for (const t of ts) {
            const x = Math.min(a + t * w, a + w);
            const v = evaluate(e, { x });
            if (Number.isNaN(v)) {
              expect(enc.undef, `${name} at ${x}`).toBe(true);
              continue;
            }
            if (!Number.isFinite(v)) continue;
            // the f64 value carries its own rounding: allow a few ulps around the enclosure
            const slack = 1e-12 * Math.max(1, Math.abs(v));
            expect(v, `${name} at ${x} in [${a}, ${a + w}]`).toBeGreaterThanOrEqual(enc.lo - slack);
            expect(v, `${name} at ${x} in [${a}, ${a + w}]`).toBeLessThanOrEqual(enc.hi + slack);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('are exact where the arithmetic is: 1 − sech(0)² is 0, not a rounding residue', () => {
    const e = simplify(parse('1 - sech(x)^2').expr);
    expect(evalInterval(e, iv(0, 0))).toEqual({ lo: 0, hi: 0, undef: false });
    expect(evalInterval(simplify(parse('x*x + 1').expr), iv(3, 3))).toEqual({ lo: 10, hi: 10, undef: false });
  });

  it('treat overflow as a finite value and a domain error as undefined', () => {
    const big = evalInterval(simplify(parse('exp(x)').expr), iv(800, 900));
    expect(big.undef).toBe(false);
    expect(big.lo).toBe(Number.MAX_VALUE);
    expect(evalInterval(simplify(parse('log(1 + exp(x))').expr), iv(700, Infinity)).undef).toBe(false);
    expect(evalInterval(simplify(parse('log(x)').expr), iv(-1, 1)).undef).toBe(true);
    expect(evalInterval(simplify(parse('1/x').expr), iv(-1, 1)).undef).toBe(true);
    expect(evalInterval(simplify(parse('sqrt(x)').expr), iv(0, 4)).undef).toBe(false);
  });

  it('widen outwards: the enclosure of sigmoid on a box stays inside [0, 1] and holds its ends', () => {
    const e = simplify(parse('sigmoid(x)').expr);
    const enc = evalInterval(e, iv(-Infinity, Infinity));
    expect([enc.lo, enc.hi]).toEqual([0, 1]);
    const p = evalInterval(e, iv(1, 1));
    expect(p.lo).toBeLessThan(1 / (1 + Math.exp(-1)) + 1e-15);
    expect(p.hi).toBeGreaterThan(1 / (1 + Math.exp(-1)) - 1e-15);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { analyzableFromExpression } from '../../src/analysis/analyzableFromExpression.js';
import { compileScalar } from '../../src/expr/compile.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';

/** Random expressions with kinks, roots, conditionals and saturating pieces. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('x'),
    fc.constantFrom('0.5', '1', '2', '-1', '3'),
    fc.tuple(fc.constantFrom('tanh', 'sigmoid', 'atan', 'sin', 'softplus', 'abs', 'cbrt', 'erf', 'asinh', 'expm1'), tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a}/(1 + abs(${b}))`),
    fc.tuple(fc.constantFrom('-1', '0', '1'), tie('e'), tie('e')).map(([c, a, b]) => `(x > ${c} ? ${a} : ${b})`),
  ),
})).e;

describe('what the analysis proves holds at every sample', () => {
  it('a proved direction is never contradicted by values on a fine grid, a proved range never left', () => {
    const xs = Array.from({ length: 4001 }, (_, i) => -20 + i / 100);
    fc.assert(
      fc.property(expression, (text) => {
        const e = simplify(parse(text).expr);
        const p = analyze(analyzableFromExpression(e));
        const f = compileScalar(e, []);
        const v = xs.map((x) => f(x, []));
        const scale = Math.max(1, ...v.filter(Number.isFinite).map(Math.abs));
        const tol = 1e-9 * scale;
        if (p.evidence.monotonic === 'proved') {
          for (let i = 1; i < v.length; i++) {
            if (!Number.isFinite(v[i]) || !Number.isFinite(v[i - 1])) continue;
            if (p.monotonicity === 'increasing' || p.monotonicity === 'non-decreasing') expect(v[i], `${text} at ${xs[i]}`).toBeGreaterThanOrEqual(v[i - 1] - tol);
            if (p.monotonicity === 'decreasing' || p.monotonicity === 'non-increasing') expect(v[i], `${text} at ${xs[i]}`).toBeLessThanOrEqual(v[i - 1] + tol);
          }
        }
        if (p.evidence.range === 'proved' && p.definedEverywhere) {
          for (let i = 0; i < v.length; i++) {
            if (!Number.isFinite(v[i])) continue;
            if (p.range.lower !== null) expect(v[i], `${text} at ${xs[i]}`).toBeGreaterThanOrEqual(p.range.lower - tol);
            if (p.range.upper !== null) expect(v[i], `${text} at ${xs[i]}`).toBeLessThanOrEqual(p.range.upper + tol);
          }
        }
        if (p.evidence.maxAbsDerivative === 'proved' && p.maxAbsDerivative !== null) {
          const d = analyzableFromExpression(e).derivative(1);
          for (const x of xs) {
            const s = Math.abs(d(x));
            if (Number.isFinite(s)) expect(s, `${text}' at ${x}`).toBeLessThanOrEqual(p.maxAbsDerivative * (1 + 1e-8) + 1e-12);
          }
        }
      }),
      { numRuns: 40, seed: 20261206 },
    );
  }, 120_000);
});

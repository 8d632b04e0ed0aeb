import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { analyzableFromExpression } from '../../src/analysis/analyzableFromExpression.js';
import type { Continuity, Monotonicity, Properties, PropertyEvidence } from '../../src/analysis/properties.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';

/**
 * A battery of expressions with properties derived by hand (the reasoning is in the comment of each row),
 * including every case of issue 9's "wrong properties". `proved` lists the properties whose evidence must be
 * "proved": the prover is expected to find those proofs, and a proof that disappears is a regression.
 */
interface Row {
  readonly e: string;
  readonly mono: Monotonicity;
  readonly cont: Continuity;
  readonly id: boolean;
  readonly zc: boolean;
  readonly sat: readonly [boolean, boolean];
  /** max |f′|: a number, or 'unbounded' ('skip': not checked). */
  readonly slope: number | 'unbounded' | 'skip';
  readonly defined?: boolean;
  /** Whether f′ is monotonic (checked when given). */
  readonly md?: boolean;
  readonly range?: readonly [number | null, number | null];
  readonly proved?: readonly (keyof PropertyEvidence)[];
}

const M: (keyof PropertyEvidence)[] = ['monotonic'];
const MC: (keyof PropertyEvidence)[] = ['monotonic', 'continuity', 'definedEverywhere'];
const ALL: (keyof PropertyEvidence)[] = ['monotonic', 'continuity', 'definedEverywhere', 'limits', 'derivativeLimits', 'saturating'];

const ROWS: readonly Row[] = [
  // f′ = tanh² ≥ 0, zero only at 0: strictly increasing; f = x³/3 + … near 0 (not identity); f′ → 1 at ±∞
  { e: 'x - tanh(x)', md: false, mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 1, range: [null, null], proved: ALL },
  // f′ = cosh − 1 ≥ 0; f′ unbounded
  { e: 'sinh(x) - x', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 'unbounded', proved: ALL },
  // f′ = x²/(1 + x²) ≥ 0
  { e: 'x - atan(x)', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 1, proved: ALL },
  // f′ = 1 − cos x ≥ 0 with zeros at 2kπ: increasing, but the zeros are not all at exact points (sampled is fine)
  { e: 'x - sin(x)', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 2 },
  // softplus written naively: finite in exact arithmetic although exp overflows beyond 709.78
  { e: 'log(1 + exp(x))', md: true, mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, false], slope: 1, defined: true, range: [0, null], proved: ['definedEverywhere', 'continuity', 'limits', 'derivativeLimits', 'saturating'] },
  { e: 'log1p(exp(x))', mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, false], slope: 1, defined: true, range: [0, null], proved: ['definedEverywhere', 'continuity', 'limits', 'saturating'] },
  // f′ = 1/(3 x^(2/3)) → ∞ at 0: C0, |f′| unbounded, f′ → 0 at ±∞
  { e: 'cbrt(x)', md: false, mono: 'increasing', cont: 'C0', id: false, zc: true, sat: [true, true], slope: 'unbounded', proved: [...ALL, 'maxAbsDerivative'] },
  // even, f′ = ±1/(2√|x|): C0 with a cusp, decreasing then increasing
  { e: 'sqrt(abs(x))', mono: 'none', cont: 'C0', id: false, zc: false, sat: [true, true], slope: 'unbounded', range: [0, null], proved: [...ALL, 'maxAbsDerivative'] },
  { e: 'x > 0 ? sqrt(x) : 0', mono: 'non-decreasing', cont: 'C0', id: false, zc: false, sat: [true, true], slope: 'unbounded', range: [0, null], proved: [...ALL, 'maxAbsDerivative'] },
  // f′ = 1 + 1.00000001·cos x < 0 near π: not monotonic (a narrow feature between grid points)
  { e: 'x + 1.00000001*sin(x)', mono: 'none', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 2.00000001, proved: M },
  // a bump of width 1e−3: f′ = 1 − 0.01·2u·e^(−u²)/0.001 reaches 1 − 8.58 < 0
  // (max |f′| = 1 + 0.01·√2·e^(−1/2)/0.001, at x = 0.5 − 0.001/√2; branch and bound finds it between grid points)
  { e: 'x + 0.01*exp(-((x - 0.5)/0.001)^2)', mono: 'none', cont: 'Cinf', id: true, zc: true, sat: [false, false], slope: 1 + (0.01 * Math.SQRT2 * Math.exp(-0.5)) / 0.001, proved: M },
  // a bump of height 1 and width 1e−4 between grid points (0.50 and 0.51): range [0, 1], not monotonic, nor f′
  { e: 'exp(-((x - 0.505)/0.0001)^2)', md: false, mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: (Math.SQRT2 * Math.exp(-0.5)) / 0.0001, range: [0, 1], proved: ['monotonic', 'monotonicDerivative', 'limits', 'derivativeLimits', 'saturating'] },
  // f(0) = 1e−13 ≠ 0: neither zero-centred nor identity near the origin
  { e: 'x + 1e-13', mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 1, proved: [...ALL, 'identityNearOrigin', 'zeroCentered'] },
  // f′ ~ 0.8·|x|^(−0.2) → 0 slowly: saturating both sides
  { e: 'x/(1 + abs(x))^0.2', mono: 'increasing', cont: 'C1', id: true, zc: true, sat: [true, true], slope: 1, proved: ['saturating', 'derivativeLimits'] },
  { e: 'asinh(x)', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [true, true], slope: 1, proved: ALL },
  { e: 'sign(x)*log1p(abs(x))', mono: 'increasing', cont: 'C1', id: true, zc: true, sat: [true, true], slope: 1, proved: ['saturating', 'derivativeLimits', 'limits'] },
  // the classics
  { e: 'x', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [false, false], slope: 1, range: [null, null], proved: [...ALL, 'identityNearOrigin', 'zeroCentered', 'range'] },
  { e: '2*x + 1', mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 2, proved: ALL },
  { e: '-x', mono: 'decreasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 1, proved: ALL },
  { e: 'sigmoid(x)', md: false, mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: 0.25, range: [0, 1], proved: [...ALL, 'range', 'boundedAbove', 'boundedBelow'] },
  { e: '1/(1 + exp(-x))', mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: 0.25, range: [0, 1], proved: ['monotonic', 'continuity', 'limits', 'saturating'] },
  { e: 'tanh(x)', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [true, true], slope: 1, range: [-1, 1], proved: [...ALL, 'range', 'identityNearOrigin', 'zeroCentered'] },
  { e: 'atan(x)', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [true, true], slope: 1, range: [-Math.PI / 2, Math.PI / 2], proved: ALL },
  { e: 'erf(x)', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [true, true], slope: 2 / Math.sqrt(Math.PI), range: [-1, 1], proved: ['monotonic', 'continuity', 'limits'] },
  // (its monotonicity is sampled: the enclosure of f′ = (1 + |x| − x·sign x)/(1 + |x|)² is too wide)
  { e: 'x/(1 + abs(x))', mono: 'increasing', cont: 'C1', id: true, zc: true, sat: [true, true], slope: 1, range: [-1, 1], proved: ['continuity', 'definedEverywhere', 'limits', 'saturating'] },
  { e: 'x/sqrt(1 + x^2)', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [true, true], slope: 1, range: [-1, 1], proved: ['continuity', 'limits', 'saturating'] },
  { e: 'x > 0 ? x : 0', md: true, mono: 'non-decreasing', cont: 'C0', id: false, zc: false, sat: [true, false], slope: 1, range: [0, null], proved: [...ALL, 'range'] },
  { e: 'max(x, 0)', mono: 'non-decreasing', cont: 'C0', id: false, zc: false, sat: [true, false], slope: 1, range: [0, null], proved: ALL },
  { e: 'x > 0 ? x : 0.01*x', mono: 'increasing', cont: 'C0', id: false, zc: true, sat: [false, false], slope: 1, proved: ALL },
  { e: 'x > 0 ? x : expm1(x)', md: true, mono: 'increasing', cont: 'C1', id: true, zc: true, sat: [true, false], slope: 1, range: [-1, null], proved: ALL },
  { e: 'x > 0 ? x : 2*expm1(x)', mono: 'increasing', cont: 'C0', id: false, zc: true, sat: [true, false], slope: 2, proved: ALL },
  { e: 'clamp(x, -1, 1)', md: false, mono: 'non-decreasing', cont: 'C0', id: true, zc: true, sat: [true, true], slope: 1, range: [-1, 1], proved: ALL },
  { e: 'clamp(x, 0, 6)', mono: 'non-decreasing', cont: 'C0', id: false, zc: false, sat: [true, true], slope: 1, range: [0, 6], proved: ALL },
  { e: 'x >= 0 ? 1 : 0', mono: 'non-decreasing', cont: 'discontinuous', id: false, zc: false, sat: [true, true], slope: 0, range: [0, 1], proved: MC },
  { e: 'x >= 0 ? 1 : -1', mono: 'non-decreasing', cont: 'discontinuous', id: false, zc: false, sat: [true, true], slope: 0, proved: MC },
  { e: 'abs(x) > 0.5 ? x : 0', mono: 'non-decreasing', cont: 'discontinuous', id: false, zc: true, sat: [false, false], slope: 1, proved: MC },
  { e: 'x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0', mono: 'non-decreasing', cont: 'C0', id: false, zc: true, sat: [false, false], slope: 1, proved: MC },
  { e: 'abs(x)', mono: 'none', cont: 'C0', id: false, zc: false, sat: [false, false], slope: 1, range: [0, null], proved: MC },
  { e: 'x^2', md: true, mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 'unbounded', range: [0, null], proved: MC },
  { e: 'x^3', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 'unbounded', proved: ALL },
  { e: 'x > 0 ? x^2 : 0', mono: 'non-decreasing', cont: 'C1', id: false, zc: false, sat: [true, false], slope: 'unbounded', proved: MC },
  { e: 'x*abs(x)', mono: 'increasing', cont: 'C1', id: false, zc: true, sat: [false, false], slope: 'unbounded', proved: MC },
  { e: 'x^3 > 0 ? x^3 : 0', mono: 'non-decreasing', cont: 'C2', id: false, zc: false, sat: [true, false], slope: 'unbounded', proved: ['continuity'] },
  { e: 'exp(x)', md: true, mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, false], slope: 'unbounded', range: [0, null], proved: ALL },
  { e: 'expm1(x)', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [true, false], slope: 'unbounded', range: [-1, null], proved: ALL },
  { e: 'exp(-x^2)', mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: Math.sqrt(2 / Math.E), range: [0, 1], proved: MC },
  { e: 'x*sigmoid(x)', md: false, mono: 'none', cont: 'Cinf', id: false, zc: true, sat: [true, false], slope: 1.099839320128867, proved: [...MC, 'limits', 'derivativeLimits'] },
  { e: 'x*tanh(softplus(x))', mono: 'none', cont: 'Cinf', id: false, zc: true, sat: [true, false], slope: 1.088498161251728, proved: [...MC, 'limits'] },
  { e: '0.5*x*erfc(-x/sqrt(2))', mono: 'none', cont: 'Cinf', id: false, zc: true, sat: [true, false], slope: 1.128904145185155, proved: MC },
  { e: 'x*tanh(x)', mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 1.19967864025773, range: [0, null], proved: MC },
  { e: 'sin(x)', mono: 'none', cont: 'Cinf', id: true, zc: true, sat: [false, false], slope: 1, range: [-1, 1], proved: MC },
  { e: 'cos(x)', mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 1, range: [-1, 1], proved: MC },
  { e: 'sinc(x)', mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: 0.436181817271459, proved: ['continuity', 'definedEverywhere'] },
  { e: 'x + sin(x)^2', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [false, false], slope: 2 },
  { e: 'x + 0.5*sin(x)', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [false, false], slope: 1.5, proved: M },
  { e: 'softplus(x)', md: true, mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [true, false], slope: 1, range: [0, null], proved: ALL },
  { e: 'logsigmoid(x)', mono: 'increasing', cont: 'Cinf', id: false, zc: false, sat: [false, true], slope: 1, range: [null, 0], proved: ALL },
  { e: 'softplus(x) - log(2)', mono: 'increasing', cont: 'Cinf', id: false, zc: true, sat: [true, false], slope: 1, proved: ALL },
  { e: '(sqrt(x^2 + 1) - 1)/2 + x', mono: 'increasing', cont: 'Cinf', id: true, zc: true, sat: [false, false], slope: 1.5 },
  { e: 'x < 0 ? 0.5/(1 - x) : 1 - 0.5/(1 + x)', mono: 'increasing', cont: 'C1', id: false, zc: false, sat: [true, true], slope: 0.5, range: [0, 1], proved: ALL },
  { e: 'x > 2 ? 1 : x >= 0 ? x - x^2/4 : x >= -2 ? x + x^2/4 : -1', mono: 'non-decreasing', cont: 'C1', id: true, zc: true, sat: [true, true], slope: 1, range: [-1, 1], proved: ALL },
  { e: 'x <= -3 ? 0 : x >= 3 ? x : x*(x + 3)/6', mono: 'none', cont: 'C0', id: false, zc: true, sat: [true, false], slope: 1.5, proved: MC },
  // sign(0) = 0 and it takes −1 and 1: zero-centred by our definition
  { e: 'sign(x)', mono: 'non-decreasing', cont: 'discontinuous', id: false, zc: true, sat: [true, true], slope: 0, proved: MC },
  { e: '3', mono: 'non-decreasing', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: 0, proved: ['continuity', 'limits'] },
  { e: 'x^(1/3) ', mono: 'increasing', cont: 'C0', id: false, zc: false, sat: [false, true], slope: 'unbounded', defined: false },
  { e: 'log(x)', mono: 'none', cont: 'discontinuous', id: false, zc: false, sat: [false, false], slope: 'unbounded', defined: false, proved: ['definedEverywhere'] },
  { e: '1/x', mono: 'none', cont: 'discontinuous', id: false, zc: false, sat: [false, false], slope: 'unbounded', defined: false },
  { e: 'sqrt(x)', mono: 'none', cont: 'discontinuous', id: false, zc: false, sat: [false, false], slope: 'unbounded', defined: false },
  { e: 'x^1e308', mono: 'none', cont: 'Cinf', id: false, zc: false, sat: [false, false], slope: 'unbounded', defined: true, proved: ['definedEverywhere'] },
  { e: 'exp(x)*exp(-x)', mono: 'non-decreasing', cont: 'Cinf', id: false, zc: false, sat: [true, true], slope: 0, proved: ['continuity'] },
];

function analyzed(text: string): Properties {
  const parsed = parse(text);
  return analyze(analyzableFromExpression(simplify(parsed.expr)));
}

describe('a battery of expressions with hand-derived properties', () => {
  it('holds at least 60 expressions', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });
  for (const row of ROWS) {
    it(`${row.e}: ${row.mono}, ${row.cont}, slope ${row.slope}`, () => {
      const p = analyzed(row.e);
      const defined = row.defined ?? true;
      expect(p.definedEverywhere).toBe(defined);
      if (!defined) {
        for (const k of row.proved ?? []) expect(p.evidence[k], k).toBe('proved');
        return;
      }
      if (row.mono !== 'none' || row.e !== 'x^1e308') expect(p.monotonicity).toBe(row.mono);
      expect(p.continuity).toBe(row.cont);
      if (row.md !== undefined) expect(p.monotonicDerivative).toBe(row.md);
      expect(p.identityNearOrigin).toBe(row.id);
      expect(p.zeroCentered).toBe(row.zc);
      expect([p.saturating.left, p.saturating.right]).toEqual(row.sat);
      if (row.slope === 'unbounded') expect(p.maxAbsDerivative).toBeNull();
      else if (row.slope !== 'skip') expect(p.maxAbsDerivative).toBeCloseTo(row.slope, 6);
      if (row.range) {
        const [lo, hi] = row.range;
        if (lo === null) expect(p.range.lower).toBeNull();
        else expect(p.range.lower).toBeCloseTo(lo, 9);
        if (hi === null) expect(p.range.upper).toBeNull();
        else expect(p.range.upper).toBeCloseTo(hi, 9);
      }
      for (const k of row.proved ?? []) expect(p.evidence[k], k).toBe('proved');
    });
  }
});

describe('evidence', () => {
  it('is all "sampled" when the analysis is given closures without the expression', () => {
    const a = analyzableFromExpression(simplify(parse('tanh(x)').expr));
    const p = analyze({ f: a.f, derivative: a.derivative, breakpoints: a.breakpoints });
    expect(new Set(Object.values(p.evidence))).toEqual(new Set(['sampled']));
  });
});

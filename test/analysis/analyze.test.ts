import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { AnalyzableFunction, Continuity, Interval, Monotonicity, Properties } from '../../src/analysis/properties.js';
import { type ClosureId, CLOSURES, SELU_ALPHA, SELU_SCALE } from './closures.js';

/** Accepted values, computed by hand from each definition; numbers are compared to 9 digits. */
interface Expected {
  range: [number | null, number | null, boolean, boolean];
  monotonicity: Monotonicity;
  monotonicDerivative: boolean;
  continuity: Continuity;
  identityNearOrigin: boolean;
  zeroCentered: boolean;
  saturating: [boolean, boolean];
  maxAbsDerivative: number | null;
  deadZone: Interval | null;
}

const EXPECTED: Record<ClosureId, Expected> = {
  identity: { range: [null, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: true, zeroCentered: true, saturating: [false, false], maxAbsDerivative: 1, deadZone: null },
  binary_step: { range: [0, 1, true, true], monotonicity: 'non-decreasing', monotonicDerivative: true, continuity: 'discontinuous', identityNearOrigin: false, zeroCentered: false, saturating: [true, true], maxAbsDerivative: 0, deadZone: { from: null, to: 0 } },
  sigmoid: { range: [0, 1, false, false], monotonicity: 'increasing', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, true], maxAbsDerivative: 0.25, deadZone: null },
  tanh: { range: [-1, 1, false, false], monotonicity: 'increasing', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: true, zeroCentered: true, saturating: [true, true], maxAbsDerivative: 1, deadZone: null },
  relu: { range: [0, null, true, false], monotonicity: 'non-decreasing', monotonicDerivative: true, continuity: 'C0', identityNearOrigin: false, zeroCentered: false, saturating: [true, false], maxAbsDerivative: 1, deadZone: { from: null, to: 0 } },
  leaky_relu: { range: [null, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'C0', identityNearOrigin: false, zeroCentered: true, saturating: [false, false], maxAbsDerivative: 1, deadZone: null },
  elu: { range: [-1, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'C1', identityNearOrigin: true, zeroCentered: true, saturating: [true, false], maxAbsDerivative: 1, deadZone: null },
  selu: { range: [-SELU_SCALE * SELU_ALPHA, null, false, false], monotonicity: 'increasing', monotonicDerivative: false, continuity: 'C0', identityNearOrigin: false, zeroCentered: true, saturating: [true, false], maxAbsDerivative: SELU_SCALE * SELU_ALPHA, deadZone: null },
  gelu: { range: [-0.169971207479904, null, true, false], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: true, saturating: [true, false], maxAbsDerivative: 1.128904145185155, deadZone: null },
  silu: { range: [-0.278464542761074, null, true, false], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: true, saturating: [true, false], maxAbsDerivative: 1.099839320128867, deadZone: null },
  softplus: { range: [0, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, false], maxAbsDerivative: 1, deadZone: null },
  softplus_threshold: { range: [0, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, false], maxAbsDerivative: 1, deadZone: null },
  softsign: { range: [-1, 1, false, false], monotonicity: 'increasing', monotonicDerivative: false, continuity: 'C1', identityNearOrigin: true, zeroCentered: true, saturating: [true, true], maxAbsDerivative: 1, deadZone: null },
  hardtanh: { range: [-1, 1, true, true], monotonicity: 'non-decreasing', monotonicDerivative: false, continuity: 'C0', identityNearOrigin: true, zeroCentered: true, saturating: [true, true], maxAbsDerivative: 1, deadZone: { from: null, to: -1 } },
  sqnl: { range: [-1, 1, true, true], monotonicity: 'non-decreasing', monotonicDerivative: false, continuity: 'C1', identityNearOrigin: true, zeroCentered: true, saturating: [true, true], maxAbsDerivative: 1, deadZone: { from: null, to: -2 } },
  gaussian: { range: [0, 1, false, true], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, true], maxAbsDerivative: Math.sqrt(2 / Math.E), deadZone: null },
  sinusoid: { range: [-1, 1, true, true], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: true, zeroCentered: true, saturating: [false, false], maxAbsDerivative: 1, deadZone: null },
  sinc: { range: [-0.217233628211222, 1, true, true], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, true], maxAbsDerivative: 0.436181817271459, deadZone: null },
  soft_exponential: { range: [-1.5, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, false], maxAbsDerivative: null, deadZone: null },
  bent_identity: { range: [null, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: true, zeroCentered: true, saturating: [false, false], maxAbsDerivative: 1.5, deadZone: null },
  isru: { range: [-1, 1, false, false], monotonicity: 'increasing', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: true, zeroCentered: true, saturating: [true, true], maxAbsDerivative: 1, deadZone: null },
  squareplus: { range: [0, null, false, false], monotonicity: 'increasing', monotonicDerivative: true, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: false, saturating: [true, false], maxAbsDerivative: 1, deadZone: null },
  mish: { range: [-0.308843413017250, null, true, false], monotonicity: 'none', monotonicDerivative: false, continuity: 'Cinf', identityNearOrigin: false, zeroCentered: true, saturating: [true, false], maxAbsDerivative: 1.088498161251728, deadZone: null },
  hardswish: { range: [-0.375, null, true, false], monotonicity: 'none', monotonicDerivative: false, continuity: 'C0', identityNearOrigin: false, zeroCentered: true, saturating: [true, false], maxAbsDerivative: 1.5, deadZone: { from: null, to: -3 } },
  relu6: { range: [0, 6, true, true], monotonicity: 'non-decreasing', monotonicDerivative: false, continuity: 'C0', identityNearOrigin: false, zeroCentered: false, saturating: [true, true], maxAbsDerivative: 1, deadZone: { from: null, to: 0 } },
};

function expectNumber(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

const results = new Map<ClosureId, Properties>();
const analyzed = (id: ClosureId): Properties => {
  let p = results.get(id);
  if (!p) results.set(id, (p = analyze(CLOSURES[id])));
  return p;
};

describe('analyze on the common activations', () => {
  for (const id of Object.keys(EXPECTED) as ClosureId[]) {
    it(`${id} has the accepted range, shape, smoothness and slope`, () => {
      const p = analyzed(id);
      const e = EXPECTED[id];
      expectNumber(p.range.lower, e.range[0]);
      expectNumber(p.range.upper, e.range[1]);
      expect([p.range.lowerClosed, p.range.upperClosed]).toEqual([e.range[2], e.range[3]]);
      expect(p.boundedBelow).toBe(e.range[0] !== null);
      expect(p.boundedAbove).toBe(e.range[1] !== null);
      expect(p.monotonicity).toBe(e.monotonicity);
      expect(p.monotonic).toBe(e.monotonicity !== 'none');
      expect(p.monotonicDerivative).toBe(e.monotonicDerivative);
      expect(p.continuity).toBe(e.continuity);
      expect(p.differentiable).toBe(!['discontinuous', 'C0'].includes(e.continuity));
      expect(p.identityNearOrigin).toBe(e.identityNearOrigin);
      expect(p.zeroCentered).toBe(e.zeroCentered);
      expect([p.saturating.left, p.saturating.right]).toEqual(e.saturating);
      expectNumber(p.maxAbsDerivative, e.maxAbsDerivative);
      expect(p.deadZone).toEqual(e.deadZone);
      expect(p.definedEverywhere).toBe(true);
    });
  }
});

describe('analyze where the published tables disagree', () => {
  it("gelu's minimum −0.16997 at x ≈ −0.75179 is attained, so its range is closed below (tables print it open)", () => {
    const p = analyzed('gelu');
    expect(p.range.lowerClosed).toBe(true);
    expect(p.globalMinimum?.x).toBeCloseTo(-0.7517915246935646, 7);
    expect(p.globalMinimum?.value).toBeCloseTo(-0.169971207479904, 12);
  });

  it('sqnl is only C1 (tables say C2): its second derivative jumps at −2, 0 and 2, and ±1 is attained for |x| ≥ 2', () => {
    const p = analyzed('sqnl');
    expect(p.continuity).toBe('C1');
    expect(p.nonSmoothPoints).toEqual([{ x: -2, order: 2 }, { x: 0, order: 2 }, { x: 2, order: 2 }]);
    expect(p.deadZones).toEqual([{ from: null, to: -2 }, { from: 2, to: null }]);
    expect(p.range).toEqual({ lower: -1, upper: 1, lowerClosed: true, upperClosed: true });
  });

  it('soft exponential with alpha > 0 is bounded below by α − 1/α (tables print all reals)', () => {
    const p = analyzed('soft_exponential');
    expect(p.boundedBelow).toBe(true);
    expect(p.range.lower).toBeCloseTo(0.5 - 1 / 0.5, 12);
    expect(p.limits.left).toBeCloseTo(-1.5, 12);
  });

  it("relu'(0) is 0 as in every framework (an old table revision says 1), and the dead zone ends exactly at 0", () => {
    const p = analyzed('relu');
    expect(p.derivativeAtZero).toBe(0);
    expect(p.deadZones).toEqual([{ from: null, to: 0 }]);
    expect(p.globalMinimum).toEqual({ x: 0, value: 0 });
  });
});

describe('analyze on details', () => {
  it('mish attains its minimum ≈ −0.30884 at x ≈ −1.19243', () => {
    const p = analyzed('mish');
    expect(p.globalMinimum?.x).toBeCloseTo(-1.1924312, 6);
    expect(p.range.lowerClosed).toBe(true);
  });

  it('gaussian attains 1 at 0 but only approaches 0, although exp(−x²) underflows to exactly 0 beyond |x| ≈ 27', () => {
    const p = analyzed('gaussian');
    expect(p.globalMaximum).toEqual({ x: 0, value: 1 });
    expect(p.globalMinimum).toBeNull();
    expect(p.deadZones).toEqual([]);
    expect(p.maxAbsDerivativeAt).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it("sigmoid's derivative underflowing to 0 below x ≈ −745 is not a dead zone, and sup |f'| = 1/4 is attained at 0", () => {
    const p = analyzed('sigmoid');
    expect(p.deadZone).toBeNull();
    expect(p.monotonicity).toBe('increasing');
    expect(p.maxAbsDerivativeAt).toBe(0);
  });

  it("the breakpoints of softplus's threshold and sinc's removable singularity do not lower the smoothness", () => {
    expect(analyzed('softplus_threshold').nonSmoothPoints).toEqual([]);
    expect(analyzed('sinc').nonSmoothPoints).toEqual([]);
  });

  it('the limits at ±∞ of f and f\' are reported, with "none" for sin', () => {
    expect(analyzed('tanh').limits).toEqual({ left: -1, right: 1 });
    expect(analyzed('relu').limits).toEqual({ left: 0, right: 'inf' });
    expect(analyzed('sinusoid').limits).toEqual({ left: 'none', right: 'none' });
    expect(analyzed('bent_identity').derivativeLimits).toEqual({ left: 0.5, right: 1.5 });
  });

  it("sup |f'| approached only at infinity or at a jump of f' has no attaining point", () => {
    expect(analyzed('bent_identity').maxAbsDerivativeAt).toBeNull();
    expect(analyzed('softplus').maxAbsDerivativeAt).toBeNull();
    expect(analyzed('hardswish').maxAbsDerivativeAt).toBeNull();
    expect(analyzed('relu6').maxAbsDerivativeAt).toBe(3);
  });

  it('selu and elu have the kink orders their definitions imply', () => {
    expect(analyzed('selu').nonSmoothPoints).toEqual([{ x: 0, order: 1 }]);
    expect(analyzed('elu').nonSmoothPoints).toEqual([{ x: 0, order: 2 }]);
  });

  it('sin attains ±1 at ±π/2, the attaining points nearest 0', () => {
    const p = analyzed('sinusoid');
    expect(p.globalMinimum?.x).toBeCloseTo(-Math.PI / 2, 7);
    expect(p.globalMaximum?.x).toBeCloseTo(Math.PI / 2, 7);
  });
});

describe('analyze on custom functions', () => {
  const plain = (f: (x: number) => number, d: ((x: number) => number)[], breakpoints: number[]): AnalyzableFunction => ({
    f,
    derivative: (k) => d[k - 1],
    breakpoints,
  });

  it('keeps a supremum approached at a jump open: x < 0 ? 1 + eˣ : e⁻ˣ has range (0, 2)', () => {
    const p = analyze(
      plain(
        (x) => (x < 0 ? 1 + Math.exp(x) : Math.exp(-x)),
        [(x) => (x < 0 ? Math.exp(x) : -Math.exp(-x)), (x) => (x < 0 ? Math.exp(x) : Math.exp(-x)), (x) => (x < 0 ? Math.exp(x) : -Math.exp(-x))],
        [0],
      ),
    );
    expect(p.range.lower).toBe(0);
    expect(p.range.upper).toBeCloseTo(2, 12);
    expect([p.range.lowerClosed, p.range.upperClosed]).toEqual([false, false]);
    expect(p.continuity).toBe('discontinuous');
    expect(p.monotonicity).toBe('none');
  });

  it('reports a pole behind a branch as a discontinuity with an unbounded range', () => {
    const p = analyze(plain((x) => (x > 0 ? 1 / x : 0), [(x) => (x > 0 ? -1 / x ** 2 : 0), (x) => (x > 0 ? 2 / x ** 3 : 0), (x) => (x > 0 ? -6 / x ** 4 : 0)], [0]));
    expect(p.continuity).toBe('discontinuous');
    expect(p.range.upper).toBeNull();
    expect(p.maxAbsDerivative).toBeNull();
  });

  it('treats a naively written removable singularity, (eˣ − 1)/x with 1 at 0, as smooth and increasing', () => {
    const f = (x: number): number => (x === 0 ? 1 : Math.expm1(x) / x);
    const d1 = (x: number): number => (x === 0 ? 0.5 : (x * Math.exp(x) - Math.expm1(x)) / x ** 2);
    const d2 = (x: number): number => (x === 0 ? 1 / 3 : (x * x * Math.exp(x) - 2 * x * Math.exp(x) + 2 * Math.expm1(x)) / x ** 3);
    const d3 = (x: number): number =>
      x === 0 ? 0.25 : (x ** 3 * Math.exp(x) - 3 * x * x * Math.exp(x) + 6 * x * Math.exp(x) - 6 * Math.expm1(x)) / x ** 4;
    const p = analyze(plain(f, [d1, d2, d3], [0]));
    expect(p.continuity).toBe('Cinf');
    expect(p.monotonicity).toBe('increasing');
    expect(p.range).toEqual({ lower: 0, upper: null, lowerClosed: false, upperClosed: false });
  });

  it('reports a function that is NaN on part of the line as not defined everywhere and not continuous', () => {
    const p = analyze(plain(Math.sqrt, [(x) => 0.5 / Math.sqrt(x), (x) => -0.25 * x ** -1.5, (x) => 0.375 * x ** -2.5], []));
    expect(p.definedEverywhere).toBe(false);
    expect(p.continuity).toBe('discontinuous');
  });

  it('lets an overflow to Infinity in the far tail pass as the infinite limit (soft exponential)', () => {
    expect(analyzed('soft_exponential').definedEverywhere).toBe(true);
  });

  it('reports a constant function as monotonic non-decreasing with the whole line as dead zone', () => {
    const zero = (): number => 0;
    const p = analyze(plain(() => 3, [zero, zero, zero], []));
    expect(p.monotonicity).toBe('non-decreasing');
    expect(p.range).toEqual({ lower: 3, upper: 3, lowerClosed: true, upperClosed: true });
    expect(p.deadZones).toEqual([{ from: null, to: null }]);
  });
});

describe('analyze under scaling (property-based)', () => {
  it('c·sigmoid(x) + d has range (d, c + d) open, and max |f\'| = c/4 at 0, for any c > 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (c, d) => {
        const s = CLOSURES.sigmoid;
        const p = analyze({
          f: (x) => c * s.f(x) + d,
          derivative: (k) => {
            const g = s.derivative(k);
            return (x) => c * g(x);
          },
          breakpoints: [],
        });
        expect(p.range.lower).toBeCloseTo(d, 9);
        expect(p.range.upper).toBeCloseTo(c + d, 9);
        expect([p.range.lowerClosed, p.range.upperClosed]).toEqual([false, false]);
        expect(p.maxAbsDerivative).toBeCloseTo(c / 4, 12);
        expect(p.maxAbsDerivativeAt).toBe(0);
        expect(p.monotonicity).toBe('increasing');
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('a leaky ReLU with slope a ∈ (0, 1) is increasing, C0, unbounded, with max |f\'| = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a) => {
        const p = analyze({
          f: (x) => (x > 0 ? x : a * x),
          derivative: (k) => (k === 1 ? (x) => (x > 0 ? 1 : a) : () => 0),
          breakpoints: [0],
        });
        expect(p.monotonicity).toBe('increasing');
        expect(p.continuity).toBe('C0');
        expect(p.range).toEqual({ lower: null, upper: null, lowerClosed: false, upperClosed: false });
        expect(p.maxAbsDerivative).toBe(1);
        expect(p.derivativeLimits).toEqual({ left: a, right: 1 });
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});

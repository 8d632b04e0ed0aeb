import { findBounds } from './bounds.js';
import { buildGrid, normalizeBreakpoints } from './grid.js';
import { nonFiniteIntervals } from './finiteness.js';
import { limitAtInfinity } from './limitAtInfinity.js';
import { monotonicityOf } from './monotonicity.js';
import { oneSidedLimits } from './oneSidedLimits.js';
import { flatIntervals, isFlat, splitPieces } from './pieces.js';
import type { AnalyzableFunction, Continuity, NonSmoothPoint, Properties } from './properties.js';

const CLASSES: readonly Continuity[] = ['discontinuous', 'C0', 'C1', 'C2'];

/**
 * Computes the numerical properties of a scalar activation from its definition (f, its exact derivatives
 * and its breakpoints); nothing is typed in. Runs in a few milliseconds (about 12,000 evaluations).
 *
 * Method, and the decisions behind it (each helper documents its own tolerances):
 * - f, f', f'' are sampled on a dense grid on [−1e6, 1e6] (`buildGrid`: linear near 0, log-spaced in the
 *   tails, extra points hugging every breakpoint); limits at ±∞ come from samples out to ~3e15
 *   (`limitAtInfinity`).
 * - Every piece between breakpoints is assumed analytic. Hence f' = 0 *exactly* on all samples of a piece means
 *   a dead zone (ReLU), while f' underflowing to 0 in a tail (sigmoid below −745) does not, and a smooth piece
 *   cannot hide a kink: all non-smoothness sits at breakpoints.
 * - Continuity: at each breakpoint the one-sided limits of f, f', f'', f''' are compared (`oneSidedLimits`);
 *   the lowest order that jumps, k, makes the class C(k−1) ('discontinuous' for k = 0, also when f(b) differs
 *   from its limits). No jump up to f''' gives 'Cinf' (a jump first in f'''' would be missed; no catalog entry has
 *   one). Breakpoints where both sides are the same analytic function (softplus's threshold, sinc's removable
 *   singularity) therefore cost nothing. A function that is NaN or infinite at some finite sample (other than by
 *   overflow far out, `nonFiniteIntervals`) is not finite on ℝ: `definedEverywhere` false, `nonFinite` says
 *   where, and nothing is claimed about all of ℝ (`notOnReals`).
 * - Range: inf/sup over critical points (sign changes of f', refined by golden-section search), breakpoint
 *   values, flat pieces, grid values, one-sided limits and limits at ±∞; an end is closed only when attained at
 *   a critical point, breakpoint or flat piece (`findBounds`). Sigmoid (0, 1) open; GELU [−0.17, ∞).
 * - Monotonicity from the signs of f' and of successive differences of f (`monotonicityOf`); the same for f'
 *   with f'' gives `monotonicDerivative` (a.e. derivative: the Dirac spike of a step is not counted).
 * - sup |f'| is taken over the pieces, breakpoint conventions included, jumps of f excluded.
 * - `identityNearOrigin`: |f(0)| ≤ 1e−12, f continuous at 0, and f'(0⁻), f'(0⁺) within 1e−6 of 1.
 * - `zeroCentered` (our definition): |f(0)| ≤ 1e−12 and the range holds values below and above 0.
 * - `saturating`: the limit of f' at that end is 0.
 */
export function analyze(fn: AnalyzableFunction): Properties {
  const f = (x: number): number => fn.f(x);
  const d1 = fn.derivative(1);
  const d2 = fn.derivative(2);
  const d3 = fn.derivative(3);
  const bps = normalizeBreakpoints(fn.breakpoints);
  const xs = buildGrid(bps);
  const v = sample(f, xs);
  const v1 = sample(d1, xs);
  const v2 = sample(d2, xs);
  const pieces = splitPieces(xs, bps);

  const sides = bps.map((b) => [f, d1, d2, d3].map((g, k) => oneSidedLimits(g, b, k < 3)));
  const nonSmoothPoints: NonSmoothPoint[] = [];
  bps.forEach((b, i) => {
    const s0 = sides[i][0];
    const fb = f(b);
    const tol = 1e-7 * Math.max(1, Math.abs(s0.left), Math.abs(s0.right));
    const valueJumps = !(Math.abs(fb - s0.left) <= tol && Math.abs(fb - s0.right) <= tol);
    const order = valueJumps ? 0 : sides[i].findIndex((s) => s.jumps);
    if (order >= 0) nonSmoothPoints.push({ x: b, order: order as 0 | 1 | 2 | 3 });
  });
  const limits = { left: limitAtInfinity(f, -1), right: limitAtInfinity(f, 1) };
  const nonFinite = nonFiniteIntervals(f, xs, v, limits);
  const definedEverywhere = nonFinite.length === 0;
  const lowest = Math.min(4, ...nonSmoothPoints.map((p) => p.order));
  const continuity: Continuity = !definedEverywhere ? 'discontinuous' : lowest === 4 ? 'Cinf' : CLASSES[lowest];

  const flat0 = pieces.map((p) => isFlat(p, v1));
  const flat1 = pieces.map((p) => isFlat(p, v2));
  const derivativeLimits = { left: limitAtInfinity(d1, -1), right: limitAtInfinity(d1, 1) };
  const common = { xs, breakpoints: bps, pieces };
  const jumpsOf = (g: (x: number) => number, k: 0 | 1): number[] =>
    bps.flatMap((b, i) => {
      if (!nonSmoothPoints.some((p) => p.x === b && p.order <= k)) return [];
      const { left, right } = sides[i][k];
      const fine = jumpLimits(g, b);
      return [Number.isFinite(left) ? fine[0] : left, Number.isFinite(right) ? fine[1] : right];
    });
  const bf = findBounds({
    ...common, g: f, v, d: v1, derivative: d1, jumpLimits: jumpsOf(f, 0), flat: flat0, limits,
    derivativeTolerance: 1e-9 * coreScale(xs, v1),
  });
  const bd = findBounds({
    ...common, g: d1, v: v1, d: v2, derivative: d2, jumpLimits: jumpsOf(d1, 1), flat: flat1, limits: derivativeLimits,
    derivativeTolerance: 1e-9 * coreScale(xs, v2),
  });

  const monotonicity = monotonicityOf(xs, v, v1, bps, flat0.some(Boolean));
  const monotonicDerivative = monotonicityOf(xs, v1, v2, bps, flat1.some(Boolean)) !== 'none';
  const supAbs = Math.max(bd.sup, -bd.inf);
  const supAbsAt = bd.sup >= -bd.inf ? bd.supAt : bd.infAt;

  const f0 = f(0);
  const zeroIndex = bps.indexOf(0);
  const atZero = zeroIndex >= 0 ? sides[zeroIndex] : null;
  const slopes = atZero ? [atZero[1].left, atZero[1].right] : [d1(0)];
  const continuousAtZero = !nonSmoothPoints.some((p) => p.x === 0 && p.order === 0);
  const deadZones = flatIntervals(pieces, flat0, (p) => v[p.start]);

  const props: Properties = {
    range: {
      lower: Number.isFinite(bf.inf) ? bf.inf : null,
      upper: Number.isFinite(bf.sup) ? bf.sup : null,
      lowerClosed: bf.infAt !== null,
      upperClosed: bf.supAt !== null,
    },
    boundedAbove: Number.isFinite(bf.sup),
    boundedBelow: Number.isFinite(bf.inf),
    monotonic: monotonicity !== 'none',
    monotonicity,
    monotonicDerivative,
    continuity,
    differentiable: continuity !== 'discontinuous' && continuity !== 'C0',
    identityNearOrigin:
      Math.abs(f0) <= 1e-12 && continuousAtZero && definedEverywhere && slopes.every((s) => Math.abs(s - 1) <= 1e-6),
    zeroCentered: Math.abs(f0) <= 1e-12 && bf.inf < 0 && bf.sup > 0,
    saturating: { left: derivativeLimits.left === 0, right: derivativeLimits.right === 0 },
    maxAbsDerivative: Number.isFinite(supAbs) ? supAbs : null,
    maxAbsDerivativeAt: Number.isFinite(supAbs) ? supAbsAt : null,
    deadZone: deadZones[0] ?? null,
    deadZones,
    globalMinimum: bf.infAt !== null ? { x: bf.infAt, value: bf.inf } : null,
    globalMaximum: bf.supAt !== null ? { x: bf.supAt, value: bf.sup } : null,
    valueAtZero: f0,
    derivativeAtZero: d1(0),
    limits,
    derivativeLimits,
    nonSmoothPoints,
    definedEverywhere,
    nonFinite,
  };
  return definedEverywhere ? props : notOnReals(props);
}

/**
 * The properties of a function that is not finite on all of ℝ: nothing is claimed about all of ℝ (see
 * `Properties.definedEverywhere`); values at 0, limits, non-smooth points and `nonFinite` are kept.
 */
function notOnReals(p: Properties): Properties {
  return {
    ...p,
    range: { lower: null, upper: null, lowerClosed: false, upperClosed: false },
    boundedAbove: false,
    boundedBelow: false,
    monotonic: false,
    monotonicity: 'none',
    monotonicDerivative: false,
    continuity: 'discontinuous',
    differentiable: false,
    identityNearOrigin: false,
    zeroCentered: false,
    saturating: { left: false, right: false },
    maxAbsDerivative: null,
    maxAbsDerivativeAt: null,
    deadZone: null,
    deadZones: [],
    globalMinimum: null,
    globalMaximum: null,
  };
}

/**
 * One-sided limits of g at a jump b, for the range: linear extrapolation from b ± s·1e−9 and b ± s·2e−9
 * (s = max(1, |b|)), accurate to O(1e−18·g'') plus rounding (a pole's side stays ±Infinity, from
 * `oneSidedLimits`). Only jumps need them: where g is continuous,
 * g(b) itself is an attained candidate, and extrapolated limits would only add error (SQNL's ±1 would
 * become ±(1 + 1e−10)).
 */
function jumpLimits(g: (x: number) => number, b: number): number[] {
  const h = 1e-9 * Math.max(1, Math.abs(b));
  return [2 * g(b - h) - g(b - 2 * h), 2 * g(b + h) - g(b + 2 * h)];
}

function sample(g: (x: number) => number, xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = g(xs[i]);
  return out;
}

/** max |values| over the samples with |x| ≤ 10: the scale that derivative tolerances are relative to. */
function coreScale(xs: Float64Array, values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Math.abs(xs[i]) <= 10 && Number.isFinite(values[i])) s = Math.max(s, Math.abs(values[i]));
  }
  return s;
}


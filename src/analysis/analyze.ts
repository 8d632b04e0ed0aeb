import { findBounds } from './bounds.js';
import { buildGrid, normalizeBreakpoints } from './grid.js';
import { nonFiniteIntervals } from './finiteness.js';
import { limitAtInfinity } from './limitAtInfinity.js';
import { symbolicLimit } from './series.js';
import { monotonicityOf } from './monotonicity.js';
import { oneSidedLimits } from './oneSidedLimits.js';
import { type Piece, flatIntervals, isFlat, splitPieces } from './pieces.js';
import type { AnalyzableFunction, Continuity, Evidence, NonSmoothPoint, Properties, PropertyEvidence } from './properties.js';
import { evalInterval, iv } from './interval.js';
import { type Hints, type ProvedFacts, type SymbolicFunction, proveProperties } from './proofs.js';
import { goldenSectionMin } from './goldenSection.js';
import { ANALYSIS_BUDGET, PHASE_BUDGETS, withBudget } from './budget.js';
import { type SupEnclosure, encloseOnPiece, supOf } from './prove.js';

const CLASSES: readonly Continuity[] = ['discontinuous', 'C0', 'C1', 'C2', 'C3', 'Cinf'];

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
 * - Proofs run under a work budget counted in operations (`budget.ts`, a share per phase): a proof that does
 *   not finish within it is not found, and the property keeps its sampled answer ("sampled"). The answer
 *   therefore does not depend on the machine's load, and no input makes the analysis slow.
 */
export function analyze(fn: AnalyzableFunction): Properties {
  return withBudget(ANALYSIS_BUDGET, () => analyzeWithin(fn));
}

function analyzeWithin(fn: AnalyzableFunction): Properties {
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

  const sym = fn.symbolic;
  const slopeExtrema = sym ? extremaOf(xs, v1, d1) : [];
  const proved = sym ? safeProve(sym, bps, { slopeExtrema, curvatureExtrema: extremaOf(xs, v2, d2) }) : null;
  const sides = bps.map((b) => [f, d1, d2, d3].map((g, k) => oneSidedLimits(g, b, k < 3)));
  const nonSmoothPoints: NonSmoothPoint[] = [];
  let continuityProved = proved !== null;
  bps.forEach((b, i) => {
    const s0 = sides[i][0];
    const fb = f(b);
    const tol = 1e-7 * Math.max(1, Math.abs(s0.left), Math.abs(s0.right));
    const valueJumps = !(Math.abs(fb - s0.left) <= tol && Math.abs(fb - s0.right) <= tol);
    const sampledOrder = valueJumps ? 0 : sides[i].findIndex((s) => s.jumps);
    const provedOrder = proved?.orders[i] ?? null;
    if (provedOrder === null) continuityProved = false;
    const order = provedOrder === null ? sampledOrder : provedOrder === 4 ? -1 : provedOrder;
    if (order >= 0) nonSmoothPoints.push({ x: b, order: order as 0 | 1 | 2 | 3 });
  });
  const sampledLimits = { left: limitAtInfinity(f, -1), right: limitAtInfinity(f, 1) };
  const limits = { left: proved?.limits.left ?? sampledLimits.left, right: proved?.limits.right ?? sampledLimits.right };
  const limitsProved = proved !== null && proved.limits.left !== null && proved.limits.right !== null;
  const sampledNonFinite = nonFiniteIntervals(f, xs, v, limits);
  const definedProved = proved !== null && proved.defined !== null;
  // nonFinite stays what f64 evaluation gives (the explorer warns that training will fail there), even where
  // f is proved finite in exact arithmetic (x^1e308 for |x| > 1)
  const nonFinite = sampledNonFinite;
  const definedEverywhere = proved?.defined ?? nonFinite.length === 0;
  const lowest = Math.min(4, ...nonSmoothPoints.map((p) => p.order));
  const continuity: Continuity = !definedEverywhere ? 'discontinuous' : CLASSES[lowest === 4 ? 5 : lowest];

  const flat0 = pieces.map((p) => isFlat(p, v1));
  const flat1 = pieces.map((p) => isFlat(p, v2));
  const derivativeLimits = {
    left: proved?.derivativeLimits.left ?? limitAtInfinity(d1, -1),
    right: proved?.derivativeLimits.right ?? limitAtInfinity(d1, 1),
  };
  const derivativeLimitsProved = proved !== null && proved.derivativeLimits.left !== null && proved.derivativeLimits.right !== null;
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

  const slopeUnbounded = proved !== null && (proved.slopes.some((s) => s.some((w) => w === Infinity || w === -Infinity))
    || [derivativeLimits.left, derivativeLimits.right].some((l) => l === 'inf' || l === '-inf'));
  const supAbs = slopeUnbounded ? Infinity : Math.max(bd.sup, -bd.inf);
  const supAbsAt = bd.sup >= -bd.inf ? bd.supAt : bd.infAt;

  const f0 = f(0);
  const zeroIndex = bps.indexOf(0);
  const atZero = zeroIndex >= 0 ? sides[zeroIndex] : null;
  const symbolicSlopes = sym ? safeSlopesAtZero(sym) : null;
  const slopes = symbolicSlopes ?? (atZero ? [atZero[1].left, atZero[1].right] : [d1(0)]);
  const continuousAtZero = !nonSmoothPoints.some((p) => p.x === 0 && p.order === 0);
  const deadZones = flatIntervals(pieces, flat0, (p) => v[p.start]);
  const zeroAtZero = proved?.zeroAtZero ?? f0 === 0;

  // Branch and bound on f′ and f (sound enclosures of their extremes): proves max |f′| and the range ends,
  // and finds what the grid missed (a bump of width 1e−4 between grid points).
  const canBound = sym !== undefined && proved !== null && definedEverywhere;
  let maxSlope = supAbs;
  let maxSlopeAt = supAbsAt;
  let slopeProved = slopeUnbounded;
  const slopeSigns = new Set<number>();
  let derivativeBeyondLimits = false;
  if (canBound && !slopeUnbounded) {
    const seeds = [bd.supAt, bd.infAt, ...slopeExtrema].filter((x): x is number => typeof x === 'number');
    const up = safeSup(sym.derivative(1), bps, 1, seeds, sym.derivative(2));
    const dn = safeSup(sym.derivative(1), bps, -1, seeds, sym.derivative(2));
    const lower = Math.max(up.lower, dn.lower);
    const upper = Math.max(up.upper, dn.upper);
    // a value at a point is a value of f′ whatever the bound: a slope the grid missed replaces the sampled one
    if (Number.isFinite(lower) && lower > maxSlope + 1e-9 * Math.max(1, maxSlope)) {
      maxSlope = lower;
      maxSlopeAt = up.lower >= dn.lower ? up.at : dn.at;
    }
    if (Number.isFinite(upper) && Number.isFinite(lower)) {
      slopeProved = upper - lower <= 1e-8 * Math.max(1, lower) && maxSlope >= lower - 1e-9 * Math.max(1, lower);
    }
    // points where f′ > 0 and f′ < 0 refute monotonicity in the other direction
    if (up.lower > 0 && !up.atBreakpoint) slopeSigns.add(1);
    if (dn.lower > 0 && !dn.atBreakpoint) slopeSigns.add(-1);
    // a monotonic f′ stays between its limits at ±∞: a value beyond both refutes it
    if (derivativeLimitsProved) {
      const ls = [derivativeLimits.left, derivativeLimits.right];
      if (ls.every((l): l is number => typeof l === 'number')) {
        const tol = 1e-9 * Math.max(1, ...ls.map(Math.abs));
        derivativeBeyondLimits = (!up.atBreakpoint && up.lower > Math.max(...ls) + tol) || (!dn.atBreakpoint && -dn.lower < Math.min(...ls) - tol);
      }
    }
  }
  const fSeeds = [bf.infAt, bf.supAt].filter((x): x is number => typeof x === 'number');
  const infEnclosure = canBound && limits.left !== '-inf' && limits.right !== '-inf' ? safeSup(sym.f, bps, -1, fSeeds, sym.derivative(1)) : null;
  const supEnclosure = canBound && limits.left !== 'inf' && limits.right !== 'inf' ? safeSup(sym.f, bps, 1, fSeeds, sym.derivative(1)) : null;
  let fInf = bf.inf;
  let fInfAt = bf.infAt;
  let fSup = bf.sup;
  let fSupAt = bf.supAt;
  if (infEnclosure && Number.isFinite(infEnclosure.lower) && -infEnclosure.lower < fInf - 1e-9 * Math.max(1, Math.abs(fInf))) {
    [fInf, fInfAt] = polish(f, d1, -infEnclosure.lower, infEnclosure.at, 1);
  }
  if (supEnclosure && Number.isFinite(supEnclosure.lower) && supEnclosure.lower > fSup + 1e-9 * Math.max(1, Math.abs(fSup))) {
    [fSup, fSupAt] = polish(f, d1, supEnclosure.lower, supEnclosure.at, -1);
  }

  const derivativeDirection = proved?.derivativeDirection ?? (derivativeBeyondLimits ? 0 : null);
  const monotonicDerivative = derivativeDirection === null ? monotonicityOf(xs, v1, v2, bps, flat1.some(Boolean)) !== 'none' : derivativeDirection !== 0;
  const hasFlat = flat0.some(Boolean) || (proved?.flatPieces?.length ?? 0) > 0;
  // both signs of f′ seen at points inside pieces (branch and bound) refute monotonicity as well as a proof would
  const direction = proved?.direction ?? (slopeSigns.size === 2 ? 0 : null);
  const sampledMonotonicity = monotonicityOf(xs, v, v1, bps, flat0.some(Boolean));
  const contradicted = (sampledMonotonicity.endsWith('increasing') && slopeSigns.has(-1)) || (sampledMonotonicity.endsWith('decreasing') && slopeSigns.has(1));
  const monotonicity = direction === null ? (contradicted ? 'none' : sampledMonotonicity)
    : direction === 0 ? 'none' : direction > 0 ? (hasFlat ? 'non-decreasing' : 'increasing') : hasFlat ? 'non-increasing' : 'decreasing';

  const props: Properties = {
    range: {
      lower: Number.isFinite(fInf) ? fInf : null,
      upper: Number.isFinite(fSup) ? fSup : null,
      lowerClosed: fInfAt !== null,
      upperClosed: fSupAt !== null,
    },
    boundedAbove: Number.isFinite(fSup),
    boundedBelow: Number.isFinite(fInf),
    monotonic: monotonicity !== 'none',
    monotonicity,
    monotonicDerivative,
    continuity,
    differentiable: continuity !== 'discontinuous' && continuity !== 'C0',
    identityNearOrigin: zeroAtZero && continuousAtZero && definedEverywhere && slopes.every((s) => Math.abs(s - 1) <= 1e-9),
    zeroCentered: zeroAtZero && fInf < 0 && fSup > 0,
    saturating: { left: derivativeLimits.left === 0, right: derivativeLimits.right === 0 },
    maxAbsDerivative: Number.isFinite(maxSlope) ? maxSlope : null,
    maxAbsDerivativeAt: Number.isFinite(maxSlope) ? maxSlopeAt : null,
    deadZone: deadZones[0] ?? null,
    deadZones,
    globalMinimum: fInfAt !== null ? { x: fInfAt, value: fInf } : null,
    globalMaximum: fSupAt !== null ? { x: fSupAt, value: fSup } : null,
    valueAtZero: f0,
    derivativeAtZero: d1(0),
    limits,
    derivativeLimits,
    nonSmoothPoints,
    definedEverywhere,
    nonFinite,
    evidence: SAMPLED,
  };
  const evidence: PropertyEvidence = sym && proved
    ? evidenceOf(sym, bps, proved, props, {
      definedProved, continuityProved: continuityProved && proved.defined === true, limitsProved, derivativeLimitsProved,
      slopeProved, slopesProved: symbolicSlopes !== null, slopeSignsBoth: slopeSigns.size === 2, derivativeBeyondLimits,
      deadZonesProved: sym !== undefined && flatPiecesProved(sym, pieces, flat0, xs, v1), infEnclosure, supEnclosure,
    })
    : SAMPLED;
  const withEvidence = { ...props, evidence };
  return definedEverywhere ? withEvidence : notOnReals(withEvidence);
}

/**
 * The 6 lowest local minima and 6 highest local maxima of g on the grid, each refined by golden-section
 * search between its grid neighbours: candidate counterexamples for the sign proofs.
 */
function extremaOf(xs: Float64Array, v: Float64Array, g: (x: number) => number): number[] {
  const mins: number[] = [];
  const maxs: number[] = [];
  for (let i = 1; i + 1 < xs.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    if (v[i] <= v[i - 1] && v[i] <= v[i + 1]) mins.push(i);
    if (v[i] >= v[i - 1] && v[i] >= v[i + 1]) maxs.push(i);
  }
  mins.sort((a, b) => v[a] - v[b]);
  maxs.sort((a, b) => v[b] - v[a]);
  const out: number[] = [];
  for (const [list, dir] of [[mins, 1], [maxs, -1]] as const) {
    for (const i of list.slice(0, 6)) out.push(goldenSectionMin((x) => dir * g(x), xs[i - 1], xs[i + 1]).x);
  }
  return out;
}

const SAMPLED: PropertyEvidence = {
  definedEverywhere: 'sampled', range: 'sampled', boundedAbove: 'sampled', boundedBelow: 'sampled', monotonic: 'sampled',
  monotonicDerivative: 'sampled', continuity: 'sampled', identityNearOrigin: 'sampled', zeroCentered: 'sampled',
  saturating: 'sampled', maxAbsDerivative: 'sampled', deadZones: 'sampled', globalExtrema: 'sampled', limits: 'sampled',
  derivativeLimits: 'sampled',
};

/**
 * A minimum (dir 1) or maximum (dir −1) that branch and bound found near `at` (value `value`), pinned to the
 * critical point by bisection on the sign of f′ in a bracket around it (the value found by branch and bound
 * is only within 1e−9 of the end): returns the better of the two.
 */
function polish(f: (x: number) => number, d1: (x: number) => number, value: number, at: number | null, dir: 1 | -1): [number, number | null] {
  if (at === null) return [value, at];
  for (const w of [1e-9, 1e-7, 1e-5, 1e-3]) {
    const h = w * Math.max(1, Math.abs(at));
    let lo = at - h;
    let hi = at + h;
    const sl = Math.sign(d1(lo));
    if (sl === 0 || sl === Math.sign(d1(hi)) || sl !== -dir) continue;
    for (let i = 0; i < 200; i++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      const sm = Math.sign(d1(mid));
      if (sm === 0) {
        lo = hi = mid;
        break;
      }
      if (sm === sl) lo = mid;
      else hi = mid;
    }
    for (const x of [lo, hi]) {
      const v = f(x);
      if (dir * (value - v) > 0) return [v, x];
    }
    return [value, at];
  }
  return [value, at];
}

/** `supOf`, with a failure inside meaning "nothing bounded" (never a crash). */
function safeSup(g: Parameters<typeof supOf>[0], bps: readonly number[], dir: 1 | -1, seeds: readonly number[], dg?: Parameters<typeof supOf>[0]): SupEnclosure {
  try {
    return withBudget(PHASE_BUDGETS.bound, () => supOf(g, bps, dir, seeds, dg));
  } catch {
    return { lower: -Infinity, upper: Infinity, at: null, atBreakpoint: false };
  }
}

/** `proveProperties`, with any failure inside the prover meaning "nothing proved" (never a crash). */
function safeProve(sym: SymbolicFunction, bps: readonly number[], hints: Hints): ProvedFacts | null {
  try {
    return proveProperties(sym, bps, hints);
  } catch {
    return null;
  }
}

/** f′(0⁻) and f′(0⁺) as symbolic limits, or null. */
function safeSlopesAtZero(sym: SymbolicFunction): number[] | null {
  try {
    return withBudget(PHASE_BUDGETS.limits, () => {
      const d = sym.derivative(1);
      const l = symbolicLimitNumber(d, -1);
      const r = symbolicLimitNumber(d, 1);
      return l === null || r === null ? null : [l, r];
    });
  } catch {
    return null;
  }
}

function symbolicLimitNumber(e: Parameters<typeof symbolicLimit>[0], side: -1 | 1): number | null {
  const v = symbolicLimit(e, { at: 0, side });
  // an infinite slope is an answer too (cbrt at 0: not identity near 0)
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

/**
 * Which of the merged properties rest on a proof. Bounds: f ≥ about its sampled infimum is proved with a
 * margin of 1e−7 relative (boundedness), and exactly (the range end itself) when that end is a proved limit
 * at ±∞ or attained at a point where f's enclosure is exactly the end.
 */
function evidenceOf(
  sym: SymbolicFunction,
  bps: readonly number[],
  proved: ProvedFacts,
  p: Properties,
  flags: {
    definedProved: boolean; continuityProved: boolean; limitsProved: boolean; derivativeLimitsProved: boolean;
    slopeProved: boolean; slopesProved: boolean; slopeSignsBoth: boolean; derivativeBeyondLimits: boolean; deadZonesProved: boolean; infEnclosure: SupEnclosure | null; supEnclosure: SupEnclosure | null;
  },
): PropertyEvidence {
  const e = (b: boolean): Evidence => (b ? 'proved' : 'sampled');
  const ends = (['left', 'right'] as const).map((s) => p.limits[s]);
  const strict = proved.direction !== null && proved.direction !== 0 && (p.monotonicity === 'increasing' || p.monotonicity === 'decreasing');
  const side = (dir: 1 | -1): { bounded: boolean; exact: boolean } => {
    // dir 1: the lower end (inf f), dir −1: the upper end (sup f); `bounded`: boundedness is proved either way
    const infinite = dir > 0 ? '-inf' : 'inf';
    if (flags.limitsProved && ends.some((l) => l === infinite)) return { bounded: true, exact: true };
    const end = dir > 0 ? p.range.lower : p.range.upper;
    const enc = dir > 0 ? flags.infEnclosure : flags.supEnclosure;
    if (end === null || enc === null || !Number.isFinite(enc.upper)) return { bounded: false, exact: false };
    const scale = Math.max(1, Math.abs(end));
    const value = -dir * end;
    const tight = enc.upper - enc.lower <= 1e-8 * scale && value >= enc.lower - 1e-9 * scale && value <= enc.upper + 1e-9 * scale;
    const closed = dir > 0 ? p.range.lowerClosed : p.range.upperClosed;
    const at = dir > 0 ? p.globalMinimum : p.globalMaximum;
    const limitValues = ends.filter((l): l is number => typeof l === 'number');
    // attained: exactly at a point, or strictly beyond both limits of a continuous f (extreme value theorem)
    const beyondLimits = flags.limitsProved && flags.continuityProved && p.continuity !== 'discontinuous'
      && ends.every((l) => l === (dir > 0 ? 'inf' : '-inf') || (typeof l === 'number' && dir * (l - end) > 1e-7 * scale));
    const attained = (at !== null && exactAt(sym, at.x, end)) || beyondLimits;
    // approached, not attained: a limit at ±∞ of a strictly monotonic f
    const approached = flags.limitsProved && strict && limitValues.some((l) => Math.abs(l - end) <= 1e-12 * scale);
    return { bounded: true, exact: tight && (closed ? attained : approached) };
  };
  const below = p.definedEverywhere ? side(1) : { bounded: false, exact: false };
  const above = p.definedEverywhere ? side(-1) : { bounded: false, exact: false };
  const zeroKnown = proved.zeroAtZero !== null;
  let zeroCentered = false;
  if (proved.zeroAtZero === false) zeroCentered = true;
  else if (zeroKnown && p.zeroCentered) zeroCentered = witnesses(sym, p);
  else if (zeroKnown) zeroCentered = below.exact && above.exact;
  return {
    definedEverywhere: e(flags.definedProved),
    range: e(below.exact && above.exact),
    boundedAbove: e(above.bounded),
    boundedBelow: e(below.bounded),
    monotonic: e(proved.direction !== null || flags.slopeSignsBoth),
    monotonicDerivative: e(proved.derivativeDirection !== null || flags.derivativeBeyondLimits),
    continuity: e(flags.continuityProved),
    identityNearOrigin: e(proved.zeroAtZero === false || (proved.zeroAtZero === true && flags.slopesProved && flags.continuityProved)),
    zeroCentered: e(zeroCentered),
    saturating: e(flags.derivativeLimitsProved),
    maxAbsDerivative: e(flags.slopeProved),
    deadZones: e(flags.deadZonesProved),
    globalExtrema: e(below.exact && above.exact && (p.globalMinimum !== null || p.range.lower === null || !p.range.lowerClosed) && (p.globalMaximum !== null || p.range.upper === null || !p.range.upperClosed)),
    limits: e(flags.limitsProved),
    derivativeLimits: e(flags.derivativeLimitsProved),
  };
}

/**
 * Every piece that the samples call flat has f′ exactly 0 on its whole enclosure, and every other piece has a
 * sample where f′'s enclosure excludes 0: the dead zones are then exactly the sampled ones.
 */
function flatPiecesProved(sym: SymbolicFunction, pieces: readonly Piece[], flat: readonly boolean[], xs: Float64Array, v1: Float64Array): boolean {
  const d = sym.derivative(1);
  return pieces.every((p, i) => {
    if (flat[i]) {
      const e = encloseOnPiece(d, p.lo, p.hi);
      return !e.undef && e.lo === 0 && e.hi === 0;
    }
    for (let k = p.start; k < p.end; k++) {
      if (v1[k] === 0 || !Number.isFinite(v1[k])) continue;
      const e = evalInterval(d, iv(xs[k], xs[k]));
      return !e.undef && (e.lo > 0 || e.hi < 0);
    }
    return false;
  });
}

/** f(x) is exactly `value` (its enclosure at the point is that single number). */
function exactAt(sym: SymbolicFunction, x: number, value: number): boolean {
  const e = evalInterval(sym.f, iv(x, x));
  return !e.undef && e.lo === value && e.hi === value;
}

/** Points where f is proved negative and positive (zero-centred needs both). */
function witnesses(sym: SymbolicFunction, p: Properties): boolean {
  const xs = [-1, 1, -10, 10, -100, 100, -1e3, 1e3, -1e6, 1e6, p.globalMinimum?.x, p.globalMaximum?.x].filter((x): x is number => typeof x === 'number');
  let neg = false;
  let pos = false;
  for (const x of xs) {
    const e = evalInterval(sym.f, iv(x, x));
    if (e.undef) continue;
    if (e.hi < 0) neg = true;
    if (e.lo > 0) pos = true;
  }
  return neg && pos;
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


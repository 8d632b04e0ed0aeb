import type { SymbolicFunction } from './proofs.js';

/**
 * The types of the numerical property analysis: what `analyze` takes and what it returns.
 * Field names are part of the CLI's JSON contract (`actlab show --json`, `actlab table --json`).
 */

/**
 * A scalar activation as the analysis sees it: f64 evaluators for f and its exact (symbolic) derivatives,
 * plus the x values where some conditional / abs / max / min / clamp / sign / step switches.
 * Breakpoints are candidates only: a breakpoint where nothing jumps (softplus's threshold, sinc's
 * removable singularity) costs nothing. Between breakpoints every piece must be a composition of
 * analytic functions: the analysis relies on that (see `analyze`).
 */
export interface AnalyzableFunction {
  f(x: number): number;
  /** The exact k-th derivative compiled to f64 (the value at a breakpoint follows the kink convention). */
  derivative(k: 1 | 2 | 3): (x: number) => number;
  readonly breakpoints: readonly number[];
  /**
   * The expressions of f and its derivatives in x alone (parameter values substituted), when known: then
   * `analyze` proves what it can (`proofs.ts`) and samples only the rest. Without it every property is sampled.
   */
  readonly symbolic?: SymbolicFunction;
}

/** How a property was established: proved from the expression, or sampled (refined sampling of f, f′, f″). */
export type Evidence = 'proved' | 'sampled';

/** The evidence behind each property field (`limits`/`derivativeLimits` cover both ends; `monotonic` covers `monotonicity`). */
export interface PropertyEvidence {
  readonly definedEverywhere: Evidence;
  readonly range: Evidence;
  readonly boundedAbove: Evidence;
  readonly boundedBelow: Evidence;
  readonly monotonic: Evidence;
  readonly monotonicDerivative: Evidence;
  readonly continuity: Evidence;
  readonly identityNearOrigin: Evidence;
  readonly zeroCentered: Evidence;
  readonly saturating: Evidence;
  readonly maxAbsDerivative: Evidence;
  readonly deadZones: Evidence;
  readonly globalExtrema: Evidence;
  readonly limits: Evidence;
  readonly derivativeLimits: Evidence;
}

/**
 * A limit as x → ±∞: a number, `'inf'` / `'-inf'`, `'none'` when the function keeps oscillating, or
 * `'undefined'` when the function is not defined out there (NaN at every sample: log and sqrt as x → −∞).
 */
export type Limit = number | 'inf' | '-inf' | 'none' | 'undefined';

/** A kind of value that is not a finite number. */
export type NonFiniteValue = 'nan' | 'inf' | '-inf';

/**
 * An interval of x where f is NaN or ±Infinity (`null` marks an infinite end; `*Closed` whether the end
 * itself belongs to it): log is `{ from: null, to: 0, toClosed: true, values: ['nan', '-inf'] }`, 1/x the
 * point `{ from: 0, to: 0, fromClosed: true, toClosed: true }`.
 */
export interface NonFiniteInterval {
  readonly from: number | null;
  readonly to: number | null;
  readonly fromClosed: boolean;
  readonly toClosed: boolean;
  readonly values: readonly NonFiniteValue[];
}

/** The set of values f takes; `null` marks an infinite end, `*Closed` that the end value is attained at a finite x. */
export interface Range {
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerClosed: boolean;
  readonly upperClosed: boolean;
}

/** An interval of the real line; `null` marks an infinite end. */
export interface Interval {
  readonly from: number | null;
  readonly to: number | null;
}

/** Direction of a function over all of ℝ. A constant function is reported as `'non-decreasing'`. */
export type Monotonicity = 'increasing' | 'non-decreasing' | 'decreasing' | 'non-increasing' | 'none';

/** Smoothness class over ℝ; `'Cinf'` means no breakpoint makes f, f', f'' or f''' jump. */
export type Continuity = 'discontinuous' | 'C0' | 'C1' | 'C2' | 'C3' | 'Cinf';

/** A point and the value there. */
export interface PointValue {
  readonly x: number;
  readonly value: number;
}

/** A breakpoint where something jumps: `order` is the lowest derivative that jumps (0 = f itself). */
export interface NonSmoothPoint {
  readonly x: number;
  readonly order: 0 | 1 | 2 | 3;
}

/** Everything `analyze` computes about a scalar activation. */
export interface Properties {
  readonly range: Range;
  readonly boundedAbove: boolean;
  readonly boundedBelow: boolean;
  /** True when f is non-decreasing or non-increasing on all of ℝ. */
  readonly monotonic: boolean;
  readonly monotonicity: Monotonicity;
  /** True when f' (where it exists) is non-decreasing or non-increasing on all of ℝ. */
  readonly monotonicDerivative: boolean;
  readonly continuity: Continuity;
  /** At least C1. */
  readonly differentiable: boolean;
  /** f(0) = 0, f'(0⁻) = f'(0⁺) = 1 and f continuous at 0. */
  readonly identityNearOrigin: boolean;
  /** f(0) = 0 and the range holds both negative and positive values. */
  readonly zeroCentered: boolean;
  /** f' → 0 as x → −∞ (left) and as x → +∞ (right). */
  readonly saturating: { readonly left: boolean; readonly right: boolean };
  /** sup |f'| over the pieces (jumps of f not counted); `null` when unbounded (or f is not defined everywhere). */
  readonly maxAbsDerivative: number | null;
  /** A point where sup |f'| is attained (nearest 0); `null` when only approached (as x → ±∞ or at a jump of f') or unbounded. */
  readonly maxAbsDerivativeAt: number | null;
  /** The leftmost maximal interval of positive length where f' = 0 exactly, or null. */
  readonly deadZone: Interval | null;
  /** All maximal intervals where f' = 0 exactly, left to right. */
  readonly deadZones: readonly Interval[];
  /** Global minimum at a finite x (the attaining point nearest 0), when attained (GELU's dip, ReLU's 0). */
  readonly globalMinimum: PointValue | null;
  /** Global maximum at a finite x, when attained. */
  readonly globalMaximum: PointValue | null;
  readonly valueAtZero: number;
  /** f'(0) as the derivative defines it (the kink convention where 0 is a breakpoint). */
  readonly derivativeAtZero: number;
  readonly limits: { readonly left: Limit; readonly right: Limit };
  readonly derivativeLimits: { readonly left: Limit; readonly right: Limit };
  /** Breakpoints where f or one of its first three derivatives jumps. */
  readonly nonSmoothPoints: readonly NonSmoothPoint[];
  /**
   * False when f is NaN or ±Infinity at some finite sample other than by overflow far out (the function is
   * not a finite real function on all of ℝ); true, whatever f64 does, when f is proved finite in exact
   * arithmetic (log(1 + exp(x)) overflows beyond 709.78 but is defined everywhere). Then the properties that speak of all of ℝ are not claimed:
   * range unbounded (both ends `null`), not monotonic, `'discontinuous'`, not zero-centred, not saturating,
   * no max |f'|, no dead zones, no global extrema; `nonFinite` says where it fails.
   */
  readonly definedEverywhere: boolean;
  /**
   * Where the f64 evaluation of f is NaN or ±Infinity (overflow far out excepted); at most 16 intervals, left
   * to right. Empty when f64 evaluation is finite everywhere; it can be non-empty while `definedEverywhere`
   * is true, for a function finite in exact arithmetic that overflows in f64 (x^1e308 for |x| > 1).
   */
  readonly nonFinite: readonly NonFiniteInterval[];
  /** For each property: proved from the expression, or sampled. */
  readonly evidence: PropertyEvidence;
}

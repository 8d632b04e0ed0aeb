/** Numerical property analysis of any scalar activation. */
export { analyze } from './analyze.js';
export { analyzableFromExpression } from './analyzableFromExpression.js';
export { findNonFinite, nonFiniteIntervals, MAX_NON_FINITE_INTERVALS } from './finiteness.js';
export { findBreakpoints, BREAKPOINT_EXTENT, MAX_BREAKPOINTS } from './breakpoints.js';
export type {
  AnalyzableFunction,
  Continuity,
  Interval,
  Limit,
  Monotonicity,
  NonFiniteInterval,
  NonFiniteValue,
  NonSmoothPoint,
  PointValue,
  Properties,
  Range,
} from './properties.js';
export { analyzeActivation } from './analyzeActivation.js';

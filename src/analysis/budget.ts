/**
 * The work budget of one analysis, counted in operations rather than wall time, so that what is proved does
 * not depend on the machine's load: interval arithmetic charges one unit per expression node it evaluates
 * (`evalInterval`), series expansion one unit per term it multiplies or merges (`expandAt`). Once the budget
 * is spent, every further enclosure is the whole line (undefined somewhere) and every further limit is
 * unknown: sound answers that prove nothing, so the properties that needed them fall back to sampling
 * ("sampled"). Nothing is ever claimed proved without a proof.
 *
 * Outside `withBudget` (unit tests of the provers) nothing is counted and nothing runs out.
 */

/**
 * Operations each phase of one analysis may spend on proofs. Each phase has its own share, so a costly one
 * (signs on 256 pieces between the poles of 1/sin) cannot starve a cheap one (the limits at ±∞). Each share is at least 1.5 times
 * what the costliest catalog entry or battery expression spends in that phase (0.1 million in all at most); a
 * million operations take about 0.2–0.4 s of CPU time.
 */
export const PHASE_BUDGETS = {
  /** f finite on every piece (`proveDefined`). */
  defined: 15_000,
  /** One-sided limits of f … f‴ at every breakpoint (continuity orders) and of f′ (slopes). */
  breakpoints: 90_000,
  /** The sign of f′ on every piece (monotonicity). */
  direction: 50_000,
  /** The sign of f″ on every piece (monotonic derivative). */
  derivativeDirection: 50_000,
  /** Limits of f and f′ at ±∞ and of f′ at 0. */
  limits: 15_000,
  /** Each of the four branch-and-bound searches (sup and inf of f′, of f). */
  bound: 60_000,
} as const;

/** Operations one whole analysis may spend (the phases' shares added up). */
export const ANALYSIS_BUDGET = 460_000;

interface Meter {
  spent: number;
  readonly limit: number;
}

/** The running budgets, outermost first: a phase of an analysis runs under its own budget inside the analysis's. */
const meters: Meter[] = [];

/**
 * Runs `fn` under a budget of `limit` operations. Inside another budget it is a phase of it: operations count
 * against both, and the phase runs out when either does (so one costly proof cannot starve the next).
 */
export function withBudget<T>(limit: number, fn: () => T): T {
  meters.push({ spent: 0, limit });
  try {
    return fn();
  } finally {
    meters.pop();
  }
}

/** Counts `n` operations against the running budgets. */
export function charge(n: number): void {
  for (const m of meters) m.spent += n;
}

/** Whether a running budget is spent (never outside `withBudget`). */
export function exhausted(): boolean {
  for (const m of meters) if (m.spent >= m.limit) return true;
  return false;
}

/** Operations spent so far under the innermost running budget (0 outside `withBudget`), for reports and tests. */
export function spent(): number {
  return meters.length > 0 ? meters[meters.length - 1].spent : 0;
}

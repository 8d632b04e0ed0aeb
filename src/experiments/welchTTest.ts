import { studentTTwoSided } from './incompleteBeta.js';

/** Result of a two-sample test. */
export interface TestResult {
  /** The test's name, for reports. */
  readonly test: string;
  /** The t statistic (a − b). */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Two-sided p-value; 1 when both samples are constant and equal, 0 when constant and different. */
  readonly p: number;
}

/** Name used in reports. */
export const WELCH_TEST_NAME = "Welch's t-test (two-sided, unequal variances)";

/**
 * Welch's unequal-variances t-test of equal means, two-sided, with the p-value from Student's t CDF
 * (regularised incomplete beta). Needs at least 2 values per sample; null otherwise.
 */
export function welchTTest(a: readonly number[], b: readonly number[]): TestResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const stats = (v: readonly number[]) => {
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    const s2 = v.reduce((s, x) => s + (x - m) * (x - m), 0) / (v.length - 1);
    return { m, q: s2 / v.length, n: v.length };
  };
  const A = stats(a);
  const B = stats(b);
  const se2 = A.q + B.q;
  if (se2 === 0) {
    return { test: WELCH_TEST_NAME, statistic: A.m === B.m ? 0 : Math.sign(A.m - B.m) * Infinity, df: A.n + B.n - 2, p: A.m === B.m ? 1 : 0 };
  }
  const t = (A.m - B.m) / Math.sqrt(se2);
  const df = (se2 * se2) / ((A.q * A.q) / (A.n - 1) + (B.q * B.q) / (B.n - 1));
  return { test: WELCH_TEST_NAME, statistic: t, df, p: studentTTwoSided(t, df) };
}

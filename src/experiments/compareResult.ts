import type { ComparePlan } from './comparePlan.js';
import type { RunSummary } from './runSummary.js';
import { summarize, type Summary } from './summary.js';
import { WELCH_TEST_NAME, welchTTest } from './welchTTest.js';

/** Level below which a difference from the best counts as significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

/** Aggregated results of one activation. */
export interface ActivationResult {
  readonly activation: string;
  readonly runs: number;
  readonly testAccuracy: Summary | null;
  readonly testR2: Summary | null;
  readonly testLoss: Summary | null;
  /** Over the runs that reached the target; `reached` counts them. */
  readonly epochsToTarget: (Summary & { readonly reached: number }) | { readonly reached: 0 };
  readonly secondsPerEpoch: Summary | null;
  readonly deadFraction: Summary | null;
  /** Difference from the best activation's ranking metric over the seeds; null for the best itself. */
  readonly vsBest: { readonly test: string; readonly p: number | null; readonly significant: boolean } | null;
  /** Per-seed values of the ranking metric, in seed order. */
  readonly perSeed: readonly number[];
}

/** The comparison's outcome. */
export interface CompareResult {
  readonly plan: ComparePlan;
  /** Ranking metric: mean test accuracy (higher first) or, for regression, mean test loss (lower first). */
  readonly metric: 'testAccuracy' | 'testLoss';
  readonly test: string;
  readonly results: readonly ActivationResult[];
  /** Activations, best first. */
  readonly ranking: readonly string[];
}

/** Aggregates run summaries (any order) by activation, ranks them, and tests each against the best. */
export function aggregateRuns(plan: ComparePlan, runs: readonly RunSummary[]): CompareResult {
  const sorted = [...runs].sort((a, b) => a.index - b.index);
  const classification = sorted.some((r) => r.final.testAccuracy !== undefined);
  const metric = classification ? 'testAccuracy' : 'testLoss';
  const score = (r: RunSummary): number => (classification ? (r.final.testAccuracy ?? Number.NaN) : r.final.testLoss);
  const groups = plan.activations.map((a) => sorted.filter((r) => r.activation === a));
  const order = groups
    .map((g, i) => ({ i, mean: g.reduce((s, r) => s + score(r), 0) / Math.max(1, g.length) }))
    .sort((x, y) => (classification ? y.mean - x.mean : x.mean - y.mean) || x.i - y.i || 0)
    .map((o) => o.i);
  const best = groups[order[0]].map(score);
  const results = order.map((i, rank): ActivationResult => {
    const g = groups[i];
    const reached = g.map((r) => r.epochsToTarget).filter((e): e is number => e !== null);
    const ett = summarize(reached);
    const perSeed = g.map(score);
    const t = rank === 0 ? null : welchTTest(perSeed, best);
    return {
      activation: plan.activations[i],
      runs: g.length,
      testAccuracy: classification ? summarize(g.map((r) => r.final.testAccuracy ?? Number.NaN)) : null,
      testR2: classification ? null : summarize(g.map((r) => r.final.testR2 ?? Number.NaN)),
      testLoss: summarize(g.map((r) => r.final.testLoss)),
      epochsToTarget: ett ? { ...ett, reached: reached.length } : { reached: 0 },
      secondsPerEpoch: summarize(g.map((r) => r.secondsPerEpoch)),
      deadFraction: summarize(g.map((r) => r.deadFraction)),
      vsBest: rank === 0 ? null : { test: WELCH_TEST_NAME, p: t ? t.p : null, significant: t !== null && t.p < SIGNIFICANCE_LEVEL },
      perSeed,
    };
  });
  return { plan, metric, test: WELCH_TEST_NAME, results, ranking: results.map((r) => r.activation) };
}

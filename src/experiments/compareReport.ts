import type { ActivationResult, CompareResult } from './compareResult.js';
import type { Summary } from './summary.js';

/** Number format of reports: 4 significant digits. */
function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

const pm = (s: Summary | null, scale = 1): string => (s ? `${num(s.mean * scale)} ± ${num(s.std * scale)}` : '—');
const range = (s: Summary | null, scale = 1): string => (s ? `${num(s.min * scale)} … ${num(s.max * scale)}` : '—');

/** Column headers of the ranked table. */
export const COMPARE_HEADERS = [
  'rank', 'activation', 'test score mean ± std', 'min … max', 'test loss mean ± std', 'epochs to target', 'ms / epoch', 'dead fraction', 'vs best (p)',
] as const;

/** One ranked-table row per activation, best first (scores in %, as accuracy or R²). */
export function compareRows(result: CompareResult): string[][] {
  return result.results.map((r, i) => {
    const score = r.testAccuracy ?? r.testR2;
    const scale = r.testAccuracy ? 100 : 1;
    const ett = 'mean' in r.epochsToTarget ? `${num(r.epochsToTarget.mean)} (${r.epochsToTarget.reached}/${r.runs})` : `— (0/${r.runs})`;
    return [
      String(i + 1), r.activation, pm(score, scale), range(score, scale), pm(r.testLoss), ett,
      num((r.secondsPerEpoch?.mean ?? Number.NaN) * 1000), pm(r.deadFraction), significance(r),
    ];
  });
}

function significance(r: ActivationResult): string {
  if (!r.vsBest) return 'best';
  if (r.vsBest.p === null) return 'n/a (1 seed)';
  return `${r.vsBest.significant ? 'significant' : 'not significant'} (p=${num(r.vsBest.p)})`;
}

/** The metric columns of results.csv, one row per run-aggregate, full precision. */
export function compareCsvRows(result: CompareResult): { headers: string[]; rows: string[][] } {
  const headers = [
    'rank', 'activation', 'runs',
    'test_accuracy_mean', 'test_accuracy_std', 'test_accuracy_min', 'test_accuracy_max',
    'test_r2_mean', 'test_r2_std', 'test_loss_mean', 'test_loss_std', 'test_loss_min', 'test_loss_max',
    'epochs_to_target_mean', 'epochs_to_target_reached', 'seconds_per_epoch_mean', 'dead_fraction_mean', 'p_vs_best', 'significant_vs_best',
  ];
  const s = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = result.results.map((r, i) => [
    String(i + 1), r.activation, String(r.runs),
    s(r.testAccuracy?.mean), s(r.testAccuracy?.std), s(r.testAccuracy?.min), s(r.testAccuracy?.max),
    s(r.testR2?.mean), s(r.testR2?.std), s(r.testLoss?.mean), s(r.testLoss?.std), s(r.testLoss?.min), s(r.testLoss?.max),
    s('mean' in r.epochsToTarget ? r.epochsToTarget.mean : null), String(r.epochsToTarget.reached),
    s(r.secondsPerEpoch?.mean), s(r.deadFraction?.mean), s(r.vsBest?.p ?? null), r.vsBest ? String(r.vsBest.significant) : '',
  ]);
  return { headers, rows };
}

/** Explanation of the columns, for the human table and report.md. */
export function compareNotes(result: CompareResult): string[] {
  const p = result.plan;
  const what = result.metric === 'testAccuracy' ? 'test accuracy (%)' : 'test R² (ranked by test loss)';
  return [
    `Test score: ${what}, over ${p.seeds} seed${p.seeds === 1 ? '' : 's'} per activation (same data split, same network, training seeds ${p.train.seed ?? 1}…${(p.train.seed ?? 1) + p.seeds - 1}).`,
    `Epochs to target: first epoch with test ${result.metric === 'testAccuracy' ? 'accuracy' : 'R²'} ≥ ${p.targetAccuracy}, mean over the runs that reached it (reached/runs).`,
    `vs best: ${result.test} on the per-seed ${result.metric === 'testAccuracy' ? 'test accuracies' : 'test losses'} against the best activation; significant when p < 0.05.`,
  ];
}

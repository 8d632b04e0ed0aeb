import type { HistoryRecord } from '../run/trainRun.js';

/**
 * The first epoch whose test score reaches `target` (test accuracy for classification, test R² for
 * regression), or null when no epoch does.
 */
export function epochsToTarget(history: readonly HistoryRecord[], target: number): number | null {
  for (const r of history) {
    const score = r.testAccuracy ?? r.testR2;
    if (score !== undefined && score >= target) return r.epoch;
  }
  return null;
}

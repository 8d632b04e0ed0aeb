/**
 * The explorer's current data as the search's DataSpec: a built-in set with the page's points, noise,
 * split and seed, or the user's points (uploaded or clicked) as CSV text. The search trains on the raw
 * inputs (the page's extra features such as x1² are not part of the core's data spec).
 */
import type { DataSpec } from '../../../src/experiments/trainingJob.js';
import type { CustomData, ExplorerState } from '../state/types.js';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The data of the page as a serialisable DataSpec. */
export function searchDataSpec(s: ExplorerState, custom: CustomData | null): DataSpec {
  const testRatio = Math.min(0.9, Math.max(0.1, 1 - s.trainRatio / 100));
  if (s.dataset !== 'custom' || custom === null) {
    return { name: s.dataset === 'custom' ? 'circle' : s.dataset, n: s.points, noise: s.noise / 100, testRatio, seed: s.dataSeed };
  }
  const d = custom.featureNames.length;
  const target = custom.featureNames.includes('target') ? '__target' : 'target';
  const lines = [[...custom.featureNames, target].map(cell).join(',')];
  for (let i = 0; i < custom.y.length; i++) {
    const row = custom.x.slice(i * d, (i + 1) * d).map(String);
    const y = custom.task === 'classification' ? (custom.classNames?.[custom.y[i]] ?? String(custom.y[i])) : String(custom.y[i]);
    lines.push([...row, cell(y)].join(','));
  }
  return { name: custom.source || 'custom', csv: { text: `${lines.join('\n')}\n`, target, task: custom.task }, testRatio, seed: s.dataSeed };
}

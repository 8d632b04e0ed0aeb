import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { boxPlot } from '../charts/boxPlot.js';
import { lineChart } from '../charts/lineChart.js';
import { meanBand } from '../charts/meanBand.js';
import { COMPARE_HEADERS, compareCsvRows, compareNotes, compareRows } from '../experiments/compareReport.js';
import type { CompareResult } from '../experiments/compareResult.js';
import type { RunSummary } from '../experiments/runSummary.js';
import { writeFileAtomic } from '../node/atomicWrite.js';
import { writeChart } from '../node/render.js';
import { csvTable, json, markdownTable } from './format.js';

/** The JSON document of a comparison (`--json` and results.json): timing fields are the only ones that vary. */
export function compareJson(result: CompareResult): unknown {
  return {
    plan: result.plan,
    metric: result.metric,
    test: result.test,
    results: result.results.map((r) => ({
      activation: r.activation,
      runs: r.runs,
      testAccuracy: r.testAccuracy,
      testR2: r.testR2,
      testLoss: r.testLoss,
      epochsToTarget: r.epochsToTarget,
      secondsPerEpoch: r.secondsPerEpoch,
      deadFraction: r.deadFraction,
      vsBest: r.vsBest,
      perSeed: r.perSeed,
    })),
    ranking: result.ranking,
  };
}

/** Writes report.md, results.json, results.csv, loss-curves.svg and accuracy.svg into `dir` (created if needed), each atomically. */
export async function writeCompareReport(dir: string, result: CompareResult, runs: readonly RunSummary[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const byAct = (a: string) => runs.filter((r) => r.activation === a);
  const epochs = Math.max(...runs.map((r) => r.curves.testLoss.length));
  const xs = Array.from({ length: epochs }, (_, i) => i + 1);
  const lossSpec = lineChart({
    title: `Test loss on ${result.plan.data.name} (mean ± std over ${result.plan.seeds} seeds)`,
    xLabel: 'epoch',
    yLabel: 'test loss',
    logY: true,
    series: result.ranking.map((a) => ({ name: a, points: meanBand(xs, byAct(a).map((r) => r.curves.testLoss)) })),
  });
  const scoreName = result.metric === 'testAccuracy' ? 'test accuracy' : 'test R²';
  const distSpec = boxPlot({
    title: `Final ${scoreName} over seeds`,
    xLabel: 'activation',
    yLabel: scoreName,
    groups: result.ranking.map((a) => ({ name: a, values: byAct(a).map((r) => r.final.testAccuracy ?? r.final.testR2 ?? Number.NaN) })),
  });
  const csv = compareCsvRows(result);
  const md = [
    `# Activation comparison on ${result.plan.data.name}`,
    '',
    markdownTable([...COMPARE_HEADERS], compareRows(result)).trimEnd(),
    '',
    ...compareNotes(result).map((n) => `- ${n}`),
    '',
    '![test loss per epoch](loss-curves.svg)',
    '',
    `![${scoreName} over seeds](accuracy.svg)`,
    '',
    '## Plan',
    '',
    '```json',
    JSON.stringify(result.plan, null, 2),
    '```',
    '',
  ].join('\n');
  const files: Array<[string, () => Promise<void>]> = [
    ['report.md', () => writeFileAtomic(join(dir, 'report.md'), md)],
    ['results.json', () => writeFileAtomic(join(dir, 'results.json'), json({ ...(compareJson(result) as object), runs }))],
    ['results.csv', () => writeFileAtomic(join(dir, 'results.csv'), csvTable(csv.headers, csv.rows))],
    ['loss-curves.svg', () => writeChart(join(dir, 'loss-curves.svg'), lossSpec)],
    ['accuracy.svg', () => writeChart(join(dir, 'accuracy.svg'), distSpec)],
  ];
  for (const [, write] of files) await write();
  return files.map(([name]) => join(dir, name));
}

import { join } from 'node:path';
import { boxPlot } from '../charts/boxPlot.js';
import { lineChart } from '../charts/lineChart.js';
import { meanBand } from '../charts/meanBand.js';
import { COMPARE_HEADERS, compareCsvRows, compareNotes, compareRows } from '../experiments/compareReport.js';
import type { CompareResult } from '../experiments/compareResult.js';
import type { RunSummary } from '../experiments/runSummary.js';
import type { PendingFile } from '../node/outputs.js';
import { renderSvg } from '../node/render.js';
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

/**
 * The files of a comparison report in `dir`: report.md, results.json, results.csv, loss-curves.svg and
 * accuracy.svg, rendered in memory for `writeOutputs` (which writes them all or none). `result.plan.data`
 * should be described (no CSV text; see describeDataSpec).
 */
export async function compareReportFiles(dir: string, result: CompareResult, runs: readonly RunSummary[]): Promise<PendingFile[]> {
  const byAct = (a: string) => runs.filter((r) => r.activation === a);
  const epochs = runs.reduce((m, r) => Math.max(m, r.curves.testLoss.length), 0);
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
  const files: Array<[string, string]> = [
    ['report.md', md],
    ['results.json', json({ ...(compareJson(result) as object), runs })],
    ['results.csv', csvTable(csv.headers, csv.rows)],
    ['loss-curves.svg', await renderSvg(lossSpec)],
    ['accuracy.svg', await renderSvg(distSpec)],
  ];
  return files.map(([name, data]) => ({ path: join(dir, name), data, flag: '--report' }));
}

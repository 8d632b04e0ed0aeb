/**
 * The search's report as data: the leaderboard and candidate tables (markdown and CSV rows), the JSON
 * document, and chart specs (top functions with their derivatives, score per generation). The CLI writes
 * them to files; the explorer shows the same tables.
 */
import type { TopLevelSpec } from 'vega-lite';
import { resolveActivation } from '../activations/resolve.js';
import { functionPlot } from '../charts/functionPlot.js';
import { lineChart } from '../charts/lineChart.js';
import type { CandidateRecord, LeaderboardRow, SearchResult } from './search.js';
import type { MeanInterval } from './stats.js';

const f4 = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(4));
const pFmt = (p: number | null): string => (p === null ? '—' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

/** `0.9123 [0.9001, 0.9245]`. */
export function intervalText(m: MeanInterval): string {
  return m.low === null || m.high === null ? f4(m.mean) : `${f4(m.mean)} [${f4(m.low)}, ${f4(m.high)}]`;
}

/** Headers of the leaderboard table. */
export const LEADERBOARD_HEADERS = ['rank', 'kind', 'activation', 'search seeds (mean [95% CI])', 'fresh seeds (mean [95% CI])', 'vs baselines (diff, Holm p)', 'verdict'] as const;

function verdict(r: LeaderboardRow): string {
  if (r.kind === 'baseline') return 'baseline';
  if (r.versus.length > 0 && r.versus.every((v) => v.better)) return 'beats every baseline';
  const better = r.versus.filter((v) => v.better).map((v) => v.baseline);
  const worse = r.versus.filter((v) => v.worse).map((v) => v.baseline);
  const parts = [better.length ? `better than ${better.join(', ')}` : '', worse.length ? `worse than ${worse.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no significant difference';
}

/** Leaderboard rows (text cells), ranked by the fresh-seed mean. */
export function leaderboardRows(result: SearchResult): string[][] {
  const ranked = [...result.leaderboard].sort((a, b) => b.confirm.mean - a.confirm.mean || (a.kind === 'baseline' ? 1 : -1));
  return ranked.map((r, i) => [
    String(i + 1),
    r.kind,
    r.kind === 'baseline' ? r.name : r.tuned ? `${r.expression} (parameters trained)` : r.expression,
    intervalText(r.search),
    intervalText(r.confirm),
    r.versus.map((v) => `${v.baseline} ${v.difference >= 0 ? '+' : ''}${f4(v.difference)} (p ${pFmt(v.pAdjusted)})`).join('; ') || '—',
    verdict(r),
  ]);
}

/** Headers of the candidate table (results.csv). */
export const CANDIDATE_HEADERS = ['index', 'generation', 'status', 'operators', 'expression', 'mean', 'ci_low', 'ci_high', 'scores', 'reason'] as const;

/** One CSV row per candidate. */
export function candidateRows(cs: readonly CandidateRecord[]): string[][] {
  return cs.map((c) => [
    String(c.index), String(c.generation), c.status, c.description, c.expression,
    c.score ? String(c.score.mean) : '', c.score?.low != null ? String(c.score.low) : '', c.score?.high != null ? String(c.score.high) : '',
    c.scores.join(' '), c.reason ?? '',
  ]);
}

/** The JSON document (`--json`, results.json). */
export function searchJson(result: SearchResult): unknown {
  return {
    config: result.config,
    metric: result.metric,
    test: result.test,
    correction: result.correction,
    counts: result.counts,
    conclusion: result.conclusion,
    winners: result.winners,
    leaderboard: result.leaderboard,
    generations: result.generations,
    candidates: result.candidates,
  };
}

/** The top `n` candidates of the leaderboard with their derivatives (dashed), on [-5, 5]. */
export function topFunctionsSpec(result: SearchResult, n = 5): TopLevelSpec {
  const rows = result.leaderboard.filter((r) => r.kind === 'candidate').sort((a, b) => b.confirm.mean - a.confirm.mean).slice(0, n);
  const xs = Array.from({ length: 201 }, (_, i) => -5 + i / 20);
  const series = rows.flatMap((r, i) => {
    const a = resolveActivation(r.expression);
    const name = `#${i + 1} ${a.name.length > 40 ? `${a.name.slice(0, 39)}…` : a.name}`;
    return [
      { name, group: name, points: xs.map((x) => ({ x, y: a.f(x) })) },
      { name: `${name} ′`, group: name, dashed: true, points: xs.map((x) => ({ x, y: a.df(x) })) },
    ];
  });
  return functionPlot({ series, title: 'Top candidates (solid) and their derivatives (dashed)', xLabel: 'x', yLabel: 'f(x), f′(x)' });
}

/** Best and mean score of each generation. */
export function generationSpec(result: SearchResult): TopLevelSpec {
  const g = result.generations.filter((r) => Number.isFinite(r.best));
  return lineChart({
    title: `Score per generation (${result.metric}, mean over ${result.config.seeds} seeds)`,
    xLabel: result.config.strategy === 'evolution' ? 'generation' : 'batch',
    yLabel: result.metric,
    points: true,
    series: [
      { name: 'best of generation', points: g.map((r) => ({ x: r.generation, y: r.best })) },
      { name: 'mean of generation', points: g.map((r) => ({ x: r.generation, y: r.mean })) },
    ],
  });
}

/** The whole report as markdown. */
export function searchMarkdown(result: SearchResult, table: (h: readonly string[], rows: readonly (readonly string[])[]) => string, seconds: number): string {
  const c = result.config;
  const n = result.counts;
  const rejectedReasons = new Map<string, number>();
  for (const r of result.candidates) if (r.status !== 'trained') {
    const k = (r.reason ?? '').replace(/[-\d.e]+/g, '…').slice(0, 60);
    rejectedReasons.set(`${r.status}: ${k}`, (rejectedReasons.get(`${r.status}: ${k}`) ?? 0) + 1);
  }
  return [
    `# Activation search on ${c.data.name}`,
    '',
    `**${result.conclusion}**`,
    '',
    `Strategy ${c.strategy}, budget ${c.budget} trained candidates, ${c.seeds} seeds each, seed ${c.seed}; network ${c.model.hidden.join('-') || 'linear'}, ${c.train.epochs ?? 'default'} epochs; metric: ${result.metric} (higher is better). ${seconds > 0 ? `Took ${seconds.toFixed(0)} s.` : ''}`,
    '',
    `Candidates generated ${n.generated}: ${n.duplicates} duplicates of earlier ones (same simplified form or same values on a grid), ${n.rejected} rejected by screening, ${n.trained} trained (${n.failed} of them failed on some seed).`,
    '',
    '## Leaderboard',
    '',
    `The ${result.leaderboard.filter((r) => r.kind === 'candidate').length} best candidates on the search seeds, retrained with the baselines on fresh seeds. Test: ${result.test}; correction: ${result.correction}. A candidate "beats" a baseline when its fresh-seed mean is higher with Holm-adjusted p < 0.05.`,
    '',
    table(LEADERBOARD_HEADERS, leaderboardRows(result)).trimEnd(),
    '',
    '![top functions](top-functions.svg)',
    '',
    '![score per generation](generations.svg)',
    '',
    '## Screening',
    '',
    ...(rejectedReasons.size ? [...rejectedReasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `- ${v} × ${k}`) : ['- nothing was rejected']),
    '',
    'Every candidate, with its per-seed scores, is in results.csv and results.json.',
    '',
  ].join('\n');
}

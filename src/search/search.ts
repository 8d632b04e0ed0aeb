/**
 * The activation search: candidates from the grammar (exhaustive enumeration or evolution), screened,
 * de-duplicated, trained over `seeds` seeds under one spec, and finally the best of them compared with
 * ReLU, GELU, SiLU and tanh on fresh seeds with Welch tests and a Holm correction.
 *
 * Determinism: every candidate and every generation follow from `seed` alone, and a task's outcome from
 * its content alone, so the same seed gives the same leaderboard whatever the executor (this thread,
 * worker threads, or BullMQ workers on Redis) and however the work was interrupted and resumed.
 */
import type { DataSpec, TrainSettings, TrainingJobInput } from '../run/trainingJob.js';
import { WELCH_TEST_NAME, welchTTest } from '../experiments/welchTTest.js';
import type { InitializerName } from '../nn/initializers.js';
import type { LossName } from '../nn/losses.js';
import { ActlabError } from '../util/errors.js';
import { createRng, type Rng } from '../util/rng.js';
import { evalTask, type EvalOutcome, type EvalTask, type InitProbe } from './evaluation.js';
import { screenCandidate } from './screen.js';
import { spaceSize, type SearchSpace } from './space.js';
import { holm, meanInterval, type MeanInterval } from './stats.js';
import { crossover, describe, enumerateTrees, mutate, randomTerm, render, type Term } from './tree.js';

/** Search strategies. */
export const STRATEGIES = ['evolution', 'exhaustive'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Everything that defines a search; plain JSON (saved as search.json, read back by --resume). */
export interface SearchConfig {
  readonly data: DataSpec;
  readonly model: { readonly hidden: readonly number[]; readonly loss?: LossName; readonly init?: InitializerName };
  /** Training settings of every run (the seed is set per run). */
  readonly train: Partial<Omit<TrainSettings, 'seed'>>;
  readonly space: SearchSpace;
  readonly strategy: Strategy;
  /** Candidates to train (screened-out and duplicate candidates do not count). */
  readonly budget: number;
  /** Training seeds per candidate. */
  readonly seeds: number;
  /** Seed of the search (candidate generation) and of the data; training seeds are seed, seed+1, …. */
  readonly seed: number;
  /** Population of the evolution. */
  readonly population: number;
  /** Candidates taken to the final comparison. */
  readonly top: number;
  /** Baseline activations of the final comparison. */
  readonly baselines: readonly string[];
  /** Screen candidates by the untrained network (gradient flow and saturation at initialisation) before training. */
  readonly surrogate?: boolean;
  /** Engine backend of every run (default: each executor's own default). */
  readonly backend?: 'wasm' | 'js';
  /**
   * Also retrain each top candidate that has parameters (its betas) with them trained by gradient descent,
   * one value per layer (Bingham & Miikkulainen 2022: evolution finds the form, gradient descent its
   * parameters); the tuned variant enters the final comparison as its own row.
   */
  readonly tune?: boolean;
}

/**
 * The surrogate's rule, fixed in advance: a candidate is not trained when, in the untrained network, the
 * gradient norm of the first layer differs from the last layer's by more than 10^3 either way, or more
 * than 90% of the hidden units are saturated.
 */
export const SURROGATE_RULE = { maxGradientDecades: 3, maxSaturated: 0.9 } as const;

/** Why the surrogate rejects a probe, or null when it passes. */
export function surrogateVerdict(o: EvalOutcome): string | null {
  if (!o.ok) return `surrogate: the untrained network fails (${o.reason})`;
  const p = o.probe;
  if (!p) return null;
  if (!Number.isFinite(p.gradientRatioLog10)) return 'surrogate: no gradient reaches the first layer at initialisation';
  if (p.gradientRatioLog10 < -SURROGATE_RULE.maxGradientDecades) return `surrogate: gradients vanish at initialisation (first/last layer 10^${p.gradientRatioLog10.toFixed(1)})`;
  if (p.gradientRatioLog10 > SURROGATE_RULE.maxGradientDecades) return `surrogate: gradients explode at initialisation (first/last layer 10^${p.gradientRatioLog10.toFixed(1)})`;
  if (p.saturated > SURROGATE_RULE.maxSaturated) return `surrogate: ${Math.round(p.saturated * 100)}% of hidden units saturated at initialisation`;
  return null;
}

/** Default baselines (the issue's and the papers' usual references). */
export const DEFAULT_BASELINES: readonly string[] = ['relu', 'gelu', 'silu', 'tanh'];

/** Offset of the confirmation seeds: the final comparison never reuses a seed that selected a candidate. */
export const CONFIRM_SEED_OFFSET = 100_000;

/** One candidate as recorded in the results. */
export interface CandidateRecord {
  readonly index: number;
  readonly generation: number;
  readonly tree: Term;
  /** Operator form, e.g. `mul(x, sigmoid(x))`. */
  readonly description: string;
  /** The expression trained (an activation argument for `actlab train --activation`). */
  readonly expression: string;
  /** Canonical key (simplified text), or null when it did not resolve. */
  readonly key: string | null;
  readonly status: 'trained' | 'rejected' | 'failed';
  readonly reason?: string;
  /** Score per seed (test accuracy, or test R² for regression), in seed order; empty unless trained. */
  readonly scores: readonly number[];
  readonly score: MeanInterval | null;
  /** The surrogate's measurements of the untrained network (with --surrogate). */
  readonly init?: InitProbe;
}

/** Score of one generation (evolution) or batch (exhaustive). */
export interface GenerationRecord {
  readonly generation: number;
  readonly trained: number;
  readonly best: number;
  readonly mean: number;
}

/** A comparison of one leaderboard entry with one baseline on the confirmation seeds. */
export interface VersusBaseline {
  readonly baseline: string;
  /** Mean difference (entry − baseline). */
  readonly difference: number;
  readonly p: number | null;
  /** Holm-adjusted p over every candidate × baseline comparison. */
  readonly pAdjusted: number | null;
  /** Adjusted p < 0.05 and the entry's mean is higher. */
  readonly better: boolean;
  /** Adjusted p < 0.05 and the entry's mean is lower. */
  readonly worse: boolean;
}

/** One line of the leaderboard. */
export interface LeaderboardRow {
  readonly kind: 'candidate' | 'baseline';
  /** A candidate retrained with its parameters learned (shared per layer), with --tune. */
  readonly tuned?: boolean;
  readonly name: string;
  readonly expression: string;
  /** Mean and interval on the search seeds (used to select candidates). */
  readonly search: MeanInterval;
  /** Mean and interval on the fresh confirmation seeds (used for the verdict). */
  readonly confirm: MeanInterval;
  readonly confirmScores: readonly number[];
  readonly versus: readonly VersusBaseline[];
}

/** What a search gives. */
export interface SearchResult {
  readonly config: SearchConfig;
  readonly metric: 'test accuracy' | 'test R²' | 'score';
  readonly candidates: readonly CandidateRecord[];
  readonly generations: readonly GenerationRecord[];
  readonly leaderboard: readonly LeaderboardRow[];
  readonly counts: { readonly generated: number; readonly duplicates: number; readonly rejected: number; readonly failed: number; readonly trained: number };
  readonly test: string;
  readonly correction: string;
  /** Names of candidates better than every baseline after correction (empty: none beat them). */
  readonly winners: readonly string[];
  readonly conclusion: string;
}

/** Runs tasks somewhere; `onOutcome` sees each as it finishes; outcomes come back in task order. */
export type SearchExecutor = (tasks: readonly EvalTask[], onOutcome: (task: EvalTask, outcome: EvalOutcome) => void) => Promise<EvalOutcome[]>;

/** Callbacks of a search run. */
export interface SearchHooks {
  /** Outcomes already known (from --resume), by task id. */
  readonly known?: ReadonlyMap<string, EvalOutcome>;
  /** Each new outcome (to be saved). */
  readonly onOutcome?: (task: EvalTask, outcome: EvalOutcome) => void;
  /** Each finished candidate. */
  readonly onCandidate?: (c: CandidateRecord, trained: number, budget: number) => void;
  /** Progress in runs: done of (an estimate of) the total. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
  /** True when the user asked to stop (Ctrl+C): the search ends after the current batch. */
  readonly stopped?: () => boolean;
}

/** Thrown when the search was stopped before its end; what was computed is kept by `onOutcome`. */
export class SearchStopped extends ActlabError {
  constructor() {
    super('search stopped before its end; the results so far are saved: continue with --resume <dir>', 1);
  }
}

/** Checks a configuration; throws a one-line ActlabError. */
export function checkConfig(c: SearchConfig): void {
  if (!Number.isInteger(c.budget) || c.budget < 1) throw new ActlabError(`--budget must be a whole number ≥ 1 (candidates to train), got ${c.budget}; pass e.g. --budget 50`);
  if (!Number.isInteger(c.seeds) || c.seeds < 2) throw new ActlabError(`--seeds must be a whole number ≥ 2 (intervals and tests need two runs), got ${c.seeds}; pass e.g. --seeds 5`);
  if (!Number.isInteger(c.population) || c.population < 2) throw new ActlabError(`--population must be a whole number ≥ 2, got ${c.population}`);
  if (!Number.isInteger(c.top) || c.top < 1) throw new ActlabError(`--top must be a whole number ≥ 1, got ${c.top}`);
  if (c.baselines.length === 0) throw new ActlabError('no baselines to compare with; pass e.g. --baselines relu,gelu,silu,tanh');
  if (c.space.unary.length === 0) throw new ActlabError('the search space is empty (no unary operators); list at least one in the space file');
}

const seedsOf = (first: number, k: number): number[] => Array.from({ length: k }, (_, i) => first + i);

/** The training job of one activation on one training seed (its parameters trained, one per layer, when `tuned`). */
export function jobFor(c: SearchConfig, activation: string, trainSeed: number, tuned = false): TrainingJobInput {
  return {
    data: { ...c.data, seed: c.data.seed ?? c.seed },
    model: {
      hidden: c.model.hidden, activation, ...(c.model.loss ? { loss: c.model.loss } : {}), ...(c.model.init ? { init: c.model.init } : {}),
      ...(tuned ? { params: 'shared' as const } : {}),
    },
    train: { ...c.train, seed: trainSeed },
  };
}

/** Runs a search with `execute`. */
export async function runSearch(config: SearchConfig, execute: SearchExecutor, hooks: SearchHooks = {}): Promise<SearchResult> {
  checkConfig(config);
  const known = new Map(hooks.known ?? []);
  const seeds = seedsOf(config.seed, config.seeds);
  const confirmSeeds = seedsOf(config.seed + CONFIRM_SEED_OFFSET, config.seeds);
  let doneRuns = 0;
  const finalRuns = (config.top + config.baselines.length) * config.seeds;
  const estimate = (): number => config.baselines.length * config.seeds + config.budget * config.seeds + finalRuns;

  /** Runs tasks, taking known outcomes from the cache. */
  const runAll = async (tasks: readonly EvalTask[], label: string): Promise<EvalOutcome[]> => {
    if (hooks.stopped?.()) throw new SearchStopped();
    const missing = tasks.filter((t, i) => !known.has(t.id) && tasks.findIndex((u) => u.id === t.id) === i);
    doneRuns += tasks.length - missing.length;
    hooks.onProgress?.(doneRuns, estimate(), label);
    if (missing.length > 0) {
      await execute(missing, (task, outcome) => {
        known.set(task.id, outcome);
        hooks.onOutcome?.(task, outcome);
        doneRuns++;
        hooks.onProgress?.(doneRuns, estimate(), label);
      });
    }
    if (hooks.stopped?.() && tasks.some((t) => !known.has(t.id))) throw new SearchStopped();
    return tasks.map((t) => {
      const o = known.get(t.id);
      if (!o) throw new SearchStopped();
      return o;
    });
  };

  // Baselines on the search seeds: the yardstick while searching.
  const baselineTasks = config.baselines.map((b) => seeds.map((s) => evalTask(jobFor(config, b, s), false, config.backend)));
  const baselineOutcomes = await runAll(baselineTasks.flat(), 'baselines');
  const baselineScores = config.baselines.map((_, i) => baselineOutcomes.slice(i * seeds.length, (i + 1) * seeds.length).map((o) => (o.ok ? o.score : Number.NaN)));

  const candidates: CandidateRecord[] = [];
  const generations: GenerationRecord[] = [];
  const seenKeys = new Set<string>();
  const seenPrints = new Set<string>();
  let duplicates = 0;
  let trained = 0;
  let generated = 0;

  /** Screens, de-duplicates and trains a batch of trees; returns the records of the new ones. */
  const interval = (v: readonly number[]): MeanInterval => meanInterval(v, bounds);
  const evaluateBatch = async (trees: readonly Term[], generation: number): Promise<CandidateRecord[]> => {
    const fresh: Array<{ tree: Term; expression: string; key: string | null; reason?: string; init?: InitProbe }> = [];
    for (const tree of trees) {
      generated++;
      const expression = render(tree, config.space);
      const s = screenCandidate(expression);
      if (s.key !== null && seenKeys.has(s.key)) { duplicates++; continue; }
      if (s.fingerprint !== null && seenPrints.has(s.fingerprint)) { duplicates++; if (s.key) seenKeys.add(s.key); continue; }
      if (s.key !== null) seenKeys.add(s.key);
      if (s.fingerprint !== null) seenPrints.add(s.fingerprint);
      // A candidate that resolved trains as its canonical text (simplified, with its parameters declared).
      fresh.push({ tree, expression: s.ok ? s.key : expression, key: s.key, ...(s.ok ? {} : { reason: s.reason }) });
    }
    if (config.surrogate) {
      const probing = fresh.filter((f) => f.reason === undefined);
      const probes = await runAll(probing.map((f) => evalTask(jobFor(config, f.expression, seeds[0]), true, config.backend)), `generation ${generation} (surrogate)`);
      probing.forEach((f, i) => {
        const o = probes[i];
        if (o.ok && o.probe) f.init = o.probe;
        const why = surrogateVerdict(o);
        if (why !== null) f.reason = why;
      });
    }
    const toTrain = fresh.filter((f) => f.reason === undefined);
    const tasks = toTrain.map((f) => seeds.map((s) => evalTask(jobFor(config, f.expression, s), false, config.backend)));
    const outcomes = await runAll(tasks.flat(), `generation ${generation}`);
    const records: CandidateRecord[] = [];
    let k = 0;
    for (const f of fresh) {
      const base = { index: candidates.length + records.length, generation, tree: f.tree, description: describe(f.tree, config.space), expression: f.expression, key: f.key, ...(f.init ? { init: f.init } : {}) };
      if (f.reason !== undefined) {
        records.push({ ...base, status: 'rejected', reason: f.reason, scores: [], score: null });
        continue;
      }
      const out = outcomes.slice(k * seeds.length, (k + 1) * seeds.length);
      k++;
      trained++;
      const failed = out.find((o): o is Extract<EvalOutcome, { ok: false }> => !o.ok);
      if (failed) records.push({ ...base, status: 'failed', reason: failed.reason, scores: [], score: null });
      else {
        const scores = out.map((o) => (o.ok ? o.score : Number.NaN));
        records.push({ ...base, status: 'trained', scores, score: interval(scores) });
      }
    }
    for (const r of records) {
      candidates.push(r);
      hooks.onCandidate?.(r, trained, config.budget);
    }
    const inGeneration = candidates.filter((r) => r.generation === generation);
    const scored = inGeneration.filter((r) => r.score !== null).map((r) => r.score?.mean ?? Number.NaN);
    const record: GenerationRecord = {
      generation,
      trained: inGeneration.filter((r) => r.status !== 'rejected').length,
      best: scored.length ? Math.max(...scored) : Number.NaN,
      mean: scored.length ? scored.reduce((s, v) => s + v, 0) / scored.length : Number.NaN,
    };
    if (generations.length > 0 && generations[generations.length - 1].generation === generation) generations[generations.length - 1] = record;
    else generations.push(record);
    return records;
  };

  const rng = createRng(config.seed);
  const okOutcome = baselineOutcomes.find((o): o is Extract<EvalOutcome, { ok: true }> => o.ok);
  const bounds: [number, number] = okOutcome?.metric === 'accuracy' ? [0, 1] : [-Infinity, 1];
  const maxAttempts = 200 * config.budget + 1000;
  if (config.strategy === 'exhaustive') await exhaustive(config, rng, evaluateBatch, () => trained, () => generated, maxAttempts);
  else await evolve(config, rng, evaluateBatch, () => trained, () => generated, maxAttempts);

  // Final comparison on fresh seeds: the top candidates and the baselines.
  const fitness = (c: CandidateRecord): number => c.score?.mean ?? -Infinity;
  const top = candidates.filter((c) => c.status === 'trained').sort((a, b) => fitness(b) - fitness(a) || a.index - b.index).slice(0, config.top);
  const hasParams = (c: CandidateRecord): boolean => /;\s*beta\d+\s*=/.test(c.expression);
  const entries: Array<{ kind: 'candidate' | 'baseline'; tuned?: boolean; name: string; expression: string; search: MeanInterval }> = [
    ...top.map((c) => ({ kind: 'candidate' as const, name: c.description, expression: c.expression, search: c.score ?? interval([]) })),
    // tuned variants have no search-seed score: they were never selected on those seeds
    ...(config.tune ? top.filter(hasParams).map((c) => ({ kind: 'candidate' as const, tuned: true, name: `${c.description} (parameters trained)`, expression: c.expression, search: interval([]) })) : []),
    ...config.baselines.map((b, i) => ({ kind: 'baseline' as const, name: b, expression: b, search: interval(baselineScores[i]) })),
  ];
  const confirmTasks = entries.map((e) => confirmSeeds.map((s) => evalTask(jobFor(config, e.expression, s, e.tuned === true), false, config.backend)));
  const confirmOut = await runAll(confirmTasks.flat(), 'final comparison');
  const confirmScores = entries.map((_, i) => confirmOut.slice(i * seeds.length, (i + 1) * seeds.length).map((o) => (o.ok ? o.score : Number.NaN)));
  const baseIdx = entries.map((e, i) => (e.kind === 'baseline' ? i : -1)).filter((i) => i >= 0);
  const raw: Array<{ row: number; base: number; diff: number; p: number | null }> = [];
  entries.forEach((e, i) => {
    if (e.kind !== 'candidate') return;
    for (const j of baseIdx) {
      const a = confirmScores[i];
      const b = confirmScores[j];
      const valid = a.every(Number.isFinite) && b.every(Number.isFinite);
      const t = valid ? welchTTest(a, b) : null;
      raw.push({ row: i, base: j, diff: mean(a) - mean(b), p: t ? t.p : null });
    }
  });
  const adjusted = holm(raw.map((r) => r.p));
  const leaderboard: LeaderboardRow[] = entries.map((e, i) => ({
    ...e,
    confirm: interval(confirmScores[i].filter(Number.isFinite)),
    confirmScores: confirmScores[i],
    versus: raw.map((r, k) => ({ r, k })).filter(({ r }) => r.row === i).map(({ r, k }) => {
      const pa = adjusted[k];
      return {
        baseline: entries[r.base].name,
        difference: r.diff,
        p: r.p,
        pAdjusted: pa,
        better: pa !== null && pa < 0.05 && r.diff > 0,
        worse: pa !== null && pa < 0.05 && r.diff < 0,
      };
    }),
  }));
  const winners = leaderboard.filter((r) => r.kind === 'candidate' && r.versus.length > 0 && r.versus.every((v) => v.better)).map((r) => r.name);
  const firstOk = [...baselineOutcomes, ...confirmOut].find((o): o is Extract<EvalOutcome, { ok: true }> => o.ok);
  const metric: SearchResult['metric'] = firstOk ? (firstOk.metric === 'accuracy' ? 'test accuracy' : 'test R²') : 'score';
  const best = leaderboard.filter((r) => r.kind === 'baseline').sort((a, b) => b.confirm.mean - a.confirm.mean)[0];
  const conclusion = winners.length > 0
    ? `${winners.length} candidate(s) beat every baseline on fresh seeds after Holm correction: ${winners.join('; ')}.`
    : `No candidate beat every baseline on fresh seeds after Holm correction (best baseline: ${best ? `${best.name}, ${fmtScore(best.confirm.mean)}` : 'none'}).`;
  return {
    config,
    metric,
    candidates,
    generations,
    leaderboard,
    counts: {
      generated,
      duplicates,
      rejected: candidates.filter((c) => c.status === 'rejected').length,
      failed: candidates.filter((c) => c.status === 'failed').length,
      trained,
    },
    test: WELCH_TEST_NAME,
    correction: `Holm–Bonferroni over the ${raw.length} candidate × baseline comparisons, on ${config.seeds} fresh seeds (${confirmSeeds[0]}–${confirmSeeds[confirmSeeds.length - 1]}) that played no part in selecting the ${top.length} candidates from the ${trained} trained`,
    winners,
    conclusion,
  };
}

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
const fmtScore = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : String(v));

type BatchFn = (trees: readonly Term[], generation: number) => Promise<CandidateRecord[]>;

/** Every tree up to the depth, simplest level first, each level in a seeded random order, until the budget. */
async function exhaustive(config: SearchConfig, rng: Rng, batch: BatchFn, trained: () => number, generated: () => number, maxAttempts: number): Promise<void> {
  const size = spaceSize(config.space);
  if (size > 2_000_000) throw new ActlabError(`the space has about ${size === Infinity ? '>1e12' : size.toExponential(1)} trees, too many to enumerate; use --strategy evolution or a smaller space (depth, operators)`);
  const levels = new Map<number, Term[]>();
  for (const t of enumerateTrees(config.space)) {
    const d = depth(t);
    const list = levels.get(d) ?? [];
    list.push(t);
    levels.set(d, list);
  }
  let generation = 0;
  for (const d of [...levels.keys()].sort((a, b) => a - b)) {
    const list = rng.shuffle(levels.get(d) ?? []);
    let i = 0;
    while (i < list.length && trained() < config.budget && generated() < maxAttempts) {
      const want = Math.min(config.population, config.budget - trained());
      const chunk = list.slice(i, i + want);
      i += chunk.length;
      await batch(chunk, generation++);
    }
    if (trained() >= config.budget) return;
  }
}

function depth(t: Term): number {
  return t.arg === 'x' ? 0 : 1 + Math.max(depth(t.arg.left), depth(t.arg.right));
}

/** Tournament selection, subtree mutation, crossover, parameter perturbation and elitism. */
async function evolve(config: SearchConfig, rng: Rng, batch: BatchFn, trained: () => number, generated: () => number, maxAttempts: number): Promise<void> {
  const P = Math.min(config.population, config.budget);
  const ELITES = Math.min(2, P - 1);
  let population: CandidateRecord[] = [];
  let generation = 0;
  // Generation 0: random trees until P candidates are trained (or the attempts run out).
  while (population.length < P && trained() < config.budget && generated() < maxAttempts) {
    const want = Math.min(P - population.length, config.budget - trained());
    const recs = await batch(Array.from({ length: want }, () => randomTerm(config.space, rng)), generation);
    population.push(...recs.filter((r) => r.status !== 'rejected'));
  }
  const fit = (c: CandidateRecord): number => c.score?.mean ?? -Infinity;
  const tournament = (): CandidateRecord => {
    let best = population[rng.int(population.length)];
    for (let k = 1; k < 3; k++) {
      const c = population[rng.int(population.length)];
      if (fit(c) > fit(best) || (fit(c) === fit(best) && c.index < best.index)) best = c;
    }
    return best;
  };
  while (trained() < config.budget && generated() < maxAttempts && population.length > 0) {
    generation++;
    const want = Math.min(P - ELITES, config.budget - trained());
    const children: Term[] = [];
    for (let k = 0; k < want; k++) {
      const a = tournament();
      let child: Term;
      if (rng.next() < 0.5) {
        child = crossover(a.tree, tournament().tree, config.space, rng);
        if (rng.next() < 0.5) child = mutate(child, config.space, rng);
      } else child = mutate(a.tree, config.space, rng);
      children.push(child);
    }
    const recs = await batch(children, generation);
    const sorted = [...population].sort((x, y) => fit(y) - fit(x) || x.index - y.index);
    const elites = sorted.slice(0, ELITES);
    const pool = [...sorted.slice(ELITES), ...recs.filter((r) => r.status !== 'rejected')].sort((x, y) => fit(y) - fit(x) || x.index - y.index);
    population = [...elites, ...pool.slice(0, P - ELITES)];
  }
}

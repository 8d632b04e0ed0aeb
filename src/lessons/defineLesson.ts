/**
 * Builds a {@link Lesson} from its experiment, its per-seed rule, its summary over seeds and its criterion,
 * so `run` always judges by `judge` and the tally always comes from `judgeSeed`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ActlabError } from '../util/errors.js';
import type { Bilingual, Judgement, Language, Lesson, LessonKind, LessonParam, Measurements, ParamValues, SeedOutcome, Tally, Verdict } from './lesson.js';

/** Seeds a seeded lesson runs when none are asked for. */
export const DEFAULT_SEEDS = 10;

/** Most seeds one run may ask for. */
export const MAX_SEEDS = 200;

/** What one run of the experiment gives: numbers, and whatever else the chart needs (curves, samples). */
export interface SeedRun<T> {
  readonly measurements: Measurements;
  readonly trace: T;
}

/** What a chart is drawn from. */
export interface ChartContext<T> {
  readonly runs: readonly SeedRun<T>[];
  readonly seeds: readonly number[];
  readonly summary: Measurements;
  readonly params: ParamValues;
  readonly lang: Language;
  /** Picks the text of the chart's language. */
  readonly t: (text: Bilingual) => string;
}

/** The parts a lesson is made of. */
export interface LessonParts<T> {
  readonly id: string;
  readonly number: number;
  readonly kind: LessonKind;
  readonly byConstruction?: boolean;
  readonly params: readonly LessonParam[];
  /** Runs the experiment once (with this seed; deterministic lessons may ignore it). */
  measure(params: ParamValues, seed: number): SeedRun<T>;
  /** The per-seed rule (seeded lessons): the verdict one seed alone would give; counted in the tally. */
  judgeSeed?(m: Measurements, params: ParamValues): Verdict;
  /** Summary measurements over all seeds (seeded lessons); default: the single run's measurements. */
  summarize?(runs: readonly SeedRun<T>[], params: ParamValues): Measurements;
  /** The criterion, applied to the summary measurements. */
  judge(m: Measurements, params: ParamValues): Judgement;
  /** Names of the measurements (summary and per-seed keys). */
  labels(params: ParamValues): Record<string, Bilingual>;
  /** The chart. */
  chart(ctx: ChartContext<T>): TopLevelSpec;
}

/** A text in both languages. */
export function L(en: string, zh: string): Bilingual {
  return { en, zh };
}

/** Counts verdicts. */
export function tallyOf(verdicts: readonly Verdict[]): Tally {
  return {
    holds: verdicts.filter((v) => v === 'holds').length,
    doesNotHold: verdicts.filter((v) => v === 'does not hold').length,
    inconclusive: verdicts.filter((v) => v === 'inconclusive').length,
  };
}

/** A lesson whose `run` measures (over seeds when seeded), summarises and judges with its own `judge`. */
export function defineLesson<T>(parts: LessonParts<T>): Lesson {
  const seeded = parts.kind === 'seeded';
  if (seeded && (!parts.judgeSeed || !parts.summarize)) throw new Error(`lesson ${parts.id}: a seeded lesson needs judgeSeed and summarize`);
  return {
    id: parts.id,
    number: parts.number,
    kind: parts.kind,
    byConstruction: parts.byConstruction ?? false,
    defaultSeeds: seeded ? DEFAULT_SEEDS : 1,
    params: parts.params,
    judge: parts.judge,
    run(params, options) {
      const lang = options.lang ?? 'en';
      const count = seeded ? options.seeds ?? DEFAULT_SEEDS : 1;
      if (!Number.isInteger(count) || count < 1 || count > MAX_SEEDS) throw new ActlabError(`--seeds must be a whole number from 1 to ${MAX_SEEDS}, got ${count}`);
      const seeds = Array.from({ length: count }, (_, i) => options.seed + i);
      const runs = seeds.map((s) => parts.measure(params, s));
      const summary = seeded && parts.summarize ? parts.summarize(runs, params) : runs[0].measurements;
      const perSeed: SeedOutcome[] = seeded && parts.judgeSeed ? runs.map((r, i) => ({ seed: seeds[i], verdict: parts.judgeSeed!(r.measurements, params), measurements: r.measurements })) : [];
      const t = (b: Bilingual) => b[lang];
      return {
        measurements: summary,
        labels: parts.labels(params),
        chart: parts.chart({ runs, seeds, summary, params, lang, t }),
        seeds: seeded ? seeds : [],
        tally: seeded ? tallyOf(perSeed.map((o) => o.verdict)) : null,
        perSeed,
        ...parts.judge(summary, params),
      };
    },
  };
}

/** Formats a number for a criterion sentence (4 significant digits). */
export function n4(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

/** A share as a percentage with up to 3 significant digits. */
export function pct(v: number): string {
  return `${Number((v * 100).toPrecision(3))}%`;
}

/** Samples `count` evenly spaced points of [a, b]. */
export function grid(a: number, b: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => a + ((b - a) * i) / (count - 1));
}

/** The values of measurement `key` over the runs. */
export function column<T>(runs: readonly SeedRun<T>[], key: string): number[] {
  return runs.map((r) => r.measurements[key]);
}

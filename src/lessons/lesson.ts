/** The shape of a lesson: a claim, a tunable experiment run over seeds, and a verdict decided by a rule stated in advance. */
import type { TopLevelSpec } from 'vega-lite';

/** Outcome of a lesson's experiment. */
export type Verdict = 'holds' | 'does not hold' | 'inconclusive';

/** A text in both languages the lessons are written in. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** Languages the lessons are written in. */
export type Language = keyof Bilingual;

/** A value a learner can set: a number, a list of numbers (a grid) or a text (an activation list). */
export type ParamValue = number | readonly number[] | string;

/** Parameter values by name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** Measured numbers by name; always finite (a diverged run is recorded as a flag, not as NaN). */
export type Measurements = Readonly<Record<string, number>>;

/** One parameter of a lesson's experiment. */
export interface LessonParam {
  readonly name: string;
  /** `number`, `list` (comma-separated numbers) or `text`. */
  readonly kind: 'number' | 'list' | 'text';
  readonly default: ParamValue;
  /** One line in English. */
  readonly description: string;
  /** Bounds of a number or of every list element. */
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

/** A verdict and the criterion: the rule, stated before the run, with the numbers that decided it, in both languages. */
export interface Judgement {
  readonly verdict: Verdict;
  readonly criterion: Bilingual;
}

/** How many seeds gave each verdict. */
export interface Tally {
  readonly holds: number;
  readonly doesNotHold: number;
  readonly inconclusive: number;
}

/** The outcome of one seed: its own verdict (by the per-seed rule) and its measurements. */
export interface SeedOutcome {
  readonly seed: number;
  readonly verdict: Verdict;
  readonly measurements: Measurements;
}

/**
 * How a lesson's randomness is handled: `seeded` lessons repeat their experiment over several seeds and judge
 * the set with statistics; `deterministic` ones have no randomness that matters (one run suffices);
 * `timed` ones measure wall time, which varies with the machine (repeated rounds instead of seeds).
 */
export type LessonKind = 'seeded' | 'deterministic' | 'timed';

/** What running a lesson gives. */
export interface LessonResult extends Judgement {
  /** Summary measurements (over all seeds for a seeded lesson). */
  readonly measurements: Measurements;
  /** Names of the measurements (summary and per-seed keys) in both languages. */
  readonly labels: Readonly<Record<string, Bilingual>>;
  /** The lesson's picture, a Vega-Lite spec, in the language asked for. */
  readonly chart: TopLevelSpec;
  /** Seeds run (empty for a deterministic or timed lesson). */
  readonly seeds: readonly number[];
  /** Per-seed verdict counts; null for a deterministic or timed lesson. */
  readonly tally: Tally | null;
  /** Per-seed outcomes (empty for a deterministic or timed lesson). */
  readonly perSeed: readonly SeedOutcome[];
}

/** Run options. */
export interface RunOptions {
  /** First seed; seeds `seed, seed+1, …` are run. */
  readonly seed: number;
  /** How many seeds (default: the lesson's `defaultSeeds`). */
  readonly seeds?: number;
  /** Language of the chart (default English). */
  readonly lang?: Language;
}

/** A lesson: data plus a small experiment. Its text (titles, claim, set-up) lives in src/lessons/text.ts. */
export interface Lesson {
  /** Lowercase snake_case id. */
  readonly id: string;
  /** Position in the list (1-based). */
  readonly number: number;
  readonly kind: LessonKind;
  /** True when the claim holds by construction (the lesson shows the mechanism rather than testing a hypothesis). */
  readonly byConstruction: boolean;
  /** Seeds run by default (1 for deterministic and timed lessons). */
  readonly defaultSeeds: number;
  readonly params: readonly LessonParam[];
  /** Runs the experiment with complete parameter values. */
  run(params: ParamValues, options: RunOptions): LessonResult;
  /** Decides the verdict from the summary measurements alone (plus parameters); `run` uses exactly this. */
  judge(measurements: Measurements, params: ParamValues): Judgement;
}

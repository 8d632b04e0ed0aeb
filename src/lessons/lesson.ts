/** The shape of a lesson: a claim, a tunable experiment, and a verdict decided by a stated criterion. */
import type { TopLevelSpec } from 'vega-lite';

/** Outcome of a lesson's experiment. */
export type Verdict = 'holds' | 'does not hold' | 'inconclusive';

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

/** A verdict and the criterion, stated in words with the numbers that decided it. */
export interface Judgement {
  readonly verdict: Verdict;
  readonly criterion: string;
}

/** What running a lesson gives. */
export interface LessonResult extends Judgement {
  readonly measurements: Measurements;
  /** The lesson's picture, a Vega-Lite spec. */
  readonly chart: TopLevelSpec;
}

/** Run options. */
export interface RunOptions {
  readonly seed: number;
}

/** A lesson: data plus a small experiment. Its text (titles, claim, set-up) lives in src/lessons/text.ts. */
export interface Lesson {
  /** Lowercase snake_case id. */
  readonly id: string;
  /** Position in the list (1-based). */
  readonly number: number;
  readonly params: readonly LessonParam[];
  /** Runs the experiment with complete parameter values. */
  run(params: ParamValues, options: RunOptions): LessonResult;
  /** Decides the verdict from measurements alone (plus parameters); `run` uses exactly this. */
  judge(measurements: Measurements, params: ParamValues): Judgement;
}

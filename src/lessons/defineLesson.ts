/** Builds a {@link Lesson} from its experiment and its criterion, so `run` always judges by `judge`. */
import type { TopLevelSpec } from 'vega-lite';
import type { Judgement, Lesson, LessonParam, Measurements, ParamValues } from './lesson.js';

/** The parts a lesson is made of. */
export interface LessonParts {
  readonly id: string;
  readonly number: number;
  readonly params: readonly LessonParam[];
  /** Runs the experiment: measured numbers and the chart. */
  measure(params: ParamValues, seed: number): { measurements: Measurements; chart: TopLevelSpec };
  /** The criterion, applied to the measurements. */
  judge(m: Measurements, params: ParamValues): Judgement;
}

/** A lesson whose `run` measures and then judges with its own `judge`. */
export function defineLesson(parts: LessonParts): Lesson {
  return {
    id: parts.id,
    number: parts.number,
    params: parts.params,
    judge: parts.judge,
    run(params, { seed }) {
      const { measurements, chart } = parts.measure(params, seed);
      return { measurements, chart, ...parts.judge(measurements, params) };
    },
  };
}

/** Formats a number for a criterion sentence (4 significant digits). */
export function n4(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

/** Samples `count` evenly spaced points of [a, b]. */
export function grid(a: number, b: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => a + ((b - a) * i) / (count - 1));
}

/**
 * Running a lesson's measured experiment off the page: the messages between the tour panel and
 * lessonWorker.ts, and the pure function the worker calls (tested in Node).
 */
import type { TopLevelSpec } from 'vega-lite';
import { getLesson } from '../../../src/lessons/lessons.js';
import { resolveParams } from '../../../src/lessons/params.js';
import type { Bilingual, Language, Measurements, Tally, Verdict } from '../../../src/lessons/lesson.js';

/** Page → worker: run lesson `id` with its default parameters from this first seed (its default number of seeds). */
export interface LessonRequest {
  type: 'run';
  /** Echoed back, so a stale answer can be told from the current one. */
  runId: number;
  id: string;
  seed: number;
  /** Language of the chart (default English). */
  lang?: Language;
}

/** Worker → page: the verdict, criterion, measurements and chart, or a one-line error. */
export type LessonReply =
  | {
      type: 'result';
      runId: number;
      id: string;
      verdict: Verdict;
      /** The criterion in both languages. */
      criterion: Bilingual;
      /** Per-seed verdict counts; null for a deterministic or timed lesson. */
      tally: Tally | null;
      /** Seeds run (empty for a deterministic or timed lesson). */
      seeds: readonly number[];
      measurements: Measurements;
      chart: TopLevelSpec;
      /** Wall time of the experiment in milliseconds. */
      ms: number;
    }
  | { type: 'error'; runId: number; id: string; message: string };

/** Runs the experiment a request asks for; never throws (an error becomes an 'error' reply). */
export function runLessonRequest(req: LessonRequest, now: () => number = () => globalThis.performance.now()): LessonReply {
  try {
    const lesson = getLesson(req.id);
    const t0 = now();
    const r = lesson.run(resolveParams(lesson), { seed: req.seed, lang: req.lang ?? 'en' });
    return {
      type: 'result',
      runId: req.runId,
      id: lesson.id,
      verdict: r.verdict,
      criterion: r.criterion,
      tally: r.tally,
      seeds: r.seeds,
      measurements: r.measurements,
      chart: r.chart,
      ms: now() - t0,
    };
  } catch (e) {
    return { type: 'error', runId: req.runId, id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

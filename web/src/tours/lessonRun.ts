/**
 * Running a lesson's measured experiment off the page: the messages between the tour panel and
 * lessonWorker.ts, and the pure function the worker calls (tested in Node).
 */
import type { TopLevelSpec } from 'vega-lite';
import { getLesson } from '../../../src/lessons/lessons.js';
import { resolveParams } from '../../../src/lessons/params.js';
import type { Measurements, Verdict } from '../../../src/lessons/lesson.js';

/** Page → worker: run lesson `id` with its default parameters and this seed. */
export interface LessonRequest {
  type: 'run';
  /** Echoed back, so a stale answer can be told from the current one. */
  runId: number;
  id: string;
  seed: number;
}

/** Worker → page: the verdict, criterion, measurements and chart, or a one-line error. */
export type LessonReply =
  | {
      type: 'result';
      runId: number;
      id: string;
      verdict: Verdict;
      criterion: string;
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
    const r = lesson.run(resolveParams(lesson), { seed: req.seed });
    return {
      type: 'result',
      runId: req.runId,
      id: lesson.id,
      verdict: r.verdict,
      criterion: r.criterion,
      measurements: r.measurements,
      chart: r.chart,
      ms: now() - t0,
    };
  } catch (e) {
    return { type: 'error', runId: req.runId, id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

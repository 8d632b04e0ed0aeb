/**
 * The activation worker: resolves, reports and analyses activations typed by the user, off the page's
 * thread, so that a contrived expression can never freeze the page (the service stops a worker that
 * takes too long and starts a fresh one).
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import { findBreakpoints } from '../../../src/analysis/breakpoints.js';
import { findNonFinite } from '../../../src/analysis/finiteness.js';
import { ExpressionError } from '../../../src/expr/parse.js';
import type { JobRequest, JobResponse } from './protocol.js';
import { buildProperties, buildReport } from './report.js';

function answer(req: JobRequest): JobResponse {
  try {
    switch (req.kind) {
      case 'check': {
        const a = resolveActivation(req.text);
        const env = Object.fromEntries(a.paramNames.map((n, i) => [n, a.paramValues[i]]));
        return { seq: req.seq, ok: true, kind: 'check', key: a.key, nonFinite: findNonFinite(a.f, findBreakpoints(a.expr, env)) };
      }
      case 'report':
        return { seq: req.seq, ok: true, kind: 'report', report: buildReport(req.text) };
      case 'analyze':
        return { seq: req.seq, ok: true, kind: 'analyze', properties: buildProperties(req.text) };
    }
  } catch (e) {
    if (e instanceof ExpressionError) return { seq: req.seq, ok: false, message: e.message, column: e.column, problem: e.problem };
    return { seq: req.seq, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

self.onmessage = (ev: MessageEvent<JobRequest>) => {
  (self as unknown as { postMessage(m: JobResponse): void }).postMessage(answer(ev.data));
};

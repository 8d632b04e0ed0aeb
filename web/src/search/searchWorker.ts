/**
 * The explorer's search worker: runs `runSearch` (src/search, the CLI's search) in this thread on the
 * page's data, one training run at a time, yielding between runs so that Stop is answered at once.
 */
import { DataCache, type EvalOutcome } from '../../../src/search/evaluation.js';
import { runSearch, SearchStopped, type SearchExecutor } from '../../../src/search/search.js';
import type { FromSearchWorker, ToSearchWorker } from './protocol.js';

let stop = false;
const post = (m: FromSearchWorker): void => (self as unknown as Worker).postMessage(m);

const executor = (cache: DataCache): SearchExecutor => async (tasks, onOutcome) => {
  const out: EvalOutcome[] = [];
  for (const t of tasks) {
    if (stop) break;
    const o = cache.run(t);
    out.push(o);
    onOutcome(t, o);
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
};

self.onmessage = async (ev: MessageEvent<ToSearchWorker>) => {
  const m = ev.data;
  if (m.type === 'stop') {
    stop = true;
    return;
  }
  stop = false;
  try {
    const result = await runSearch(m.config, executor(new DataCache()), {
      stopped: () => stop,
      onProgress: (done, total, label) => post({ type: 'progress', done, total, label }),
      onCandidate: (c, trained, budget) => post({
        type: 'candidate',
        trained,
        budget,
        candidate: { index: c.index, expression: c.expression, status: c.status, ...(c.reason ? { reason: c.reason } : {}), mean: c.score?.mean ?? null, low: c.score?.low ?? null, high: c.score?.high ?? null },
      }),
    });
    post({ type: 'done', leaderboard: result.leaderboard, conclusion: result.conclusion, metric: result.metric, counts: result.counts });
  } catch (e) {
    if (e instanceof SearchStopped) post({ type: 'stopped' });
    else post({ type: 'error', message: (e as Error)?.message ?? String(e) });
  }
};

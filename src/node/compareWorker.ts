/**
 * Worker thread of `actlab compare`: receives `RunTask`s, runs each with `runTask`, posts a
 * `WorkerReply<RunSummary>` per task. Prepared data are cached per data spec, so a thread builds its
 * data once.
 */
import { parentPort } from 'node:worker_threads';
import type { RunTask } from '../experiments/comparePlan.js';
import { prepareData, type PreparedData } from '../experiments/preparedData.js';
import { runTask, type RunSummary } from '../experiments/runSummary.js';
import { ActlabError } from '../util/errors.js';
import { nodeLoaders } from './nodeLoaders.js';
import type { WorkerReply } from './workerPool.js';

const cache = new Map<string, PreparedData>();

parentPort?.on('message', (task: RunTask) => {
  let reply: WorkerReply<RunSummary>;
  try {
    const key = JSON.stringify(task.job.data);
    let data = cache.get(key);
    if (!data) {
      data = prepareData(task.job.data, nodeLoaders);
      cache.set(key, data);
    }
    reply = { ok: true, result: runTask(task, { data }) };
  } catch (e) {
    const err = e as Error;
    reply = { ok: false, message: err?.message ?? String(e), exitCode: e instanceof ActlabError ? e.exitCode : null };
  }
  parentPort?.postMessage(reply);
});

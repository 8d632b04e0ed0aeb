/**
 * Worker thread of `actlab compare`: receives `RunTask`s, runs each with `runTask`, posts a
 * `WorkerReply<RunSummary>` per task. Prepared data are cached per data spec, so a thread builds its
 * data once.
 */
import { parentPort } from 'node:worker_threads';
import type { RunTask } from '../experiments/comparePlan.js';
import { prepareData, type PreparedData } from '../run/preparedData.js';
import { runTask, type RunSummary } from '../experiments/runSummary.js';
import { ActlabError } from '../util/errors.js';
import { setDefaultBackend } from '../nn/defaultBackend.js';
import { isBackendName, loadBackend } from '../wasm/index.js';
import { nodeLoaders } from './nodeLoaders.js';
import type { WorkerReply } from './workerPool.js';

const cache = new Map<string, PreparedData>();

// The engine backend the CLI chose (--backend), passed through the environment (js, the library's default,
// when unset); created once per thread.
const chosen = process.env.ACTLAB_BACKEND;
const ready = loadBackend(chosen !== undefined && isBackendName(chosen) ? chosen : 'js').then(setDefaultBackend);

parentPort?.on('message', (task: RunTask) => {
  ready.then(() => handle(task), (e: unknown) => parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), exitCode: null }));
});

function handle(task: RunTask): void {
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
}

/**
 * Worker thread of `actlab search`: receives `EvalTask`s, trains each (data prepared once per data
 * spec), posts `{ id, outcome }`. A failing candidate is an outcome, never a crash of the thread.
 */
import { parentPort } from 'node:worker_threads';
import { DataCache, type EvalTask } from '../search/evaluation.js';
import { nodeLoaders } from './nodeLoaders.js';

const cache = new DataCache(nodeLoaders);

parentPort?.on('message', (task: EvalTask) => {
  parentPort?.postMessage({ id: task.id, outcome: cache.run(task) });
});

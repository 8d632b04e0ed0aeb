/**
 * Worker thread of `actlab search`: receives `EvalTask`s, trains each (data prepared once per data
 * spec), posts `{ id, outcome }`. A failing candidate is an outcome, never a crash of the thread.
 */
import { parentPort } from 'node:worker_threads';
import { DataCache, type EvalTask } from '../search/evaluation.js';
import { nodeLoaders } from './nodeLoaders.js';
import { useTaskBackend } from './searchBackend.js';

const cache = new DataCache(nodeLoaders);
// Tasks come one at a time (the pool waits for each reply); the chain keeps them in order all the same.
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: EvalTask) => {
  chain = chain.then(async () => {
    await useTaskBackend(task);
    parentPort?.postMessage({ id: task.id, outcome: cache.run(task) });
  });
});

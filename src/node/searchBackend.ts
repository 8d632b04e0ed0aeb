/**
 * A search run asks for an engine backend by name (`EvalTask.backend`); the thread that runs it loads that
 * backend once and makes it the default before training.
 */
import { setDefaultBackend } from '../nn/defaultBackend.js';
import type { Backend } from '../nn/backend.js';
import type { EvalTask } from '../search/evaluation.js';
import { loadBackend } from '../wasm/index.js';
import { installBinaryenImport } from './binaryenImport.js';

const loaded = new Map<string, Promise<Backend>>();

/** Makes the task's backend this thread's default (nothing to do when the task names none). */
export async function useTaskBackend(task: EvalTask): Promise<void> {
  if (!task.backend) return;
  let p = loaded.get(task.backend);
  if (!p) {
    installBinaryenImport();
    p = loadBackend(task.backend);
    loaded.set(task.backend, p);
  }
  setDefaultBackend(await p);
}

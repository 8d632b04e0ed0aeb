import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ActlabError } from '../util/errors.js';

/** What a pool worker posts back for one task. */
export type WorkerReply<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly message: string; readonly exitCode: 1 | 2 | null };

/**
 * Runs `tasks` on up to `workers` worker threads started from `script` (each thread takes one task at a
 * time from a shared queue, so faster threads take more). Results come back in task order;
 * `onResult` sees each as it arrives. The first failure stops every thread and rejects: an ActlabError
 * raised in a worker is rethrown as an ActlabError with the same message and exit code.
 * A TypeScript `script` (tests run from source) is loaded through tsx.
 */
export function runWorkerPool<T, R>(
  script: URL, tasks: readonly T[], workers: number, onResult?: (result: R, done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  const count = Math.max(1, Math.min(workers, tasks.length));
  return new Promise<R[]>((resolve, reject) => {
    const threads: Worker[] = [];
    const retired = new Set<Worker>();
    let next = 0;
    let done = 0;
    let failed = false;
    const stopAll = () => {
      for (const t of threads) void t.terminate();
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(e);
    };
    const feed = (w: Worker): void => {
      if (next >= tasks.length) {
        retired.add(w);
        void w.terminate();
        return;
      }
      const i = next++;
      w.once('message', (reply: WorkerReply<R>) => {
        if (failed) return;
        if (!reply.ok) {
          fail(reply.exitCode === null ? new Error(reply.message) : new ActlabError(reply.message, reply.exitCode));
          return;
        }
        results[i] = reply.result;
        done++;
        onResult?.(reply.result, done);
        if (done === tasks.length) {
          stopAll();
          resolve(results);
        } else feed(w);
      });
      w.postMessage(tasks[i]);
    };
    for (let k = 0; k < count; k++) {
      const w = startWorker(script);
      threads.push(w);
      w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (code !== 0 && !retired.has(w) && done < tasks.length && !failed) fail(new Error(`a worker thread stopped with exit code ${code}`));
      });
      feed(w);
    }
  });
}

/** Starts a worker on `script`; a `.ts` script (tests run from source) is loaded after registering tsx in the thread. */
export function startWorker(script: URL, preloadBinaryen = process.env.ACTLAB_BACKEND === 'wasm'): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  // binaryen (the wasm backend's assembler, megabytes of JavaScript) is loaded before tsx is registered:
  // through tsx's loader it takes tens of seconds, and the module cache then serves later imports.
  const preload = !preloadBinaryen ? '' : `await import(${JSON.stringify(import.meta.resolve('binaryen'))});`;
  const code = `${preload} import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(script.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

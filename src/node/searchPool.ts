/**
 * Where search runs execute on this machine: a pool of worker threads with a time limit per run (a
 * thread that overruns is terminated and replaced, and its run recorded as failed), or this thread.
 * `ThreadRunner` serves both the local executor and `actlab worker` (Redis), so a long training never
 * blocks the event loop that renews a queue lock.
 */
import type { Worker } from 'node:worker_threads';
import { DataCache, type EvalOutcome, type EvalTask } from '../search/evaluation.js';
import type { SearchExecutor } from '../search/search.js';
import { nodeLoaders } from './nodeLoaders.js';
import { useTaskBackend } from './searchBackend.js';
import { startWorker } from './workerPool.js';

/** The search worker script next to this module (`.ts` under tests, `.js` when built). */
function workerScript(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./searchWorker${ext}`, import.meta.url);
}

interface Pending {
  readonly task: EvalTask;
  readonly resolve: (o: EvalOutcome) => void;
}

/** A fixed number of worker threads running search tasks, one at a time each, in arrival order. */
export class ThreadRunner {
  private readonly queue: Pending[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { job: Pending; timer: NodeJS.Timeout }>();
  private closed = false;
  private readonly script = workerScript();

  /** `preloadWasm`: runs will use the wasm backend (threads started from TypeScript load binaryen first). */
  constructor(private readonly threads: number, private readonly timeoutSeconds: number, private readonly preloadWasm = false) {
    for (let i = 0; i < Math.max(1, threads); i++) this.idle.push(this.spawn());
  }

  /** Trains one task on the next free thread. */
  run(task: EvalTask): Promise<EvalOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'stopped' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  /** Stops every thread; queued and running tasks resolve as 'stopped'. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ ok: false, reason: 'stopped' });
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    for (const { job, timer } of this.busy.values()) {
      clearTimeout(timer);
      job.resolve({ ok: false, reason: 'stopped' });
    }
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const w = startWorker(this.script, this.preloadWasm);
    w.on('message', (m: { id: string; outcome: EvalOutcome }) => this.done(w, m.outcome));
    w.on('error', (e) => this.replace(w, { ok: false, reason: `failed: ${e instanceof Error ? e.message : String(e)}` }));
    return w;
  }

  private done(w: Worker, outcome: EvalOutcome): void {
    const b = this.busy.get(w);
    if (!b) return;
    clearTimeout(b.timer);
    this.busy.delete(w);
    this.idle.push(w);
    b.job.resolve(outcome);
    this.pump();
  }

  /** Ends a thread that overran or died, records its run, and starts a fresh one. */
  private replace(w: Worker, outcome: EvalOutcome): void {
    const b = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    void w.terminate();
    if (b) {
      clearTimeout(b.timer);
      b.job.resolve(outcome);
    }
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.pump();
    }
  }

  private pump(): void {
    while (!this.closed && this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift() as Pending;
      const timer = setTimeout(() => this.replace(w, { ok: false, reason: `timed out: one run took longer than ${this.timeoutSeconds} s (--timeout)` }), this.timeoutSeconds * 1000);
      this.busy.set(w, { job, timer });
      w.postMessage(job.task);
    }
  }
}

/** Runs every task in this thread, one after another. */
export function inThreadExecutor(signal?: AbortSignal): SearchExecutor {
  const cache = new DataCache(nodeLoaders);
  return async (tasks, onOutcome) => {
    const out: EvalOutcome[] = [];
    for (const t of tasks) {
      if (signal?.aborted) break;
      await useTaskBackend(t);
      const o = cache.run(t);
      out.push(o);
      onOutcome(t, o);
      await new Promise((r) => setImmediate(r));
    }
    return out;
  };
}

/**
 * Runs tasks on a thread pool. When `signal` aborts, the outcomes found so far are returned at once and
 * the rest are dropped (the caller sees them missing and stops). Call `close` at the end.
 */
export function threadExecutor(runner: ThreadRunner, signal?: AbortSignal): SearchExecutor {
  return (tasks, onOutcome) => new Promise<EvalOutcome[]>((resolve) => {
    const results = new Array<EvalOutcome>(tasks.length);
    let left = tasks.length;
    if (left === 0) { resolve(results); return; }
    const stop = (): void => resolve(results);
    signal?.addEventListener('abort', stop, { once: true });
    tasks.forEach((t, i) => {
      void runner.run(t).then((o) => {
        if (signal?.aborted) return;
        results[i] = o;
        onOutcome(t, o);
        if (--left === 0) {
          signal?.removeEventListener('abort', stop);
          resolve(results);
        }
      });
    });
  });
}

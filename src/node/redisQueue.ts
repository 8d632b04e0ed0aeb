/**
 * The search across machines: each run is a job on a BullMQ queue in Redis, taken by any number of
 * `actlab worker --queue redis://host:port` processes. Job ids are the runs' content hashes, so a run is
 * queued once however often it is asked for, and a run found by any worker is reused. A worker killed
 * mid-run loses nothing: its lock expires and another worker takes the job again.
 */
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { EvalOutcome, EvalTask } from '../search/evaluation.js';
import type { SearchExecutor } from '../search/search.js';
import { ActlabError } from '../util/errors.js';
import { ThreadRunner } from './searchPool.js';

/** The queue's name in Redis (BullMQ keys start with `bull:actlab-search:`). */
export const QUEUE_NAME = 'actlab-search';

/** Host, port and database of a `redis://host:port[/db]` address. */
export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly password?: string;
}

/** Parses `redis://[:password@]host:port[/db]`; throws a one-line ActlabError. */
export function parseRedisUrl(text: string, option = '--queue'): RedisAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new ActlabError(`${option} '${text}' is not an address; write redis://host:port, e.g. redis://127.0.0.1:6379`);
  }
  if (u.protocol !== 'redis:') throw new ActlabError(`${option} '${text}' must start with redis://; write e.g. redis://127.0.0.1:6379`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (host === '') throw new ActlabError(`${option} '${text}' has no host; write e.g. redis://127.0.0.1:6379`);
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 15) throw new ActlabError(`${option} '${text}': the database after the port must be 0–15`);
  return { host, port, db, ...(u.password ? { password: decodeURIComponent(u.password) } : {}) };
}

const label = (a: RedisAddress): string => `redis://${a.host}:${a.port}`;

/** Opens a client and checks that Redis answers (within 3 s); a clear exit-2 error otherwise. */
async function connect(a: RedisAddress, forWorker: boolean): Promise<Redis> {
  const client = new Redis({
    host: a.host, port: a.port, db: a.db, ...(a.password ? { password: a.password } : {}),
    lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: forWorker ? null : 3,
    retryStrategy: (times) => (times > 20 ? null : Math.min(times * 200, 2000)),
  });
  let last: { code?: string; message?: string } | null = null;
  client.on('error', (e: { code?: string; message?: string }) => { last = e; }); // reported through connect() and by failing commands
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    const err = (last ?? e) as { code?: string; message?: string };
    const why = err.code ?? err.message ?? 'no answer';
    throw new ActlabError(`cannot reach Redis at ${label(a)} (${why}); start redis-server there, or fix --queue`);
  }
  return client;
}

function asOutcome(v: unknown): EvalOutcome {
  const o = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (typeof o === 'object' && o !== null && 'ok' in o) return o as EvalOutcome;
  return { ok: false, reason: 'a worker returned no result' };
}

/** An executor that queues runs on Redis and waits for workers to finish them. */
export async function redisExecutor(url: string, signal?: AbortSignal): Promise<{ execute: SearchExecutor; close: () => Promise<void> }> {
  const a = parseRedisUrl(url);
  const [c1, c2] = await Promise.all([connect(a, false), connect(a, true)]);
  const queue = new Queue<EvalTask, EvalOutcome>(QUEUE_NAME, { connection: c1 });
  const events = new QueueEvents(QUEUE_NAME, { connection: c2 });
  // One listener per job in flight: hundreds are normal here.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  await events.waitUntilReady();
  const execute: SearchExecutor = async (tasks, onOutcome) => {
    const results = new Array<EvalOutcome>(tasks.length);
    const jobs = await queue.addBulk(tasks.map((t) => ({
      name: 'run',
      data: t,
      opts: { jobId: t.id, attempts: 3, removeOnComplete: { age: 7 * 86400 }, removeOnFail: { age: 7 * 86400 } },
    })));
    await new Promise<void>((resolve) => {
      let left = jobs.length;
      if (left === 0) { resolve(); return; }
      const stop = (): void => resolve();
      signal?.addEventListener('abort', stop, { once: true });
      jobs.forEach((job: Job<EvalTask, EvalOutcome>, i) => {
        job.waitUntilFinished(events).then(
          (v: unknown) => asOutcome(v),
          (e: Error) => ({ ok: false, reason: `failed on a worker: ${e.message}` }) as EvalOutcome,
        ).then((o) => {
          if (signal?.aborted) return;
          results[i] = o;
          onOutcome(tasks[i], o);
          if (--left === 0) {
            signal?.removeEventListener('abort', stop);
            resolve();
          }
        });
      });
    });
    return results;
  };
  const close = async (): Promise<void> => {
    await Promise.allSettled([queue.close(), events.close()]);
    c1.disconnect();
    c2.disconnect();
  };
  return { execute, close };
}

/** Options of `actlab worker`. */
export interface QueueWorkerOptions {
  /** Runs at a time (threads). */
  readonly concurrency: number;
  /** Time limit of one run, seconds. */
  readonly timeoutSeconds: number;
  /** Lock of a job, seconds: a killed worker's job is taken again after about this long. */
  readonly lockSeconds: number;
  /** Called after each run. */
  readonly onRun?: (task: EvalTask, outcome: EvalOutcome) => void;
}

/** Starts a worker that takes search runs from the queue until `close` is called. */
export async function startQueueWorker(url: string, o: QueueWorkerOptions): Promise<{ close: () => Promise<void>; address: string }> {
  const a = parseRedisUrl(url);
  const client = await connect(a, true);
  const runner = new ThreadRunner(o.concurrency, o.timeoutSeconds, true);
  const worker = new Worker<EvalTask, EvalOutcome>(QUEUE_NAME, async (job) => {
    const outcome = await runner.run(job.data);
    // A run cut short by this worker stopping is not a result: fail the attempt so that the job runs again.
    if (!outcome.ok && outcome.reason === 'stopped') throw new Error('worker stopped');
    o.onRun?.(job.data, outcome);
    return outcome;
  }, {
    connection: client,
    concurrency: o.concurrency,
    lockDuration: o.lockSeconds * 1000,
    stalledInterval: Math.max(1000, (o.lockSeconds * 1000) / 2),
    maxStalledCount: 5,
  });
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    address: label(a),
    close: async () => {
      await worker.close(true);
      await runner.close();
      client.disconnect();
    },
  };
}

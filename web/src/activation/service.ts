/**
 * The page's side of the activation worker: one job at a time, each with a time limit (a worker that runs
 * past it is terminated and replaced, and the job answers "timeout"), results cached by text.
 */
import type { NonFiniteInterval, Properties } from '../../../src/analysis/properties.js';
import type { JobKind, JobRequest, JobResponse } from './protocol.js';
import type { ActivationReport } from './report.js';

/** What a worker needs to be (a real Worker, or a fake in the tests). */
export interface WorkerLike {
  postMessage(message: JobRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<JobResponse>) => void) | null;
}

/** A job's outcome: its value, or an error (with the column for unreadable expressions), or a timeout. */
export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly column?: number; readonly problem?: string; readonly timeout?: boolean };

/** Time limits per kind of job, in milliseconds. */
export const DEFAULT_LIMITS: Readonly<Record<JobKind, number>> = { check: 4000, report: 8000, analyze: 20000 };

const CACHE_SIZE = 96;

/** What a successful check finds. */
export interface CheckValue {
  readonly key: string;
  readonly nonFinite: readonly NonFiniteInterval[];
}

interface Job {
  readonly request: JobRequest;
  readonly settle: (r: JobResponse | 'timeout') => void;
}

/** The service: `check`, `report` and `analyze` a codec text. */
export class ActivationService {
  private worker: WorkerLike | null = null;
  private readonly queue: Job[] = [];
  private active: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly cache = new Map<string, Promise<JobOutcome<unknown>>>();

  constructor(
    private readonly makeWorker: () => WorkerLike,
    private readonly limits: Readonly<Record<JobKind, number>> = DEFAULT_LIMITS,
  ) {}

  /**
   * Resolves the text fully (parse, differentiate, compile) and scans it for values that are not finite;
   * the value is the canonical key and where f is NaN or ±∞ (empty when nowhere).
   */
  check(text: string): Promise<JobOutcome<CheckValue>> {
    return this.run(text, 'check', (r) => (r.ok && r.kind === 'check' ? { key: r.key, nonFinite: r.nonFinite ?? [] } : { key: '', nonFinite: [] }));
  }

  /** Formulas, samples and code of the activation. */
  report(text: string): Promise<JobOutcome<ActivationReport>> {
    return this.run(text, 'report', (r) => (r.ok && r.kind === 'report' ? r.report : (null as never)));
  }

  /** The analysed properties of the activation. */
  analyze(text: string): Promise<JobOutcome<Properties>> {
    return this.run(text, 'analyze', (r) => (r.ok && r.kind === 'analyze' ? r.properties : (null as never)));
  }

  /** Stops the worker and forgets every pending job (they answer with a timeout). */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    const pending = [...(this.active ? [this.active] : []), ...this.queue];
    this.active = null;
    this.queue.length = 0;
    for (const j of pending) j.settle('timeout');
  }

  private run<T>(text: string, kind: JobKind, pick: (r: JobResponse) => T): Promise<JobOutcome<T>> {
    const key = `${kind}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit as Promise<JobOutcome<T>>;
    }
    const p = new Promise<JobOutcome<T>>((resolve) => {
      const settle = (r: JobResponse | 'timeout') => {
        if (r === 'timeout') resolve({ ok: false, message: 'timeout', timeout: true });
        else if (r.ok) resolve({ ok: true, value: pick(r) });
        else resolve({ ok: false, message: r.message, column: r.column, problem: r.problem });
      };
      this.queue.push({ request: { seq: ++this.seq, kind, text }, settle });
    });
    this.cache.set(key, p as Promise<JobOutcome<unknown>>);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.pump();
    return p;
  }

  private ensureWorker(): WorkerLike {
    if (!this.worker) {
      const w = this.makeWorker();
      w.onmessage = (ev) => this.receive(ev.data);
      this.worker = w;
    }
    return this.worker;
  }

  private pump(): void {
    if (this.active || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.active = job;
    this.timer = setTimeout(() => {
      // Too long: this worker is busy for who knows how long; replace it.
      this.worker?.terminate();
      this.worker = null;
      this.finish(job, 'timeout');
    }, this.limits[job.request.kind]);
    this.ensureWorker().postMessage(job.request);
  }

  private receive(r: JobResponse): void {
    if (!this.active || r.seq !== this.active.request.seq) return;
    this.finish(this.active, r);
  }

  private finish(job: Job, r: JobResponse | 'timeout'): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.active = null;
    job.settle(r);
    this.pump();
  }
}

const shared = new Map<'picker' | 'panel' | 'table', ActivationService>();

/**
 * The page's activation services, one worker each (started on first use): `picker` checks what is typed,
 * `panel` reports and analyses, so that a long analysis never delays checking an expression.
 */
export function activationService(channel: 'picker' | 'panel' | 'table'): ActivationService {
  let s = shared.get(channel);
  if (!s) {
    s = new ActivationService(() => new Worker(new URL('./activationWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
    shared.set(channel, s);
  }
  return s;
}

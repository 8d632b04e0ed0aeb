/**
 * The training worker's message loop over a Session, without worker globals (worker.ts wires it to
 * `self`; tests drive it directly). While playing it trains in time slices of SLICE_MS, then yields so
 * messages (frame requests, hyper-parameter changes) are handled between slices; training speed is not
 * tied to the page's frame rate. Slices end between mini-batches, not epochs, so one slow epoch (a deep
 * network at batch size 1) never holds up a message. Errors never escape: they are posted as one-line
 * 'error' messages. A divergence is no error: the snapshot says so, and 'play' or 'step' afterwards
 * starts the network again from its initial weights with the current settings.
 */
import type { Backend } from '../../../src/nn/backend.js';
import { ActlabError } from '../../../src/util/errors.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { Session } from './session.js';

/** Milliseconds of training between two yields. */
export const SLICE_MS = 14;
/** A display frame (60 Hz). While the page asks for frames, a slice plus a snapshot fits in one. */
export const FRAME_MS = 1000 / 60;
/** Shortest slice, so training never starves however slow snapshots get. */
export const MIN_SLICE_MS = 4;
/** Window of the epochs-per-second measure. */
const RATE_WINDOW_MS = 1000;

/** What the loop needs from its host. */
export interface LoopHost {
  /** Posts a message, transferring the given buffers. */
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** Runs `fn` soon, after pending messages (a MessageChannel ping in the worker). */
  schedule(fn: () => void): void;
  /** Milliseconds (performance.now). */
  now(): number;
  /** Runs `fn` after `ms` milliseconds (a timer in the worker); without it, paced training polls with schedule(). */
  later?(fn: () => void, ms: number): void;
}

/** Largest training pace a page may ask for, in epochs per second (above it: flat out). */
export const MAX_PACE = 100_000;
/** A paced run that fell behind (a hidden tab, a slow snapshot) catches up at most this many seconds' worth. */
const PACE_CATCH_UP_S = 0.25;

export class EngineLoop {
  private session: Session | null = null;
  private running = false;
  private scheduled = false;
  /** Moving average of a snapshot's cost (ms), and when the last one was made. */
  private snapshotMs = 0;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  /** (time, epoch) samples of the last second or so, for epochs per second. */
  private samples: Array<[number, number]> = [];
  private readonly host: LoopHost;
  /** Epochs per second asked for (0 = flat out) and the epoch to pause at (null = none). */
  private pace = 0;
  private stopAt: number | null = null;
  /** Start of the current paced stretch and the mini-batches trained since. */
  private paceStart: number | null = null;
  private paceSteps = 0;

  /** What the sessions train on; default the engine's default backend (`js` unless a host set another). */
  private readonly backend: Backend | undefined;

  constructor(host: LoopHost, backend?: Backend) {
    this.host = host;
    this.backend = backend;
  }

  /** Whether training is on (for tests). */
  get isRunning(): boolean {
    return this.running;
  }

  /** Current session (for tests). */
  get current(): Session | null {
    return this.session;
  }

  /** Handles one message from the page. Never throws. */
  handle(message: ToWorker): void {
    try {
      this.dispatch(message);
    } catch (e) {
      if (message?.type === 'bench') this.host.post({ type: 'bench', epochs: 0, seconds: 0, epochsPerSecond: 0 }, []);
      if (message?.type === 'frame') this.postFrame(null);
      this.fail(e);
    }
  }

  private dispatch(m: ToWorker): void {
    switch (m?.type) {
      case 'init': {
        this.session = null;
        this.running = false;
        this.samples = [];
        const s = new Session(m.spec, this.backend);
        this.session = s;
        this.host.post({ type: 'ready', data: s.data, labels: [...s.labels] }, []);
        return;
      }
      // Without a session (the last settings had an error, already reported) these wait for the next init.
      case 'hyper':
        this.session?.setHyper(m.hyper);
        return;
      case 'play': {
        const s = this.session;
        if (!s) return;
        if (s.stopped) s.reset();
        // Play at or past the epoch to stop at trains on without a stop.
        if (this.stopAt !== null && s.epoch >= this.stopAt) this.stopAt = null;
        this.running = true;
        this.paceStart = null;
        this.kick();
        return;
      }
      case 'pause':
        this.running = false;
        this.samples = [];
        this.paceStart = null;
        return;
      case 'pace':
        this.pace = Number.isFinite(m.epochsPerSecond) && m.epochsPerSecond > 0 && m.epochsPerSecond < MAX_PACE ? m.epochsPerSecond : 0;
        this.stopAt = typeof m.stopAt === 'number' && Number.isFinite(m.stopAt) && m.stopAt >= 0 ? Math.floor(m.stopAt) : null;
        this.paceStart = null;
        this.samples = [];
        if (this.running && this.session && this.stopAt !== null && this.session.epoch >= this.stopAt && !this.session.midEpoch) this.running = false;
        return;
      case 'step': {
        this.running = false;
        this.samples = [];
        const s = this.session;
        if (!s) return;
        if (s.stopped) s.reset();
        s.trainEpoch();
        return;
      }
      case 'reset':
        this.session?.reset();
        this.running = false;
        this.samples = [];
        return;
      case 'frame':
        this.postFrame(this.session, m.request);
        return;
      case 'setWeight':
        this.session?.setWeight(m.model, m.layer, m.from, m.to, m.value);
        return;
      case 'export':
        this.host.post({ type: 'model', json: this.need().exportModel(m.model) }, []);
        return;
      case 'bench':
        this.bench(m.seconds);
        return;
      default:
        throw new ActlabError(`unknown message '${String((m as { type?: unknown } | null)?.type)}' to the training worker; reload the page`);
    }
  }

  private need(): Session {
    if (!this.session) throw new ActlabError('no model is set up yet (the last settings had an error); fix the settings shown in red');
    return this.session;
  }

  private postFrame(s: Session | null, request?: Extract<ToWorker, { type: 'frame' }>['request']): void {
    if (!s || !request) {
      this.host.post({ type: 'snapshot', epoch: s?.epoch ?? 0, running: false, epochsPerSecond: 0, models: [] }, []);
      return;
    }
    const t0 = this.host.now();
    const { models, transfer } = s.snapshot(request);
    const t1 = this.host.now();
    this.snapshotMs = this.snapshotMs === 0 ? t1 - t0 : 0.8 * this.snapshotMs + 0.2 * (t1 - t0);
    this.lastFrameAt = t1;
    this.host.post({ type: 'snapshot', epoch: s.epoch, running: this.running, epochsPerSecond: this.rate(), models }, transfer);
  }

  private kick(): void {
    if (this.scheduled || !this.running) return;
    this.scheduled = true;
    this.host.schedule(() => this.slice());
  }

  /**
   * Length of the next training slice: SLICE_MS, or, while the page is asking for frames, what is left of a
   * display frame after the snapshot (so a fresh heatmap can be ready for every paint).
   */
  private sliceBudget(now: number): number {
    if (now - this.lastFrameAt > 100) return SLICE_MS;
    return Math.max(MIN_SLICE_MS, Math.min(SLICE_MS, FRAME_MS - this.snapshotMs - 1.5));
  }

  /**
   * Mini-batches the pace allows now (Infinity when flat out), and when the next one is due (ms from now).
   */
  private allowance(s: Session, now: number): { steps: number; waitMs: number } {
    if (this.pace <= 0) return { steps: Number.POSITIVE_INFINITY, waitMs: 0 };
    const perSecond = this.pace * Math.max(1, s.epochSteps);
    if (this.paceStart === null || ((now - this.paceStart) / 1000) * perSecond - this.paceSteps > perSecond * PACE_CATCH_UP_S + 1) {
      this.paceStart = now;
      this.paceSteps = 0;
    }
    const due = Math.floor(((now - this.paceStart) / 1000) * perSecond) + 1 - this.paceSteps;
    if (due > 0) return { steps: due, waitMs: 0 };
    return { steps: 0, waitMs: Math.max(1, ((this.paceSteps / perSecond) * 1000) - (now - this.paceStart)) };
  }

  /** Trains for about sliceBudget() ms (or the steps the pace allows, up to the stop epoch), then yields. */
  private slice(): void {
    this.scheduled = false;
    const s = this.session;
    if (!this.running || !s) return;
    const t0 = this.host.now();
    const { steps, waitMs } = this.allowance(s, t0);
    if (steps === 0) {
      this.wait(waitMs);
      return;
    }
    try {
      const budget = this.sliceBudget(t0);
      const stopAt = this.stopAt;
      const done = s.trainSteps(steps, () => this.host.now() - t0 >= budget || (stopAt !== null && s.epoch >= stopAt && !s.midEpoch));
      this.paceSteps += done;
    } catch (e) {
      this.running = false;
      this.fail(e);
      return;
    }
    this.sample(s.epoch);
    if (s.stopped) this.running = false;
    if (this.stopAt !== null && s.epoch >= this.stopAt && !s.midEpoch) {
      this.running = false;
      this.stopAt = null;
      this.samples = [];
      return;
    }
    this.kick();
  }

  /** Comes back to training after `ms` (paced training waiting for its next mini-batch). */
  private wait(ms: number): void {
    if (!this.host.later) {
      this.kick();
      return;
    }
    this.scheduled = true;
    this.host.later(() => this.slice(), ms);
  }

  private sample(epoch: number): void {
    const t = this.host.now();
    this.samples.push([t, epoch]);
    while (this.samples.length > 2 && t - this.samples[1][0] >= RATE_WINDOW_MS) this.samples.shift();
  }

  /** Epochs per second over the last second of training (0 when not training). */
  private rate(): number {
    if (!this.running || this.samples.length < 2) return 0;
    const [t0, e0] = this.samples[0];
    const [t1, e1] = this.samples[this.samples.length - 1];
    return t1 > t0 ? ((e1 - e0) * 1000) / (t1 - t0) : 0;
  }

  private bench(seconds: number): void {
    const s = this.need();
    if (!(seconds > 0 && seconds <= 600)) throw new ActlabError(`benchmark length ${String(seconds)} s is out of range; use 0.1 to 600 seconds`);
    if (s.stopped) s.reset();
    const t0 = this.host.now();
    const end = t0 + seconds * 1000;
    let epochs = 0;
    while (this.host.now() < end && !s.stopped) {
      s.trainEpoch();
      epochs++;
    }
    const took = (this.host.now() - t0) / 1000;
    this.host.post({ type: 'bench', epochs, seconds: took, epochsPerSecond: took > 0 ? epochs / took : 0 }, []);
  }

  private fail(e: unknown): void {
    this.host.post({ type: 'error', message: errorMessage(e) }, []);
  }
}

/** One actionable line for the page. */
export function errorMessage(e: unknown): string {
  const text = e instanceof ActlabError
    ? e.message
    : `the training engine failed: ${e instanceof Error ? e.message : String(e)}; press reset, or reload the page if it persists`;
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

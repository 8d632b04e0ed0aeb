/**
 * The training worker's message loop over a Session, without worker globals (worker.ts wires it to
 * `self`; tests drive it directly). While playing it trains in time slices of SLICE_MS, then yields so
 * messages (frame requests, hyper-parameter changes) are handled between slices; training speed is not
 * tied to the page's frame rate. Slices end between mini-batches, not epochs, so one slow epoch (a deep
 * network at batch size 1) never holds up a message. Errors never escape: they are posted as one-line
 * 'error' messages. A divergence is no error: the snapshot says so, and 'play' or 'step' afterwards
 * starts the network again from its initial weights with the current settings.
 */
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
}

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

  constructor(host: LoopHost) {
    this.host = host;
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
        const s = new Session(m.spec);
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
        this.running = true;
        this.kick();
        return;
      }
      case 'pause':
        this.running = false;
        this.samples = [];
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

  /** Trains for about sliceBudget() ms, then yields. */
  private slice(): void {
    this.scheduled = false;
    const s = this.session;
    if (!this.running || !s) return;
    try {
      const t0 = this.host.now();
      const budget = this.sliceBudget(t0);
      s.trainSteps(Number.POSITIVE_INFINITY, () => this.host.now() - t0 >= budget);
    } catch (e) {
      this.running = false;
      this.fail(e);
      return;
    }
    this.sample(s.epoch);
    if (s.stopped) this.running = false;
    this.kick();
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

/**
 * The page's side of the training worker: sends messages, and drives snapshots from the animation frame
 * loop with one request in flight at a time, so a slow page never queues up stale frames.
 */
import type { FrameRequest, FromWorker, ToWorker } from './protocol.js';

export type Listener = (message: FromWorker) => void;

export class EngineClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<Listener>();
  private inFlight = false;
  private wantFrame = true;
  private rafId = 0;
  private pendingModel: Array<(json: string) => void> = [];
  private pendingBench: Array<(m: Extract<FromWorker, { type: 'bench' }>) => void> = [];
  /** Whether frames keep being requested every animation frame (while training). */
  live = false;
  request: FrameRequest = { grid: 100, unitGrid: 24, histograms: true };

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    this.worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.receive({ type: 'error', message: `the training worker failed: ${ev.message || 'unknown error'}; reload the page` });
    };
    const loop = (): void => {
      if ((this.live || this.wantFrame) && !this.inFlight) {
        this.wantFrame = false;
        this.inFlight = true;
        this.post({ type: 'frame', request: this.request });
      }
      this.rafId = requestAnimationFrame(loop);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  /** Sends a message; anything that changes what is drawn also asks for a fresh frame. */
  post(message: ToWorker): void {
    this.worker.postMessage(message);
    if (message.type !== 'frame' && message.type !== 'export' && message.type !== 'bench') this.wantFrame = true;
  }

  /** Asks for a new snapshot at the next animation frame. */
  invalidate(): void {
    this.wantFrame = true;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Model `model` as saved-model JSON text (src/run, version 2). */
  exportModel(model = 0): Promise<string> {
    return new Promise((resolve) => {
      this.pendingModel.push(resolve);
      this.post({ type: 'export', model });
    });
  }

  /** Trains flat out in the worker for `seconds`; resolves with the measured throughput. */
  bench(seconds: number): Promise<Extract<FromWorker, { type: 'bench' }>> {
    return new Promise((resolve) => {
      this.pendingBench.push(resolve);
      this.post({ type: 'bench', seconds });
    });
  }

  dispose(): void {
    cancelAnimationFrame(this.rafId);
    this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'snapshot') {
      this.inFlight = false;
      // While training on a visible page, ask for the next frame at once: the worker then has a whole frame
      // interval to finish its training slice and draw, and a fresh heatmap is ready by the next paint.
      if (this.live && message.running && typeof document !== 'undefined' && document.visibilityState === 'visible') {
        this.inFlight = true;
        this.post({ type: 'frame', request: this.request });
      }
    }
    if (message.type === 'error' || message.type === 'ready') this.inFlight = false;
    if (message.type === 'model') this.pendingModel.shift()?.(message.json);
    if (message.type === 'bench') this.pendingBench.shift()?.(message);
    for (const l of this.listeners) l(message);
  }
}

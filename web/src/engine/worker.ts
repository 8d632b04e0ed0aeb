/**
 * The training worker: an EngineLoop (loop.ts) wired to the worker's messages. Training slices are
 * scheduled with a MessageChannel ping (no setTimeout clamping), queued behind the page's messages.
 */
import { EngineLoop } from './loop.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker, options: { transfer: Transferable[] }): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const channel = new MessageChannel();
let pending: (() => void) | null = null;
channel.port1.onmessage = () => {
  const fn = pending;
  pending = null;
  fn?.();
};

const loop = new EngineLoop({
  post: (message, transfer) => scope.postMessage(message, { transfer }),
  schedule: (fn) => {
    pending = fn;
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
  later: (fn, ms) => void setTimeout(fn, ms),
});

scope.onmessage = (ev) => loop.handle(ev.data);

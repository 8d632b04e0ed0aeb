/**
 * The training worker: an EngineLoop (loop.ts) wired to the worker's messages. Training slices are
 * scheduled with a MessageChannel ping (no setTimeout clamping), queued behind the page's messages.
 *
 * The loop trains on the WebAssembly SIMD backend. Its code (and binaryen, a few megabytes) is imported
 * dynamically here, in the worker, so the page's first paint never waits for it; messages that arrive
 * meanwhile are queued and handled in order once the backend is there. Where WebAssembly SIMD is missing
 * (or the backend cannot start) the loop trains on the JavaScript backend and the page shows the core's note.
 */
import type { Backend } from '../../../src/nn/backend.js';
import { jsBackend } from '../../../src/nn/jsBackend.js';
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

let loop: EngineLoop | null = null;
const queued: ToWorker[] = [];
scope.onmessage = (ev) => {
  if (loop) loop.handle(ev.data);
  else queued.push(ev.data);
};

function start(backend: Backend, note: string | null): void {
  scope.postMessage({ type: 'backend', name: backend.name, note }, { transfer: [] });
  const l = new EngineLoop(
    {
      post: (message, transfer) => scope.postMessage(message, { transfer }),
      schedule: (fn) => {
        pending = fn;
        channel.port2.postMessage(null);
      },
      now: () => performance.now(),
      later: (fn, ms) => void setTimeout(fn, ms),
    },
    backend,
  );
  for (const m of queued.splice(0)) l.handle(m);
  loop = l;
}

import('../../../src/wasm/choose.js')
  .then((m) => m.chooseBackend('wasm'))
  .then(
    ({ backend, note }) => start(backend, note),
    (e: unknown) => start(jsBackend, `the WebAssembly backend could not be loaded (${e instanceof Error ? e.message : String(e)}), so training runs on the JavaScript backend (slower)`),
  );

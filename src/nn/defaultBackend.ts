import type { Backend } from './backend.js';
import { jsBackend } from './jsBackend.js';

let current: Backend = jsBackend;

/** The backend models are built on when none is given: `js` until `setDefaultBackend` (the CLI's --backend) picks another. */
export function defaultBackend(): Backend {
  return current;
}

/** Makes `backend` the one new models (createModel, modelFromJson) use by default in this thread. */
export function setDefaultBackend(backend: Backend): void {
  current = backend;
}

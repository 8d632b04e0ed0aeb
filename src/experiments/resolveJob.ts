/** Job defaults and checks moved to the run module (src/run/resolveJob.ts); re-exported here for existing importers. */
export { MAX_BATCH_ACTIVATIONS, MAX_WEIGHTS, resolveJob } from '../run/resolveJob.js';

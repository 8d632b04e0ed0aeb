/** Targets moved to the run module (src/run/targets.ts); re-exported here for existing importers. */
export { encodeTargets, outputWidth } from '../run/targets.js';

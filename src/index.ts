/** actlab's public library API (re-exports only). */
export * from './expr/index.js';
export type { ActivationSpec, ParamSpec, Family, FrameworkNames, PaperRef } from './activations/spec.js';
export { FAMILIES } from './activations/spec.js';
export type { Activation } from './activations/activation.js';
export { CATALOG, findSpec, getSpec, byFamily, normalizeName } from './activations/registry.js';
export { resolveActivation, activationFromSpec, activationFromExpression } from './activations/resolve.js';
export { decodeActivation, encodeCatalogRef, splitActivationList } from './activations/codec.js';
export { VECTOR_ACTIVATIONS } from './activations/vector.js';
export type { VectorActivation } from './activations/vector.js';
export * from './analysis/index.js';
export { ActlabError } from './util/errors.js';
export { createRng } from './util/rng.js';
export { erf, erfc } from './util/special.js';

/** The catalog's entries, in family order (an explicit list: no registration side effects). */
import type { ActivationSpec } from '../spec.js';
import { EXPONENTIAL } from './exponential.js';
import { GATED } from './gated.js';
import { LINEAR } from './linear.js';
import { OTHER } from './other.js';
import { PERIODIC } from './periodic.js';
import { RADIAL } from './radial.js';
import { RECTIFIER } from './rectifier.js';
import { SAMPLES } from './samples.js';
import { SHRINKAGE } from './shrinkage.js';
import { SIGMOIDAL } from './sigmoidal.js';
import { STEP } from './step.js';

/** Every scalar activation spec, with its sample values attached from samples.ts. */
export const ALL_SPECS: readonly ActivationSpec[] = [...LINEAR, ...STEP, ...SIGMOIDAL, ...RECTIFIER, ...EXPONENTIAL, ...GATED, ...SHRINKAGE, ...PERIODIC, ...RADIAL, ...OTHER].map((s) => ({
  ...s,
  samples: SAMPLES[s.id] ?? [],
}));

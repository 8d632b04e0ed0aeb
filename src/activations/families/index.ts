/** Every scalar catalog entry, family by family, from an explicit list (no registration side effects). */
import type { ActivationSpec } from '../spec.js';
import { exponential } from './exponential.js';
import { gated } from './gated.js';
import { linear } from './linear.js';
import { other } from './other.js';
import { periodic } from './periodic.js';
import { radial } from './radial.js';
import { rectifier } from './rectifier.js';
import { shrinkage } from './shrinkage.js';
import { sigmoidal } from './sigmoidal.js';
import { step } from './step.js';

export { exponential, gated, linear, other, periodic, radial, rectifier, shrinkage, sigmoidal, step };

/** All scalar activation specs, in family order. */
export const ALL_SPECS: readonly ActivationSpec[] = [
  ...linear,
  ...step,
  ...sigmoidal,
  ...rectifier,
  ...exponential,
  ...gated,
  ...shrinkage,
  ...periodic,
  ...radial,
  ...other,
];

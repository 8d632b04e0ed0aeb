/** The radial family: bumps that respond to inputs near a centre. */
import type { ActivationSpec } from '../spec.js';

/** Radial-family catalog entries. */
export const radial: readonly ActivationSpec[] = [
  {
    id: 'gaussian',
    name: 'Gaussian',
    aliases: ['gauss', 'rbf'],
    family: 'radial',
    expression: 'exp(-x^2)',
    params: [],
    summary:
      'The Gaussian bump e^(-x²) responds strongly only to inputs near 0 and fades to 0 on both sides. It is the basis of radial basis function networks; as a hidden activation it is local rather than monotone, so a unit detects a band of values instead of a direction, and its gradient vanishes far from the centre.',
    frameworks: {},
    related: ['sinc', 'cosine'],
    samples: [[-1, 0.36787944117144233], [0, 1], [0.5, 0.7788007830714049]],
  },
];

import type { ActivationSpec } from '../spec.js';

/** Radial (bump-shaped) activations. */
export const RADIAL: readonly ActivationSpec[] = [
  {
    id: 'gaussian',
    name: 'Gaussian',
    aliases: ['gauss', 'rbf'],
    family: 'radial',
    expression: 'exp(-x^2)',
    params: [],
    summary:
      'e^(−x²): a bump that responds only to inputs near 0, as in radial-basis-function networks. Non-monotonic and bounded in (0, 1] (the maximum 1 is attained at 0); a single unit can represent XOR-like "in between" regions.',
    year: 1988,
    paper: { authors: 'D. S. Broomhead, D. Lowe', title: 'Multivariable functional interpolation and adaptive networks', year: 1988, where: 'Complex Systems 2' },
    frameworks: {},
    related: ['sinc', 'cosine'],
  },
];

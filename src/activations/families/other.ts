/** Activations that fit no other family. */
import type { ActivationSpec } from '../spec.js';

/** Other catalog entries. */
export const other: readonly ActivationSpec[] = [
  {
    id: 'bent_identity',
    name: 'Bent identity',
    aliases: ['bentid'],
    family: 'other',
    expression: 'x*(x/(2*(hypot(x, 1) + 1))) + x',
    params: [],
    summary:
      '(√(x² + 1) - 1)/2 + x: the identity bent upwards by a hyperbola, smooth and monotone, with slope 1/2 for very negative inputs and 3/2 for very positive ones. It is a smooth alternative to leaky ReLU without a kink. The expression uses √(x² + 1) - 1 = x²/(√(x² + 1) + 1), which keeps full precision near 0.',
    frameworks: {},
    related: ['identity', 'leaky_relu', 'softplus'],
    samples: [[-1, -0.7928932188134524], [0.5, 0.5590169943749475], [2, 2.618033988749895]],
  },
];

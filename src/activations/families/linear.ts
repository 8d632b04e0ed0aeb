/** The linear family: the identity, the baseline every nonlinearity is compared with. */
import type { ActivationSpec } from '../spec.js';

/** Linear-family catalog entries. */
export const linear: readonly ActivationSpec[] = [
  {
    id: 'identity',
    name: 'Identity',
    aliases: ['linear', 'none'],
    family: 'linear',
    expression: 'x',
    params: [],
    summary:
      'Passes its input through unchanged. A network whose layers all use it collapses into a single linear map however deep it is, so it is the baseline that shows what nonlinearity buys; it is still the right choice for the output layer of a regression model and for residual paths.',
    frameworks: { pytorch: 'torch.nn.Identity', keras: 'keras.activations.linear', tfjs: "'linear' (layer activation)", onnx: 'Identity', jax: 'jax.nn.identity' },
    related: ['relu', 'bent_identity'],
    samples: [[-2, -2], [0.5, 0.5], [3, 3]],
  },
];

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
  {
    id: 'affine',
    name: 'Affine',
    aliases: [],
    family: 'linear',
    expression: 'alpha*x + beta',
    params: [
      { name: 'alpha', default: 1, description: 'the slope of the line' },
      { name: 'beta', default: 0, description: 'the offset (value at x = 0)' },
    ],
    summary:
      'α·x + β, the Affine activation that ONNX lists for its RNN, GRU and LSTM operators. It is linear, so stacking it adds no expressive power; with the defaults it is the identity.',
    frameworks: { onnx: 'Affine (activation of RNN/GRU/LSTM)' },
    related: ['identity'],
    samples: [[-2, -2], [0, 0], [3.5, 3.5]],
  },
];

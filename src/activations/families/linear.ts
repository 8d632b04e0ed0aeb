import type { ActivationSpec } from '../spec.js';

/** The identity: no non-linearity at all. */
export const LINEAR: readonly ActivationSpec[] = [
  {
    id: 'identity',
    name: 'Identity',
    aliases: ['linear', 'none'],
    family: 'linear',
    expression: 'x',
    params: [],
    summary:
      'Passes the weighted sum through unchanged. A network whose hidden layers all use it is one linear map, however deep, so it cannot learn XOR or any curved boundary; it is the usual output activation for regression and the baseline every non-linearity is compared with.',
    frameworks: { pytorch: 'torch.nn.Identity', keras: 'keras.activations.linear', tfjs: "'linear' (tfjs-layers)", onnx: 'Identity' },
    related: ['relu', 'bent_identity'],
  },
];

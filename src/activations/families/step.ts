/** The step family: threshold units with a zero derivative almost everywhere. */
import type { ActivationSpec } from '../spec.js';

/** Step-family catalog entries. */
export const step: readonly ActivationSpec[] = [
  {
    id: 'binary_step',
    name: 'Binary step',
    aliases: ['heaviside', 'step', 'unit_step'],
    family: 'step',
    expression: 'x >= 0 ? 1 : 0',
    params: [],
    summary:
      "The threshold unit of the McCulloch-Pitts neuron and Rosenblatt's perceptron: it outputs 1 when the input is non-negative and 0 otherwise. Its derivative is zero wherever it exists, so gradient descent gets no signal through it; it is here to show why differentiable activations replaced it.",
    year: 1943,
    paper: { authors: 'W. S. McCulloch, W. Pitts', title: 'A logical calculus of the ideas immanent in nervous activity', year: 1943, where: 'Bulletin of Mathematical Biophysics 5' },
    frameworks: { tfjs: 'tf.step (gives 0 at x = 0)' },
    kinks: "jump at 0: f(0) = 1 (x >= 0), as the usual tables; f' = 0 on both sides and taken as 0 at the jump. TF.js tf.step gives f(0) = 0.",
    related: ['bipolar_step', 'sigmoid', 'hard_sigmoid'],
    samples: [[-1, 0], [0, 1], [2, 1]],
  },
  {
    id: 'bipolar_step',
    name: 'Bipolar step',
    aliases: ['sign_step'],
    family: 'step',
    expression: 'x >= 0 ? 1 : -1',
    params: [],
    summary:
      'The symmetric threshold unit: +1 for non-negative inputs and -1 otherwise, as used by ADALINE-style and Hopfield-style binary neurons. Like the binary step it passes no gradient, but its outputs are centred on zero.',
    frameworks: {},
    kinks: "jump at 0: f(0) = 1; f' = 0 on both sides and taken as 0 at the jump.",
    related: ['binary_step', 'tanh', 'softsign'],
    samples: [[-1, -1], [0, 1], [2, 1]],
  },
];

import type { ActivationSpec } from '../spec.js';

/** Threshold units: the historical all-or-nothing neuron. */
export const STEP: readonly ActivationSpec[] = [
  {
    id: 'binary_step',
    name: 'Binary step',
    aliases: ['heaviside', 'step', 'unit_step'],
    family: 'step',
    expression: 'x >= 0 ? 1 : 0',
    params: [],
    summary:
      "The McCulloch–Pitts and perceptron unit: outputs 1 when the weighted sum is at least 0, else 0. Its derivative is 0 everywhere it exists, so gradient descent gets no signal through it; that is why differentiable squashing functions replaced it. TF.js's tf.step gives 0 at x = 0, this entry gives 1 as the usual tables do.",
    year: 1943,
    paper: { authors: 'W. S. McCulloch, W. Pitts', title: 'A logical calculus of the ideas immanent in nervous activity', year: 1943, where: 'Bulletin of Mathematical Biophysics 5' },
    frameworks: {},
    kinks: "f(0) = 1; f'(x) = 0 everywhere, including 0 (the jump has no derivative; autodiff frameworks return 0).",
    related: ['bipolar_step', 'sigmoid', 'hard_sigmoid'],
  },
  {
    id: 'bipolar_step',
    name: 'Bipolar step',
    aliases: ['sign_step', 'bipolar'],
    family: 'step',
    expression: 'x >= 0 ? 1 : -1',
    params: [],
    summary:
      'A step between −1 and +1, as in the original perceptron and Hopfield networks. Zero-centred, unlike the binary step, but just as useless for gradient descent: the derivative is 0 wherever it exists.',
    year: 1958,
    paper: { authors: 'F. Rosenblatt', title: 'The perceptron: a probabilistic model for information storage and organization in the brain', year: 1958, where: 'Psychological Review 65(6)' },
    frameworks: {},
    kinks: "f(0) = 1; f'(x) = 0 everywhere.",
    related: ['binary_step', 'tanh', 'softsign'],
  },
];

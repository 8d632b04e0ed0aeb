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
  {
    id: 'sign',
    name: 'Sign',
    aliases: ['signum', 'sgn'],
    family: 'step',
    expression: 'sign(x)',
    params: [],
    summary:
      'The signum function: -1, 0 or 1. Binarised neural networks use it to constrain activations (and weights) to ±1, training through it with a straight-through estimator since its true derivative is 0 everywhere except at 0. Unlike the bipolar step it gives 0 at 0.',
    year: 2016,
    paper: { authors: 'M. Courbariaux, I. Hubara, D. Soudry, R. El-Yaniv, Y. Bengio', title: 'Binarized Neural Networks: Training Deep Neural Networks with Weights and Activations Constrained to +1 or -1', year: 2016, where: 'arXiv:1602.02830' },
    frameworks: { pytorch: 'torch.sign', jax: 'jax.numpy.sign', tfjs: 'tf.sign', onnx: 'Sign' },
    kinks: "jump at 0: f(0) = 0 and f' = 0 everywhere (autodiff's convention; BNNs substitute a straight-through gradient).",
    related: ['bipolar_step', 'binary_step', 'hardtanh'],
    samples: [[-2, -1], [0, 0], [3, 1]],
  },
  {
    id: 'heaviside_half',
    name: 'Heaviside step (H(0) = 1/2)',
    aliases: ['heaviside_step_half'],
    family: 'step',
    expression: 'x > 0 ? 1 : x < 0 ? 0 : 0.5',
    params: [],
    summary:
      'The Heaviside step with the half-maximum convention H(0) = 1/2 of mathematics and signal processing: 0 for x < 0, 1 for x > 0. The binary_step entry takes 1 at 0 (the usual activation table) and TF.js\'s tf.step takes 0; PyTorch and NumPy let the caller choose the value at 0.',
    frameworks: { pytorch: 'torch.heaviside(x, 0.5)', jax: 'jax.numpy.heaviside(x, 0.5)' },
    kinks: "jump at 0: f(0) = 1/2 and f' = 0 everywhere.",
    related: ['binary_step', 'step_tfjs', 'sign'],
    samples: [[-1, 0], [0, 0.5], [1, 1]],
  },
  {
    id: 'step_tfjs',
    name: 'Step (TF.js)',
    aliases: ['tf_step'],
    family: 'step',
    expression: 'x > 0 ? 1 : alpha',
    params: [{ name: 'alpha', default: 0, description: 'the value for x ≤ 0 (tf.step\'s second argument)' }],
    summary:
      'TF.js\'s tf.step: 1 for x > 0 and alpha (default 0) otherwise, so f(0) = alpha, unlike the binary_step of the usual table, which gives 1 at 0. The two differ only at x = 0, which matters for tests and for inputs that are exactly 0 (ReLU outputs).',
    frameworks: { tfjs: 'tf.step(x, alpha)' },
    kinks: "jump at 0: f(0) = alpha and f' = 0 everywhere.",
    related: ['binary_step', 'heaviside_half'],
    samples: [[-1, 0], [0, 0], [1, 1]],
  },
];

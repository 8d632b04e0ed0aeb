/** The periodic family: oscillating activations for signals and coordinates. */
import type { ActivationSpec } from '../spec.js';

/** Periodic-family catalog entries. */
export const periodic: readonly ActivationSpec[] = [
  {
    id: 'sinusoid',
    name: 'Sinusoid',
    aliases: ['sin', 'sine'],
    family: 'periodic',
    expression: 'sin(x)',
    params: [],
    summary:
      'The sine as an activation. Periodic units let a network represent oscillating signals and fine detail that ReLU networks smooth over; SIREN networks, which fit images, audio and signed distance fields from coordinates, use sin(ω₀·x) throughout with a matching initialisation. With many extrema it makes the loss surface harder to optimise in ordinary classifiers.',
    year: 2020,
    paper: { authors: 'V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein', title: 'Implicit Neural Representations with Periodic Activation Functions', year: 2020, where: 'arXiv:2006.09661 (NeurIPS 2020)' },
    frameworks: { tfjs: 'tf.sin', onnx: 'Sin', jax: 'jax.numpy.sin' },
    related: ['cosine', 'snake', 'sinc'],
    samples: [[-1, -0.8414709848078965], [0.5, 0.479425538604203], [2, 0.9092974268256817]],
  },
  {
    id: 'cosine',
    name: 'Cosine',
    aliases: ['cos'],
    family: 'periodic',
    expression: 'cos(x)',
    params: [],
    summary:
      'The cosine as an activation: periodic and even, with a maximum of 1 at the origin, so unlike the sine it does not act like the identity near 0. It appears in random Fourier feature layers and in comparisons of periodic activations.',
    frameworks: { tfjs: 'tf.cos', onnx: 'Cos', jax: 'jax.numpy.cos' },
    related: ['sinusoid', 'gaussian'],
    samples: [[-1, 0.5403023058681398], [0.5, 0.8775825618903728], [2, -0.4161468365471424]],
  },
  {
    id: 'sinc',
    name: 'Sinc',
    aliases: ['cardinal_sine'],
    family: 'periodic',
    expression: 'sinc(x)',
    params: [],
    summary:
      'The unnormalised cardinal sine sin(x)/x, with the removable singularity filled in as 1 at x = 0. It is even, peaks at the origin and decays like 1/|x| while oscillating, so it behaves like a damped periodic unit; it is the ideal low-pass interpolation kernel of signal processing.',
    frameworks: {},
    kinks: "none: sinc is smooth; the value 1 and derivative 0 at x = 0 are the limits.",
    related: ['sinusoid', 'gaussian'],
    samples: [[-2, 0.45464871341284085], [0, 1], [1, 0.8414709848078965]],
  },
  {
    id: 'snake',
    name: 'Snake',
    aliases: [],
    family: 'periodic',
    expression: 'x + sin(a*x)^2/a',
    params: [{ name: 'a', default: 1, min: 1e-6, description: 'frequency of the periodic component, learnable per channel', learnable: true }],
    summary:
      'x + sin²(a·x)/a: a monotone-trending function with a periodic ripple. The linear term lets the network extrapolate, while the ripple gives it the inductive bias to learn periodic patterns that ReLU and tanh networks fail to extrapolate. It is used in neural audio vocoders such as BigVGAN.',
    year: 2020,
    paper: { authors: 'L. Ziyin, T. Hartwig, M. Ueda', title: 'Neural Networks Fail to Learn Periodic Functions and How to Fix It', year: 2020, where: 'arXiv:2006.08195 (NeurIPS 2020)' },
    frameworks: {},
    related: ['sinusoid', 'identity'],
    samples: [[-1, -0.2919265817264288], [0.5, 0.7298488470659301], [2, 2.826821810431806]],
  },
];

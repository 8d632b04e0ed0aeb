import type { ActivationSpec } from '../spec.js';

/** Periodic and oscillating activations. */
export const PERIODIC: readonly ActivationSpec[] = [
  {
    id: 'sinusoid',
    name: 'Sinusoid',
    aliases: ['sin', 'sine'],
    family: 'periodic',
    expression: 'sin(x)',
    params: [],
    summary:
      'sin(x): periodic, bounded in [−1, 1], identity-like near 0. Networks with sine activations (SIREN) represent signals and their derivatives far better than ReLU networks, but the loss surface has many local minima.',
    year: 2020,
    paper: { authors: 'V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein', title: 'Implicit Neural Representations with Periodic Activation Functions', year: 2020, where: 'NeurIPS 2020, arXiv:2006.09661' },
    frameworks: { tfjs: 'tf.sin', onnx: 'Sin' },
    related: ['cosine', 'snake', 'sinc'],
  },
  {
    id: 'cosine',
    name: 'Cosine',
    aliases: ['cos'],
    family: 'periodic',
    expression: 'cos(x)',
    params: [],
    summary: 'cos(x): periodic and even (f(−x) = f(x)), with f(0) = 1; a single cosine unit can separate XOR-like patterns that one monotonic unit cannot.',
    frameworks: { tfjs: 'tf.cos', onnx: 'Cos' },
    related: ['sinusoid'],
  },
  {
    id: 'snake',
    name: 'Snake',
    aliases: [],
    family: 'periodic',
    expression: 'x + sin(a*x)^2/a',
    params: [{ name: 'a', default: 1, min: 1e-6, description: 'frequency of the periodic component (learnable in the paper)', learnable: true }],
    summary:
      'x + sin²(ax)/a: a monotonic trend plus a periodic ripple, so networks can extrapolate periodic signals, which ReLU and tanh networks cannot. Non-monotonic derivative; monotonic itself.',
    year: 2020,
    paper: { authors: 'L. Ziyin, T. Hartwig, M. Ueda', title: 'Neural Networks Fail to Learn Periodic Functions and How to Fix It', year: 2020, where: 'NeurIPS 2020, arXiv:2006.08195' },
    frameworks: {},
    related: ['sinusoid'],
  },
  {
    id: 'sinc',
    name: 'Sinc',
    aliases: ['cardinal_sine'],
    family: 'periodic',
    expression: 'sinc(x)',
    params: [],
    summary:
      'sin(x)/x with the removable singularity filled in (sinc(0) = 1): a decaying oscillation, even and non-monotonic. The value and every derivative at and near 0 come from the Taylor series, so nothing divides 0 by 0.',
    frameworks: {},
    related: ['sinusoid', 'gaussian'],
  },
];

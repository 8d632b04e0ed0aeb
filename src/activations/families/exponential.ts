import type { ActivationSpec } from '../spec.js';

const ISRLU_PAPER = { authors: 'B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney', title: 'Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)', year: 2017, where: 'arXiv:1710.09967' };

/** Smooth rectifiers with an exponential or algebraic negative part. */
export const EXPONENTIAL: readonly ActivationSpec[] = [
  {
    id: 'elu',
    name: 'ELU',
    aliases: ['exponential_linear_unit'],
    family: 'exponential',
    expression: 'x > 0 ? x : alpha*expm1(x)',
    params: [{ name: 'alpha', default: 1, min: 0, description: 'the negative saturation value is −alpha' }],
    summary:
      'Identity for positive inputs and alpha·(e^x − 1) for negative ones: negative outputs push mean activations towards 0 (which speeds learning) while saturating smoothly to −alpha, so units do not die. C1 when alpha = 1.',
    year: 2015,
    paper: { authors: 'D.-A. Clevert, T. Unterthiner, S. Hochreiter', title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)', year: 2015, where: 'ICLR 2016, arXiv:1511.07289' },
    frameworks: { pytorch: 'torch.nn.ELU', keras: 'keras.activations.elu', tfjs: 'tf.elu', onnx: 'Elu' },
    kinks: "f'(0) = alpha (the negative branch), as PyTorch; with alpha = 1 both sides agree.",
    related: ['selu', 'celu', 'relu'],
  },
  {
    id: 'selu',
    name: 'SELU',
    aliases: ['scaled_elu'],
    family: 'exponential',
    expression: '1.0507009873554804934193349852946*(x > 0 ? x : 1.6732632423543772848170429916717*expm1(x))',
    params: [],
    summary:
      'A scaled ELU whose two constants (alpha ≈ 1.6733, scale ≈ 1.0507, here in full precision) make activations converge to zero mean and unit variance through many layers, given LeCun-normal initialisation: self-normalising networks without batch normalisation.',
    year: 2017,
    paper: { authors: 'G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter', title: 'Self-Normalizing Neural Networks', year: 2017, where: 'NeurIPS 2017, arXiv:1706.02515' },
    frameworks: { pytorch: 'torch.nn.SELU', keras: 'keras.activations.selu', tfjs: 'tf.selu', onnx: 'Selu' },
    kinks: "f'(0) = scale·alpha ≈ 1.7581, as PyTorch, JAX and TF.js (TensorFlow gives scale).",
    related: ['elu'],
  },
  {
    id: 'celu',
    name: 'CELU',
    aliases: [],
    family: 'exponential',
    expression: 'x > 0 ? x : alpha*expm1(x/alpha)',
    params: [{ name: 'alpha', default: 1, min: 1e-12, description: 'negative saturation value −alpha; the slope at 0 is 1 for every alpha' }],
    summary:
      'ELU reparametrised as max(0, x) + min(0, alpha·(e^(x/alpha) − 1)) so that its derivative is continuous at 0 for every alpha (ELU is only C1 when alpha = 1).',
    year: 2017,
    paper: { authors: 'J. T. Barron', title: 'Continuously Differentiable Exponential Linear Units', year: 2017, where: 'arXiv:1704.07483' },
    frameworks: { pytorch: 'torch.nn.CELU', keras: 'keras.activations.celu (Keras 3)', onnx: 'Celu' },
    kinks: "f'(0) = 1 from both sides.",
    related: ['elu'],
  },
  {
    id: 'isrlu',
    name: 'Inverse square root linear unit',
    aliases: [],
    family: 'exponential',
    expression: 'x >= 0 ? x : x/hypot(1, sqrt(alpha)*x)',
    params: [{ name: 'alpha', default: 1, min: 1e-12, description: 'the negative saturation value is −1/√alpha' }],
    summary:
      'Identity for x ≥ 0 and x/√(1 + αx²) below: an ELU-like curve with the same benefits (negative outputs, smooth saturation) but computed with a reciprocal square root instead of an exponential.',
    year: 2017,
    paper: ISRLU_PAPER,
    frameworks: {},
    related: ['isru', 'elu'],
  },
  {
    id: 'softplus',
    name: 'Softplus',
    aliases: ['smooth_relu'],
    family: 'exponential',
    expression: 'beta*x > threshold ? x : softplus(beta*x)/beta',
    params: [
      { name: 'beta', default: 1, min: 1e-12, description: 'sharpness: larger beta approaches ReLU' },
      { name: 'threshold', default: 20, description: 'above beta·x > threshold the function returns x (PyTorch)' },
    ],
    summary:
      'log(1 + e^(βx))/β, a smooth ReLU whose derivative is the sigmoid. Always positive, never exactly 0, so no sparsity and no dead units. PyTorch returns x once βx exceeds the threshold (20), which this entry reproduces; the difference there is below 1e-9.',
    year: 2001,
    paper: { authors: 'C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia', title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing', year: 2001, where: 'NIPS 13' },
    frameworks: { pytorch: 'torch.nn.Softplus', keras: 'keras.activations.softplus', tfjs: 'tf.softplus', onnx: 'Softplus (no threshold)' },
    kinks: "At beta·x = threshold the function switches to x; f' there is sigmoid(threshold) ≈ 1 − 2e-9.",
    related: ['relu', 'squareplus', 'mish', 'shifted_softplus'],
  },
  {
    id: 'shifted_softplus',
    name: 'Shifted softplus',
    aliases: ['ssp'],
    family: 'exponential',
    expression: 'softplus(x) - log(2)',
    params: [],
    summary:
      'softplus(x) − log 2, shifted so that f(0) = 0; used in SchNet for molecular property prediction where a smooth, zero-centred-at-origin rectifier keeps energy surfaces smooth.',
    year: 2017,
    paper: { authors: 'K. T. Schütt et al.', title: 'SchNet: A continuous-filter convolutional neural network for modeling quantum interactions', year: 2017, where: 'NeurIPS 2017, arXiv:1706.08566' },
    frameworks: {},
    related: ['softplus'],
  },
  {
    id: 'squareplus',
    name: 'Squareplus',
    aliases: [],
    family: 'exponential',
    expression: 'x >= 0 ? (x + hypot(x, sqrt(b)))/2 : b/(2*(hypot(x, sqrt(b)) - x))',
    params: [{ name: 'b', default: 4, min: 0, description: 'curvature near 0: b = 0 gives ReLU' }],
    summary:
      '(x + √(x² + b))/2: a softplus-like smooth rectifier made only of a square root. Computed as b/(2(√(x²+b) − x)) for negative x, the same value without the cancellation that would round it to 0.',
    year: 2021,
    paper: { authors: 'J. T. Barron', title: 'Squareplus: A Softplus-Like Algebraic Rectifier', year: 2021, where: 'arXiv:2112.11687' },
    frameworks: { keras: 'keras.activations.squareplus (Keras 3)' },
    related: ['softplus', 'relu'],
  },
];

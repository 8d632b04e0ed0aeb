/** The exponential family: smooth rectifiers with an exponential or logarithmic piece. */
import type { ActivationSpec } from '../spec.js';

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/** Exponential-family catalog entries. */
export const exponential: readonly ActivationSpec[] = [
  {
    id: 'elu',
    name: 'ELU',
    aliases: ['exponential_linear_unit'],
    family: 'exponential',
    expression: 'x > 0 ? x : alpha*expm1(x)',
    params: [{ name: 'alpha', default: 1, min: 0, description: 'the value the function approaches as x → -∞ is -alpha' }],
    summary:
      'The exponential linear unit is the identity for positive inputs and alpha·(e^x - 1) for negative ones, so it saturates smoothly to -alpha instead of cutting off at 0. Negative outputs pull the mean activation towards zero, which the authors found speeds up learning; with alpha = 1 the derivative is continuous at 0.',
    year: 2015,
    paper: { authors: 'D.-A. Clevert, T. Unterthiner, S. Hochreiter', title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)', year: 2015, where: 'arXiv:1511.07289 (ICLR 2016)' },
    frameworks: { pytorch: 'torch.nn.ELU', keras: 'keras.activations.elu', tfjs: 'tf.elu', onnx: 'Elu', jax: 'jax.nn.elu' },
    kinks: "at 0: f'(0) = alpha (the left branch), as PyTorch; with alpha = 1 both sides agree.",
    related: ['selu', 'celu', 'relu', 'softplus'],
    samples: [[-2, -0.8646647167633873], [-0.5, -0.3934693402873666], [1, 1]],
  },
  {
    id: 'selu',
    name: 'SELU',
    aliases: ['scaled_elu', 'scaled_exponential_linear_unit'],
    family: 'exponential',
    expression: 'x > 0 ? scale*x : scale*alpha*expm1(x)',
    params: [
      { name: 'alpha', default: SELU_ALPHA, description: 'fixed by the self-normalisation derivation; change it only to experiment' },
      { name: 'scale', default: SELU_SCALE, description: 'fixed by the self-normalisation derivation; change it only to experiment' },
    ],
    summary:
      'A scaled ELU whose two constants are derived so that, with LeCun-normal initialisation and no batch normalisation, activations are driven towards zero mean and unit variance from layer to layer: the network normalises itself. The property holds for plain feed-forward networks; the constants must be used at full precision.',
    year: 2017,
    paper: { authors: 'G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter', title: 'Self-Normalizing Neural Networks', year: 2017, where: 'arXiv:1706.02515 (NeurIPS 2017)' },
    frameworks: { pytorch: 'torch.nn.SELU', keras: 'keras.activations.selu', tfjs: 'tf.selu', onnx: 'Selu', jax: 'jax.nn.selu' },
    kinks: "kink at 0: f'(0) = scale·alpha ≈ 1.7581 (the left branch), as PyTorch, JAX and TF.js; TensorFlow gives scale.",
    related: ['elu', 'celu'],
    samples: [[-1, -1.1113307378125625], [0, 0], [2, 2.101401974710961]],
  },
  {
    id: 'celu',
    name: 'CELU',
    aliases: ['continuously_differentiable_elu'],
    family: 'exponential',
    expression: 'x > 0 ? x : alpha*expm1(x/alpha)',
    params: [{ name: 'alpha', default: 1, min: 1e-6, description: 'the negative saturation value is -alpha; also stretches the negative part' }],
    summary:
      'ELU reparameterised as alpha·(e^(x/alpha) - 1) for negative inputs, so that its derivative at 0 is 1 for every alpha: the function is continuously differentiable whatever the parameter, and it tends to ReLU as alpha → 0 and to the identity as alpha → ∞.',
    year: 2017,
    paper: { authors: 'J. T. Barron', title: 'Continuously Differentiable Exponential Linear Units', year: 2017, where: 'arXiv:1704.07483' },
    frameworks: { pytorch: 'torch.nn.CELU', onnx: 'Celu', jax: 'jax.nn.celu', keras: 'keras.activations.celu' },
    kinks: "at 0: f'(0) = 1 from both sides for every alpha.",
    related: ['elu', 'selu'],
    samples: [[-2, -0.8646647167633873], [-0.5, -0.3934693402873666], [1, 1]],
  },
  {
    id: 'isrlu',
    name: 'ISRLU',
    aliases: ['inverse_square_root_linear_unit'],
    family: 'exponential',
    expression: 'x >= 0 ? x : x/hypot(1, sqrt(alpha)*x)',
    params: [{ name: 'alpha', default: 1, min: 1e-6, description: 'the negative saturation value is -1/√alpha' }],
    summary:
      'The inverse square root linear unit: the identity for x ≥ 0 and x/√(1+αx²) below, an ELU look-alike that saturates to -1/√α. It replaces ELU\'s exponential with an inverse square root, which the authors argue is faster to compute, and its first two derivatives are continuous at 0.',
    year: 2017,
    paper: { authors: 'B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney', title: 'Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)', year: 2017, where: 'arXiv:1710.09967' },
    frameworks: {},
    kinks: "at 0: f'(0) = 1 from both sides.",
    related: ['isru', 'elu'],
    samples: [[-2, -0.8944271909999159], [-0.5, -0.4472135954999579], [1, 1]],
  },
  {
    id: 'softplus',
    name: 'Softplus',
    aliases: ['smooth_relu'],
    family: 'exponential',
    expression: 'beta*x > threshold ? x : softplus(beta*x)/beta',
    params: [
      { name: 'beta', default: 1, min: 1e-6, description: 'sharpness: larger beta is closer to ReLU' },
      { name: 'threshold', default: 20, description: 'above beta·x > threshold the function returns x (PyTorch reverts to linear there)' },
    ],
    summary:
      'log(1 + e^x), a smooth approximation of ReLU whose derivative is the sigmoid. It is positive everywhere and never exactly zero, so there is no sparsity, but also no dead units. PyTorch adds a sharpness beta and, for beta·x above a threshold (20), returns x itself, which differs from the exact value by less than 2e-9.',
    year: 2001,
    paper: { authors: 'C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia', title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing', year: 2001, where: 'NIPS 2000 (proceedings 2001)' },
    frameworks: { pytorch: 'torch.nn.Softplus', keras: 'keras.activations.softplus', tfjs: 'tf.softplus', onnx: 'Softplus (beta = 1, no threshold)', jax: 'jax.nn.softplus (no threshold)' },
    kinks: "at beta·x = threshold the exact function and x differ by at most e^-20/beta, so f jumps by about 2e-9 and f' by about 2e-9; at the switch point the softplus branch is used, as PyTorch.",
    implementation:
      "The function (1/beta)·log(1 + e^(beta·x)) is C∞, strictly increasing and never equal to x. PyTorch's implementation, reproduced here, returns x itself for beta·x > threshold (20): there it jumps down by log1p(e^-20)/beta ≈ 2.06e-9, so the implementation is discontinuous at x = threshold/beta and, within about 2e-9 above it, not monotonic; f' jumps from σ(20) to 1. The property table samples the function on a grid and reports C∞ and monotonic: it does not resolve a 2e-9 jump. Set threshold=1e300 for the mathematical softplus.",
    related: ['relu', 'squareplus', 'shifted_softplus', 'mish'],
    samples: [[-2, 0.1269280110429725], [0, 0.6931471805599453], [1, 1.3132616875182228], [25, 25]],
  },
  {
    id: 'shifted_softplus',
    name: 'Shifted softplus',
    aliases: ['ssp'],
    family: 'exponential',
    expression: 'x < 1 ? log1p(expm1(x)/2) : softplus(x) - log(2)',
    params: [],
    summary:
      'Softplus moved down by log 2 so that it passes through the origin: log(1 + e^x) - log 2 = log((1 + e^x)/2). SchNet uses it in its continuous-filter convolutions for molecules because it is smooth (energies need smooth derivatives, the forces) and keeps zero input mapped to zero. The form log1p(expm1(x)/2) keeps full relative accuracy near 0.',
    year: 2017,
    paper: { authors: 'K. T. Schütt, P.-J. Kindermans, H. E. Sauceda, S. Chmiela, A. Tkatchenko, K.-R. Müller', title: 'SchNet: A continuous-filter convolutional neural network for modeling quantum interactions', year: 2017, where: 'arXiv:1706.08566 (NeurIPS 2017)' },
    frameworks: {},
    related: ['softplus', 'elu'],
    samples: [[-1, -0.3798854930417224], [2, 1.4337808304830273], [3, 2.3554401710137967]],
  },
  {
    id: 'soft_exponential',
    name: 'Soft exponential',
    aliases: ['softexp'],
    family: 'exponential',
    expression: 'alpha < 0 ? -log1p(-alpha*(x + alpha))/alpha : alpha > 0 ? expm1(alpha*x)/alpha + alpha : x + alpha + alpha*x*x/2',
    params: [{ name: 'alpha', default: 0, description: 'negative: logarithmic, 0: identity, positive: exponential; usually learned per unit', learnable: true }],
    summary:
      'A learnable activation that interpolates continuously between the logarithm (alpha < 0), the identity (alpha = 0) and the exponential (alpha > 0), so a unit can learn to add, multiply or exponentiate its inputs. For alpha < 0 it is only defined for x > 1/alpha - alpha, and for alpha > 0 it overflows for large x; the published range "all reals" is wrong for alpha > 0, where it is bounded below by alpha - 1/alpha. At alpha = 0 the expression adds alpha·(1 + x²/2), which is 0 there but carries the correct derivative with respect to alpha, so alpha can be learned starting from 0.',
    year: 2015,
    paper: { authors: 'L. B. Godfrey, M. S. Gashler', title: 'A continuum among logarithmic, linear, and exponential functions, and its potential to improve generalization in neural networks', year: 2015, where: 'arXiv:1602.01321 (KDIR 2015)' },
    frameworks: {},
    related: ['identity', 'elu'],
    samples: [[-2, -2], [0, 0], [1.5, 1.5]],
  },
  {
    id: 'squareplus',
    name: 'Squareplus',
    aliases: [],
    family: 'exponential',
    expression: 'x < 0 ? b/(2*(hypot(x, sqrt(b)) - x)) : (x + hypot(x, sqrt(b)))/2',
    params: [{ name: 'b', default: 4, min: 0, description: 'curvature near 0: f(0) = √b/2; b = 0 gives ReLU' }],
    summary:
      'An algebraic softplus, (x + √(x² + b))/2, that needs only a multiply, an add and a square root. Like softplus it is smooth, positive and approaches ReLU away from 0. For x < 0 it is evaluated in the equivalent form b/(2(√(x² + b) - x)), which avoids the cancellation that would otherwise return 0 in the left tail.',
    year: 2021,
    paper: { authors: 'J. T. Barron', title: 'Squareplus: A Softplus-Like Algebraic Rectifier', year: 2021, where: 'arXiv:2112.11687' },
    frameworks: { jax: 'jax.nn.squareplus', keras: 'keras.activations.squareplus' },
    related: ['softplus', 'relu'],
    samples: [[-1, 0.6180339887498949], [0, 1], [2, 2.414213562373095]],
  },
];

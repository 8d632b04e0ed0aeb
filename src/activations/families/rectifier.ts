import type { ActivationSpec } from '../spec.js';

const RELU_PAPER = { authors: 'V. Nair, G. E. Hinton', title: 'Rectified Linear Units Improve Restricted Boltzmann Machines', year: 2010, where: 'ICML 2010' };

/** Piecewise-linear rectifiers. */
export const RECTIFIER: readonly ActivationSpec[] = [
  {
    id: 'relu',
    name: 'ReLU',
    aliases: ['rectifier', 'rectified_linear'],
    family: 'rectifier',
    expression: 'x > 0 ? x : 0',
    params: [],
    summary:
      'max(0, x): passes positive inputs unchanged and zeroes the rest. Cheap, does not saturate for positive inputs, and makes about half the units output exactly 0 (sparse activations). A unit whose input stays negative gets no gradient and can die. The default choice for hidden layers.',
    year: 2010,
    paper: RELU_PAPER,
    frameworks: { pytorch: 'torch.nn.ReLU', keras: 'keras.activations.relu', tfjs: 'tf.relu', onnx: 'Relu' },
    kinks: "f'(0) = 0, as PyTorch, TensorFlow, JAX and ONNX (an older revision of the usual table gave 1).",
    related: ['leaky_relu', 'prelu', 'relu6', 'elu', 'gelu'],
  },
  {
    id: 'leaky_relu',
    name: 'Leaky ReLU',
    aliases: ['lrelu', 'leakyrelu'],
    family: 'rectifier',
    expression: 'x > 0 ? x : negative_slope*x',
    params: [{ name: 'negative_slope', default: 0.01, description: 'slope for negative inputs (0.01 in PyTorch, 0.2 in TF.js core, 0.3 in Keras layers)' }],
    summary:
      'ReLU with a small slope for negative inputs, so a unit never stops receiving gradient and cannot die. The default slope differs between frameworks (0.01 PyTorch/ONNX, 0.2 Keras 3 and TF.js, 0.3 in the Keras/TF.js layers).',
    year: 2013,
    paper: { authors: 'A. L. Maas, A. Y. Hannun, A. Y. Ng', title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models', year: 2013, where: 'ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing' },
    frameworks: { pytorch: 'torch.nn.LeakyReLU', keras: 'keras.layers.LeakyReLU', tfjs: 'tf.leakyRelu', onnx: 'LeakyRelu' },
    kinks: "f'(0) = negative_slope, as PyTorch, TensorFlow and TF.js (JAX gives 1).",
    related: ['relu', 'prelu', 'rrelu'],
  },
  {
    id: 'prelu',
    name: 'Parametric ReLU',
    aliases: [],
    family: 'rectifier',
    expression: 'x > 0 ? x : alpha*x',
    params: [{ name: 'alpha', default: 0.25, description: 'learned slope for negative inputs (initial value 0.25 in PyTorch, 0 in Keras/TF.js)', learnable: true }],
    summary:
      'Leaky ReLU whose negative slope is learned by gradient descent, per layer or per unit. Introduced with He initialisation; it let a deep network beat human-level error on ImageNet.',
    year: 2015,
    paper: { authors: 'K. He, X. Zhang, S. Ren, J. Sun', title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification', year: 2015, where: 'ICCV 2015, arXiv:1502.01852' },
    frameworks: { pytorch: 'torch.nn.PReLU', keras: 'keras.layers.PReLU', tfjs: 'tf.prelu', onnx: 'PRelu' },
    kinks: "f'(0) = alpha and ∂f/∂alpha(0) = 0, as PyTorch.",
    related: ['leaky_relu', 'relu'],
  },
  {
    id: 'rrelu',
    name: 'Randomized leaky ReLU (evaluation form)',
    aliases: ['randomized_relu'],
    family: 'rectifier',
    expression: 'x > 0 ? x : (lower + upper)/2*x',
    params: [
      { name: 'lower', default: 0.125, min: 0, description: 'lower bound of the random negative slope during training' },
      { name: 'upper', default: 1 / 3, min: 0, description: 'upper bound of the random negative slope during training' },
    ],
    summary:
      'In training, RReLU multiplies each negative input by a random slope drawn from U(lower, upper); in evaluation it uses the mean slope (lower + upper)/2, which is this deterministic entry. The randomness acts as a regulariser.',
    year: 2015,
    paper: { authors: 'B. Xu, N. Wang, T. Chen, M. Li', title: 'Empirical Evaluation of Rectified Activations in Convolutional Network', year: 2015, where: 'arXiv:1505.00853' },
    frameworks: { pytorch: 'torch.nn.RReLU (eval mode)' },
    kinks: "f'(0) = (lower + upper)/2, like leaky ReLU in PyTorch.",
    related: ['leaky_relu', 'prelu'],
  },
  {
    id: 'relu6',
    name: 'ReLU6',
    aliases: [],
    family: 'rectifier',
    expression: 'clamp(x, 0, 6)',
    params: [],
    summary:
      'ReLU capped at 6, min(max(0, x), 6): the cap keeps activations in a range that low-precision (fixed-point) arithmetic on mobile devices represents well; used in MobileNets.',
    year: 2010,
    paper: { authors: 'A. Krizhevsky', title: 'Convolutional Deep Belief Networks on CIFAR-10', year: 2010, where: 'unpublished manuscript, University of Toronto' },
    frameworks: { pytorch: 'torch.nn.ReLU6', keras: 'keras.activations.relu6', tfjs: 'tf.relu6', onnx: 'Clip(min=0, max=6)' },
    kinks: "f'(0) = 0 and f'(6) = 0, as PyTorch (TF.js's tf.relu6 op gives 1 at 6).",
    related: ['relu', 'hardtanh', 'hard_swish'],
  },
  {
    id: 'threshold',
    name: 'Threshold',
    aliases: ['thresholded_relu'],
    family: 'rectifier',
    expression: 'x > threshold ? x : value',
    params: [
      { name: 'threshold', default: 1, description: 'inputs at or below it are replaced' },
      { name: 'value', default: 0, description: 'the replacement value' },
    ],
    summary:
      'PyTorch\'s Threshold: keeps x where x > threshold and replaces it by a constant otherwise. With value = 0 it is the thresholded ReLU of ONNX (threshold 1 by default); with threshold = value = 0 it is ReLU.',
    frameworks: { pytorch: 'torch.nn.Threshold', onnx: 'ThresholdedRelu (value = 0)' },
    kinks: "f'(threshold) = 0 (the replacement branch), as PyTorch.",
    related: ['relu', 'hardshrink'],
  },
  {
    id: 'relu_squared',
    name: 'Squared ReLU',
    aliases: ['squared_relu', 'relu2'],
    family: 'rectifier',
    expression: 'x > 0 ? x^2 : 0',
    params: [],
    summary:
      'The square of ReLU, found by architecture search for Transformer feed-forward layers (Primer). Smooth at 0 to first order (C1), sparse like ReLU, and growing quadratically.',
    year: 2021,
    paper: { authors: 'D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le', title: 'Primer: Searching for Efficient Transformers for Language Modeling', year: 2021, where: 'NeurIPS 2021, arXiv:2109.08668' },
    frameworks: {},
    related: ['relu', 'squareplus'],
  },
];

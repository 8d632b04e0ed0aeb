/** The shrinkage family: functions that pull small inputs to (or towards) zero. */
import type { ActivationSpec } from '../spec.js';

/** Shrinkage-family catalog entries. */
export const shrinkage: readonly ActivationSpec[] = [
  {
    id: 'hardshrink',
    name: 'Hard shrink',
    aliases: ['hard_shrink', 'hard_threshold'],
    family: 'shrinkage',
    expression: 'abs(x) > lambd ? x : 0',
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'half-width of the dead zone around 0 (PyTorch spells it lambd)' }],
    summary:
      'Hard thresholding: inputs whose magnitude exceeds lambda pass unchanged and all others become 0. It comes from sparse coding and wavelet denoising, where small coefficients are treated as noise. The function jumps at ±lambda.',
    year: 1994,
    paper: { authors: 'D. L. Donoho, I. M. Johnstone', title: 'Ideal spatial adaptation by wavelet shrinkage', year: 1994, where: 'Biometrika 81(3)' },
    frameworks: { pytorch: 'torch.nn.Hardshrink', onnx: 'Shrink (bias = 0)', keras: 'keras.activations.hard_shrink' },
    kinks: "jumps at ±lambd: f(±lambd) = 0 and f'(±lambd) = 0, as PyTorch (gradient passes only where |x| > lambd).",
    related: ['softshrink', 'threshold', 'tanhshrink'],
    samples: [[-1, -1], [0.5, 0], [0.7, 0.7]],
  },
  {
    id: 'softshrink',
    name: 'Soft shrink',
    aliases: ['soft_shrink', 'soft_threshold'],
    family: 'shrinkage',
    expression: 'x > lambd ? x - lambd : x < -lambd ? x + lambd : 0',
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'amount every input is moved towards 0 (PyTorch spells it lambd)' }],
    summary:
      'Soft thresholding, the proximal operator of the L1 norm: every input moves towards zero by lambda, and inputs within lambda of zero become exactly 0. It is continuous, unlike hard shrink, and is the nonlinearity of ISTA-style sparse-coding networks such as LISTA.',
    year: 1994,
    paper: { authors: 'D. L. Donoho, I. M. Johnstone', title: 'Ideal spatial adaptation by wavelet shrinkage', year: 1994, where: 'Biometrika 81(3)' },
    frameworks: { pytorch: 'torch.nn.Softshrink', onnx: 'Shrink (bias = lambd)', keras: 'keras.activations.soft_shrink' },
    kinks: "kinks at ±lambd: f'(±lambd) = 0, as PyTorch.",
    related: ['hardshrink', 'tanhshrink'],
    samples: [[-2, -1.5], [0.25, 0], [1.5, 1]],
  },
  {
    id: 'tanhshrink',
    name: 'Tanh shrink',
    aliases: ['tanh_shrink'],
    family: 'shrinkage',
    // below |x| = 0.1 the subtraction would cancel: the Taylor series of x - tanh(x) to x^15 instead
    expression:
      'abs(x) < 0.1 ? x^3*(1/3 - x^2*(2/15 - x^2*(17/315 - x^2*(62/2835 - x^2*(1382/155925 - x^2*(21844/6081075 - x^2*(929569/638512875))))))) : x - tanh(x)',
    params: [],
    summary:
      'x - tanh(x): a smooth shrinkage that is nearly flat around 0 (it starts like x³/3) and becomes x ∓ 1 for large |x|. Its derivative is tanh²(x), never negative. Near 0 the subtraction loses every digit (frameworks return 0 at x = 1e-9); actlab uses the Taylor series there.',
    frameworks: { pytorch: 'torch.nn.Tanhshrink', keras: 'keras.activations.tanh_shrink' },
    related: ['softshrink', 'tanh'],
    samples: [[-2, -1.035972419924183], [1, 0.23840584404423515], [3, 2.0049452463132695]],
  },
  {
    id: 'shrink',
    name: 'Shrink (ONNX)',
    aliases: ['onnx_shrink'],
    family: 'shrinkage',
    expression: 'x < -lambd ? x + bias : x > lambd ? x - bias : 0',
    params: [
      { name: 'lambd', default: 0.5, min: 0, description: 'inputs with |x| ≤ lambd are set to 0' },
      { name: 'bias', default: 0, description: 'amount subtracted from the magnitude of the others' },
    ],
    summary:
      'ONNX\'s Shrink operator: 0 for |x| ≤ lambd, x - bias above and x + bias below. With bias = 0 (the ONNX default) it is hardshrink, and with bias = lambd it is softshrink, so one operator covers both.',
    year: 1994,
    paper: { authors: 'D. L. Donoho, I. M. Johnstone', title: 'Ideal spatial adaptation by wavelet shrinkage', year: 1994, where: 'Biometrika 81(3)' },
    frameworks: { onnx: 'Shrink' },
    kinks: "jumps (or kinks) at ±lambd: f'(±lambd) = 0 (the zero side).",
    related: ['hardshrink', 'softshrink'],
    samples: [[-1, -1], [0.25, 0], [2, 2]],
  },
];

import type { ActivationSpec } from '../spec.js';

/** Shrinkage functions: pull small values to (or towards) zero. */
export const SHRINKAGE: readonly ActivationSpec[] = [
  {
    id: 'hardshrink',
    name: 'Hard shrink',
    aliases: ['hard_shrink'],
    family: 'shrinkage',
    expression: 'abs(x) > lambd ? x : 0',
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'inputs with |x| ≤ lambd become 0' }],
    summary: 'Hard thresholding: keeps x when |x| > λ and sets it to 0 otherwise. Used in sparse coding and wavelet denoising; discontinuous at ±λ.',
    frameworks: { pytorch: 'torch.nn.Hardshrink', keras: 'keras.activations.hard_shrink (Keras 3)', onnx: 'Shrink(bias=0)' },
    kinks: "f'(±lambd) = 0, as PyTorch.",
    related: ['softshrink', 'threshold'],
  },
  {
    id: 'softshrink',
    name: 'Soft shrink',
    aliases: ['soft_shrink', 'soft_threshold'],
    family: 'shrinkage',
    expression: 'x > lambd ? x - lambd : x < -lambd ? x + lambd : 0',
    params: [{ name: 'lambd', default: 0.5, min: 0, description: 'amount every input is pulled towards 0' }],
    summary: 'Soft thresholding: moves x towards 0 by λ and zeroes |x| ≤ λ. It is the proximal operator of the L1 norm, the step that makes ISTA/LASSO solutions sparse; continuous, with kinks at ±λ.',
    year: 1995,
    paper: { authors: 'D. L. Donoho', title: 'De-noising by soft-thresholding', year: 1995, where: 'IEEE Transactions on Information Theory 41(3)' },
    frameworks: { pytorch: 'torch.nn.Softshrink', keras: 'keras.activations.soft_shrink (Keras 3)', onnx: 'Shrink(bias=lambd)' },
    kinks: "f'(±lambd) = 0, as PyTorch.",
    related: ['hardshrink', 'tanhshrink'],
  },
  {
    id: 'tanhshrink',
    name: 'Tanh shrink',
    aliases: ['tanh_shrink'],
    family: 'shrinkage',
    expression: 'abs(x) < 0.03 ? x^3/3 - 2*x^5/15 + 17*x^7/315 - 62*x^9/2835 : x - tanh(x)',
    params: [],
    summary:
      'x − tanh(x): almost flat (≈ x³/3) near 0 and ≈ x ∓ 1 for large |x|. Near 0 the difference cancels catastrophically in floating point, so |x| < 0.03 uses the Taylor series, accurate to the last digit.',
    frameworks: { pytorch: 'torch.nn.Tanhshrink', keras: 'keras.activations.tanh_shrink (Keras 3)' },
    related: ['softshrink', 'tanh'],
  },
];

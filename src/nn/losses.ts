import { ActlabError } from '../util/errors.js';
import { sigmoid } from '../expr/runtime.js';
import { logSumExp, softmaxRow } from '../activations/vector.js';

/**
 * Output losses, each fused with its output activation: `mse` (linear output), `binary_crossentropy`
 * (sigmoid outputs, one independent probability per column), `categorical_crossentropy` (softmax over
 * the columns). The network's last layer produces logits; the loss reads logits, never probabilities,
 * so the cross-entropies stay finite for any finite logit.
 */
export const LOSSES = ['mse', 'binary_crossentropy', 'categorical_crossentropy'] as const;

/** One of the losses. */
export type LossName = (typeof LOSSES)[number];

/** True when `name` is a loss name. */
export function isLossName(name: string): name is LossName {
  return (LOSSES as readonly string[]).includes(name);
}

/** Throws unless `name` is a loss name. */
export function checkLossName(name: string): LossName {
  if (!isLossName(name)) throw new ActlabError(`unknown loss '${name}'; use one of ${LOSSES.join(', ')}`);
  return name;
}

/**
 * Mean loss over the n×k logits and writes dL/dlogits into `grad`.
 * - mse: mean over all n·k elements of (z − t)²; grad 2(z − t)/(n·k) (Keras' convention).
 * - binary_crossentropy: mean over n·k of max(z,0) − z·t + log1p(exp(−|z|)); grad (σ(z) − t)/(n·k).
 * - categorical_crossentropy: mean over n rows of logsumexp(z) − Σ t·z (max subtracted); grad
 *   (softmax(z) − t)/n, assuming each target row sums to 1.
 */
export function lossAndGrad(
  loss: LossName, logits: Float32Array, targets: Float32Array, n: number, k: number, grad: Float32Array,
): number {
  let total = 0;
  if (loss === 'mse') {
    const scale = 2 / (n * k);
    for (let i = 0; i < n * k; i++) {
      const e = logits[i] - targets[i];
      total += e * e;
      grad[i] = scale * e;
    }
    return total / (n * k);
  }
  if (loss === 'binary_crossentropy') {
    const scale = 1 / (n * k);
    for (let i = 0; i < n * k; i++) {
      const z = logits[i];
      const t = targets[i];
      total += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
      grad[i] = scale * (sigmoid(z) - t);
    }
    return total / (n * k);
  }
  const scale = 1 / n;
  for (let r = 0; r < n; r++) {
    const o = r * k;
    const logSum = logSumExp(logits, o, k);
    for (let j = 0; j < k; j++) {
      const z = logits[o + j];
      const t = targets[o + j];
      if (t !== 0) total += t * (logSum - z);
      grad[o + j] = scale * (Math.exp(z - logSum) - t);
    }
  }
  return total / n;
}

/** Mean loss only (no gradient), for evaluation; same formulas as `lossAndGrad`. */
export function lossValue(loss: LossName, logits: Float32Array, targets: Float32Array, n: number, k: number): number {
  let total = 0;
  if (loss === 'mse') {
    for (let i = 0; i < n * k; i++) {
      const e = logits[i] - targets[i];
      total += e * e;
    }
    return total / (n * k);
  }
  if (loss === 'binary_crossentropy') {
    for (let i = 0; i < n * k; i++) {
      const z = logits[i];
      total += Math.max(z, 0) - z * targets[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return total / (n * k);
  }
  for (let r = 0; r < n; r++) {
    const o = r * k;
    const logSum = logSumExp(logits, o, k);
    for (let j = 0; j < k; j++) if (targets[o + j] !== 0) total += targets[o + j] * (logSum - logits[o + j]);
  }
  return total / n;
}

/** Writes the model's outputs from its logits: identity (mse), sigmoid, or row-wise softmax. */
export function outputFromLogits(loss: LossName, logits: Float32Array, out: Float32Array, n: number, k: number): void {
  if (loss === 'mse') {
    out.set(logits.subarray(0, n * k));
    return;
  }
  if (loss === 'binary_crossentropy') {
    for (let i = 0; i < n * k; i++) out[i] = sigmoid(logits[i]);
    return;
  }
  for (let r = 0; r < n; r++) softmaxRow(logits, out, r * k, k);
}

import { lossAndGrad } from './losses.js';
import type { Model } from './model.js';

/**
 * One forward and backward pass over n rows: fills every layer's weight, bias and activation-parameter
 * gradients with those of the mean loss, and returns the loss. `gradBuffer` (n×outputSize) receives
 * dL/dlogits and is reused by the caller.
 */
export function forwardBackward(model: Model, x: Float32Array, y: Float32Array, n: number, gradBuffer: Float32Array): number {
  const layers = model.layers;
  const logits = model.logits(x, n);
  const loss = lossAndGrad(model.loss, logits, y, n, model.outputSize, gradBuffer);
  let da: Float32Array | null = gradBuffer;
  for (let li = layers.length - 1; li >= 0 && da; li--) {
    const input = li === 0 ? x : layers[li - 1].lastPass(n).a;
    da = layers[li].backward(input, da, n, li > 0);
  }
  return loss;
}

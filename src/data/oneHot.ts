import { ActlabError } from '../util/errors.js';

/** One-hot encodes class indices: an n×numClasses row-major matrix with a 1 in column y[i] of row i. */
export function oneHot(y: ArrayLike<number>, numClasses: number): Float32Array {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new ActlabError(`cannot one-hot encode into ${numClasses} classes; use a positive whole number`);
  }
  const out = new Float32Array(y.length * numClasses);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= numClasses) {
      throw new ActlabError(`label ${c} at row ${i} is not a class index 0..${numClasses - 1}; check the targets`);
    }
    out[i * numClasses + c] = 1;
  }
  return out;
}

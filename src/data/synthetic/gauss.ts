import type { Dataset } from '../dataset.js';
import { classShare, resolveOptions, type GenerateOptions } from './options.js';
import { BINARY_CLASSES, Points, XY_FEATURES } from './points.js';

/** Playground's variance of its Gaussian clusters: 0.5 at noise 0, rising linearly to 4 at noise 0.5. */
export function gaussVariance(noise: number): number {
  return 0.5 + 7 * noise;
}

/**
 * Playground's "gauss": two Gaussian clusters, class 1 around (2, 2) and class 0 around (−2, −2), each
 * coordinate with variance 0.5 + 7·noise.
 */
export function gauss(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('gauss', options, 200);
  const sd = Math.sqrt(gaussVariance(noise));
  const pts = new Points();
  const centres: [number, number][] = [[-2, -2], [2, 2]];
  centres.forEach(([cx, cy], c) => {
    for (let i = 0; i < classShare(n, 2, c); i++) pts.add([cx + sd * rng.normal(), cy + sd * rng.normal()], c);
  });
  return pts.toDataset('gauss', XY_FEATURES, rng, BINARY_CLASSES);
}

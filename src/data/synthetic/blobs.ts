import type { Dataset } from '../dataset.js';
import { classShare, resolveOptions, type GenerateOptions } from './options.js';
import { gaussVariance } from './gauss.js';
import { Points, XY_FEATURES } from './points.js';

/** Class names A, B, C, … for the multi-class generated sets. */
export function letterClasses(k: number): string[] {
  return Array.from({ length: k }, (_, c) => String.fromCharCode(65 + c));
}

/**
 * `k` Gaussian clusters (classes A, B, C, …) with centres evenly spaced on a circle of radius 4, the
 * first at the top; each coordinate has the variance of Playground's "gauss" (0.5 + 7·noise).
 */
export function blobs(k: number, options: GenerateOptions = {}): Dataset {
  const name = `blobs${k}`;
  const { n, noise, rng } = resolveOptions(name, options, 100 * k, k);
  const sd = Math.sqrt(gaussVariance(noise));
  const pts = new Points();
  for (let c = 0; c < k; c++) {
    const angle = Math.PI / 2 + (2 * Math.PI * c) / k;
    const cx = 4 * Math.cos(angle);
    const cy = 4 * Math.sin(angle);
    for (let i = 0; i < classShare(n, k, c); i++) pts.add([cx + sd * rng.normal(), cy + sd * rng.normal()], c);
  }
  return pts.toDataset(name, XY_FEATURES, rng, letterClasses(k));
}

import type { Dataset } from '../dataset.js';
import type { GenerateOptions } from './options.js';
import { uniformPlaneRegression } from './uniformPlane.js';

const BUMPS: readonly [number, number, number][] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/** The target of "multi_gauss" at (x, y): the largest-magnitude of six signed cones max(0, 1 − dist/2). */
export function multiGaussTarget(x: number, y: number): number {
  let label = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const v = sign * Math.min(1, Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}

/**
 * Playground's "multi_gauss" regression: points uniform in [−6, 6]², target in [−1, 1] from six signed
 * bumps in a 3×2 grid, computed at a point shifted by up to ±6·noise per axis.
 */
export function multiGauss(options: GenerateOptions = {}): Dataset {
  return uniformPlaneRegression('multi_gauss', multiGaussTarget, options);
}

import type { Dataset } from '../dataset.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { Points, XY_FEATURES } from './points.js';

/**
 * Playground's regression sets: points uniform in [−6, 6]², each target computed at the point shifted by up
 * to ±6·noise per axis (the features stay unshifted, so noise blurs the target, as in Playground).
 */
export function uniformPlaneRegression(name: string, target: (x: number, y: number) => number, options: GenerateOptions): Dataset {
  const { n, noise, rng } = resolveOptions(name, options, 200);
  const radius = 6;
  const pts = new Points();
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-radius, radius);
    const y = rng.uniform(-radius, radius);
    const nx = rng.uniform(-radius, radius) * noise;
    const ny = rng.uniform(-radius, radius) * noise;
    pts.add([x, y], target(x + nx, y + ny));
  }
  return pts.toDataset(name, XY_FEATURES, rng);
}

import type { Dataset } from '../dataset.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { Points, XY_FEATURES } from './points.js';

/**
 * Playground's "plane" regression: points uniform in [−6, 6]², target (x1 + x2)/10 computed at a point
 * shifted by up to ±6·noise per axis (so the target lies in about [−1.2, 1.2], exactly [−1.2, 1.2] at noise 0).
 */
export function plane(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('plane', options, 200);
  const radius = 6;
  const pts = new Points();
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-radius, radius);
    const y = rng.uniform(-radius, radius);
    const nx = rng.uniform(-radius, radius) * noise;
    const ny = rng.uniform(-radius, radius) * noise;
    pts.add([x, y], (x + nx + y + ny) / 10);
  }
  return pts.toDataset('plane', XY_FEATURES, rng);
}

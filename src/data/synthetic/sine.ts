import type { Dataset } from '../dataset.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { Points } from './points.js';

/**
 * A 1-D regression set: x uniform in [−6, 6] (about two periods), target sin(x) plus Gaussian noise with
 * standard deviation `noise`.
 */
export function sine(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('sine', options, 200);
  const pts = new Points();
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-6, 6);
    pts.add([x], Math.sin(x) + noise * rng.normal());
  }
  return pts.toDataset('sine', ['x'], rng);
}

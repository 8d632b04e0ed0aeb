import type { Dataset } from '../dataset.js';
import type { GenerateOptions } from './options.js';
import { uniformPlaneRegression } from './uniformPlane.js';

/**
 * Playground's "plane" regression: points uniform in [−6, 6]², target (x1 + x2)/10 computed at a point
 * shifted by up to ±6·noise per axis (so the target lies in about [−1.2, 1.2], exactly [−1.2, 1.2] at noise 0).
 */
export function plane(options: GenerateOptions = {}): Dataset {
  return uniformPlaneRegression('plane', (x, y) => (x + y) / 10, options);
}

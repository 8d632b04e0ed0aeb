import type { Dataset } from '../dataset.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { BINARY_CLASSES, Points, XY_FEATURES } from './points.js';

/**
 * Playground's "xor": points uniform in [−5, 5]², pushed 0.3 away from both axes; class 1 where
 * x1·x2 ≥ 0. Noise shifts the point used for the label by up to ±5·noise per axis.
 */
export function xor(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('xor', options, 200);
  const padding = 0.3;
  const pts = new Points();
  for (let i = 0; i < n; i++) {
    let x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const nx = rng.uniform(-5, 5) * noise;
    const ny = rng.uniform(-5, 5) * noise;
    pts.add([x, y], (x + nx) * (y + ny) >= 0 ? 1 : 0);
  }
  return pts.toDataset('xor', XY_FEATURES, rng, BINARY_CLASSES);
}

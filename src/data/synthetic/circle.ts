import type { Dataset } from '../dataset.js';
import { classShare, resolveOptions, type GenerateOptions } from './options.js';
import { BINARY_CLASSES, Points, XY_FEATURES } from './points.js';

/**
 * Playground's "circle": class 1 inside radius 2.5, class 0 on the ring 3.5..5. Noise moves the point
 * used for the label (by up to ±5·noise per axis), not the point itself, so noisy rows can sit on the
 * wrong side.
 */
export function circle(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('circle', options, 200);
  const radius = 5;
  const pts = new Points();
  const gen = (count: number, rMin: number, rMax: number): void => {
    for (let i = 0; i < count; i++) {
      const r = rng.uniform(rMin, rMax);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = rng.uniform(-radius, radius) * noise;
      const ny = rng.uniform(-radius, radius) * noise;
      pts.add([x, y], Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0);
    }
  };
  gen(classShare(n, 2, 0), 0, radius * 0.5);
  gen(classShare(n, 2, 1), radius * 0.7, radius);
  return pts.toDataset('circle', XY_FEATURES, rng, BINARY_CLASSES);
}

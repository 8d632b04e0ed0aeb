import type { Dataset } from '../dataset.js';
import { classShare, resolveOptions, type GenerateOptions } from './options.js';
import { Points, XY_FEATURES } from './points.js';

/**
 * Two interleaving half circles (scikit-learn's make_moons geometry), scaled by 3 and centred so they
 * span about the Playground's [−6, 6]² box. Class 0 is the upper moon, class 1 the lower; the angle is
 * uniform on [0, π]; noise adds Gaussian noise with standard deviation 3·noise (noise in units of the
 * moon radius, like make_moons' `noise`).
 */
export function moons(options: GenerateOptions = {}): Dataset {
  const { n, noise, rng } = resolveOptions('moons', options, 200);
  const scale = 3;
  const pts = new Points();
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < classShare(n, 2, c); i++) {
      const t = rng.uniform(0, Math.PI);
      const mx = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
      const my = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      pts.add([scale * (mx - 0.5 + noise * rng.normal()), scale * (my - 0.25 + noise * rng.normal())], c);
    }
  }
  return pts.toDataset('moons', XY_FEATURES, rng, ['upper', 'lower']);
}

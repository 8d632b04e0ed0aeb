import type { Dataset } from '../dataset.js';
import { classShare, resolveOptions, type GenerateOptions } from './options.js';
import { letterClasses } from './blobs.js';
import { BINARY_CLASSES, Points, XY_FEATURES } from './points.js';

/**
 * Playground's "spiral", generalised to `arms` arms (default 2). Along each arm the radius grows from 0
 * to 5 over 1.75 turns; arm c is rotated by 2π(c+1)/arms, so with two arms class 1 is Playground's
 * positive arm. Noise adds uniform ±noise to each coordinate (as Playground).
 */
export function spiral(options: GenerateOptions = {}, arms = 2): Dataset {
  const name = arms === 2 ? 'spiral' : `spiral${arms}`;
  const { n, noise, rng } = resolveOptions(name, options, 100 * arms, arms);
  const pts = new Points();
  for (let c = 0; c < arms; c++) {
    const count = classShare(n, arms, c);
    const deltaT = (2 * Math.PI * (c + 1)) / arms;
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      pts.add([r * Math.sin(t) + rng.uniform(-1, 1) * noise, r * Math.cos(t) + rng.uniform(-1, 1) * noise], c);
    }
  }
  return pts.toDataset(name, XY_FEATURES, rng, arms === 2 ? BINARY_CLASSES : letterClasses(arms));
}

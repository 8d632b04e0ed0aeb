import { ActlabError } from '../util/errors.js';
import type { LayerActivation } from './layerActivation.js';
import type { RngLike } from './rngLike.js';

/** Weight initialiser names (Keras names and formulas). */
export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'zeros',
] as const;

/** One of the weight initialisers. */
export type InitializerName = (typeof INITIALIZERS)[number];

/** True when `name` is an initialiser name. */
export function isInitializerName(name: string): name is InitializerName {
  return (INITIALIZERS as readonly string[]).includes(name);
}

/**
 * Default initialiser for an activation: He for the rectifier family, LeCun normal for SELU
 * (self-normalising networks need it), Glorot uniform otherwise (as Keras).
 */
export function defaultInitializer(activation: LayerActivation): InitializerName {
  const id = activation.key.split(':')[0].trim().toLowerCase();
  if (id === 'selu') return 'lecun_normal';
  if (activation.spec?.family === 'rectifier') return 'he_normal';
  return 'glorot_uniform';
}

/**
 * Fills `w` (fanIn×fanOut) by the named scheme. Normal variants are plain normals with the scheme's
 * standard deviation (Keras truncates; this does not, so tails differ slightly); uniform variants draw
 * from U(-limit, limit) with limit = sqrt(3)·std.
 */
export function initializeWeights(
  w: Float32Array, fanIn: number, fanOut: number, name: InitializerName, rng: RngLike,
): void {
  let variance: number;
  switch (name) {
    case 'zeros':
      w.fill(0);
      return;
    case 'glorot_uniform':
    case 'glorot_normal':
      variance = 2 / (fanIn + fanOut);
      break;
    case 'he_uniform':
    case 'he_normal':
      variance = 2 / fanIn;
      break;
    case 'lecun_uniform':
    case 'lecun_normal':
      variance = 1 / fanIn;
      break;
    default:
      throw new ActlabError(`unknown initialiser '${String(name)}'; use one of ${INITIALIZERS.join(', ')}`);
  }
  const std = Math.sqrt(variance);
  if (name.endsWith('_uniform')) {
    const limit = Math.sqrt(3) * std;
    for (let i = 0; i < w.length; i++) w[i] = (2 * rng.next() - 1) * limit;
  } else {
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
  }
}

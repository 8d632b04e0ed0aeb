import { ActlabError } from '../../util/errors.js';
import { createRng, type Rng } from '../../util/rng.js';

/**
 * Options of every generated data set. `noise` is a fraction in [0, 1]: the TensorFlow Playground
 * slider value divided by 100 (its slider runs 0..50, so Playground's range is 0..0.5).
 */
export interface GenerateOptions {
  /** Number of rows (default: the data set's default size). */
  n?: number;
  /** Noise level in [0, 1] (default 0). */
  noise?: number;
  /** Seed of the generator (default 0). */
  seed?: number;
}

/** Options with defaults filled in and checked, plus the RNG they seed. */
export interface ResolvedOptions {
  /** Number of rows. */
  n: number;
  /** Noise level in [0, 1]. */
  noise: number;
  /** Generator seeded with the options' seed. */
  rng: Rng;
}

/** Largest number of rows a generator makes. */
export const MAX_GENERATED_ROWS = 1_000_000;

/**
 * Fills defaults and checks the options of generator `name`; throws ActlabError on a bad value.
 * `minN` is the fewest rows that make sense (one per class).
 */
export function resolveOptions(name: string, options: GenerateOptions, defaultN: number, minN = 2): ResolvedOptions {
  const n = options.n ?? defaultN;
  const noise = options.noise ?? 0;
  if (!Number.isInteger(n) || n < minN || n > MAX_GENERATED_ROWS) {
    throw new ActlabError(`'${name}' cannot have ${n} rows; use a whole number from ${minN} to ${MAX_GENERATED_ROWS}`);
  }
  if (!(noise >= 0 && noise <= 1)) {
    throw new ActlabError(`noise ${noise} is out of range for '${name}'; use a fraction from 0 to 1 (Playground's 0..50 divided by 100)`);
  }
  return { n, noise, rng: createRng(options.seed ?? 0) };
}

/** How many of `n` rows class `c` of `k` gets: as equal as possible, the first classes one more. */
export function classShare(n: number, k: number, c: number): number {
  return Math.floor(n / k) + (c < n % k ? 1 : 0);
}

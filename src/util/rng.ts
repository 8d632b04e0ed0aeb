import { ActlabError } from './errors.js';

/**
 * A seeded pseudo-random number generator. The same seed always gives the same stream, on every
 * platform. Pass it explicitly; there is no global generator.
 */
export interface Rng {
  /** The 32-bit seed this generator was created with. */
  readonly seed: number;
  /** Uniform in [0, 1), with 32 bits of randomness. */
  next(): number;
  /** Uniform in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal (Marsaglia's polar method; the spare value is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n); `n` must be a positive integer. */
  int(n: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T;
}

/** SplitMix32 step: scrambles a 32-bit state into a well-mixed 32-bit output (used to seed sfc32). */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [next, z >>> 0];
}

/**
 * Creates a generator from an integer seed (taken modulo 2^32; negative seeds wrap). The core is
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, passes PractRand/BigCrush), with its
 * 128-bit state filled from the seed by SplitMix32 and 12 warm-up rounds.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new ActlabError(`seed ${String(seed)} is not an integer; use a whole number such as 42`);
  }
  const seed32 = seed >>> 0;
  let s = seed32;
  let out: number;
  [s, out] = splitmix32(s);
  let a = out;
  [s, out] = splitmix32(s);
  let b = out;
  [s, out] = splitmix32(s);
  let c = out;
  let d = 1; // the counter word
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();

  let spare: number | null = null;
  const next = (): number => nextU32() / 4294967296;
  const rng: Rng = {
    seed: seed32,
    next,
    uniform(lo: number, hi: number): number {
      return lo + (hi - lo) * next();
    },
    normal(): number {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u: number;
      let v: number;
      let q: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt((-2 * Math.log(q)) / q);
      spare = v * f;
      return u * f;
    },
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0 || n > 4294967296) {
        throw new RangeError(`rng.int(n) needs an integer n in [1, 2^32], got ${n}`);
      }
      // Rejection sampling keeps the result exactly uniform.
      const limit = 4294967296 - (4294967296 % n);
      let r: number;
      do r = nextU32();
      while (r >= limit);
      return r % n;
    },
    shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T {
      for (let i = array.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = array[i];
        array[i] = array[j];
        array[j] = t;
      }
      return array;
    },
  };
  return rng;
}

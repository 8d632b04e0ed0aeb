/**
 * The part of the project's seeded RNG (`createRng(seed)` in src/util/rng.ts) the engine uses:
 * uniform numbers in [0, 1) and standard normal numbers. Always passed explicitly.
 */
export interface RngLike {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal. */
  normal(): number;
}

/** Fisher–Yates shuffle of `order` in place, driven by `rng`. */
export function shuffleInPlace(order: Uint32Array, rng: RngLike): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

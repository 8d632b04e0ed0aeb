/**
 * The points of the catalog sweep: every entry is finite (or overflows honestly) at each of them
 * (test/activations/catalog.test.ts) and accurate to about 1e-12 relative there, derivative included
 * (test/activations/digits.test.ts against scripts/catalog-references.ts).
 */
export const SWEEP: readonly number[] = [
  0, 1e-30, -1e-30, 1e-12, -1e-12, 1e-9, -1e-9, 1e-7, -1e-7, 1, -1, 20, -20, 100, -100, 1e4, -1e4, 1e5, -1e5, 1e8, -1e8, 1e12, -1e12, 1e15, -1e15,
  1e30, -1e30, 1e300, -1e300,
];

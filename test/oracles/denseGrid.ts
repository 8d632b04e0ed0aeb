/**
 * The f32 input grid the oracle comparisons run on: 0, ±subnormal and tiny values, ±[0.001, 10] every
 * 0.001 (so every kink at a multiple of 0.001 — 0.5, 1, 2.5, 3, 6 — is hit exactly), ±(10, 50] every
 * 0.125 (softplus's threshold at 20), then ±100, ±1e4 and powers of ten up to the largest f32.
 */

const TINY = [1.401298464324817e-45, 1e-44, 1.1754943508222875e-38, 1e-30, 1e-20, 1e-12, 1e-10, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 5e-4];
const LARGE = [100, 1e3, 1e4, 1e5, 1e6, 1e8, 1e10, 1e15, 1e20, 1e30, 1e38, 3.4028234663852886e38];

/** Sorted f32 inputs, symmetric about 0, with no duplicates and no infinities (about 21,000 values). */
export function denseGrid(): Float32Array {
  const pos: number[] = [...TINY];
  for (let i = 1; i <= 10_000; i++) pos.push(i / 1000);
  for (let i = 1; i <= 320; i++) pos.push(10 + i / 8);
  pos.push(...LARGE);
  const values = new Set<number>([0]);
  for (const v of pos) {
    const f = Math.fround(v);
    values.add(f);
    values.add(-f);
  }
  return Float32Array.from([...values].sort((a, b) => a - b));
}

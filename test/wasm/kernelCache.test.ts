import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { Heap, KernelCache, loadBinaryen } from '../../src/wasm/index.js';

beforeAll(async () => {
  await loadBinaryen();
});

/** x·sigmoid(b·x) for a few constants b: distinct expression keys. */
const typed = (b: number) => resolveActivation(`x*sigmoid(${b}*x)`);
const silu = (b: number, x: number): number => x / (1 + Math.exp(-b * x));

function run(cache: KernelCache, heap: Heap, b: number): Float32Array {
  const act = typed(b);
  const k = cache.kernelFor(act);
  expect(k).not.toBe(act.kernel);
  const x = heap.alloc(8);
  x.set([-3, -1, -0.5, 0, 0.25, 1, 2, 4]);
  const y = heap.alloc(8);
  k.forward(x, y, []);
  x.forEach((v, i) => expect(y[i]).toBeCloseTo(silu(b, v), 6));
  return y;
}

describe('kernel cache', () => {
  it('keeps at most its capacity of modules, the least recently used leaving first', () => {
    const heap = new Heap();
    const cache = new KernelCache(heap, 3);
    const acts = [1.5, 2.5, 3.5].map(typed);
    const kernels = acts.map((a) => cache.kernelFor(a));
    expect(cache.size).toBe(3);
    // Use the first again: the second is now the oldest and leaves when a fourth arrives.
    expect(cache.kernelFor(acts[0])).toBe(kernels[0]);
    cache.kernelFor(typed(4.5));
    expect(cache.size).toBe(3);
    expect(cache.kernelFor(acts[0])).toBe(kernels[0]);
    expect(cache.kernelFor(acts[2])).toBe(kernels[2]);
    const again = cache.kernelFor(acts[1]);
    expect(again).not.toBe(kernels[1]);
    expect(cache.size).toBe(3);
  });

  it('an evicted kernel still held by a caller keeps computing the same values as a fresh one', () => {
    const heap = new Heap();
    const cache = new KernelCache(heap, 1);
    const first = cache.kernelFor(typed(1.25));
    for (const b of [2, 3, 5]) run(cache, heap, b);
    expect(cache.size).toBe(1);
    const x = heap.alloc(5);
    x.set([-2, -0.5, 0, 0.5, 2]);
    const y1 = heap.alloc(5);
    const y2 = heap.alloc(5);
    first.forward(x, y1, []);
    cache.kernelFor(typed(1.25)).forward(x, y2, []);
    expect(Array.from(y1)).toEqual(Array.from(y2));
    x.forEach((v, i) => expect(y1[i]).toBeCloseTo(silu(1.25, v), 6));
  });

  it('holds no heap memory per kernel: forty kernels through a cache of four leave the heap where it was', () => {
    const heap = new Heap();
    const cache = new KernelCache(heap, 4);
    // Size the scratch area first (it grows once, then is reused by every call).
    heap.begin(1 << 20);
    heap.finish();
    run(cache, heap, 0.5);
    const x = heap.alloc(8);
    const y = heap.alloc(8);
    x.set([-3, -1, -0.5, 0, 0.25, 1, 2, 4]);
    const before = heap.reserve(16);
    for (let i = 0; i < 40; i++) {
      const b = 1 + i / 8;
      cache.kernelFor(typed(b)).forward(x, y, []);
      expect(y[0]).toBeCloseTo(silu(b, -3), 6);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(heap.reserve(16)).toBe(before + 16);
  });

  it('rejects a capacity below one with a message naming it', () => {
    expect(() => new KernelCache(new Heap(), 0)).toThrow(/capacity is 0/);
  });
});

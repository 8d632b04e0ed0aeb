import fc from 'fast-check';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { createModel, type Model } from '../../src/nn/model.js';
import { train } from '../../src/nn/trainer.js';
import { createRng } from '../../src/util/rng.js';
import { createIsolatedWasmBackend, Heap, type WasmBackend } from '../../src/wasm/index.js';

describe('wasm heap allocator', () => {
  it('never hands out overlapping live blocks, and frees every block back (random alloc/free sequences)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5000 }), fc.nat()), { minLength: 1, maxLength: 60 }), (ops) => {
      const heap = new Heap();
      const base = heap.bytesInUse;
      const live: Float32Array[] = [];
      for (const [allocate, length, pick] of ops) {
        if (allocate || live.length === 0) {
          const a = heap.alloc(length);
          expect(heap.owns(a)).toBe(true);
          expect(a.byteOffset % 16).toBe(0);
          expect(a.every((v) => v === 0)).toBe(true);
          a.fill(live.length + 1);
          live.push(a);
        } else {
          const [a] = live.splice(pick % live.length, 1);
          heap.free(a);
        }
        const spans = live.map((a) => [a.byteOffset, a.byteOffset + a.byteLength]).sort((p, q) => p[0] - q[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
      }
      // Each array still holds what was written into it (nothing else wrote over it).
      live.forEach((a) => expect(a.every((v) => v === a[0])).toBe(true));
      for (const a of live) heap.free(a);
      expect(heap.bytesInUse).toBe(base);
    }), { numRuns: 60 });
  });

  it('reuses a freed block, merges neighbours and lowers the top when the highest block is freed', () => {
    const heap = new Heap();
    const a = heap.alloc(100);
    const b = heap.alloc(100);
    const c = heap.alloc(100);
    const top = heap.highWater;
    heap.free(a);
    heap.free(b);
    const d = heap.alloc(200); // fits in the merged a+b hole
    expect(d.byteOffset).toBe(a.byteOffset);
    expect(heap.highWater).toBe(top);
    heap.free(c);
    expect(heap.highWater).toBe(c.byteOffset);
  });

  it('ignores freeing an array it did not allocate, a view of one, or one already freed', () => {
    const heap = new Heap();
    const a = heap.alloc(8);
    const before = heap.bytesInUse;
    heap.free(new Float32Array(8));
    heap.free(a.subarray(0, 4));
    expect(heap.bytesInUse).toBe(before);
    heap.free(a);
    const after = heap.bytesInUse;
    heap.free(a);
    expect(heap.bytesInUse).toBe(after);
  });
});

describe('models on the wasm backend release their memory', () => {
  let wasm: WasmBackend;
  beforeAll(async () => {
    wasm = await createIsolatedWasmBackend();
  });

  const rng = createRng(4);
  const rows = 64;
  const x = new Float32Array(rows * 4).map(() => rng.next() * 2 - 1);
  const y = new Float32Array(rows).map((_, i) => (x[4 * i] > 0 ? 1 : 0));
  const trainOne = (seed: number): Model => {
    const model = createModel({ inputSize: 4, hidden: [{ units: 32 + (seed % 5) * 8, activation: resolveActivation('tanh') }, { units: 16, activation: resolveActivation('relu') }], outputSize: 1, loss: 'binary_crossentropy' }, createRng(seed), wasm);
    train(model, { train: { x, y, rows } }, { epochs: 2, learningRate: 0.05, batchSize: 8 + (seed % 3), seed, optimizer: { name: seed % 2 ? 'adam' : 'momentum' } });
    return model;
  };

  it('trains 300 models one after another, each disposed, in the memory the first few needed', () => {
    for (let i = 0; i < 10; i++) trainOne(i).dispose();
    const used = wasm.heap.bytesInUse;
    const high = wasm.heap.highWater;
    const memory = wasm.heap.memory.buffer.byteLength;
    for (let i = 10; i < 300; i++) trainOne(i).dispose();
    expect(wasm.heap.bytesInUse).toBe(used);
    expect(wasm.heap.highWater).toBeLessThanOrEqual(high);
    expect(wasm.heap.memory.buffer.byteLength).toBe(memory);
  });

  it('frees the blocks of models that are dropped without dispose once they are garbage collected', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const used = wasm.heap.bytesInUse;
    for (let i = 0; i < 40; i++) trainOne(i);
    expect(wasm.heap.bytesInUse).toBeGreaterThan(used + 40 * 1000);
    // Finalisers run as tasks after a collection.
    for (let tries = 0; tries < 50 && wasm.heap.bytesInUse > used + 2 * 16; tries++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Each rendered kernel (tanh, relu) may keep the parameter array of its last call (16 bytes here).
    expect(wasm.heap.bytesInUse).toBeLessThanOrEqual(used + 2 * 16);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EpochPoint } from '../../web/src/engine/protocol.js';
import { appendHistories, HISTORY_CAP } from '../../web/src/state/history.js';

const rec = (epoch: number): EpochPoint => ({
  epoch, trainLoss: 1 / epoch, testLoss: null, trainAccuracy: null, testAccuracy: null, gradNorms: [], deadFractions: [], saturatedFractions: [],
});

function run(models: number, total: number, chunks: readonly number[]): { h: EpochPoint[][]; stride: number } {
  const h: EpochPoint[][] = [];
  let stride = 1;
  let epoch = 0;
  let c = 0;
  while (epoch < total) {
    const n = Math.min(chunks[c++ % chunks.length], total - epoch);
    const batch = Array.from({ length: n }, (_, k) => rec(epoch + k + 1));
    epoch += n;
    stride = appendHistories(h, Array.from({ length: models }, () => batch), stride);
  }
  return { h, stride };
}

describe('epoch history', () => {
  it('keeps every epoch while under the cap', () => {
    const { h, stride } = run(2, 1000, [7]);
    expect(stride).toBe(1);
    expect(h[0].map((r) => r.epoch)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('stays bounded, increasing, evenly spaced and aligned across models however epochs arrive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 30_000 }), fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 5 }), (models, total, chunks) => {
        const { h, stride } = run(models, total, chunks);
        for (const arr of h) {
          expect(arr.length).toBeLessThanOrEqual(HISTORY_CAP);
          expect(arr.map((r) => r.epoch)).toEqual(h[0].map((r) => r.epoch));
          arr.forEach((r, i) => {
            expect(r.epoch % stride).toBe(0);
            if (i > 0) expect(r.epoch - arr[i - 1].epoch).toBe(stride);
          });
        }
        // It spans the run: the last kept epoch is within one stride of the end.
        expect(total - (h[0].at(-1)?.epoch ?? 0)).toBeLessThan(stride);
      }),
      { numRuns: 40 },
    );
  });
});

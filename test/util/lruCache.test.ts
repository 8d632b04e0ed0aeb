import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/util/lruCache.js';

describe('LruCache', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3); // evicts b
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('never exceeds its capacity and always returns the last value set for a key it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer())), (cap, ops) => {
        const c = new LruCache<number, number>(cap);
        const last = new Map<number, number>();
        for (const [k, v] of ops) {
          c.set(k, v);
          last.set(k, v);
          expect(c.size).toBeLessThanOrEqual(cap);
          expect(c.get(k)).toBe(v);
        }
        for (const [k, v] of last) {
          const got = c.get(k);
          if (got !== undefined) expect(got).toBe(v);
        }
      }),
    );
  });

  it('rejects a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow(/capacity/);
  });
});

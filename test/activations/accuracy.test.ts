/**
 * f64 accuracy of `actlab eval`: values and derivatives agree with high-precision references (computed
 * independently by scripts/reference-values.py) to 1e-12 relative wherever f64 can represent the answer,
 * including ±20 and ±1000 where naive formulas lose every digit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';

const refs = JSON.parse(readFileSync(new URL('../fixtures/reference-values.json', import.meta.url), 'utf8')) as Record<string, { x: number; y: number; dy: number }[]>;

function relErr(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.abs(b) < 1e-300) return Math.abs(a - b) < 1e-300 ? 0 : Infinity;
  return Math.abs(a - b) / Math.abs(b);
}

describe.each(Object.keys(refs))('%s in f64', (id) => {
  const a = resolveActivation(id);
  it('matches the high-precision reference values and derivatives to 1e-12 relative', () => {
    for (const { x, y, dy } of refs[id]) {
      expect(relErr(a.f(x), y), `f(${x}) = ${a.f(x)}, reference ${y}`).toBeLessThan(1e-12);
      expect(relErr(a.df(x), dy), `f'(${x}) = ${a.df(x)}, reference ${dy}`).toBeLessThan(1e-12);
    }
  });
});

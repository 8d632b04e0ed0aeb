/**
 * Digits: every catalog entry and its derivative, at every point of the sweep, agree with a 60-digit
 * evaluation of the same formula (scripts/catalog-references.ts, mpmath) to 1e-12 relative — or, where the
 * value underflows, to within the smallest normal double. A failure here is lost digits: cancellation,
 * an intermediate overflow, a form that should be rewritten.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { activationFromSpec } from '../../src/activations/resolve.js';
import { toText } from '../../src/expr/index.js';
import { SWEEP } from './sweep.js';

type Ref = number | 'inf' | '-inf' | null;
const refs = JSON.parse(readFileSync(new URL('../fixtures/catalog-references.json', import.meta.url), 'utf8')) as Record<
  string,
  { expression: string; derivative: string; points: { x: number; y: Ref; dy: Ref }[] }
>;

const TINY = 2.2250738585072014e-308;

/** Why a value is wrong, or '' if it is right. */
function wrong(got: number, ref: Ref): string {
  if (ref === null) return ''; // no real value (outside the domain): finiteness is the catalog sweep's business
  if (ref === 'inf' || ref === '-inf') return got === (ref === 'inf' ? Infinity : -Infinity) ? '' : `expected ${ref}`;
  if (got === ref) return '';
  const err = Math.abs(got - ref);
  if (Math.abs(ref) < TINY ? err <= TINY : err <= 1e-12 * Math.abs(ref)) return '';
  return `expected ${ref} (relative error ${(err / Math.abs(ref)).toExponential(1)})`;
}

describe('digits', () => {
  it('has references for the sweep points, made from the current formulas', () => {
    const points = Object.values(refs)[0].points.map((p) => p.x);
    expect(points).toEqual([...SWEEP]);
  });

  const entries = CATALOG.filter((s) => refs[s.id] !== undefined).map((s) => [s.id, s] as const);
  it('covers the catalog as it was when the references were made', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(entries)('%s', (id, spec) => {
    const a = activationFromSpec(spec);
    const ref = refs[id];
    it('is accurate to about 1e-12 relative at every sweep point, f and f\'', () => {
      // the references are for this formula: a changed entry needs `npx tsx scripts/catalog-references.ts`
      expect(toText(a.expr)).toBe(ref.expression);
      expect(toText(a.derivative)).toBe(ref.derivative);
      const bad: string[] = [];
      for (const p of ref.points) {
        const fy = wrong(a.f(p.x), p.y);
        if (fy) bad.push(`f(${p.x}) = ${a.f(p.x)}: ${fy}`);
        const dy = wrong(a.df(p.x), p.dy);
        if (dy) bad.push(`f'(${p.x}) = ${a.df(p.x)}: ${dy}`);
      }
      expect(bad).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { getLesson } from '../../src/lessons/lessons.js';
import { resolveParams } from '../../src/lessons/params.js';

describe('resolveParams', () => {
  it('fills defaults and applies overrides by kind', () => {
    const l = getLesson('xor');
    expect(resolveParams(l).hidden).toBe(4);
    expect(resolveParams(l, { hidden: '8' }).hidden).toBe(8);
  });
  it('rejects unknown names, non-numbers and out-of-range values', () => {
    const l = getLesson('xor');
    expect(() => resolveParams(l, { nope: '1' })).toThrow(/has no parameter 'nope'/);
    expect(() => resolveParams(l, { hidden: 'abc' })).toThrow(/must be a number/);
    expect(() => resolveParams(l, { hidden: '2.5' })).toThrow(/whole number/);
    expect(() => resolveParams(l, { hidden: '0' })).toThrow(/must lie in/);
  });
});

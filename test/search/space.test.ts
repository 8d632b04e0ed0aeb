import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSpace, DEFAULT_SPACE, spaceSize } from '../../src/search/space.js';
import { crossover, depthOf, enumerateTrees, mutate, randomTerm, render } from '../../src/search/tree.js';
import { createRng } from '../../src/util/rng.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import { ActlabError } from '../../src/util/errors.js';

const small = checkSpace({
  unary: [{ name: 'x', expression: 'u' }, { name: 'tanh', expression: 'tanh(u)' }, { name: 'scale', expression: 'beta*u' }],
  binary: [{ name: 'mul', expression: 'a*b' }, { name: 'mix', expression: 'beta*a + (1-beta)*b' }],
  depth: 2,
});

describe('search space', () => {
  it('the default space is the 25 unary and 10 binary operators of Ramachandran et al. 2017 and passes its own check', () => {
    expect(DEFAULT_SPACE.unary).toHaveLength(25);
    expect(DEFAULT_SPACE.binary).toHaveLength(10);
    expect(checkSpace(JSON.parse(JSON.stringify(DEFAULT_SPACE)))).toEqual(DEFAULT_SPACE);
  });

  it.each([
    [[], /must be a JSON object/],
    [{ unary: [], binary: [], depth: 0 }, /no unary operators/],
    [{ unary: [{ name: 'x', expression: 'u' }], binary: [], depth: 1 }, /no binary operators/],
    [{ unary: [{ name: 'x', expression: 'u +' }], binary: [], depth: 0 }, /unary\[0\]\.expression 'u \+' is not a valid expression/],
    [{ unary: [{ name: 'x', expression: 'x' }], binary: [], depth: 0 }, /uses x/],
    [{ unary: [{ name: 'x', expression: 'u' }, { name: 'x', expression: '-u' }], binary: [], depth: 0 }, /appears twice/],
    [{ unary: [{ name: 'x', expression: 'u' }], binary: [], depth: 9 }, /"depth" must be a whole number from 0 to 3/],
    [{ unary: [{ name: 'x', expression: 'u' }], binary: [], depth: 0, colour: 1 }, /unknown field 'colour'/],
  ])('a malformed space %j is refused with one line naming the problem', (space, message) => {
    expect(() => checkSpace(space)).toThrow(ActlabError);
    expect(() => checkSpace(space)).toThrow(message);
  });

  it('enumeration yields exactly spaceSize trees, simplest first, all distinct', () => {
    const trees = [...enumerateTrees(small)];
    expect(trees).toHaveLength(spaceSize(small));
    expect(new Set(trees.map((t) => JSON.stringify(t))).size).toBe(trees.length);
    const depths = trees.map(depthOf);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(spaceSize(DEFAULT_SPACE)).toBe(25 + 25 * 10 * 25 * 25);
  });

  it('every rendered tree is an expression the language resolves, with one declared beta per parametric operator', () => {
    for (const t of [...enumerateTrees(small)].slice(0, 400)) {
      const text = render(t, small);
      const a = resolveActivation(text);
      expect(Number.isFinite(a.f(0.5))).toBe(true);
    }
    expect(render({ u: 2, beta: 1.5, arg: 'x' }, small)).toBe('beta1*x; beta1=1.5');
  });

  it('random trees, mutations and crossovers stay inside the depth bound (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
      const rng = createRng(seed);
      let a = randomTerm(small, rng);
      const b = randomTerm(small, rng);
      for (let i = 0; i < 20; i++) {
        a = i % 3 === 0 ? crossover(a, b, small, rng) : mutate(a, small, rng);
        expect(depthOf(a)).toBeLessThanOrEqual(small.depth);
        expect(() => resolveActivation(render(a, small))).not.toThrow();
      }
    }), { numRuns: 60 });
  });

  it('the same seed builds the same trees', () => {
    const run = (s: number) => {
      const rng = createRng(s);
      return Array.from({ length: 10 }, () => render(mutate(randomTerm(DEFAULT_SPACE, rng), DEFAULT_SPACE, rng), DEFAULT_SPACE));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});

/**
 * Entries defined from other entries: a catalog id used as a function inside an expression is replaced by
 * that entry's expression (x := the argument, its parameters := further arguments or their defaults)
 * before simplification and differentiation, in catalog entries and in users' expressions alike.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, findSpec } from '../../src/activations/registry.js';
import { MAX_EXPANDED_NODES, activationFromSpec, resolveActivation } from '../../src/activations/resolve.js';
import { toText } from '../../src/expr/print.js';

const grid = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);

describe('entry references', () => {
  it('define hard_swish as x·relu6(x + 3)/6, equal to the PyTorch formula, with its kink conventions', () => {
    expect(findSpec('hard_swish')!.expression).toBe('x*relu6(x + 3)/6');
    const a = resolveActivation('hard_swish');
    expect(toText(a.expr)).toContain('clamp(x + 3, 0, 6)');
    for (const x of grid) expect(a.f(x)).toBeCloseTo((x * Math.min(Math.max(x + 3, 0), 6)) / 6, 14);
    expect(a.df(-3)).toBe(0);
    expect(a.df(3)).toBe(1);
  });

  it('work in expressions typed by users, with the same values as the entry', () => {
    const typed = resolveActivation('x*relu6(x + 3)/6');
    const entry = resolveActivation('hard_swish');
    for (const x of grid) {
      expect(typed.f(x)).toBe(entry.f(x));
      expect(typed.df(x)).toBe(entry.df(x));
    }
  });

  it('take the referenced entry\'s parameters as further arguments, or its defaults', () => {
    const half = resolveActivation('elu(x, 0.5)');
    const elu = activationFromSpec(findSpec('elu')!, { alpha: 0.5 });
    for (const x of grid) expect(half.f(x)).toBe(elu.f(x));
    const leaky = resolveActivation('leaky_relu(2*x)');
    expect(leaky.f(-1)).toBeCloseTo(-0.02, 15);
    const withParam = resolveActivation('swish_beta(x, b); b=2');
    expect(withParam.f(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(withParam.paramDerivatives).toHaveLength(1);
  });

  it('nest: golu uses loglog, atlu uses cauchit, sparse_plus uses smelu, each equal to the formula written out', () => {
    const golu = resolveActivation('golu');
    const atlu = resolveActivation('atlu');
    const sp = resolveActivation('sparse_plus');
    for (const x of grid) {
      expect(golu.f(x)).toBeCloseTo(x < -7 ? 0 : x * Math.exp(-Math.exp(-x)), 14);
      expect(atlu.f(x)).toBeCloseTo(x * (0.5 + Math.atan(x) / Math.PI), 14);
      expect(sp.f(x)).toBe(x <= -1 ? 0 : x >= 1 ? x : (x + 1) ** 2 / 4);
    }
  });

  it('are used by some catalog entries, and every referenced name is a catalog entry', () => {
    const calls = CATALOG.flatMap((s) => [...s.expression.matchAll(/([a-z][a-z0-9_]*)\(/g)].map((m) => m[1]).filter((n) => findSpec(n) && !['sigmoid', 'tanh', 'softplus', 'erf', 'sinc', 'logsigmoid', 'sech'].includes(n)));
    expect(new Set(calls).size).toBeGreaterThanOrEqual(8);
  });

  it('refuse wrong argument counts, vector entries and expansions that grow too large, in one line', () => {
    expect(() => resolveActivation('relu(x, 1)')).toThrow(/relu takes 1 argument but was given 2/);
    expect(() => resolveActivation('elu(x, 1, 2)')).toThrow(/elu takes 1 to 2 arguments but was given 3/);
    expect(() => resolveActivation('x*softmax(x)')).toThrow(/'softmax' is a vector activation/);
    const deep = `${'gelu_tanh('.repeat(12)}x${')'.repeat(12)}`;
    expect(() => resolveActivation(deep)).toThrow(new RegExp(`grows beyond ${MAX_EXPANDED_NODES} parts`));
    expect(() => resolveActivation('relu_nope(x)')).toThrow(/unknown function 'relu_nope'/);
  });
});

describe('cut-offs', () => {
  it('are explained wherever an expression compares x with a constant of size 7 or more', () => {
    const guarded = CATALOG.filter((s) => [...s.expression.matchAll(/[<>]=?\s*(-?[\d.]+(?:e\d+)?)/g)].some((m) => Math.abs(Number(m[1])) >= 7));
    expect(guarded.map((s) => s.id)).toEqual(expect.arrayContaining(['cloglog', 'loglog', 'gelu_tanh', 'tanh_exp']));
    for (const s of guarded) expect(s.implementation?.length ?? 0, s.id).toBeGreaterThan(60);
    for (const id of ['softplus', 'cloglog', 'loglog', 'gelu_tanh']) expect(findSpec(id)!.implementation, id).toMatch(/function/);
  });
});

/**
 * The catalog against PyTorch (CPU, float64, Debian's python3-torch): values and autograd gradients of
 * every entry PyTorch has, on a grid that hits the kinks (0, ±0.5, ±1, ±3, 6, ...) exactly, so the
 * conventions at kinks are compared too. Skipped where python3 with torch is not installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';

const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0);
const XS = [...Array.from({ length: 321 }, (_, i) => -8 + i * 0.05).map((v) => Math.round(v * 100) / 100), -1e4, -100, -30, 25, 30, 100, 1e4];

/**
 * Where this PyTorch (Debian's 1.13) is known to differ: hardsigmoid's backward uses the float32 constant
 * 1/6 even in float64 (relative error 3e-8); hardswish'(-3) is -0.5 before the fix that made it 0.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, { gradRel?: number; gradAt?: Readonly<Record<number, number>> }>> = {
  hard_sigmoid: { gradRel: 1e-7 },
  hard_swish: { gradAt: { [-3]: -0.5 } },
};

/** Relative closeness with an absolute floor. */
function close(a: number, b: number, rel: number, abs: number): boolean {
  if (Object.is(a, b) || a === b) return true;
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

describe.runIf(python !== undefined)('the catalog against PyTorch (float64)', () => {
  const run = python ? spawnSync(python, ['test/oracles/torchOracle.py', JSON.stringify(XS)], { encoding: 'utf8', maxBuffer: 64 << 20 }) : undefined;
  const table = run?.status === 0 ? (JSON.parse(run.stdout, (_k, v: unknown) => (typeof v === 'string' ? Number(v) : v)) as Record<string, { y: number[]; dy: number[] | null }>) : {};

  it('runs the PyTorch script and covers at least 30 entries', () => {
    expect(run?.status, run?.stderr).toBe(0);
    expect(Object.keys(table).length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.keys(table))('%s: values and gradients agree, kinks included', (id) => {
    const a = resolveActivation(id);
    const { y, dy } = table[id];
    const known = KNOWN_DIFFERENCES[id];
    const bad: string[] = [];
    XS.forEach((x, i) => {
      // erf-based forms (torch's gelu, ndtr) lose relative precision in the far left tail: 1e-13 absolute.
      if (!close(a.f(x), y[i], 1e-12, 1e-13)) bad.push(`f(${x}) = ${a.f(x)} vs torch ${y[i]}`);
      const gradRel = known?.gradRel ?? 1e-10;
      if (dy && !(known?.gradAt?.[x] === dy[i]) && !close(a.df(x), dy[i], gradRel, 1e-13)) bad.push(`f'(${x}) = ${a.df(x)} vs torch ${dy[i]}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('differs from this PyTorch only where PyTorch itself is off or follows an older convention', () => {
    const at = (id: string, x: number) => table[id]?.dy?.[XS.indexOf(x)];
    // hardsigmoid_backward multiplies by the float32 constant 1/6 even in float64
    expect(at('hard_sigmoid', 1)).toBe(Math.fround(1 / 6));
    expect(resolveActivation('hard_sigmoid').df(1)).toBe(1 / 6);
    // hardswish'(-3): -0.5 in PyTorch 1.13 (and earlier), 0 in current PyTorch and in the catalog
    expect([-0.5, 0]).toContain(at('hard_swish', -3));
    expect(resolveActivation('hard_swish').df(-3)).toBe(0);
  });
});

/** The catalog commands with vector activations: show, eval (rows, Jacobians), plot, and their errors. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { VECTOR_ACTIVATIONS } from '../../src/activations/vector.js';

describe('actlab show <vector activation>', () => {
  it.each(VECTOR_ACTIVATIONS.map((v) => v.id))('%s: formula, Jacobian, temperature, properties and an example', async (id) => {
    const r = await runCli(['show', id]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('vector activation');
    expect(r.out).toMatch(/f\(x\)_i {5}= y_i = /);
    expect(r.out).toContain('Jacobian   : dy_i/dx_j');
    expect(r.out).toContain('temperature = 1');
    for (const p of ['range of each output', 'sums to 1', 'shift invariant', 'exact zeros (sparse)']) expect(r.out).toContain(p);
    expect(r.out).toMatch(/example: f\(1, 2, 3\) = /);
  });

  it('--json has the formula, Jacobian, LaTeX, properties and the example Jacobian, at the chosen temperature', async () => {
    const r = await runCli(['show', 'softmax:temperature=2', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ id: 'softmax', key: 'softmax:temperature=2', kind: 'vector', properties: { sumsToOne: true, shiftInvariant: true, sparse: false } });
    expect(d.params[0]).toMatchObject({ name: 'temperature', value: 2, default: 1 });
    expect(d.latex.jacobian).toContain('\\delta_{ij}');
    const z = Math.exp(0.5) + Math.exp(1) + Math.exp(1.5);
    expect(d.example.y[2]).toBeCloseTo(Math.exp(1.5) / z, 14);
    // J = (diag(y) - y yᵀ)/T
    expect(d.example.jacobian[0][1]).toBeCloseTo((-d.example.y[0] * d.example.y[1]) / 2, 14);
  });
});

describe('actlab eval <vector activation>', () => {
  it('evaluates one row or several rows separated by ;', async () => {
    const r = await runCli(['eval', 'softmax', '--x=1,2,3', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0].y).toEqual([0.09003057317038046, 0.24472847105479764, 0.6652409557748218]);
    const r2 = await runCli(['eval', 'sparsemax', '--x=1,2,3;0.5,1,0;2,2', '--json']);
    expect(JSON.parse(r2.out).rows.map((row: { y: number[] }) => row.y)).toEqual([[0, 0, 1], [0.25, 0.75, 0], [0.5, 0.5]]);
  });

  it('--grad prints the Jacobian, whose rows sum to 0 for a distribution', async () => {
    const r = await runCli(['eval', 'entmax15', '--x=1,2,3', '--grad', '--json']);
    const jac = JSON.parse(r.out).rows[0].jacobian as number[][];
    expect(jac).toHaveLength(3);
    for (const row of jac) expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    expect(jac[0]).toEqual([0, 0, 0]);
    const text = await runCli(['eval', 'log_softmax', '--x=0,0', '--grad']);
    expect(text.out).toContain('Jacobian ∂y_i/∂x_j');
    expect(text.out).toContain('-0.6931471805599453');
  });
});

describe('actlab plot <vector activation>', () => {
  it('draws the outputs of a row as one entry varies, to SVG and PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actlab-vplot-'));
    const r = await runCli(['plot', 'softmax', '--out', 's.svg', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ activations: ['softmax'], kind: 'vector', at: '0,1,2', vary: 1 });
    const svg = readFileSync(join(dir, 's.svg'), 'utf8');
    for (const s of ['y1', 'y2', 'y3', 'softmax(x1, 1, 2) as x1 varies']) expect(svg).toContain(s);
    const r2 = await runCli(['plot', 'entmax15:temperature=0.5', '--at', '0,0,1,2', '--vary', '4', '--out', 'e.png'], dir);
    expect(r2.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['e.png', 's.svg']);
  });
});

describe('vector activations: bad input', () => {
  const cases: Array<[string[], RegExp]> = [
    [['show', 'softmax:temperature=0'], /temperature' of softmax must be between 0.001 and 1000/],
    [['show', 'softmax:beta=2'], /softmax has no parameter 'beta'/],
    [['eval', 'softmax', '--x=1,foo'], /--x has 'foo', which is not a decimal number/],
    [['eval', 'softmax', '--x=;'], /--x has no row/],
    [['plot', 'softmax', '--out', 'v.svg', '--vary', '7'], /--vary must be a whole number from 1 to 3/],
    [['plot', 'softmax', '--out', 'v.svg', '--at', '1'], /--at must give a row of 2 to 12 numbers/],
    [['train', '--data', 'xor', '--activation', 'softmax'], /'softmax' is a vector activation/],
    [['show', 'x*softmax(x)'], /is a vector activation .* cannot be used inside an elementwise expression/],
  ];
  it.each(cases)('%j fails with exit code 2 and one line on stderr', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'actlab-vbad-'));
    const r = await runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('actlab list', () => {
  it('groups the catalog by family and counts it', async () => {
    const r = await runCli(['list']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^rectifier \(\d+\)/m);
    expect(r.out).toContain('leaky_relu');
    expect(r.out).toMatch(/\d+ scalar and 5 vector activations/);
  });

  it('--json gives {id, name, aliases, kind, family, params, expression, frameworks, year} for every entry (≥ 150 scalar, ≥ 5 vector)', async () => {
    const r = await runCli(['list', '--json']);
    const list = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(list.filter((e) => e.kind === 'scalar').length).toBeGreaterThanOrEqual(150);
    expect(list.filter((e) => e.kind === 'vector').length).toBeGreaterThanOrEqual(5);
    for (const e of list) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['aliases', 'expression', 'family', 'frameworks', 'id', 'kind', 'name', 'params', 'year']));
      expect(Object.keys(e).sort()).toEqual(e.kind === 'vector'
        ? ['aliases', 'expression', 'family', 'frameworks', 'id', 'jacobian', 'kind', 'name', 'params', 'year']
        : ['aliases', 'expression', 'family', 'frameworks', 'id', 'kind', 'name', 'paper', 'params', 'year']);
    }
    expect(list.find((e) => e.id === 'softmax')?.kind).toBe('vector');
    expect(list.find((e) => e.id === 'elu')?.params).toEqual([{ name: 'alpha', default: 1, description: expect.any(String), learnable: false }]);
  });
});

describe('actlab show', () => {
  it('prints formula, derivative, properties, frameworks and a terminal plot', async () => {
    const r = await runCli(['show', 'relu']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('f(x)   = x > 0 ? x : 0');
    expect(r.out).toContain("f'(x)  = x > 0 ? 1 : 0");
    expect(r.out).toMatch(/range\s+\[0, ∞\)/);
    expect(r.out).toContain('torch.nn.ReLU');
    expect(r.out).toMatch(/[⠁-⣿]/);
  });

  it('--json has the documented fields and computed properties, for a custom expression too', async () => {
    const r = await runCli(['show', 'x*sigmoid(1.702*x)', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ id: null, expression: 'x*sigmoid(1.702*x)', latex: { f: expect.any(String), df: expect.any(String) } });
    expect(j.derivative).toContain('sigmoid');
    expect(j.properties.range.upper).toBeNull();
    expect(j.properties.range.lowerClosed).toBe(true);
    expect(j.properties.monotonic).toBe(false);
  });

  it('says for each property whether it was proved or sampled, and calls an unbounded slope unbounded', async () => {
    const j = JSON.parse((await runCli(['show', 'cbrt(x)', '--json'])).out);
    expect(j.properties).toMatchObject({ continuity: 'C0', maxAbsDerivative: null, monotonic: true });
    expect(j.properties.evidence).toMatchObject({ continuity: 'proved', maxAbsDerivative: 'proved', monotonic: 'proved', saturating: 'proved' });
    const r = await runCli(['show', 'cbrt(x)']);
    expect(r.out).toMatch(/max \|f'\|\s+unbounded\s+proved/);
    expect(r.out).toMatch(/continuity\s+C0\s+proved/);
    const t = JSON.parse((await runCli(['show', 'x - tanh(x)', '--json'])).out);
    expect([t.properties.monotonicity, t.properties.evidence.monotonic]).toEqual(['increasing', 'proved']);
  });

  it('accepts parameters after a colon and reports them', async () => {
    const j = JSON.parse((await runCli(['show', 'elu:alpha=0.5', '--json'])).out);
    expect(j.params[0]).toMatchObject({ name: 'alpha', value: 0.5, default: 1 });
    expect(j.properties.range.lower).toBeCloseTo(-0.5, 6);
  });
});

describe('actlab eval', () => {
  it('prints values and derivatives in full f64 precision', async () => {
    const r = await runCli(['eval', 'sigmoid', '--x=-1000,0,20', '--grad', '--json']);
    const j = JSON.parse(r.out);
    expect(j.id).toBe('sigmoid');
    expect(j.x).toEqual([-1000, 0, 20]);
    expect(j.y[1]).toBe(0.5);
    expect(j.dy[1]).toBe(0.25);
    expect(j.y[2]).toBeCloseTo(0.9999999979388463, 15);
    expect(j.dy[2]).toBeGreaterThan(0);
  });

  it('takes a range from:to:count and an expression', async () => {
    const r = await runCli(['eval', 'x^2', '--x=-1:1:3']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/))).toEqual([
      ['-1', '1'],
      ['0', '0'],
      ['1', '1'],
    ]);
  });
});

describe('actlab table', () => {
  it('computes the property table for the whole catalog in md, csv and json', async () => {
    const md = await runCli(['table', '--format', 'md']);
    expect(md.out.split('\n')[0]).toMatch(/^\| id \| range \| monotonic/);
    expect(md.out).toMatch(/\| sqnl \| \[-1, 1\] \| yes \| no \| C1 \|/);
    const csv = await runCli(['table', '--format', 'csv']);
    expect(csv.out.split('\n')[0]).toBe("id,range,monotonic,monotonic f',continuity,identity near 0,zero-centred,saturates,max |f'|,dead zone");
    const j = JSON.parse((await runCli(['table', '--format', 'json'])).out) as Array<{ id: string; properties: { continuity: string } }>;
    expect(j.find((e) => e.id === 'relu')?.properties.continuity).toBe('C0');
    expect(j.find((e) => e.id === 'tanh')?.properties.continuity).toBe('Cinf');
  });
});

describe('actlab plot', () => {
  it('writes an SVG with a title and a legend entry per curve, and a PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actlab-plot-'));
    const r = await runCli(['plot', 'relu', 'gelu', '--derivative', '--out', 'p.svg'], dir);
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'p.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain("gelu'");
    const r2 = await runCli(['plot', 'tanh,sigmoid', '--out', 'p.png'], dir);
    expect(r2.code).toBe(0);
    expect(readFileSync(join(dir, 'p.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readdirSync(dir).sort()).toEqual(['p.png', 'p.svg']);
  });
});

describe('bad input', () => {
  const cases: Array<[string[], RegExp]> = [
    [['show', 'leaky_rleu'], /unknown activation 'leaky_rleu'; did you mean leaky_relu\?/],
    [['show', 'x*sigmoid(1.702*x'], /column 18: expected ',' or '\)'/],
    [['show', 'elu:alpah=1'], /elu has no parameter 'alpah'; did you mean alpha\?/],
    [['show', 'elu:alpha=abc'], /parameter 'alpha' .* must be a finite decimal number/],
    [['show', 'elu:alpha=0x10'], /parameter 'alpha' .* must be a finite decimal number, got '0x10'/],
    [['show', 'elu:alpha=1,alpha=2'], /parameter 'alpha' is given twice/],
    [['show', 'hardtanh:min_val=2,max_val=1'], /hardtanh: max_val \(1\) must be greater than min_val \(2\)/],
    [['eval', 'relu', '--x=0x10'], /--x has '0x10', which is not a decimal number/],
    [['eval', 'relu', '--x=0b11'], /--x has '0b11', which is not a decimal number/],
    [['plot', 'relu', '--out', '/proc/a.svg'], /--out '\/proc\/a.svg': cannot write in the folder '\/proc'/],
    [['plot', 'relu', '--out', `${'a'.repeat(300)}.svg`], /a name in the path is 304 bytes long; the limit is 255/],
    [['show', `${'('.repeat(70)}x${')'.repeat(70)}`], /nested too deeply \(more than 64 levels/],
    [['show', 'elu:alpha=-1'], /parameter 'alpha' of elu must be at least 0/],
    [['eval', 'relu', '--x=1,foo'], /--x has 'foo', which is not a decimal number/],
    [['eval', 'relu', '--x=1', '--bogus'], /unknown option '--bogus'/],
    [['table', '--format', 'xml'], /--format must be one of text, md, csv, json/],
    [['plot', 'relu', '--out', 'x.jpg'], /use a \.svg or \.png file name/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  it.each(cases)('%j fails with exit code 2 and one line on stderr', async (args, message) => {
    const r = await runCli(args, tmpdir());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^actlab: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('an expression that starts with a dash', () => {
  it('show -x is the expression -x, not an option', async () => {
    const r = await runCli(['show', '-x', '--json'], tmpdir());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).expression).toBe('-x');
  });

  it('eval -x^2 --x=2 gives -4, with the option after the expression or before it', async () => {
    for (const args of [['eval', '-x^2', '--x=2', '--json'], ['eval', '--x', '2', '-x^2', '--json']]) {
      const r = await runCli(args, tmpdir());
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).y).toEqual([-4]);
    }
  });

  it('an unknown long option is still an error', async () => {
    const r = await runCli(['show', '-x', '--bogus'], tmpdir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--bogus'/);
  });
});

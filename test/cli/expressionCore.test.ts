/**
 * CLI end-to-end: the commands of issue 9 ("the expression core made exact") run the built command
 * (bin/actlab.js over dist/) and each gives a result (exit 0) or one clear line with exit 2 — no stack
 * overflow, no hang (a kill guard of 60 s fails a hanging command; timings themselves are not asserted).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let dir = '';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function actlab(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('node', [join(root, 'bin/actlab.js'), ...args], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, out, err });
    });
  });
}

const product200 = Array.from({ length: 200 }, () => 'x').join('*');
const sum2000 = Array.from({ length: 2000 }, () => 'x').join('+');

const COMMANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['eval 2*pi*x', ['eval', '2*pi*x', '--x=1', '--json']],
  ['eval e*x^2', ['eval', 'e*x^2', '--x=1', '--json']],
  ['eval sin(pi*x)/(pi*x)', ['eval', 'sin(pi*x)/(pi*x)', '--x=1', '--json']],
  ['show 1e308*tanh(x)', ['show', '1e308*tanh(x)', '--json']],
  ['plot sin(1e300*x)', ['plot', 'sin(1e300*x)', '--out', 's.svg']],
  ['show 1e308*x', ['show', '1e308*x']],
  ['show prelu:alpha=1e308', ['show', 'prelu:alpha=1e308']],
  ['eval of a product of 200 factors', ['eval', product200, '--x=1.001', '--grad', '--json']],
  ['show of a product of 200 factors', ['show', product200, '--json']],
  ['eval of 2,000 terms', ['eval', sum2000, '--x=1', '--json']],
  ['eval sqrt(x) > 1 ? 1 : 0 at -4', ['eval', 'sqrt(x) > 1 ? 1 : 0', '--x=-4', '--json']],
  ['eval log(x) ? 5 : 5 at -1', ['eval', 'log(x) ? 5 : 5', '--x=-1', '--json']],
  ['show log(1+exp(x))', ['show', 'log(1+exp(x))', '--json']],
  ['a product of 5,000 factors (over the text limit)', ['eval', Array.from({ length: 2500 }, () => 'x').join('*'), '--x=1']],
];

describe('the commands of issue 9, run as a user runs them', () => {
  const results = new Map<string, Run>();
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/cli/main.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'actlab-expr-'));
    const runs = await Promise.all(COMMANDS.map(([, args]) => actlab(args)));
    COMMANDS.forEach(([name], i) => results.set(name, runs[i]));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(COMMANDS.map(([name]) => [name]))('%s gives a result, or exit 2 with one line', (name) => {
    const r = results.get(name) as Run;
    expect(r.code === 0 || r.code === 2, `${name}: exit ${r.code}, stderr ${r.err}`).toBe(true);
    if (r.code === 2) {
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^actlab: .+; .+/);
      expect(r.out).toBe('');
    } else expect(r.err).toBe('');
  });

  const json = (name: string) => JSON.parse((results.get(name) as Run).out) as Record<string, unknown>;

  it('computes the values that used to crash or differ', () => {
    expect(json('eval 2*pi*x').y).toEqual([2 * Math.PI]);
    expect(json('eval e*x^2').y).toEqual([Math.E]);
    expect((json('eval sin(pi*x)/(pi*x)').y as number[])[0]).toBeCloseTo(0, 15);
    expect(json('eval of 2,000 terms').y).toEqual([2000]);
    expect((json('eval of a product of 200 factors').y as number[])[0]).toBeCloseTo(1.001 ** 200, 10);
    // the condition is NaN, so the value is NaN (written "NaN" in the JSON)
    expect(json('eval sqrt(x) > 1 ? 1 : 0 at -4').y).toEqual(['NaN']);
    expect(json('eval log(x) ? 5 : 5 at -1').y).toEqual(['NaN']);
    expect(readFileSync(join(dir, 's.svg'), 'utf8')).toContain('<svg');
  });

  it('says what show rewrote for stability, in --json too', () => {
    const j = json('show log(1+exp(x))');
    expect(j.expression).toBe('softplus(x)');
    expect(j.rewrites).toEqual([{ rule: 'log(1 + u) → log1p(u), then log1p(exp(u)) → softplus(u)', from: 'log(1 + exp(x))', to: 'softplus(x)' }]);
  });

  it('names the limit when an expression is too long', () => {
    const r = results.get('a product of 5,000 factors (over the text limit)') as Run;
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/4000 characters/);
  });
});

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

/**
 * The property cases of the issue, each with what `show --json` must report (hand-derived): monotonicity,
 * continuity with max |f'| (null: unbounded), definedness, saturation, zero-centredness and identity near 0.
 */
const PROPERTY_CASES: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['tanhshrink', { monotonicity: 'increasing' }], // f' = tanh² ≥ 0
  ['x - tanh(x)', { monotonicity: 'increasing' }],
  ['sinh(x)-x', { monotonicity: 'increasing' }], // f' = cosh - 1 ≥ 0
  ['x-atan(x)', { monotonicity: 'increasing' }], // f' = x²/(1 + x²) ≥ 0
  ['log1p(exp(x))', { definedEverywhere: true, monotonicity: 'increasing' }], // finite in exact arithmetic
  ['cbrt(x)', { continuity: 'C0', maxAbsDerivative: null }], // f' = x^(-2/3)/3 unbounded at 0
  ['sqrt(abs(x))', { continuity: 'C0', maxAbsDerivative: null }],
  ['x > 0 ? sqrt(x) : 0', { continuity: 'C0', maxAbsDerivative: null }],
  ['x + 1.00000001*sin(x)', { monotonic: false }], // f' = 1 + 1.00000001·cos x < 0 near π
  ['x + 0.01*exp(-((x - 0.5)/0.001)^2)', { monotonic: false }], // a bump of width 1e-3: f' reaches 1 − 8.58
  ['x/(1 + abs(x))^0.2', { saturating: { left: true, right: true } }], // f' ~ 0.8·|x|^(−0.2) → 0
  ['x + 1e-13', { zeroCentered: false, identityNearOrigin: false }], // f(0) = 1e-13
];

/** Runs the commands at most `n` at a time (the CI machine has few cores; every one gets the same 60 s guard). */
async function pool<T>(jobs: ReadonlyArray<() => Promise<T>>, n: number): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  }));
  return out;
}

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
  ['show sqrt(x) > 1 ? 1 : 0', ['show', 'sqrt(x) > 1 ? 1 : 0', '--json']],
  ['eval c ? x : x', ['eval', 'x ? x : x', '--x=nan,0,2', '--json']],
  ['eval clamp with lo > hi', ['eval', 'clamp(x, 1, -1)', '--x=-2,0,2', '--json']],
  // the property cases of the issue
  ...PROPERTY_CASES.map(([e]) => [`show ${e}`, ['show', e, '--json']] as const),
  // the lost digits of the issue, and sinc_normalized at whole numbers
  ['eval tanhshrink near 0', ['eval', 'tanhshrink', '--x=1e-9,1e-7', '--grad', '--json']],
  ['eval isru far out', ['eval', 'isru', '--x=1000,-1000,1e8', '--grad', '--json']],
  ['eval isrlu far out', ['eval', 'isrlu', '--x=1000,-1000,-1e8', '--grad', '--json']],
  ['eval softsign far out', ['eval', 'softsign', '--x=1e12', '--grad', '--json']],
  ['eval sinc_normalized at whole numbers', ['eval', 'sinc_normalized', '--x=100,1e15,1e300', '--grad', '--json']],
];

describe('the commands of issue 9, run as a user runs them', () => {
  const results = new Map<string, Run>();
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/cli/main.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'actlab-expr-'));
    const runs = await pool(COMMANDS.map(([, args]) => () => actlab(args)), 4);
    COMMANDS.forEach(([name], i) => results.set(name, runs[i]));
  }, 480_000);
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

  it('gives show --json of the 200-factor product with its second derivative left out (millions of parts written out)', () => {
    const j = json('show of a product of 200 factors');
    expect(j.secondDerivative).toBeNull();
    expect(typeof j.derivative).toBe('string');
    expect((j.properties as Record<string, unknown>).continuity).toBe('Cinf');
  });

  it('keeps NaN through conditions and clamps with lo > hi to hi, as NumPy and PyTorch', () => {
    const p = json('show sqrt(x) > 1 ? 1 : 0').properties as Record<string, unknown>;
    expect(p.definedEverywhere).toBe(false);
    expect(json('eval c ? x : x').y).toEqual(['NaN', 0, 2]);
    expect(json('eval clamp with lo > hi').y).toEqual([-1, -1, -1]);
  });

  it.each(PROPERTY_CASES.map(([e, want]) => [e, want] as const))('reports the hand-derived properties of %s', (e, want) => {
    const p = json(`show ${e}`).properties as Record<string, unknown>;
    for (const [k, v] of Object.entries(want)) expect(p[k], `${e}: ${k}`).toEqual(v);
  });

  it('keeps the digits the issue found lost (1e-12 relative against closed forms)', () => {
    const near = (got: unknown, want: number) => expect(Math.abs((got as number) - want), `${String(got)} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.abs(want));
    const t = json('eval tanhshrink near 0');
    // x - tanh(x) = x³/3 - 2x⁵/15 + …; f' = tanh² = x² - 2x⁴/3 + …
    (t.x as number[]).forEach((x, i) => {
      near((t.y as number[])[i], x ** 3 / 3 - (2 * x ** 5) / 15);
      near((t.dy as number[])[i], x ** 2 - (2 * x ** 4) / 3);
    });
    // isru' = (1 + x²)^(−3/2) (1 + x² is exact at these x); isrlu is isru below 0 and has slope 1 above
    for (const name of ['eval isru far out', 'eval isrlu far out']) {
      const r = json(name);
      (r.x as number[]).forEach((x, i) => near((r.dy as number[])[i], name.includes('isrlu') && x >= 0 ? 1 : (1 + x * x) ** -1.5));
    }
    near((json('eval softsign far out').dy as number[])[0], 1 / (1 + 1e12) ** 2);
    const s = json('eval sinc_normalized at whole numbers');
    expect(s.y).toEqual([0, 0, 0]);
    // f'(n) = cos(πn)/n = 1/n at even n (100, 1e15 and the double 1e300 are even)
    (s.x as number[]).forEach((x, i) => near((s.dy as number[])[i], 1 / x));
  });

  it('rejects a number node that is not a number through the library API, before any code is built', () => {
    const r = execFileSync('node', ['--input-type=module', '-e', `
      import { compileScalar } from ${JSON.stringify(join(root, 'dist/index.js'))};
      const before = process.title;
      let msg = 'compiled';
      try { compileScalar({ kind: 'num', value: '(process.title="owned",0)' }, []); } catch (e) { msg = e.message; }
      console.log(JSON.stringify({ msg, title: process.title === before }));
    `], { encoding: 'utf8' });
    const out = JSON.parse(r) as { msg: string; title: boolean };
    expect(out.title).toBe(true);
    expect(out.msg).toMatch(/a number node's value must be a number/);
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

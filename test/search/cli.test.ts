import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'actlab-search-'));
const small = ['--data', 'moons', '--n', '100', '--hidden', '4', '--epochs', '5', '--seeds', '2', '--population', '3', '--top', '2', '--baselines', 'relu,tanh', '--workers', '1', '--quiet'];

describe('actlab search (CLI)', () => {
  it('writes the report, results and charts, and prints the leaderboard', async () => {
    const dir = join(tmp(), 'run');
    const r = await runCli(['search', ...small, '--budget', '4', '--seed', '2', '--out', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Activation search on moons: 4 candidates trained × 2 seeds/);
    expect(r.out).toMatch(/Holm–Bonferroni/);
    for (const f of ['report.md', 'results.json', 'results.csv', 'leaderboard.csv', 'top-functions.svg', 'generations.svg', 'search.json', 'runs.json']) expect(existsSync(join(dir, f))).toBe(true);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/## Leaderboard/);
    expect(readFileSync(join(dir, 'top-functions.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Resuming a finished search retrains nothing and reproduces it.
    const again = await runCli(['search', '--resume', dir, '--workers', '1', '--quiet', '--json']);
    expect(again.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { leaderboard: unknown };
    expect((JSON.parse(again.out) as { leaderboard: unknown }).leaderboard).toEqual(a.leaderboard);
  }, 60_000);

  it.each([
    [['--budget', '0'], /--budget must be a whole number from 1/],
    [['--seeds', '1'], /--seeds must be a whole number from 2/],
    [['--strategy', 'random'], /--strategy/],
    [['--queue', 'http://x'], /must start with redis:\/\//],
    [['--queue', 'redis://127.0.0.1:1'], /cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)/],
  ])('bad input %j: exit 2 and one line', async (extra, message) => {
    const dir = join(tmp(), 'out');
    const r = await runCli(['search', ...small, '--budget', '3', '--out', dir, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
  });

  it.each([
    ['an empty space', '{"unary": [], "binary": [], "depth": 0}', /no unary operators/],
    ['a malformed space file', '{"unary": [', /is not valid JSON/],
    ['a bad operator', '{"unary": [{"name": "q", "expression": "foo(u)"}], "binary": [], "depth": 0}', /unary\[0\]\.expression 'foo\(u\)' is not a valid expression/],
  ])('%s: exit 2 and one line', async (_what, text, message) => {
    const d = tmp();
    writeFileSync(join(d, 'space.json'), text);
    const r = await runCli(['search', ...small, '--budget', '3', '--space', join(d, 'space.json'), '--out', join(d, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('refuses to overwrite a folder that already holds a search, and --resume of a folder without one', async () => {
    const dir = join(tmp(), 'run');
    expect((await runCli(['search', ...small, '--budget', '2', '--out', dir])).code).toBe(0);
    const r = await runCli(['search', ...small, '--budget', '2', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds a search; continue it with --resume/);
    const s = await runCli(['search', '--resume', tmp()]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/holds no search to resume/);
  }, 60_000);
});

describe('examples/search-space-small.json', () => {
  it('is a valid space and drives an exhaustive search', async () => {
    const dir = join(tmp(), 'small');
    const space = new URL('../../examples/search-space-small.json', import.meta.url).pathname;
    const r = await runCli(['search', ...small, '--space', space, '--strategy', 'exhaustive', '--budget', '5', '--out', dir, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { counts: { trained: number }; candidates: Array<{ tree: { arg: unknown } }> };
    expect(doc.counts.trained).toBe(5);
    // Exhaustive: the single-operator trees u(x) come first.
    expect(doc.candidates.every((c) => c.tree.arg === 'x')).toBe(true);
  }, 60_000);
});

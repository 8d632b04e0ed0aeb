/**
 * The search across processes on a real Redis: a redis-server on a free port on 127.0.0.1, two
 * `actlab worker` processes, one killed mid-run; the leaderboard must equal a local run's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const REDIS = '/usr/bin/redis-server';
const root = fileURLToPath(new URL('../..', import.meta.url));
const hasRedis = existsSync(REDIS);
if (!hasRedis && process.env.CI) throw new Error(`${REDIS} is missing: CI must install redis-server (.ci/run)`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** The CLI from source in a child process. */
function actlab(args: string[]): ChildProcess {
  const code = `const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))}); process.exitCode = await main(process.argv.slice(1));`;
  const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  return c;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const spec = ['--data', 'moons', '--n', '400', '--hidden', '8', '--epochs', '60', '--budget', '6', '--seeds', '2', '--population', '3', '--top', '2', '--baselines', 'relu,tanh', '--seed', '5', '--quiet', '--json'];

describe.skipIf(!hasRedis)('actlab search --queue (BullMQ on Redis)', () => {
  it('two workers, one killed mid-run, give the same leaderboard as a local run', async () => {
    const port = await freePort();
    const redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    children.push(redis);
    const url = `redis://127.0.0.1:${port}`;
    let out1 = '';
    let out2 = '';
    // Workers retry their first connection until Redis answers.
    await new Promise((r) => setTimeout(r, 300));
    const w1 = actlab(['worker', '--queue', url, '--concurrency', '1', '--lock-seconds', '2']);
    const w2 = actlab(['worker', '--queue', url, '--concurrency', '1', '--lock-seconds', '2']);
    w1.stderr?.on('data', (d: Buffer) => (out1 += d.toString()));
    w2.stderr?.on('data', (d: Buffer) => (out2 += d.toString()));
    await waitFor(() => out1.includes('taking search runs') && out2.includes('taking search runs'), 30_000, 'the workers to start');

    const dir = mkdtempSync(join(tmpdir(), 'actlab-redis-'));
    const queued = runCli(['search', ...spec, '--queue', url, '--out', join(dir, 'queued')]);
    // Kill the second worker as soon as it has finished two runs: it is then in the middle of its third.
    await waitFor(() => (out2.match(/^run \d+:/gm) ?? []).length >= 2, 60_000, 'worker 2 to take runs');
    w2.kill('SIGKILL');
    const q = await queued;
    expect(q.err).toBe('');
    expect(q.code).toBe(0);
    expect(out1).toMatch(/^run \d+:/m);

    const local = await runCli(['search', ...spec, '--workers', '1', '--out', join(dir, 'local')]);
    expect(local.code).toBe(0);
    const a = JSON.parse(q.out) as { leaderboard: unknown; candidates: unknown };
    const b = JSON.parse(local.out) as { leaderboard: unknown; candidates: unknown };
    expect(a.leaderboard).toEqual(b.leaderboard);
    expect(a.candidates).toEqual(b.candidates);
    expect(JSON.parse(readFileSync(join(dir, 'queued', 'results.json'), 'utf8'))).toMatchObject({ leaderboard: b.leaderboard });
    w1.kill('SIGINT');
    redis.kill('SIGTERM');
  }, 120_000);
});

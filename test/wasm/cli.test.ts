import { afterAll, describe, expect, it } from 'vitest';
import { setDefaultBackend } from '../../src/nn/defaultBackend.js';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { runCli } from '../cli/helpers.js';

afterAll(() => setDefaultBackend(jsBackend));

describe('--backend', () => {
  const args = ['train', '--data', 'xor', '--n', '120', '--activation', 'gelu', '--epochs', '3', '--json', '--quiet'];

  it('names the backend in train --json (wasm by default, js on request) and both give the same losses within 1e-4', async () => {
    const w = await runCli(args);
    const j = await runCli([...args, '--backend', 'js']);
    expect(w.code).toBe(0);
    expect(j.code).toBe(0);
    const dw = JSON.parse(w.out);
    const dj = JSON.parse(j.out);
    expect(dw.backend).toBe('wasm');
    expect(dj.backend).toBe('js');
    expect(Math.abs(dw.final.trainLoss - dj.final.trainLoss)).toBeLessThanOrEqual(1e-4 * dj.final.trainLoss);
  });

  it('rejects an unknown backend with exit code 2 and one line naming the choices', async () => {
    const r = await runCli([...args, '--backend', 'gpu']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('wasm, js');
  });

  it('runs a lesson on either backend and says which in --json', async () => {
    for (const backend of ['js', 'wasm']) {
      const r = await runCli(['lesson', '1', '--json', '--backend', backend]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).backend).toBe(backend);
    }
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { trainRun } from '../../src/run/trainRun.js';
import { runComparison, inProcessExecutor } from '../../src/experiments/runComparison.js';
import type { ComparePlan } from '../../src/experiments/comparePlan.js';

const dir = mkdtempSync(join(tmpdir(), 'actlab-training-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Drops the timing fields, the only ones allowed to differ between equal runs. */
const withoutTiming = (text: string) => JSON.stringify(JSON.parse(text), (k, v: unknown) => (k === 'secondsPerEpoch' ? undefined : v));

const csv = ['a,b,label', ...Array.from({ length: 40 }, (_, i) => {
  const a = Math.sin(i * 1.7) * 3;
  const b = Math.cos(i * 2.3) * 3;
  return `${a.toFixed(4)},${b.toFixed(4)},${a * b > 0 ? 'same' : 'diff'}`;
})].join('\n');

beforeAll(() => writeFileSync(join(dir, 'data.csv'), `${csv}\n`));

describe('actlab train', () => {
  it('prints the {config, backend, final, history, diagnostics} JSON and is the same on a second run', async () => {
    const args = ['train', '--data', 'xor', '--n', '200', '--activation', 'tanh', '--epochs', '5', '--json'];
    const a = await run(...args);
    const b = await run(...args);
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.out);
    expect(Object.keys(doc)).toEqual(['config', 'backend', 'final', 'history', 'diagnostics']);
    expect(doc.backend).toBe('wasm');
    // The run spec records the backend that really trained (wasm by default).
    expect(doc.config).toMatchObject({ version: 1, backend: 'wasm' });
    expect(doc.history).toHaveLength(5);
    expect(doc.history[0]).toMatchObject({ epoch: 1 });
    expect(doc.final.testAccuracy).toBeGreaterThan(0.5);
    expect(doc.diagnostics.layers[0]).toHaveProperty('gradNorm');
    expect(doc.diagnostics.layers[0]).toHaveProperty('deadFraction');
    expect(doc.config.model.loss).toBe('binary_crossentropy');
    expect(b.out).toBe(a.out);
    expect(a.err).toContain('epoch 5/5');
  });

  it('prints R² for a regression set and a diagnostics table in text mode', async () => {
    const r = await run('train', '--data', 'plane', '--n', '100', '--activation', 'x > 0 ? x : 0', '--epochs', '3', '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/R²/);
    expect(r.out).toMatch(/hidden 1 .*\n.*hidden 2/);
    expect(r.err).toBe('');
  });

  it('stops a diverging run with exit code 1 and one line naming the epoch', async () => {
    const r = await run('train', '--data', 'xor', '--n', '100', '--activation', 'x', '--optimizer', 'sgd', '--lr', '1e30', '--epochs', '3', '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^actlab: training diverged at epoch \d+ .*learning rate.*\n$/);
  });

  it('rejects a ragged CSV with exit code 2 naming the line', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'a,b,label\n1,2,x\n3,y\n');
    const r = await run('train', '--data', 'bad.csv', '--target', 'label', '--activation', 'tanh');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^actlab: bad\.csv: line 3 has 2 fields, header has 3;/);
  });

  it('rejects a non-numeric feature with exit code 2 naming the line and column', async () => {
    writeFileSync(join(dir, 'bad2.csv'), 'a,b,label\n1,2,x\n3,oops,y\n4,5,x\n');
    const r = await run('train', '--data', 'bad2.csv', '--activation', 'tanh');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 3, column 'b'/);
  });

  it('saves a model whose predictions through actlab predict equal the in-process model bit for bit', async () => {
    const save = await run('train', '--data', 'data.csv', '--target', 'label', '--activation', 'tanh', '--epochs', '4', '--save', 'model.json', '--quiet');
    expect(save.code).toBe(0);
    const p = await run('predict', '--model', 'model.json', '--data', 'data.csv', '--json');
    expect(p.code).toBe(0);
    const doc = JSON.parse(p.out);
    expect(doc.rows).toBe(40);
    expect(doc.accuracy).toBeGreaterThanOrEqual(0);
    expect(doc.backend).toBe('wasm');
    const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 'actlab-model', version: 2, spec: { version: 1, backend: 'wasm', data: { name: 'data.csv', csv: { target: 'label', path: 'data.csv', rows: 40 } } } });
    expect(saved.spec.data.csv).not.toHaveProperty('text');
    expect(saved.inputs.names).toEqual(['a', 'b']);
    const r = trainRun({ data: { name: 'data.csv', csv: { text: csv, target: 'label' } }, model: { activation: 'tanh' }, train: { epochs: 4 } });
    const { mean, std } = r.data.standardizer;
    const rows = csv.split('\n').slice(1).map((l) => l.split(',').slice(0, 2).map(Number));
    const x = new Float32Array(rows.flatMap((row) => row.map((v, j) => (Math.fround(v) - mean[j]) / std[j])));
    const expected = Array.from(r.model.predict(x, rows.length));
    expect(doc.predictions.map((q: { output: number[] }) => q.output[0])).toEqual(expected);
  });

  it('train --backend js records js in the saved spec, and predict then runs on js unless told otherwise', async () => {
    expect((await run('train', '--data', 'data.csv', '--target', 'label', '--activation', 'tanh', '--epochs', '2', '--backend', 'js', '--save', 'js.json', '--quiet')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'js.json'), 'utf8')).spec.backend).toBe('js');
    const p = await run('predict', '--model', 'js.json', '--data', 'data.csv', '--json');
    expect(JSON.parse(p.out).backend).toBe('js');
    const w = await run('predict', '--model', 'js.json', '--data', 'data.csv', '--json', '--backend', 'wasm');
    expect(JSON.parse(w.out).backend).toBe('wasm');
  });

  it('--weight-scale and --bias-init go into the run spec, change the run, and a weight scale of 0 is refused', async () => {
    const base = ['train', '--data', 'xor', '--n', '100', '--activation', 'relu', '--epochs', '2', '--json', '--quiet', '--backend', 'js'];
    const plain = JSON.parse((await run(...base)).out);
    const scaled = JSON.parse((await run(...base, '--weight-scale', '0.5', '--bias-init', '0.1')).out);
    expect(scaled.config.model).toMatchObject({ weightScale: 0.5, biasInit: 0.1 });
    expect(plain.config.model).not.toHaveProperty('weightScale');
    expect(scaled.history[0].trainLoss).not.toBe(plain.history[0].trainLoss);
    const bad = await run(...base, '--weight-scale', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("actlab: --weight-scale must be a positive number, got '0'; e.g. --weight-scale 0.01\n");
  });

  it('writes the loss plot and the decision boundary', async () => {
    const r = await run('train', '--data', 'xor', '--n', '100', '--activation', 'relu', '--epochs', '2', '--plot', 'loss.svg', '--boundary', 'boundary.svg', '--quiet');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'loss.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, 'boundary.svg'), 'utf8')).toMatch(/^<svg/);
  });
});

describe('actlab compare', () => {
  const args = ['compare', '--data', 'xor', '--n', '120', '--activations', 'tanh,relu,x', '--seeds', '2', '--epochs', '4', '--json', '--quiet'];

  it('gives the same numbers on 2 worker threads as in-process', async () => {
    const one = await run(...args, '--workers', '1');
    const two = await run(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(withoutTiming(two.out)).toBe(withoutTiming(one.out));
    const doc = JSON.parse(one.out);
    expect(doc.ranking).toHaveLength(3);
    expect(doc.ranking[2]).toBe('x');
    expect(doc.results[0]).toHaveProperty('testAccuracy.mean');
    expect(doc.results[0]).toHaveProperty('epochsToTarget.reached');
    expect(doc.results[1].vsBest.test).toMatch(/Welch/);
  });

  it('writes report.md, results.json, results.csv and the charts', async () => {
    const r = await run('compare', '--data', 'xor', '--n', '120', '--activations', 'tanh,x', '--seeds', '2', '--epochs', '3', '--workers', '1', '--report', 'rep', '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rank +activation/);
    const rep = join(dir, 'rep');
    expect(readFileSync(join(rep, 'report.md'), 'utf8')).toMatch(/^# Activation comparison on xor/);
    expect(JSON.parse(readFileSync(join(rep, 'results.json'), 'utf8')).runs).toHaveLength(4);
    expect(readFileSync(join(rep, 'results.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    for (const f of ['loss-curves.svg', 'accuracy.svg']) expect(readFileSync(join(rep, f), 'utf8')).toMatch(/^<svg/);
  });
});

describe('examples', () => {
  it('examples/compare-xor.json runs and ranks its activations', async () => {
    const plan = JSON.parse(readFileSync(new URL('../../examples/compare-xor.json', import.meta.url), 'utf8')) as ComparePlan;
    const { result } = await runComparison(plan, inProcessExecutor());
    expect(result.ranking).toHaveLength(plan.activations.length);
    expect(result.ranking[result.ranking.length - 1]).toBe('x');
  });
});

describe('the built binary', () => {
  it('node bin/actlab.js train --json prints the same document as the in-process CLI', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    if (!existsSync(join(root, 'dist/cli/commands/training.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    const args = ['train', '--data', 'xor', '--n', '100', '--activation', 'tanh', '--epochs', '3', '--json'];
    const child = spawnSync('node', [join(root, 'bin/actlab.js'), ...args], { cwd: dir, encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(child.stdout).toBe((await run(...args)).out);
    const bad = spawnSync('node', [join(root, 'bin/actlab.js'), 'train', '--data', 'nosuchset', '--activation', 'tanh'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^actlab: unknown data set 'nosuchset'/);
  }, 120_000);
});

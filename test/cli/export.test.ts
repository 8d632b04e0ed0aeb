import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { runOnnx, runPython } from '../export/runners.js';

const dir = mkdtempSync(join(tmpdir(), 'actlab-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (p: string): string => new URL(`../fixtures/${p}`, import.meta.url).pathname;

describe('actlab export', () => {
  it("exports a model saved by today's and yesterday's train --save, and the ONNX and PyTorch files give actlab predict's outputs", async () => {
    const train = await runCli(['train', '--data', 'iris', '--hidden', '5', '--activation', 'elu', '--epochs', '5', '--quiet', '--save', 'm.json'], dir);
    expect(train.code).toBe(0);
    for (const model of [join(dir, 'm.json'), fixture('models/iris-v1.json')]) {
      const predicted = await runCli(['predict', '--model', model, '--data', fixture('csv/flowers.csv'), '--json'], dir);
      const outputs = (JSON.parse(predicted.out) as { predictions: { output: number[] }[] }).predictions.map((p) => p.output);
      const onnx = await runCli(['export', model, '--to', 'onnx', '--out', 'm.onnx', '--json'], dir);
      expect(onnx.code).toBe(0);
      expect(JSON.parse(onnx.out)).toMatchObject({ exported: 'model', to: 'onnx', opset: 17, files: ['m.onnx'] });
      const csvRows = readFileSync(fixture('csv/flowers.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 4).map(Number));
      const y = await runOnnx(new Uint8Array(readFileSync(join(dir, 'm.onnx'))), Float32Array.from(csvRows.flat()), [csvRows.length, 4]);
      outputs.flat().forEach((v, i) => expect(Math.abs(y[i] - v)).toBeLessThanOrEqual(1e-5));
      expect((await runCli(['export', model, '--to', 'pytorch', '--out', 'm.py'], dir)).code).toBe(0);
      const doc = runPython([join(dir, 'm.py'), fixture('csv/flowers.csv')]) as { output: number[][] };
      doc.output.flat().forEach((v, i) => expect(Math.abs(v - outputs.flat()[i])).toBeLessThanOrEqual(1e-5));
    }
  }, 60_000);

  it('train --save-data writes the split in raw units, and predict reads its label column back for accuracy', async () => {
    const t = await runCli(['train', '--data', 'xor', '--n', '200', '--hidden', '6', '--activation', 'tanh', '--epochs', '40', '--quiet', '--save', 'x.json', '--save-data', '.'], dir);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toContain('wrote x.json, ./train.csv, ./test.csv');
    const lines = readFileSync(join(dir, 'test.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('x1,x2,label');
    expect(lines).toHaveLength(41);
    const p = await runCli(['predict', '--model', 'x.json', '--data', 'test.csv', '--json'], dir);
    expect((JSON.parse(p.out) as { accuracy: number }).accuracy).toBeGreaterThan(0.8);
  });

  it('exports an activation (catalog id with parameters, or an expression) to every target', async () => {
    for (const [act, to, out] of [['elu:alpha=0.5', 'onnx', 'a.onnx'], ['x*sigmoid(beta*x); beta=1.5', 'pytorch', 'a.py'], ['prelu', 'tfjs', 'a.js'], ['gelu', 'numpy', 'g.py']]) {
      const r = await runCli(['export', act, '--to', to, '--out', out], dir);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`wrote ${out}`);
      expect(existsSync(join(dir, out))).toBe(true);
    }
    expect(readFileSync(join(dir, 'a.py'), 'utf8')).toContain('self.beta = nn.Parameter(');
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).toContain('tf.serialization.registerClass(ActlabPrelu)');
  });

  it('writes a TF.js model as a directory with model.json, weights.bin and the layer module', async () => {
    const r = await runCli(['export', fixture('models/xor-v1.json'), '--to', 'tfjs', '--out', 'tfjs_model'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'tfjs_model')).sort()).toEqual(['actlab_layers.js', 'model.json', 'weights.bin']);
  });

  it('rejects a bad target, an unknown activation, a missing model and a missing folder with one line, exit 2, and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const cases: [string[], RegExp][] = [
      [['export', 'relu', '--to', 'keras', '--out', 'x.h5'], /--to/],
      [['export', 'relx', '--to', 'onnx', '--out', 'x.onnx'], /unknown activation 'relx'.*did you mean/],
      [['export', 'missing.json', '--to', 'onnx', '--out', 'x.onnx'], /cannot read model 'missing.json': no such file/],
      [['export', 'relu', '--to', 'onnx', '--out', 'nope/x.onnx'], /directory .* does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('the built binary', () => {
  it('node bin/actlab.js export writes the same ONNX bytes as the in-process CLI, and fails with one line and exit 2', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    if (!existsSync(join(root, 'dist/cli/commands/export.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    const child = spawnSync('node', [join(root, 'bin/actlab.js'), 'export', 'gelu', '--to', 'onnx', '--out', 'bin.onnx'], { cwd: dir, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect((await runCli(['export', 'gelu', '--to', 'onnx', '--out', 'lib.onnx'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'bin.onnx'))).toEqual(readFileSync(join(dir, 'lib.onnx')));
    const bad = spawnSync('node', [join(root, 'bin/actlab.js'), 'export', 'gelu', '--to', 'caffe', '--out', 'x'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});

/**
 * Trained models exported and run: ONNX in ONNX Runtime, the PyTorch file as `python3 model.py input.csv`,
 * the TF.js directory through tf.loadLayersModel after importing its layer module, and the NumPy script — each
 * within 1e-5 of what `actlab predict` computes (SavedModel.predict) on the held-out rows in raw units.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelToNumpy, modelToOnnx, modelToPytorch, modelToTfjs } from '../../src/export/index.js';
import { nodeLoaders } from '../../src/node/nodeLoaders.js';
import { loadSavedModel, trainRun, type SavedModelJson } from '../../src/run/index.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import type { TrainingJobInput } from '../../src/run/trainingJob.js';
import { close } from './grid.js';
import { importModule, loadTfjsDirectory, moduleDir, onnxCheckerFailures, runOnnx, runPython, scratchDir, tf, writeCsv } from './runners.js';

const JOBS: Record<string, TrainingJobInput> = {
  iris: { data: { name: 'iris' }, model: { activation: 'relu' }, train: { epochs: 40 } },
  'mnist-2000': { data: { name: 'mnist', n: 2000 }, model: { activation: 'gelu' }, train: { epochs: 2 } },
  'spiral3 (prelu per unit, swish, typed-in; learned parameters)': {
    data: { name: 'spiral3', n: 300 },
    model: { hidden: [8, 8, 6], activation: ['prelu', 'silu', 'x > 0 ? x : a*expm1(x) + b*x; a=0.7; b=0.05'], params: 'per-unit' },
    train: { epochs: 40 },
  },
  'moons (soft exponential per unit: conditions on learned parameters only)': {
    data: { name: 'moons', n: 200 },
    model: { hidden: [6], activation: 'soft_exponential', params: 'per-unit' },
    train: { epochs: 20 },
  },
  'sine (regression, tanh output)': { data: { name: 'sine', n: 200 }, model: { hidden: [8], activation: 'softsign', outputActivation: 'tanh', loss: 'mse' }, train: { epochs: 30 } },
};

interface Case {
  readonly saved: SavedModelJson;
  /** Raw held-out rows (CSV units) and what actlab predict gives for them. */
  readonly x: Float64Array;
  readonly rows: number;
  readonly expected: Float32Array;
}

function trained(name: string): Case {
  const r = trainRun(JOBS[name], { loaders: nodeLoaders });
  const saved = JSON.parse(JSON.stringify(r.saved)) as SavedModelJson;
  const test = r.data.raw.test;
  const x = Float64Array.from(test.x);
  const model = loadSavedModel(saved, resolveActivation);
  return { saved, x, rows: test.n, expected: model.predict(x, test.n) };
}

const CASES = new Map(Object.keys(JOBS).map((k) => [k, trained(k)]));

function bad(got: ArrayLike<number>, want: Float32Array): string[] {
  const out: string[] = [];
  if (got.length !== want.length) return [`${got.length} outputs, expected ${want.length}`];
  for (let i = 0; i < want.length && out.length < 5; i++) if (!close(got[i], want[i])) out.push(`[${i}] ${got[i]} vs ${want[i]}`);
  return out;
}

describe('exported models give actlab predict’s outputs', () => {
  it('the spiral3 model really learned its PReLU slopes and the typed-in parameters (per unit)', () => {
    const layers = CASES.get('spiral3 (prelu per unit, swish, typed-in; learned parameters)')!.saved.network.layers;
    expect(layers.map((l) => l.activation)).toEqual(['prelu', 'silu', 'x > 0 ? x : a*expm1(x) + b*x; a=0.7; b=0.05', null]);
    expect((layers[0].params as number[][])[0].some((a) => Math.abs(a - 0.25) > 1e-4)).toBe(true);
    expect((layers[2].params as number[][])[0].some((a) => Math.abs(a - 0.7) > 1e-4)).toBe(true);
  });

  const py = scratchDir('actlab-models-');
  afterAll(py.done);
  for (const [name, c] of CASES) {
    it(`${name}: ONNX Runtime within 1e-5 and ONNX's checker passes (input 'input' [N, ${c.saved.inputs.names.length}] raw units, output 'output')`, async () => {
      const bytes = modelToOnnx(c.saved);
      const y = await runOnnx(bytes, Float32Array.from(c.x), [c.rows, c.saved.inputs.names.length]);
      expect(bad(y, c.expected)).toEqual([]);
      const path = join(py.dir, `${name.replace(/[^a-z0-9]+/gi, '_')}.onnx`);
      writeFileSync(path, bytes);
      expect(onnxCheckerFailures([path])).toEqual({});
    });
  }

  for (const [name, c] of CASES) {
    it(`${name}: python3 model.py input.csv (PyTorch) and the NumPy script print the outputs within 1e-5`, () => {
      const csv = join(py.dir, 'input.csv');
      writeCsv(csv, c.saved.inputs.names, c.x, c.rows);
      const torchFile = join(py.dir, 'model.py');
      writeFileSync(torchFile, modelToPytorch(c.saved));
      const numpyFile = join(py.dir, 'model_numpy.py');
      writeFileSync(numpyFile, modelToNumpy(c.saved));
      for (const file of [torchFile, numpyFile]) {
        const doc = runPython([file, csv]) as { output: number[][] };
        expect(Object.keys(doc)).toEqual(['output']);
        expect(bad(doc.output.flat(), c.expected)).toEqual([]);
      }
    }, 60_000);
  }

  const mods = moduleDir();
  afterAll(mods.done);
  for (const [name, c] of CASES) {
    it(`${name}: tf.loadLayersModel on the TF.js directory (after importing actlab_layers.js) within 1e-5`, async () => {
      const dir = join(mods.dir, name.replace(/[^a-z0-9]+/gi, '_'));
      mkdirSync(dir);
      for (const [file, data] of modelToTfjs(c.saved)) writeFileSync(join(dir, file), data);
      copyFileSync(join(dir, 'actlab_layers.js'), join(dir, 'actlab_layers.mjs'));
      await importModule(join(dir, 'actlab_layers.mjs'));
      const model = await loadTfjsDirectory(dir);
      const y = (model.predict(tf.tensor2d(Float32Array.from(c.x), [c.rows, c.saved.inputs.names.length])) as tf.Tensor).dataSync();
      expect(bad(y, c.expected)).toEqual([]);
    });
  }
});

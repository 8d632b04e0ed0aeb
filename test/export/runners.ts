/** Running exported artefacts in the real frameworks: ONNX Runtime, Debian's PyTorch (/usr/bin/python3), tfjs-layers (cpu). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

tf.enableProdMode();
export { tf, tfl };

/** Debian's python with python3-torch (not another python3 on PATH). */
export const PYTHON = '/usr/bin/python3';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs an ONNX model on one float32 input named `input`; returns `output`. */
export async function runOnnx(model: Uint8Array, x: Float32Array, dims: readonly number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(model, { logSeverityLevel: 3 });
  const r = await session.run({ input: new ort.Tensor('float32', x, [...dims]) });
  return r.output.data as Float32Array;
}

/** A scratch directory in the system temp folder. */
export function scratchDir(prefix: string): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A scratch directory inside the project (node_modules/.cache), so that generated ES modules resolve
 * `@tensorflow/tfjs-core` and `@tensorflow/tfjs-layers` from the project's node_modules.
 */
export function moduleDir(): { dir: string; done: () => void } {
  const base = join(ROOT, 'node_modules', '.cache', 'actlab-export-test');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'm-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports a generated ES module file. */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

/** Python's JSON may hold NaN and ±Infinity. */
export function parsePythonJson(text: string): unknown {
  return JSON.parse(text.replace(/\bNaN\b/g, '"NaN"').replace(/-Infinity\b/g, '"-Infinity"').replace(/\bInfinity\b/g, '"Infinity"'), (_k, v: unknown) =>
    v === 'NaN' ? Number.NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);
}

/** Runs `python3 script args…` and parses its JSON stdout. */
export function runPython(args: readonly string[], input?: string): unknown {
  const out = execFileSync(PYTHON, [...args], { input, maxBuffer: 1 << 28, env: { ...process.env, OMP_NUM_THREADS: '1' } }).toString();
  return parsePythonJson(out);
}

/** Values and input gradients of exported PyTorch activation files, all in one Python process. */
export function runTorchActivations(files: readonly { id: string; path: string }[], x: Float32Array): Record<string, { output: number[]; grad: number[] } | { error: string }> {
  return runPython([join(ROOT, 'test/export/torch_driver.py')], JSON.stringify({ files, x: Array.from(x) })) as Record<string, { output: number[]; grad: number[] } | { error: string }>;
}

/** Loads a TF.js layers-model directory (model.json + weights.bin) from disk with tf.loadLayersModel. */
export async function loadTfjsDirectory(dir: string): Promise<tfl.LayersModel> {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const bin = readFileSync(join(dir, modelJson.weightsManifest[0].paths[0]));
  const handler: tf.io.IOHandler = {
    load: async () => ({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  };
  return tfl.loadLayersModel(handler);
}

/** Writes a CSV of raw rows with the given columns (plus an ignored `note` column first, to check matching by name). */
export function writeCsv(path: string, names: readonly string[], x: ArrayLike<number>, rows: number): void {
  const d = names.length;
  const lines = [['note', ...[...names].reverse()].join(',')];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let k = d - 1; k >= 0; k--) cells.push(String(x[i * d + k]));
    lines.push([`r${i}`, ...cells].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Runs ONNX's own checker (python3-onnx, full check with shape inference) on model files; returns the failures. */
export function onnxCheckerFailures(paths: readonly string[]): Record<string, string> {
  const code = [
    'import json, sys, onnx',
    'out = {}',
    'for p in sys.argv[1:]:',
    '    try:',
    '        onnx.checker.check_model(onnx.load(p), full_check=True)',
    '    except Exception as e:',
    '        out[p] = "%s: %s" % (type(e).__name__, str(e)[:300])',
    'print(json.dumps(out))',
  ].join('\n');
  return runPython(['-c', code, ...paths]) as Record<string, string>;
}

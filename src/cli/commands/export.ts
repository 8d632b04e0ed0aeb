/**
 * `actlab export <model.json|activation> --to onnx|pytorch|tfjs|numpy --out <path>`: renders a saved model
 * or an activation (catalog id with parameters, or an expression) into another framework. Parses, calls
 * src/export, writes atomically (a TF.js model directory is written to a temporary directory, then renamed).
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { resolveActivation } from '../../activations/resolve.js';
import {
  ONNX_OPSET, activationToNumpy, activationToOnnx, activationToPytorch, activationToTfjs, exportActivation,
  modelToNumpy, modelToOnnx, modelToPytorch, modelToTfjs, tfjsClassName,
} from '../../export/index.js';
import { writeFileAtomic } from '../../node/atomicWrite.js';
import { ActlabError } from '../../util/errors.js';
import { parseChoice } from '../args.js';
import { json } from '../format.js';
import type { CliIO } from '../io.js';
import { readSavedModel } from './training.js';

const TARGETS = ['onnx', 'pytorch', 'tfjs', 'numpy'] as const;
type Target = (typeof TARGETS)[number];

/** True when the argument names a saved-model file rather than an activation. */
function isModelFile(arg: string, cwd: string): boolean {
  return /\.json$/i.test(arg.trim()) || (existsSync(resolvePath(cwd, arg)) && statSync(resolvePath(cwd, arg)).isFile());
}

/** Writes the files of a directory export: into a fresh temporary directory beside `out`, then renamed over it. */
async function writeDirectory(out: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const parent = dirname(out);
  if (!existsSync(parent)) throw new ActlabError(`cannot write '${out}': directory '${parent}' does not exist; create it first or choose another path`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new ActlabError(`cannot write the TF.js model to '${out}': it is a file; give a directory path`);
  const tmp = await mkdtemp(join(parent, `.${basename(out)}.tmp-`));
  try {
    for (const [name, data] of files) await writeFile(join(tmp, name), data);
    if (existsSync(out)) await rm(out, { recursive: true });
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Registers `actlab export`. */
export function registerExportCommand(program: Command, io: CliIO): void {
  program
    .command('export')
    .description(`export a saved model or an activation to ONNX (opset ${ONNX_OPSET}), PyTorch, TF.js or NumPy`)
    .argument('<model.json|activation>', 'a model saved by actlab train --save, or an activation (relu, elu:alpha=0.5, "x*sigmoid(x)")')
    .requiredOption('--to <format>', 'onnx, pytorch, tfjs or numpy')
    .requiredOption('--out <path>', 'output file (.onnx, .py, .js), or a directory for a TF.js model')
    .option('--json', 'one JSON document on stdout')
    .action(async (arg: string, opts: { to: string; out: string; json?: boolean }) => {
      const to = parseChoice<Target>(opts.to, '--to', TARGETS);
      const out = resolvePath(io.cwd, opts.out);
      const model = isModelFile(arg, io.cwd);
      const written: string[] = [];
      let what: string;
      if (model) {
        const saved = readSavedModel(arg, io).json;
        what = `model ${arg} (${saved.inputs.names.length} inputs: ${saved.inputs.names.join(', ')})`;
        if (to === 'tfjs') {
          await writeDirectory(out, modelToTfjs(saved));
          written.push(`${opts.out}/model.json`, `${opts.out}/weights.bin`, `${opts.out}/actlab_layers.js`);
        } else {
          await writeFileAtomic(out, to === 'onnx' ? modelToOnnx(saved) : to === 'pytorch' ? modelToPytorch(saved) : modelToNumpy(saved));
          written.push(opts.out);
        }
      } else {
        const a = resolveActivation(arg);
        what = `activation ${a.key}`;
        const data = to === 'onnx' ? activationToOnnx(a) : to === 'pytorch' ? activationToPytorch(a) : to === 'tfjs' ? activationToTfjs(a) : activationToNumpy(a);
        await writeFileAtomic(out, data);
        written.push(opts.out);
      }
      const usage = usageLine(to, model, arg);
      if (opts.json) {
        io.out(json({ exported: model ? 'model' : 'activation', to, files: written, ...(to === 'onnx' ? { opset: ONNX_OPSET } : {}), usage }));
        return;
      }
      io.out(`exported ${what} to ${to}${to === 'onnx' ? ` (opset ${ONNX_OPSET})` : ''}\nwrote ${written.join(', ')}\n${usage}\n`);
    });
}

function usageLine(to: Target, model: boolean, arg: string): string {
  if (to === 'onnx') return model ? "run it: input 'input' float32 [N, features] in the CSV's units, output 'output'" : "run it: input 'input' float32 [N], output 'output'; the function itself (domain actlab) takes any shape";
  if (to === 'pytorch') return model ? 'run it: python3 model.py input.csv, or load_model() in Python' : 'use it: load_model() returns the nn.Module';
  if (to === 'numpy') return model ? 'run it: python3 model.py input.csv, or predict(x) in Python' : 'use it: import the function and its derivative';
  if (model) return "load it: import './actlab_layers.js' then tf.loadLayersModel('…/model.json')";
  return `use it: import { ${tfjsClassName(exportActivation(resolveActivation(arg)).name)} } from the module; it is registered for tf.loadLayersModel`;
}

/**
 * The explorer's framework exports: the current model (the worker's saved-model JSON) or the current
 * activation (its key) as ONNX, PyTorch or TF.js files, rendered by the core's exporters (src/export). Pure:
 * no DOM, so it runs (and is tested) in Node.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import { activationToOnnx, activationToPytorch, activationToTfjs, modelToOnnx, modelToPytorch, modelToTfjs } from '../../../src/export/index.js';
import { upgradeSavedModel } from '../../../src/run/savedModel.js';

/** The frameworks the explorer exports to. */
export const FRAMEWORK_EXPORTS = ['onnx', 'pytorch', 'tfjs'] as const;
/** One of {@link FRAMEWORK_EXPORTS}. */
export type FrameworkExport = (typeof FRAMEWORK_EXPORTS)[number];

/** A file to download. */
export interface ExportFile {
  readonly name: string;
  readonly data: string | Uint8Array;
  readonly type: string;
}

const TYPES: Record<string, string> = { onnx: 'application/octet-stream', py: 'text/x-python', js: 'text/javascript', json: 'application/json', bin: 'application/octet-stream' };
const typeOf = (name: string): string => TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/** The files of a model export (TF.js: model.json, weights.bin and actlab_layers.js, to keep in one folder). */
export function modelExportFiles(savedModelJson: string, format: FrameworkExport): ExportFile[] {
  const saved = upgradeSavedModel(JSON.parse(savedModelJson));
  if (format === 'onnx') return [{ name: 'actlab-model.onnx', data: modelToOnnx(saved), type: typeOf('x.onnx') }];
  if (format === 'pytorch') return [{ name: 'actlab_model.py', data: modelToPytorch(saved), type: typeOf('x.py') }];
  return [...modelToTfjs(saved)].map(([name, data]) => ({ name, data, type: typeOf(name) }));
}

/** The file of an activation export. */
export function activationExportFile(key: string, format: FrameworkExport): ExportFile {
  const a = resolveActivation(key);
  const base = (a.id ?? 'custom_activation').replace(/[^A-Za-z0-9_]/g, '_');
  if (format === 'onnx') return { name: `${base}.onnx`, data: activationToOnnx(a), type: typeOf('x.onnx') };
  if (format === 'pytorch') return { name: `${base}.py`, data: activationToPytorch(a), type: typeOf('x.py') };
  return { name: `${base}_layer.js`, data: activationToTfjs(a), type: typeOf('x.js') };
}

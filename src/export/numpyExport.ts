/**
 * NumPy export: an activation as a Python function and its derivative (the project's code printer,
 * `printCode`), and a model as a self-contained script (weights embedded as base64 float32) with
 * `predict(x)` on raw rows and the same command line as the PyTorch export: `python3 model.py input.csv`
 * prints `{"output": [[…], …]}`. NumPy computes the activations in float64 (matrix products in float32).
 */
import type { Activation } from '../activations/activation.js';
import { printCode } from '../expr/printCode.js';
import type { SavedModelJson } from '../run/savedModel.js';
import { exportModelOf, type ExportModel } from './model.js';
import { float32Base64, pyString, pythonReadCsv } from './pythonText.js';

/** Python source of an activation and its derivative (NumPy). */
export function activationToNumpy(a: Activation): string {
  return printCode('numpy', {
    name: a.id ?? 'custom',
    title: a.name,
    expr: a.expr,
    derivative: a.derivative,
    params: a.paramNames.map((name, i) => ({ name, value: a.paramValues[i] })),
  });
}

/** A NumPy script of a saved model. */
export function modelToNumpy(saved: SavedModelJson | ExportModel): string {
  const m = 'network' in saved ? exportModelOf(saved) : saved;
  const fns = new Map<string, { name: string; code: string }>();
  for (const l of m.layers) {
    const act = l.activation;
    if (!act || fns.has(act.key)) continue;
    const name = `act${fns.size}_${act.name}`;
    const code = printCode('numpy', { name, title: act.key, expr: act.expr, derivative: act.derivative, params: act.paramNames.map((p, i) => ({ name: p, value: act.paramValues[i] })) });
    fns.set(act.key, { name, code: code.replace(/^import (numpy as np|math)$/gm, '') });
  }
  const paramLines: string[] = [];
  const layers = m.layers.map((l, i) => {
    const act = l.activation ? fns.get(l.activation.key) : undefined;
    const w = `_a(${pyString(float32Base64(l.weights))}, (${l.inputSize}, ${l.units}))`;
    const b = `_a(${pyString(float32Base64(l.bias))}, (${l.units},))`;
    if (!act || !l.activation) return `    (${w}, ${b}, None),`;
    if (l.paramMode !== 'per-unit') {
      // parameters passed by position (the printed function's keyword names may be renamed)
      return `    (${w}, ${b}, lambda z: ${act.name}(z${l.params.map((p) => `, ${p[0]}`).join('')})),`;
    }
    // one value per unit: the function is applied column by column with scalar parameters
    const names = l.activation.paramNames.map((_p, k) => `P${i}_${k}`);
    names.forEach((n, k) => paramLines.push(`${n} = _a(${pyString(float32Base64(l.params[k]))}, (${l.units},))`));
    return `    (${w}, ${b}, lambda z: np.stack([${act.name}(z[:, j]${names.map((n) => `, float(${n}[j])`).join('')}) for j in range(${l.units})], axis=1)),`;
  });
  const out = m.loss === 'binary_crossentropy' ? '1.0 / (1.0 + np.exp(-h))' : m.loss === 'categorical_crossentropy' ? 'np.exp(h - h.max(axis=1, keepdims=True)) / np.exp(h - h.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)' : 'h';
  return `"""actlab model, exported to NumPy by actlab export. Weights embedded (base64 float32).

predict(x): raw inputs [N, ${m.featureNames.length}] (columns FEATURES) -> outputs (what actlab predict prints as output).
python3 model.py input.csv prints {"output": [[...], ...]}.
"""
import base64
import csv
import json
import math
import sys

import numpy as np

FEATURES = ${JSON.stringify(m.featureNames)}
CLASSES = ${m.classNames ? JSON.stringify(m.classNames) : 'None'}


def _a(b64, shape):
    return np.frombuffer(base64.b64decode(b64), dtype="<f4").reshape(shape)


${[...fns.values()].map((f) => f.code.trim()).join('\n\n\n')}


MEAN = _a(${pyString(float32Base64(m.mean))}, (${m.mean.length},))
STD = _a(${pyString(float32Base64(m.std))}, (${m.std.length},))
${paramLines.join('\n')}
LAYERS = [
${layers.join('\n')}
]


def predict(x):
    h = (np.asarray(x, dtype=np.float32) - MEAN) / STD
    for w, b, act in LAYERS:
        h = h @ w + b
        if act is not None:
            h = act(h.astype(np.float64)).astype(np.float32)
    h = h.astype(np.float64)
    with np.errstate(over="ignore"):
        return (${out}).astype(np.float32)


${pythonReadCsv((rows) => `np.array(${rows}, dtype=np.float32)`)}

if __name__ == "__main__":
    print(json.dumps({"output": predict(read_csv(sys.argv[1])).tolist()}))
`;
}

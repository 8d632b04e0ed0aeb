import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { loadSavedModel } from '../../src/run/savedModel.js';
import { DEFAULT_STATE } from '../../web/src/state/types.js';
import type { RunSpec } from '../../web/src/engine/protocol.js';
import { Session } from '../../web/src/engine/session.js';
import { activationExportFile, FRAMEWORK_EXPORTS, modelExportFiles } from '../../web/src/views/exportFormats.js';
import { runOnnx } from '../export/runners.js';

function spec(patch: Partial<RunSpec> = {}): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, ...rest } = DEFAULT_STATE;
  return { ...rest, points: 200, customData: null, ...patch };
}

describe('explorer exports to ONNX, PyTorch and TF.js', () => {
  it("the current model's ONNX file gives the model's outputs on raw inputs (ONNX Runtime, within 1e-5)", async () => {
    const s = new Session(spec({ dataset: 'blobs3', points: 150, hidden: [{ units: 5, activation: 'prelu' }, { units: 4, activation: 'x*tanh(x)' }] }));
    for (let i = 0; i < 3; i++) s.trainEpoch();
    const json = s.exportModel(0);
    const [onnx] = modelExportFiles(json, 'onnx');
    expect(onnx.name).toBe('actlab-model.onnx');
    const raw = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i) * 3);
    const want = loadSavedModel(JSON.parse(json), resolveActivation).predict(raw, 20);
    const got = await runOnnx(onnx.data as Uint8Array, raw, [20, 2]);
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-5));
    expect(modelExportFiles(json, 'pytorch')[0].data).toContain('def load_model():');
    expect(modelExportFiles(json, 'tfjs').map((f) => f.name)).toEqual(['model.json', 'weights.bin', 'actlab_layers.js']);
  });

  it('the current activation (catalog or typed) downloads as an ONNX model, a PyTorch module and a TF.js layer', () => {
    for (const key of ['elu:alpha=0.5', 'x*sigmoid(beta*x); beta=1.5']) {
      const files = FRAMEWORK_EXPORTS.map((f) => activationExportFile(key, f));
      expect(files.map((f) => f.name.replace(/^[a-z_]+?(?=(\.|_layer))/, 'N'))).toEqual(['N.onnx', 'N.py', 'N_layer.js']);
      expect(files[0].data).toBeInstanceOf(Uint8Array);
    }
    expect(() => activationExportFile('nosuch', 'onnx')).toThrow(/unknown activation/);
  });
});

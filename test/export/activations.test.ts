/**
 * Every catalog activation and a set of typed-in ones, exported and run in the target frameworks: the ONNX
 * model in ONNX Runtime, the PyTorch module in Debian's PyTorch (values and input gradients), the TF.js
 * layer in tfjs-layers (cpu; values and gradients) — each within 1e-5 of actlab's own f32 kernels
 * (absolute below 1, relative above) on a grid of ~1,560 inputs that hits every kink at a multiple of 1/64.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import type { Activation } from '../../src/activations/activation.js';
import onnxProto from 'onnx-proto';
import { ONNX_FUNCTION_DOMAIN, ONNX_OPSET, activationToOnnx, activationToPytorch, activationToTfjs, exportActivation, tfjsClassName } from '../../src/export/index.js';
import { disagreements, exportGrid, TYPED_IN } from './grid.js';
import { importModule, moduleDir, onnxCheckerFailures, runOnnx, runTorchActivations, scratchDir, tf } from './runners.js';

const ALL: readonly { label: string; act: Activation }[] = [
  ...CATALOG.map((s) => ({ label: s.id, act: resolveActivation(s.id) })),
  ...TYPED_IN.map((t, i) => ({ label: `typed_${i}`, act: resolveActivation(t) })),
];
const x = exportGrid();

/**
 * Entries whose derivative, evaluated in f32 by PyTorch and TF.js, overflows (e^x past x ≈ 88, giving ∞/∞ = NaN)
 * where actlab's kernels compute in f64 and round once: their gradients are compared for |x| ≤ 50 only.
 */
const F32_GRADIENT_DOMAIN: Readonly<Record<string, number>> = { tanhsoft2: 50, srs: 50 };
const gradX = (label: string): Float32Array => x.map((v) => (Math.abs(v) > (F32_GRADIENT_DOMAIN[label] ?? Infinity) ? Number.NaN : v));
const gradMask = (label: string, g: ArrayLike<number>): number[] => Array.from(g, (v, i) => (Number.isNaN(gradX(label)[i]) ? Number.NaN : v));

function reference(a: Activation): { y: Float32Array; d: Float32Array } {
  const y = new Float32Array(x.length);
  const d = new Float32Array(x.length);
  a.kernel.forwardDeriv(x, y, d, Float32Array.from(a.paramValues));
  return { y, d };
}

describe('exported activations run in the target frameworks', () => {
  it('covers the whole catalog and at least five typed-in activations', () => {
    expect(ALL.length).toBe(CATALOG.length + TYPED_IN.length);
    expect(TYPED_IN.length).toBeGreaterThanOrEqual(5);
  });

  it('ONNX Runtime gives every activation within 1e-5 of actlab', { timeout: 240_000 }, async () => {
    const bad: string[] = [];
    for (const { label, act } of ALL) {
      const y = await runOnnx(activationToOnnx(act), x, [x.length]);
      const d = disagreements(x, y, reference(act).y);
      if (d.length) bad.push(`${label}: ${d.join('; ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('each ONNX file is one model-local function (domain actlab) called by the graph, and passes ONNX’s checker', () => {
    const dir = scratchDir('actlab-onnx-');
    try {
      const paths = ALL.map(({ label, act }) => {
        const bytes = activationToOnnx(act);
        const m = onnxProto.onnx.ModelProto.decode(bytes);
        expect(m.functions.map((f) => f.domain)).toEqual([ONNX_FUNCTION_DOMAIN]);
        expect((m.graph?.node ?? []).map((n) => [n.domain, n.opType])).toEqual([[ONNX_FUNCTION_DOMAIN, m.functions[0].name]]);
        expect(Number(m.opsetImport.find((o) => o.domain === '')?.version)).toBe(ONNX_OPSET);
        const path = join(dir.dir, `${label}.onnx`);
        writeFileSync(path, bytes);
        return path;
      });
      expect(onnxCheckerFailures(paths)).toEqual({});
    } finally {
      dir.done();
    }
  }, 240_000);

  const py = scratchDir('actlab-torch-');
  afterAll(py.done);
  it("PyTorch gives every activation's values and input gradients within 1e-5 of actlab", () => {
    const files = ALL.map(({ label, act }) => {
      const path = join(py.dir, `${label}.py`);
      writeFileSync(path, activationToPytorch(act));
      return { id: label, path };
    });
    const res = runTorchActivations(files, x);
    const bad: string[] = [];
    for (const { label, act } of ALL) {
      const r = res[label];
      if ('error' in r) {
        bad.push(`${label}: ${r.error}`);
        continue;
      }
      const ref = reference(act);
      const dv = disagreements(x, r.output, ref.y);
      const dg = disagreements(x, gradMask(label, r.grad), gradMask(label, ref.d));
      if (dv.length || dg.length) bad.push(`${label}: values ${dv.join('; ')} gradients ${dg.join('; ')}`);
    }
    expect(bad).toEqual([]);
  }, 240_000);

  const mods = moduleDir();
  afterAll(mods.done);
  it('the TF.js layer (tfjs-layers, cpu) gives every activation and its gradient within 1e-5 of actlab', async () => {
    const bad: string[] = [];
    for (const { label, act } of ALL) {
      const path = join(mods.dir, `${label}.mjs`);
      writeFileSync(path, activationToTfjs(act));
      const Layer = (await importModule(path))[tfjsClassName(exportActivation(act).name)] as new (c: object) => { apply(t: tf.Tensor): tf.Tensor };
      const layer = new Layer({});
      const xt = tf.tensor1d(x);
      const y = layer.apply(xt).dataSync();
      const g = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t)))(xt).dataSync();
      const ref = reference(act);
      const dv = disagreements(x, y, ref.y);
      const dg = disagreements(x, gradMask(label, g), gradMask(label, ref.d));
      if (dv.length || dg.length) bad.push(`${label}: values ${dv.join('; ')} gradients ${dg.join('; ')}`);
    }
    expect(bad).toEqual([]);
  }, 240_000);

  it('a TF.js layer serialises through getConfig and is found by its registered class name', async () => {
    const act = resolveActivation('elu:alpha=0.5');
    const path = join(mods.dir, 'elu_config.mjs');
    writeFileSync(path, activationToTfjs(act));
    const name = tfjsClassName(exportActivation(act).name);
    const Layer = (await importModule(path))[name] as new (c: object) => { getConfig(): Record<string, unknown> };
    const cfg = new Layer({ perUnit: true }).getConfig();
    expect(cfg).toMatchObject({ perUnit: true, alpha: 0.5 });
    const cls = tf.serialization.SerializationMap.getMap().classNameMap[name];
    expect(cls?.[0]).toBe(Layer);
  });
});

/**
 * PyTorch as the third oracle (with TF.js and ONNX Runtime): every catalog entry whose PyTorch name is a
 * torch.nn module — values and gradients on the dense grid in f32 within the oracles' bound (1e-6 relative or
 * 1e-7 absolute; looser only where listed in TORCH_LOOSER, with the reason), and the gradient *at* each kink
 * against PyTorch's own convention, which the catalog claims to follow.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import { DEFAULT_TOLERANCE, denseGrid, mismatches } from './index.js';
import { f32Kinks, runTorchOracle, torchMappings, TORCH_113_KINKS, TORCH_LOOSER, type TorchResult } from './torchOracle.js';

const x = denseGrid();
const mappings = torchMappings();
let results: Record<string, TorchResult> | null = null;
const result = (id: string): Exclude<TorchResult, { error: string }> => {
  results ??= runTorchOracle(mappings, x);
  const r = results[id];
  if ('error' in r) throw new Error(`PyTorch could not run ${id}: ${r.error}`);
  return r;
};

describe('the catalog against PyTorch (Debian python3-torch, f32)', () => {
  it('maps every catalog entry that names a torch.nn module (at least the 25 of today)', () => {
    const named = CATALOG.filter((s) => s.frameworks.pytorch?.startsWith('torch.nn.')).map((s) => s.id);
    expect(mappings.map((m) => m.id)).toEqual(named);
    expect(named.length).toBeGreaterThanOrEqual(25);
  });

  it.each(mappings.map((m) => m.id))('%s: values and gradients agree on the dense grid, and the gradient at each kink is PyTorch’s', { timeout: 60_000 }, (id) => {
    const r = result(id);
    const a = resolveActivation(id);
    const y = new Float32Array(x.length);
    const d = new Float32Array(x.length);
    a.kernel.forwardDeriv(x, y, d, a.paramValues);
    const loose = TORCH_LOOSER[id];
    const kinks = f32Kinks(id);
    expect(mismatches(x, y, r.output, loose?.value ?? DEFAULT_TOLERANCE)).toEqual([]);
    expect(mismatches(x, d, r.grad, loose?.grad ?? DEFAULT_TOLERANCE, loose?.gradDomain ?? Infinity, kinks)).toEqual([]);
    const ky = new Float32Array(kinks.length);
    const kd = new Float32Array(kinks.length);
    a.kernel.forwardDeriv(Float32Array.from(kinks), ky, kd, a.paramValues);
    kinks.forEach((k, i) => {
      const known = TORCH_113_KINKS[id]?.[k];
      if (known) {
        expect([r.kink_grads[i], kd[i]], `${id} at ${k}`).toEqual([known.torch, known.actlab]);
      } else {
        expect(kd[i], `${id}'(${k}): actlab ${kd[i]}, PyTorch ${r.kink_grads[i]}`).toBe(Math.fround(r.kink_grads[i]));
      }
    });
  });
});

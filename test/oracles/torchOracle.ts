/**
 * PyTorch as the third oracle: every catalog entry whose `frameworks.pytorch` names a torch.nn module is run
 * in Debian's PyTorch (/usr/bin/python3, CPU, float32) on the dense grid, values and autograd gradients, and
 * its gradient at each kink is read. The module comes from the catalog's own framework name (PyTorch's
 * defaults, which the catalog's defaults are), so a new entry with a PyTorch name is covered with no new code.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../src/activations/registry.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import { findBreakpoints } from '../../src/analysis/breakpoints.js';

/** Debian's python with python3-torch. */
export const PYTHON = '/usr/bin/python3';

/** A catalog entry and the torch.nn expression that builds its module. */
export interface TorchMapping {
  readonly id: string;
  /** e.g. `torch.nn.ELU` or `torch.nn.GELU(approximate='tanh')`. */
  readonly module: string;
  /** True when `module` is already a call (has its arguments). */
  readonly call: boolean;
  readonly kwargs: Readonly<Record<string, number>>;
  readonly vector: boolean;
}

/** The torch.nn expression in a catalog framework name (`torch.nn.RReLU (eval mode)` → `torch.nn.RReLU`), or null. */
export function torchModuleOf(name: string | undefined): { module: string; call: boolean } | null {
  if (!name) return null;
  const m = /^(torch\.nn\.[A-Za-z0-9_]+(\([^)]*\))?)/.exec(name.trim());
  return m ? { module: m[1], call: m[2] !== undefined } : null;
}

/** Every catalog entry PyTorch has (torch.nn), built from the registry. */
export function torchMappings(): TorchMapping[] {
  return CATALOG.flatMap((s) => {
    const t = torchModuleOf(s.frameworks.pytorch);
    if (!t) return [];
    return [{ id: s.id, ...t, kwargs: Object.fromEntries(s.params.map((p) => [p.name, p.default])), vector: false }];
  });
}

/** Kinks of an entry that are exact f32 numbers (where frameworks' conventions are compared). */
export function f32Kinks(id: string): number[] {
  const a = resolveActivation(id);
  const env = Object.fromEntries(a.paramNames.map((p, i) => [p, a.paramValues[i]]));
  return findBreakpoints(a.expr, env).filter((b) => Math.fround(b) === b && Math.abs(b) < 100);
}

/** What PyTorch computed for one entry. */
export type TorchResult = { output: number[]; grad: number[]; kink_grads: number[]; module: string } | { error: string };

/** Runs the mappings in one Python process. */
export function runTorchOracle(mappings: readonly TorchMapping[], x: Float32Array): Record<string, TorchResult> {
  const kinks = Object.fromEntries(mappings.map((m) => [m.id, f32Kinks(m.id)]));
  const script = fileURLToPath(new URL('./torch_oracle.py', import.meta.url));
  const out = execFileSync(PYTHON, [script], {
    input: JSON.stringify({ x: Array.from(x), kinks, entries: mappings }),
    maxBuffer: 1 << 28,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  }).toString();
  return JSON.parse(out.replace(/\bNaN\b/g, 'null').replace(/-Infinity\b/g, '-1e999').replace(/\bInfinity\b/g, '1e999'), (_k, v: unknown) => (v === null ? Number.NaN : v)) as Record<string, TorchResult>;
}

/** Where PyTorch's f32 arithmetic is looser than the default oracle bound (1e-6 relative or 1e-7 absolute), and why. */
export const TORCH_LOOSER: Readonly<Record<string, { value?: { rel: number; abs: number }; grad?: { rel: number; abs: number }; gradDomain?: number; why: string }>> = {
  tanh: { grad: { rel: 1e-6, abs: 2e-7 }, why: "torch's tanh backward is 1 − tanh² in f32: 0 beyond |x| ≈ 8.75 where sech² is ~1e-7" },
  gelu: { value: { rel: 1e-6, abs: 5e-7 }, grad: { rel: 1e-6, abs: 5e-7 }, why: 'torch computes 1 + erf(x/√2) in f32, which cancels for negative x (actlab uses erfc)' },
  gelu_tanh: { value: { rel: 1e-6, abs: 5e-7 }, grad: { rel: 1e-6, abs: 1.5e-6 }, gradDomain: 1e12, why: 'torch computes 1 + tanh(u) in f32, which cancels for negative x (values ~1e-7 and gradients ~1e-6 become 0 below x ≈ −5), and its gradient overflows to NaN where x³ does' },
};

/**
 * Kinks where Debian's PyTorch (1.13) gives another gradient than the catalog's convention, with both values.
 * The catalog follows current PyTorch; 1.13 is older (FACTS.md: hard swish at ±3 was −0.5 and 1.5 before).
 */
export const TORCH_113_KINKS: Readonly<Record<string, Readonly<Record<number, { torch: number; actlab: number }>>>> = {
  hard_swish: { [-3]: { torch: -0.5, actlab: 0 }, 3: { torch: 1.5, actlab: 1 } },
};

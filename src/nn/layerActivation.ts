import type { Expr } from '../expr/ast.js';
import type { ActivationKernel } from '../expr/kernel.js';

/**
 * What a layer needs of an activation: the catalog `Activation` (src/activations/activation.ts)
 * satisfies it structurally, and tests can hand-write one.
 */
export interface LayerActivation {
  /** Canonical text that resolves back to this activation (`elu:alpha=0.5`); stored in saved models. */
  readonly key: string;
  /** Float32Array kernels. */
  readonly kernel: ActivationKernel;
  /** Parameter names in kernel order. */
  readonly paramNames: readonly string[];
  /** Parameter values in kernel order (initial values when learned). */
  readonly paramValues: readonly number[];
  /**
   * f, f' and ∂f/∂p (simplified, in x and the parameter names), when known: a backend that renders its
   * own kernels (wasm) reads them; without them it runs `kernel`.
   */
  readonly expr?: Expr;
  readonly derivative?: Expr;
  readonly paramDerivatives?: readonly Expr[];
  /** Catalog entry, if any: its family picks the default initialiser, its `learnable` flags the trained parameters. */
  readonly spec?: {
    readonly family: string;
    readonly params: readonly { readonly name: string; readonly learnable?: boolean }[];
  } | null;
}

/** Names of the parameters the catalog marks learnable (all of them when the activation has no catalog entry). */
export function learnableParamNames(activation: LayerActivation): string[] {
  const spec = activation.spec;
  if (!spec) return [...activation.paramNames];
  return activation.paramNames.filter((name) => spec.params.some((p) => p.name === name && p.learnable === true));
}

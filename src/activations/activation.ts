import type { Expr } from '../expr/ast.js';
import type { StableRewrite } from '../expr/stabilize.js';
import type { ActivationKernel } from '../expr/kernel.js';
import type { ActivationSpec } from './spec.js';

/**
 * A resolved scalar activation: a catalog entry (or a custom expression) with concrete parameter values,
 * its symbolic derivatives and compiled evaluators. Built by `resolveActivation` (src/activations/resolve.ts).
 */
export interface Activation {
  /** Catalog id, or null for a custom expression. */
  readonly id: string | null;
  /** Catalog entry, or null for a custom expression. */
  readonly spec: ActivationSpec | null;
  /** Canonical text that resolves back to this activation (`elu:alpha=0.5`, or `x*sigmoid(beta*x); beta=1.5`). */
  readonly key: string;
  /** Display name. */
  readonly name: string;
  /** Parameter names in kernel order. */
  readonly paramNames: readonly string[];
  /** Parameter values in kernel order. */
  readonly paramValues: readonly number[];
  /** f(x), simplified. */
  readonly expr: Expr;
  /** f'(x), simplified. */
  readonly derivative: Expr;
  /** f''(x), simplified. */
  readonly secondDerivative: Expr;
  /** ∂f/∂p for each parameter, in kernel order. */
  readonly paramDerivatives: readonly Expr[];
  /** Naive forms that were rewritten to stable primitives (`log(1 + exp(x))` → `softplus(x)`); empty if none. */
  readonly rewrites?: readonly StableRewrite[];
  /** f64 value. */
  f(x: number): number;
  /** f64 first derivative. */
  df(x: number): number;
  /** f64 second derivative. */
  d2f(x: number): number;
  /** Float32Array kernels (forward, backward, parameter gradients). */
  readonly kernel: ActivationKernel;
}

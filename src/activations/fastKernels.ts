/**
 * Hand-written Float32Array kernels for the hottest activations, used instead of the compiled ones as an
 * optimisation only (branch-free forms the JIT turns into straight-line code). Tests hold every one of
 * them equal to the kernel compiled from the catalog expression.
 */
import type { ActivationKernel } from '../expr/kernel.js';

/** The hand-written kernel for a catalog id at its default parameters, if there is one. */
export function fastKernelFor(id: string): ActivationKernel | undefined {
  void id;
  return undefined;
}

import { ActlabError } from '../util/errors.js';

/** A trained tensor and its gradient (same length). */
export interface Param {
  readonly value: Float32Array;
  readonly grad: Float32Array;
}

/** Optimiser names. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;

/** One of the optimisers. */
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Optimiser settings; the defaults are Keras'. */
export interface OptimizerConfig {
  readonly name: OptimizerName;
  /** Momentum coefficient (momentum); default 0.9. */
  readonly momentum?: number;
  /** Adam's β1, β2, ε; defaults 0.9, 0.999, 1e-7. */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/** Updates parameters in place from their gradients. */
export interface Optimizer {
  /** One update of every parameter with learning rate `lr`. */
  step(lr: number): void;
  /** Releases the optimiser's state where a backend allocated it (after the last step); optional. */
  dispose?(): void;
}

/**
 * Creates an optimiser over `params`:
 * - sgd: w −= lr·g
 * - momentum: v = μ·v − lr·g; w += v (Keras/TF.js form)
 * - adam: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; w −= lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
 */
export function createOptimizer(config: OptimizerConfig, params: readonly Param[]): Optimizer {
  switch (config.name) {
    case 'sgd':
      return {
        step(lr) {
          for (const { value, grad } of params) for (let i = 0; i < value.length; i++) value[i] -= lr * grad[i];
        },
      };
    case 'momentum': {
      const mu = config.momentum ?? 0.9;
      const vel = params.map((p) => new Float32Array(p.value.length));
      return {
        step(lr) {
          params.forEach(({ value, grad }, k) => {
            const v = vel[k];
            for (let i = 0; i < value.length; i++) {
              v[i] = mu * v[i] - lr * grad[i];
              value[i] += v[i];
            }
          });
        },
      };
    }
    case 'adam': {
      const b1 = config.beta1 ?? 0.9;
      const b2 = config.beta2 ?? 0.999;
      const eps = config.epsilon ?? 1e-7;
      const m1 = params.map((p) => new Float32Array(p.value.length));
      const m2 = params.map((p) => new Float32Array(p.value.length));
      let t = 0;
      return {
        step(lr) {
          t++;
          const c1 = 1 - Math.pow(b1, t);
          const c2 = 1 - Math.pow(b2, t);
          params.forEach(({ value, grad }, k) => {
            const m = m1[k];
            const v = m2[k];
            for (let i = 0; i < value.length; i++) {
              const g = grad[i];
              m[i] = b1 * m[i] + (1 - b1) * g;
              v[i] = b2 * v[i] + (1 - b2) * g * g;
              value[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
            }
          });
        },
      };
    }
    default:
      throw new ActlabError(`unknown optimiser '${String(config.name)}'; use one of ${OPTIMIZERS.join(', ')}`);
  }
}

/**
 * A tiny, obviously correct f64 engine for the same networks as the fast one, used as an oracle in
 * tests: plain nested loops over number arrays, one sample at a time, no buffers, no tiling.
 */

/** A scalar activation as f64 closures: value, derivative in x, and derivatives in each parameter. */
export interface ScalarActivation {
  f(x: number, p: readonly number[]): number;
  df(x: number, p: readonly number[]): number;
  /** ∂f/∂p_k for every parameter k. */
  dp(x: number, p: readonly number[]): number[];
}

/** A dense layer: weights[i][j] connects input i to unit j; params[j] are unit j's activation parameters. */
export interface ReferenceLayer {
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** null for the logits layer. */
  readonly activation: ScalarActivation | null;
  readonly params: readonly (readonly number[])[];
}

/** Gradients of one layer. */
export interface ReferenceLayerGrads {
  readonly weights: number[][];
  readonly bias: number[];
  /** dParams[j][k]: parameter k of unit j (sum over j for a shared parameter). */
  readonly params: number[][];
}

/** The loss names the reference understands (same formulas as src/nn/losses.ts). */
export type ReferenceLoss = 'mse' | 'binary_crossentropy' | 'categorical_crossentropy';

/** Mean loss of the network on rows x with targets y, and its gradients, by the chain rule one sample at a time. */
export function referenceLossAndGrads(
  layers: readonly ReferenceLayer[], loss: ReferenceLoss, x: readonly (readonly number[])[], y: readonly (readonly number[])[],
): { loss: number; grads: ReferenceLayerGrads[] } {
  const grads = layers.map((l) => ({
    weights: l.weights.map((row) => row.map(() => 0)),
    bias: l.bias.map(() => 0),
    params: l.params.map((p) => p.map(() => 0)),
  }));
  const n = x.length;
  const k = y[0].length;
  let total = 0;
  for (let s = 0; s < n; s++) {
    // Forward, keeping every layer's input and pre-activation.
    const inputs: number[][] = [];
    const pre: number[][] = [];
    let h = [...x[s]];
    for (const l of layers) {
      inputs.push(h);
      const z = l.bias.map((b, j) => {
        let sum = b;
        for (let i = 0; i < h.length; i++) sum += h[i] * l.weights[i][j];
        return sum;
      });
      pre.push(z);
      h = z.map((zj, j) => (l.activation ? l.activation.f(zj, l.params[j]) : zj));
    }
    // Loss and dL/dlogits for this sample (the mean over samples is taken by scaling).
    const t = y[s];
    let dz: number[];
    if (loss === 'mse') {
      total += h.reduce((acc, v, j) => acc + (v - t[j]) ** 2, 0) / k;
      dz = h.map((v, j) => (2 * (v - t[j])) / (k * n));
    } else if (loss === 'binary_crossentropy') {
      total += h.reduce((acc, v, j) => acc + Math.max(v, 0) - v * t[j] + Math.log(1 + Math.exp(-Math.abs(v))), 0) / k;
      dz = h.map((v, j) => (1 / (1 + Math.exp(-v)) - t[j]) / (k * n));
    } else {
      const m = Math.max(...h);
      const lse = m + Math.log(h.reduce((acc, v) => acc + Math.exp(v - m), 0));
      total += h.reduce((acc, v, j) => acc + t[j] * (lse - v), 0);
      dz = h.map((v, j) => (Math.exp(v - lse) - t[j]) / n);
    }
    // Backward.
    for (let li = layers.length - 1; li >= 0; li--) {
      const l = layers[li];
      const g = grads[li];
      const z = pre[li];
      const inp = inputs[li];
      let dzl = dz;
      if (l.activation) {
        const act = l.activation;
        dzl = dz.map((d, j) => d * act.df(z[j], l.params[j]));
        dz.forEach((d, j) => {
          const dp = act.dp(z[j], l.params[j]);
          for (let q = 0; q < dp.length; q++) g.params[j][q] += d * dp[q];
        });
      }
      for (let i = 0; i < inp.length; i++) for (let j = 0; j < dzl.length; j++) g.weights[i][j] += inp[i] * dzl[j];
      for (let j = 0; j < dzl.length; j++) g.bias[j] += dzl[j];
      dz = inp.map((_, i) => {
        let sum = 0;
        for (let j = 0; j < dzl.length; j++) sum += l.weights[i][j] * dzl[j];
        return sum;
      });
    }
  }
  return { loss: total / n, grads };
}

/** Mean loss only (for finite differences). */
export function referenceLoss(
  layers: readonly ReferenceLayer[], loss: ReferenceLoss, x: readonly (readonly number[])[], y: readonly (readonly number[])[],
): number {
  return referenceLossAndGrads(layers, loss, x, y).loss;
}

/**
 * Threshold on a unit's mean |f'(z)| over an epoch's training samples below which the unit counts as
 * saturated: gradients through it are scaled by less than 1/100. Dead units (mean exactly 0) are
 * saturated too, so `saturatedFraction ≥ deadFraction`.
 */
export const SATURATION_THRESHOLD = 1e-2;

/** Per-layer health of one epoch, measured on the training batches as they were trained. */
export interface LayerDiagnostics {
  /** Layer index (0 = first hidden layer; the last is the logits layer). */
  readonly layer: number;
  /** L2 norm of dL/dW (data loss, before regularisation), averaged over the epoch's steps. */
  readonly gradNorm: number;
  /** Fraction of units whose f'(z) was 0 on every sample of the epoch (never active on the data); null for the logits layer. */
  readonly deadFraction: number | null;
  /** Fraction of units whose mean |f'(z)| over the epoch is below SATURATION_THRESHOLD; null for the logits layer. */
  readonly saturatedFraction: number | null;
  /** Fraction of outputs exactly 0 over all samples × units; null for the logits layer. */
  readonly sparsity: number | null;
  /** Mean of the pre-activations z over samples × units. */
  readonly preActivationMean: number;
  /** Standard deviation of the pre-activations z over samples × units. */
  readonly preActivationStd: number;
  /** Per unit: 1 when dead (as counted by deadFraction), else 0; absent for the logits layer. */
  readonly deadUnits?: readonly number[];
  /** Per unit: 1 when saturated (as counted by saturatedFraction), else 0; absent for the logits layer. */
  readonly saturatedUnits?: readonly number[];
}

/** Running sums for one layer over one epoch. */
export class LayerStats {
  private readonly units: number;
  private readonly active: Uint8Array;
  private readonly sumAbsDeriv: Float64Array;
  private samples = 0;
  private zeros = 0;
  private sumZ = 0;
  private sumZ2 = 0;
  private gradNormSum = 0;
  private steps = 0;

  constructor(units: number) {
    this.units = units;
    this.active = new Uint8Array(units);
    this.sumAbsDeriv = new Float64Array(units);
  }

  /** Adds one batch: z, a, f'(z) (n×units; `d` null for the logits layer) and the weight gradient. */
  add(z: Float32Array, a: Float32Array, d: Float32Array | null, n: number, gradWeights: Float32Array): void {
    const u = this.units;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n * u; i++) {
      const v = z[i];
      s += v;
      s2 += v * v;
    }
    this.sumZ += s;
    this.sumZ2 += s2;
    if (d) {
      let zeros = 0;
      for (let r = 0; r < n; r++) {
        const o = r * u;
        for (let j = 0; j < u; j++) {
          const dv = d[o + j];
          if (dv !== 0) {
            this.active[j] = 1;
            this.sumAbsDeriv[j] += Math.abs(dv);
          }
          if (a[o + j] === 0) zeros++;
        }
      }
      this.zeros += zeros;
    }
    this.samples += n;
    let g2 = 0;
    for (let i = 0; i < gradWeights.length; i++) g2 += gradWeights[i] * gradWeights[i];
    this.gradNormSum += Math.sqrt(g2);
    this.steps++;
  }

  /** The epoch's diagnostics; `hasActivation` false for the logits layer. */
  finish(layer: number, hasActivation: boolean): LayerDiagnostics {
    const u = this.units;
    const count = this.samples * u;
    const mean = count > 0 ? this.sumZ / count : 0;
    const variance = count > 0 ? Math.max(0, this.sumZ2 / count - mean * mean) : 0;
    let dead = 0;
    let saturated = 0;
    const deadUnits = new Array<number>(u);
    const saturatedUnits = new Array<number>(u);
    for (let j = 0; j < u; j++) {
      deadUnits[j] = this.active[j] ? 0 : 1;
      saturatedUnits[j] = this.samples === 0 || this.sumAbsDeriv[j] / this.samples < SATURATION_THRESHOLD ? 1 : 0;
      dead += deadUnits[j];
      saturated += saturatedUnits[j];
    }
    return {
      layer,
      gradNorm: this.steps > 0 ? this.gradNormSum / this.steps : 0,
      deadFraction: hasActivation ? dead / u : null,
      saturatedFraction: hasActivation ? saturated / u : null,
      sparsity: hasActivation ? (count > 0 ? this.zeros / count : 0) : null,
      preActivationMean: mean,
      preActivationStd: Math.sqrt(variance),
      ...(hasActivation ? { deadUnits, saturatedUnits } : {}),
    };
  }
}

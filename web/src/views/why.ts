/**
 * The arithmetic behind the "why" views, pure and in f64: the backward chain at one input (each hidden
 * layer's f′(z) factors and the gradient that reaches it), the single affine map a network of linear
 * activations collapses to, and the mean slope of a layer over its pre-activation histogram.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import { forwardTrace, type InspectLayer, type OutputLink } from './inspect.js';

/** One hidden layer's part of the backward chain at an input. */
export interface ChainLink {
  /** 1-based hidden layer. */
  readonly layer: number;
  /** f′(z) of each unit at this input. */
  readonly slopes: readonly number[];
  /** Mean |f′(z)| over the layer's units: the typical factor this layer multiplies a gradient by. */
  readonly meanSlope: number;
  /** Product of the mean slopes from the last hidden layer down to this one. */
  readonly product: number;
  /** ‖∂s/∂z‖ of this layer's pre-activations, s = the output unit's score (pre-link), exact backprop. */
  readonly gradNorm: number;
}

/**
 * The backward chain at `input`: back-propagates the score of output unit `outUnit` (before the output
 * link) through every hidden layer, and lists each layer's f′(z) factors. Empty without hidden layers.
 */
export function backwardChain(layers: readonly InspectLayer[], input: readonly number[], outUnit = 0): ChainLink[] {
  if (layers.length < 2) return [];
  const trace = forwardTrace(layers, input, 'identity');
  const last = layers.length - 1;
  // δ of the output layer's pre-activations: 1 for the chosen unit, times the output activation's slope.
  const outLayer = layers[last];
  const outAct = outLayer.activation ? resolveActivation(outLayer.activation) : null;
  let delta = Array.from({ length: outLayer.units }, (_, j) => (j === outUnit ? (outAct ? outAct.df(trace.z[last][j]) : 1) : 0));
  const links: ChainLink[] = [];
  for (let l = last - 1; l >= 0; l--) {
    const next = layers[l + 1];
    const layer = layers[l];
    const act = layer.activation ? resolveActivation(layer.activation) : null;
    const slopes = trace.z[l].map((z) => (act ? act.df(z) : 1));
    const back: number[] = [];
    for (let i = 0; i < layer.units; i++) {
      let s = 0;
      for (let j = 0; j < next.units; j++) s += next.weights[i * next.units + j] * delta[j];
      back.push(s * slopes[i]);
    }
    delta = back;
    const meanSlope = slopes.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, slopes.length);
    links.unshift({ layer: l + 1, slopes, meanSlope, product: 0, gradNorm: Math.hypot(...back) });
  }
  let product = 1;
  for (let k = links.length - 1; k >= 0; k--) {
    product *= links[k].meanSlope;
    links[k] = { ...links[k], product };
  }
  return links;
}

/** True when `key`'s activation is affine (f″ = 0 everywhere we look), so it keeps a network linear. */
export function isAffine(key: string | null): boolean {
  if (key === null) return true;
  try {
    const a = resolveActivation(key);
    for (const x of [-7.3, -2.1, -0.4, 0.37, 1.9, 6.1]) {
      const d2 = a.d2f(x);
      if (!(Math.abs(d2) < 1e-12)) return false;
      if (Math.abs(a.df(x) - a.df(0.37)) > 1e-9) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The one affine map y = A·x + c a network with only affine hidden activations computes (scores, pre-link). */
export interface CollapsedMap {
  /** outputs × inputs, row-major. */
  readonly matrix: number[][];
  readonly offset: number[];
}

/**
 * A network whose hidden activations are all affine, collapsed to one matrix: row k of A is the output
 * scores' change per unit of input i (exact, since the map is affine), c the scores at input 0. Null when
 * some hidden activation is not affine.
 */
export function collapseLinear(layers: readonly InspectLayer[], link: OutputLink = 'identity'): CollapsedMap | null {
  if (layers.length === 0 || !layers.slice(0, -1).every((l) => isAffine(l.activation))) return null;
  const outLayer = layers[layers.length - 1];
  if (outLayer.activation !== null && !isAffine(outLayer.activation)) return null;
  void link;
  const n = layers[0].inputSize;
  const scores = (x: number[]): number[] => forwardTrace(layers, x, 'identity').a[layers.length - 1];
  const offset = scores(Array.from({ length: n }, () => 0));
  const cols = Array.from({ length: n }, (_, i) => scores(Array.from({ length: n }, (_, k) => (k === i ? 1 : 0))).map((v, r) => v - offset[r]));
  const matrix = offset.map((_, r) => cols.map((c) => c[r]));
  return { matrix, offset };
}

/**
 * Mean |f′(z)| of a layer over its pre-activation histogram (bin centres weighted by counts): the factor a
 * gradient is multiplied by, on average over the training data, when it passes back through the layer.
 */
export function meanSlope(df: (x: number) => number, zEdges: ArrayLike<number>, zCounts: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < zCounts.length; i++) {
    const c = zCounts[i];
    if (!(c > 0)) continue;
    const x = (zEdges[i] + zEdges[i + 1]) / 2;
    const d = Math.abs(df(x));
    if (!Number.isFinite(d)) continue;
    s += c * d;
    n += c;
  }
  return n > 0 ? s / n : 0;
}

/**
 * The neuron inspector's arithmetic: one unit's computation with the real numbers, z = Σ xᵢ·wᵢ + b and
 * a = f(z), evaluated in f64 from the layer parameters the worker sends. Pure (no DOM, no store).
 */
import type { Activation } from '../../../src/activations/activation.js';
import { resolveActivation } from '../../../src/activations/resolve.js';
import { compileScalar, type ScalarFunction } from '../../../src/expr/compile.js';
import { toText } from '../../../src/expr/print.js';

/** One layer's parameters (the shape of LayerParams in engine/protocol.ts; plain arrays work too). */
export interface InspectLayer {
  readonly inputSize: number;
  readonly units: number;
  /** Activation key, or null for an output layer without one. */
  readonly activation: string | null;
  /** W, inputSize×units row-major. */
  readonly weights: ArrayLike<number>;
  readonly bias: ArrayLike<number>;
  /** Activation parameter values, kernel order. */
  readonly params: ArrayLike<number>;
}

/** How the last layer's outputs are turned into predictions (fixed by the loss). */
export type OutputLink = 'identity' | 'sigmoid' | 'softmax';

/** The link of a loss: mse → identity, binary cross-entropy → sigmoid, categorical → softmax. */
export function linkOfLoss(loss: string): OutputLink {
  return loss === 'binary_crossentropy' ? 'sigmoid' : loss === 'categorical_crossentropy' ? 'softmax' : 'identity';
}

/** An activation evaluated with given parameter values. */
export interface BoundActivation {
  readonly activation: Activation;
  /** Display name (catalog name, or the expression). */
  readonly name: string;
  /** Formula text in x, e.g. `tanh(x)`. */
  readonly formula: string;
  f(x: number): number;
}

const scalarCache = new Map<string, ScalarFunction>();

/** Resolves an activation key and binds parameter values (the layer's current, possibly learned, values). */
export function bindActivation(key: string, params: ArrayLike<number> = []): BoundActivation {
  const activation = resolveActivation(key);
  const names = activation.paramNames;
  const same = params.length !== names.length || names.every((_, i) => Object.is(Math.fround(activation.paramValues[i]), Math.fround(params[i])));
  let f: (x: number) => number;
  if (same) f = (x) => activation.f(x);
  else {
    let fn = scalarCache.get(activation.key);
    if (!fn) {
      fn = compileScalar(activation.expr, names);
      if (scalarCache.size > 256) scalarCache.clear();
      scalarCache.set(activation.key, fn);
    }
    const p = Float64Array.from(params);
    const g = fn;
    f = (x) => g(x, p);
  }
  return { activation, name: activation.name, formula: toText(activation.expr), f };
}

/** Values of every layer for one input: z (pre-activation) and a (what is passed on), f64. */
export interface ForwardTrace {
  /** Per layer (hidden layers then output), pre-activations. */
  readonly z: number[][];
  /** Per layer, outputs after the activation (and, for the last layer, after the output link). */
  readonly a: number[][];
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}

/** Forward pass of one input through the layers, in f64. */
export function forwardTrace(layers: readonly InspectLayer[], input: readonly number[], link: OutputLink): ForwardTrace {
  const zs: number[][] = [];
  const as: number[][] = [];
  let x = input;
  layers.forEach((layer, l) => {
    const z: number[] = [];
    for (let j = 0; j < layer.units; j++) {
      let s = layer.bias[j];
      for (let i = 0; i < layer.inputSize; i++) s += (x[i] ?? 0) * layer.weights[i * layer.units + j];
      z.push(s);
    }
    let a = z;
    if (layer.activation) {
      const act = bindActivation(layer.activation, layer.params);
      a = z.map((v) => act.f(v));
    }
    if (l === layers.length - 1) {
      if (link === 'sigmoid') a = a.map(sigmoid);
      else if (link === 'softmax') a = softmax(a);
    }
    zs.push(z);
    as.push(a);
    x = a;
  });
  return { z: zs, a: as };
}

/** One term xᵢ·wᵢ of a unit's sum. */
export interface Term {
  /** Index of the input (feature or unit of the previous layer). */
  readonly from: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
}

/** A unit's computation for one input point. */
export interface UnitExplanation {
  /** Layer of the unit in network order (1 = first hidden layer; the last is the output layer). */
  readonly layer: number;
  readonly unit: number;
  readonly isOutput: boolean;
  readonly terms: readonly Term[];
  readonly bias: number;
  /** z = Σ terms + bias. */
  readonly z: number;
  /** Activation of the layer (null: none, the output passes z on). */
  readonly activation: { readonly key: string; readonly name: string; readonly formula: string } | null;
  /** f(z) (z itself without an activation). */
  readonly fz: number;
  /** The output link applied after f on the output layer ('identity' elsewhere). */
  readonly link: OutputLink;
  /** What the unit passes on: f(z), or the prediction (after the link) for an output unit. */
  readonly a: number;
}

/**
 * Explains unit `unit` of network layer `layer` (1-based over the parameter layers: 1 = first hidden
 * layer) for one input vector. Returns null when the unit does not exist.
 */
export function explainUnit(
  layers: readonly InspectLayer[],
  input: readonly number[],
  layer: number,
  unit: number,
  link: OutputLink,
): UnitExplanation | null {
  const l = layer - 1;
  if (l < 0 || l >= layers.length || unit < 0 || unit >= layers[l].units) return null;
  const trace = forwardTrace(layers, input, link);
  const p = layers[l];
  const x = l === 0 ? input : trace.a[l - 1];
  const terms: Term[] = [];
  for (let i = 0; i < p.inputSize; i++) {
    const w = p.weights[i * p.units + unit];
    const xi = x[i] ?? 0;
    terms.push({ from: i, input: xi, weight: w, product: xi * w });
  }
  const isOutput = l === layers.length - 1;
  const z = trace.z[l][unit];
  const act = p.activation ? bindActivation(p.activation, p.params) : null;
  const fz = act ? act.f(z) : z;
  return {
    layer,
    unit,
    isOutput,
    terms,
    bias: p.bias[unit],
    z,
    activation: act ? { key: act.activation.key, name: act.name, formula: act.formula } : null,
    fz,
    link: isOutput ? link : 'identity',
    a: trace.a[l][unit],
  };
}

/** Formats a number for the inspector: never NaN text, 4 significant digits, exponent form when tiny or huge. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e4 || a < 1e-3 ? v.toExponential(2) : Number(v.toPrecision(4)).toString();
  return text.replace(/^-/, '−');
}

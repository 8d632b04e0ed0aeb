/**
 * What every exporter needs of a saved model: its layers with resolved activations (expression and the
 * parameter values as trained), the standardiser, and the output map the loss implies.
 */
import type { Activation } from '../activations/activation.js';
import { resolveActivation } from '../activations/resolve.js';
import type { Expr } from '../expr/ast.js';
import type { LossName } from '../nn/losses.js';
import type { ParamMode } from '../nn/denseLayer.js';
import type { SavedModelJson } from '../run/savedModel.js';
import { ExportError } from './exportError.js';
import { lower, type Program } from './ir.js';

/** An activation as exporters see it: a name, f, its IR and its parameters. */
export interface ExportActivation {
  /** A valid identifier built from the id or key. */
  readonly name: string;
  /** Canonical key (`elu:alpha=0.5`, or the expression). */
  readonly key: string;
  readonly expr: Expr;
  /** f'(x) and ∂f/∂p per parameter (what the PyTorch export's backward computes). */
  readonly derivative: Expr;
  readonly paramDerivatives: readonly Expr[];
  readonly program: Program;
  readonly paramNames: readonly string[];
  readonly paramValues: readonly number[];
  /** Names of the parameters a module should make trainable (catalog `learnable`, or all of a typed-in one). */
  readonly learnable: readonly string[];
}

/** One dense layer of an exported model. */
export interface ExportLayer {
  readonly inputSize: number;
  readonly units: number;
  /** W, inputSize×units, row-major. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly activation: ExportActivation | null;
  readonly paramMode: ParamMode;
  /** Parameter values: per parameter one value (fixed/shared) or one row of `units` (per-unit). */
  readonly params: readonly (readonly number[])[];
}

/** A model ready to render. */
export interface ExportModel {
  readonly featureNames: readonly string[];
  readonly mean: Float32Array;
  readonly std: Float32Array;
  readonly layers: readonly ExportLayer[];
  readonly loss: LossName;
  readonly classNames: readonly string[] | null;
}

/** A Python/JS identifier from an activation id or key. */
export function identifierOf(text: string): string {
  const s = text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return /^[A-Za-z]/.test(s) ? s : `f_${s || 'custom'}`;
}

/** The export view of a resolved activation. */
export function exportActivation(a: Activation): ExportActivation {
  const learnable = a.spec ? a.spec.params.filter((p) => p.learnable === true).map((p) => p.name) : [...a.paramNames];
  return {
    name: identifierOf(a.id ?? 'custom'),
    key: a.key,
    expr: a.expr,
    derivative: a.derivative,
    paramDerivatives: a.paramDerivatives,
    program: lower([a.expr], a.paramNames),
    paramNames: a.paramNames,
    paramValues: a.paramValues,
    learnable: learnable.filter((n) => a.paramNames.includes(n)),
  };
}

/** The export view of a saved model; activation keys are resolved with `resolve` (default: the catalog resolver). */
export function exportModelOf(saved: SavedModelJson, resolve: (key: string) => Activation = resolveActivation): ExportModel {
  const categorical = (saved.inputs.columns ?? []).filter((c) => c.kind !== 'numeric').map((c) => c.name);
  if (categorical.length > 0) {
    throw new ExportError(`the model has categorical input columns (${categorical.join(', ')}), which a float32 input cannot carry; export a model trained on numeric columns`);
  }
  const cache = new Map<string, ExportActivation>();
  const layers = saved.network.layers.map((l): ExportLayer => {
    let activation: ExportActivation | null = null;
    if (l.activation !== null) {
      activation = cache.get(l.activation) ?? exportActivation(resolve(l.activation));
      cache.set(l.activation, activation);
    }
    const params = l.paramMode === 'per-unit' ? (l.params as number[][]).map((p) => [...p]) : (l.params as number[]).map((v) => [v]);
    return { inputSize: l.inputSize, units: l.units, weights: Float32Array.from(l.weights), bias: Float32Array.from(l.bias), activation, paramMode: l.paramMode, params };
  });
  return {
    featureNames: saved.inputs.names,
    mean: Float32Array.from(saved.inputs.standardizer.mean),
    std: Float32Array.from(saved.inputs.standardizer.std),
    layers,
    loss: saved.network.loss,
    classNames: saved.target.classNames,
  };
}

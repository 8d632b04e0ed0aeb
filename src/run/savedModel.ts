/**
 * The saved model: the run spec, the network (weights, learned activation parameters), the input
 * standardiser and column names, the target and class names — and `predict` on raw rows in the CSV's units.
 * Versioned JSON (`actlab-model`, version 2; schema in `schema.ts`). Files written by earlier versions
 * (`actlab-model@1`, with a `training` block) still load: `loadSavedModel` upgrades them.
 */
import type { ColumnEncoding } from '../data/columnEncoding.js';
import type { DataTask } from '../data/dataset.js';
import type { Backend } from '../nn/backend.js';
import type { LayerActivation } from '../nn/layerActivation.js';
import type { LossName } from '../nn/losses.js';
import type { Model } from '../nn/model.js';
import { MODEL_FORMAT, modelFromJson, modelToJson, type LayerJson } from '../nn/serialize.js';
import { isMissingCell } from '../data/columnEncoding.js';
import { ActlabError } from '../util/errors.js';
import { encodeModelInput, targetKey } from './csvInput.js';
import { RUN_SPEC_VERSION, type BackendName, type RunSpec } from './runSpec.js';

/** Format tag and version of saved models. */
export const SAVED_MODEL_FORMAT = 'actlab-model';
export const SAVED_MODEL_VERSION = 2;

/** Per-feature affine map applied to raw inputs: (x − mean) / std. */
export interface StandardizerJson {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** The network part of a saved model (the engine's layers). */
export interface NetworkJson {
  readonly inputSize: number;
  readonly outputSize: number;
  /** The loss, which fixes the output map: identity (mse), sigmoid (binary), softmax (categorical). */
  readonly loss: LossName;
  /** Hidden layers, then the output layer (whose activation is null unless loss is mse with an output activation). */
  readonly layers: readonly LayerJson[];
}

/** A saved model, version 2. */
export interface SavedModelJson {
  readonly format: typeof SAVED_MODEL_FORMAT;
  readonly version: typeof SAVED_MODEL_VERSION;
  /** How it was trained; null when unknown (a model upgraded from a file without a run spec). */
  readonly spec: RunSpec | null;
  readonly inputs: {
    /** CSV column of each network input, in order. */
    readonly names: readonly string[];
    /** Standardiser fitted on the training rows. */
    readonly standardizer: StandardizerJson;
    /**
     * How raw CSV columns become the inputs (numeric, or one-hot categories), when a CSV with categorical
     * columns was trained on; absent: every input is the numeric column of that name.
     */
    readonly columns?: readonly ColumnEncoding[];
  };
  readonly target: {
    /** Target column of a CSV, or null for a built-in set. */
    readonly name: string | null;
    readonly task: DataTask;
    /** Class names by output index (classification only). */
    readonly classNames: readonly string[] | null;
  };
  readonly network: NetworkJson;
  /** Free-form notes of the face that wrote it (the explorer's input features). */
  readonly notes?: Record<string, unknown>;
}

/** One row's result. */
export interface Prediction {
  readonly output: number[];
  /** Class name (classification) or the output value (regression). */
  readonly prediction: number | string;
}

/** A saved model's predictions for the rows of a CSV (what `actlab predict` prints). */
export interface CsvPrediction {
  readonly rows: number;
  /** 1-based line of each row in the file. */
  readonly lines: readonly number[];
  readonly predictions: readonly Prediction[];
  /** Share of rows whose class is the target column's (classification, when the CSV has the target; rows with a missing target left out). */
  readonly accuracy?: number;
  /** Rows with a missing feature cell, filled with the training mean. */
  readonly filled: number;
}

/** A loaded model: the JSON, the engine model, and predictions on raw rows. */
export class SavedModel {
  readonly json: SavedModelJson;
  readonly model: Model;

  constructor(json: SavedModelJson, model: Model) {
    this.json = json;
    this.model = model;
  }

  get featureNames(): readonly string[] {
    return this.json.inputs.names;
  }

  get classNames(): readonly string[] | null {
    return this.json.target.classNames;
  }

  get outputSize(): number {
    return this.model.outputSize;
  }

  /** Network inputs for raw rows: (x − mean)/std in f64, rounded once to f32 (rows×features). */
  standardize(raw: ArrayLike<number>, rows: number): Float32Array {
    const { mean, std } = this.json.inputs.standardizer;
    const d = mean.length;
    if (raw.length < rows * d) throw new ActlabError(`input has ${raw.length} numbers but ${rows} rows of ${d} features need ${rows * d}; check the data's shape`);
    const x = new Float32Array(rows * d);
    for (let i = 0; i < rows; i++) for (let k = 0; k < d; k++) x[i * d + k] = (Math.fround(raw[i * d + k]) - mean[k]) / std[k];
    return x;
  }

  /** Outputs (identity, sigmoid or softmax probabilities) for raw rows in the CSV's units, rows×outputSize. */
  predict(raw: ArrayLike<number>, rows: number): Float32Array {
    return this.model.predict(this.standardize(raw, rows), rows);
  }

  /** Outputs and the predicted class (or value) of each row. */
  predictRows(raw: ArrayLike<number>, rows: number): Prediction[] {
    return this.describe(this.predict(raw, rows), rows);
  }

  /**
   * Predictions for the rows of a CSV: columns matched by name, encoded and standardised as at training time
   * (`encodeModelInput`), and the accuracy when the CSV has the target column of a classifier.
   */
  predictCsv(text: string, label: string): CsvPrediction {
    const input = encodeModelInput(text, label, this.json);
    const predictions = this.describe(this.model.predict(input.x, input.rows), input.rows);
    let accuracy: number | undefined;
    if (this.classNames && input.targets) {
      const scored = input.targets.map((t, i) => ({ t, i })).filter(({ t }) => !isMissingCell(t));
      if (scored.length > 0) accuracy = scored.filter(({ t, i }) => targetKey(t) === predictions[i].prediction).length / scored.length;
    }
    return { rows: input.rows, lines: input.lines, predictions, ...(accuracy !== undefined ? { accuracy } : {}), filled: input.filled };
  }

  private describe(out: Float32Array, rows: number): Prediction[] {
    const k = this.outputSize;
    const classes = this.classNames;
    return Array.from({ length: rows }, (_, i) => {
      const o = Array.from(out.subarray(i * k, (i + 1) * k));
      return { output: o, prediction: classes ? classes[classIndex(o)] : o[0] };
    });
  }
}

/** The class an output row predicts: one sigmoid column ≥ 0.5, else the first largest column. */
export function classIndex(output: readonly number[]): number {
  if (output.length === 1) return output[0] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < output.length; j++) if (output[j] > output[best]) best = j;
  return best;
}

/** What a face knows about a trained model besides the engine model. */
export interface SaveInfo {
  readonly spec: RunSpec | null;
  readonly featureNames: readonly string[];
  readonly standardizer: StandardizerJson;
  readonly target: string | null;
  readonly task: DataTask;
  readonly classNames: readonly string[] | null;
  /** Raw-column encodings of a CSV with categorical columns. */
  readonly columns?: readonly ColumnEncoding[];
  readonly notes?: Record<string, unknown>;
}

/** The saved-model JSON of a trained engine model. */
export function saveModel(model: Model, info: SaveInfo): SavedModelJson {
  const { format: _f, meta: _m, ...network } = modelToJson(model);
  if (info.featureNames.length !== model.inputSize || info.standardizer.mean.length !== model.inputSize || info.standardizer.std.length !== model.inputSize) {
    throw new ActlabError(`the model has ${model.inputSize} inputs but ${info.featureNames.length} feature names; save it with the data it was trained on`);
  }
  return {
    format: SAVED_MODEL_FORMAT,
    version: SAVED_MODEL_VERSION,
    spec: info.spec,
    inputs: {
      names: [...info.featureNames],
      standardizer: { mean: [...info.standardizer.mean], std: [...info.standardizer.std] },
      ...(info.columns ? { columns: info.columns } : {}),
    },
    target: { name: info.target, task: info.task, classNames: info.classNames ? [...info.classNames] : null },
    network: { ...network, loss: model.loss, layers: network.layers },
    ...(info.notes ? { notes: info.notes } : {}),
  };
}

/** Version-1 files: the engine's model JSON plus a `training` block (what `actlab train --save` wrote before). */
interface SavedModelV1 {
  readonly format: typeof MODEL_FORMAT;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly loss: LossName;
  readonly layers: readonly LayerJson[];
  readonly meta?: { standardizer?: StandardizerJson; classNames?: readonly string[] };
  readonly training?: {
    featureNames?: readonly string[]; columns?: readonly ColumnEncoding[]; target?: string | null; task?: string; config?: unknown; data?: unknown;
    /** The backend that trained it (files of the last version-1 release). */
    backend?: unknown;
  };
  readonly explorer?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Upgrades any saved-model JSON this or an earlier version wrote to version 2 (checks the shape). */
export function upgradeSavedModel(json: unknown): SavedModelJson {
  if (!isObject(json)) throw new ActlabError('not a saved actlab model (not a JSON object); pass a file written by actlab train --save');
  if (json.format === MODEL_FORMAT) return upgradeV1(json as unknown as SavedModelV1);
  if (json.format !== SAVED_MODEL_FORMAT) {
    throw new ActlabError(`not a saved actlab model (format '${String(json.format)}', expected '${SAVED_MODEL_FORMAT}'); pass a file written by actlab train --save`);
  }
  if (json.version !== SAVED_MODEL_VERSION) {
    throw new ActlabError(`saved model version ${String(json.version)} is newer than this actlab reads (${SAVED_MODEL_VERSION}); update actlab`);
  }
  const j = json as unknown as SavedModelJson;
  if (!isObject(j.inputs) || !Array.isArray(j.inputs.names) || !isObject(j.inputs.standardizer) || !isObject(j.target) || !isObject(j.network)) {
    throw new ActlabError('saved model lacks inputs, target or network; the file is damaged');
  }
  return j;
}

function upgradeV1(j: SavedModelV1): SavedModelJson {
  const std = j.meta?.standardizer;
  const names = j.training?.featureNames;
  if (!std || !names) throw new ActlabError('model has no feature names or standardiser; save it with actlab train --save');
  const config = j.training?.config;
  const trained = j.training?.backend;
  const backend: BackendName = trained === 'wasm' || trained === 'js' ? trained : 'js';
  const spec = isObject(config) && isObject(config.data) && isObject(config.model) && isObject(config.train)
    ? ({ version: RUN_SPEC_VERSION, ...(config as object), backend } as RunSpec)
    : null;
  const task: DataTask = j.training?.task === 'regression' ? 'regression' : 'classification';
  return {
    format: SAVED_MODEL_FORMAT,
    version: SAVED_MODEL_VERSION,
    spec,
    inputs: { names: [...names], standardizer: { mean: [...std.mean], std: [...std.std] }, ...(j.training?.columns ? { columns: j.training.columns } : {}) },
    target: { name: j.training?.target ?? null, task, classNames: j.meta?.classNames ? [...j.meta.classNames] : null },
    network: { inputSize: j.inputSize, outputSize: j.outputSize, loss: j.loss, layers: j.layers },
    ...(isObject(j.explorer) || j.training?.data !== undefined || (spec === null && trained !== undefined)
      ? {
        notes: {
          ...(isObject(j.explorer) ? { explorer: j.explorer } : {}),
          ...(j.training?.data !== undefined ? { data: j.training.data } : {}),
          // A version-1 file without a run spec still says which backend trained it.
          ...(spec === null && trained !== undefined ? { backend } : {}),
        },
      }
      : {}),
  };
}

/** The backend that trained a saved model (its spec's, or a version-1 file's note), or null when it does not say. */
export function trainedBackend(json: SavedModelJson): BackendName | null {
  if (json.spec) return json.spec.backend;
  const b = json.notes?.backend;
  return b === 'js' || b === 'wasm' ? b : null;
}

/** Loads a saved model of any version; `resolve` turns activation keys into activations. */
export function loadSavedModel(json: unknown, resolve: (key: string) => LayerActivation, backend?: Backend): SavedModel {
  const j = upgradeSavedModel(json);
  const doc = { format: MODEL_FORMAT, ...j.network, meta: {} };
  // Without a backend, the engine's current default (the one `useBackend` chose) runs the model.
  const model = backend ? modelFromJson(doc, resolve, backend) : modelFromJson(doc, resolve);
  const d = model.inputSize;
  const { names, standardizer } = j.inputs;
  if (names.length !== d || standardizer.mean.length !== d || standardizer.std.length !== d) {
    throw new ActlabError(`saved model has ${d} inputs but ${names.length} feature names and ${standardizer.mean.length} standardiser entries; the file is damaged`);
  }
  if (j.target.classNames && j.target.classNames.length !== (model.outputSize === 1 ? 2 : model.outputSize)) {
    throw new ActlabError(`saved model has ${model.outputSize} outputs but ${j.target.classNames.length} class names; the file is damaged`);
  }
  model.meta = { standardizer, ...(j.target.classNames ? { classNames: j.target.classNames } : {}) };
  return new SavedModel(j, model);
}

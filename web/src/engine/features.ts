/**
 * Network inputs of the explorer: TensorFlow Playground's features of a plane point (x1, x2, x1², x2²,
 * x1·x2, sin x1, sin x2), or, for an uploaded CSV with more than two columns, all columns standardised.
 * An `InputEncoder` turns data rows and plane points into network input rows the same way, so the
 * heatmaps show exactly what the network was trained on. Pure: no DOM, no worker globals.
 */
import { ActlabError } from '../../../src/util/errors.js';
import { FEATURES, type Feature } from '../state/types.js';

/** Display labels of the features (mathematical notation, the same in every language). */
export const FEATURE_LABELS: Readonly<Record<Feature, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin(x₁)',
  sinx2: 'sin(x₂)',
};

/** Value of feature `f` at the plane point (x1, x2). */
export function featureValue(f: Feature, x1: number, x2: number): number {
  switch (f) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1sq':
      return x1 * x1;
    case 'x2sq':
      return x2 * x2;
    case 'x1x2':
      return x1 * x2;
    case 'sinx1':
      return Math.sin(x1);
    case 'sinx2':
      return Math.sin(x2);
    default:
      throw new ActlabError(`unknown input feature '${String(f)}'; use one of ${FEATURES.join(', ')}`);
  }
}

/**
 * Name of feature `f` as a CSV column, given the names of the two raw columns (`x1`, `x2` for the
 * built-in sets): `x1`, `x1^2`, `x1*x2`, `sin(x1)`. Exported models list their inputs by these names.
 */
export function featureColumnName(f: Feature, a: string, b: string): string {
  switch (f) {
    case 'x1':
      return a;
    case 'x2':
      return b;
    case 'x1sq':
      return `${a}^2`;
    case 'x2sq':
      return `${b}^2`;
    case 'x1x2':
      return `${a}*${b}`;
    case 'sinx1':
      return `sin(${a})`;
    case 'sinx2':
      return `sin(${b})`;
    default:
      throw new ActlabError(`unknown input feature '${String(f)}'; use one of ${FEATURES.join(', ')}`);
  }
}

/** Checks a feature selection: known ids, no repeats, at least one. Returns them in FEATURES order. */
export function checkFeatures(features: readonly string[]): Feature[] {
  if (!Array.isArray(features) || features.length === 0) {
    throw new ActlabError('no input feature is selected; turn on at least one feature (e.g. x1 and x2)');
  }
  for (const f of features) {
    if (!(FEATURES as readonly string[]).includes(f)) throw new ActlabError(`unknown input feature '${String(f)}'; use one of ${FEATURES.join(', ')}`);
  }
  return FEATURES.filter((f) => features.includes(f));
}

/**
 * Writes the selected features of n plane points (`xy` holds x1, x2 pairs) into `out` (n×features.length,
 * row-major). Returns `out`.
 */
export function featurize(features: readonly Feature[], xy: ArrayLike<number>, n: number, out: Float32Array = new Float32Array(n * features.length)): Float32Array {
  const w = features.length;
  for (let i = 0; i < n; i++) {
    const x1 = xy[2 * i];
    const x2 = xy[2 * i + 1];
    for (let k = 0; k < w; k++) out[i * w + k] = featureValue(features[k], x1, x2);
  }
  return out;
}

/** Maps data rows and plane points to network inputs. */
export interface InputEncoder {
  /** Network input width. */
  readonly width: number;
  /** Input names as CSV columns (what `actlab predict` reads), one per network input. */
  readonly names: readonly string[];
  /** Display labels, one per network input. */
  readonly labels: readonly string[];
  /** Selected Playground features, or null when the inputs are the standardised CSV columns. */
  readonly features: readonly Feature[] | null;
  /** Standardisation of the inputs (mean 0, std 1 = none), applied by encodeRows/encodePlane and by `actlab predict`. */
  readonly standardizer: { readonly mean: readonly number[]; readonly std: readonly number[] };
  /** Network inputs of n raw data rows (n×d, row-major). */
  encodeRows(x: Float32Array, n: number, out?: Float32Array): Float32Array;
  /** Network inputs of n plane points (x1, x2 pairs: the two plane columns; other columns at their training mean). */
  encodePlane(xy: ArrayLike<number>, n: number, out?: Float32Array): Float32Array;
}

/**
 * Playground features of two raw columns `columns` of d-column data (the built-in sets: d = 2, columns
 * [0, 1]). `columnNames` are the raw columns' names (they name the inputs of an exported model).
 */
export function featureEncoder(features: readonly string[], d = 2, columns: readonly [number, number] = [0, 1], columnNames: readonly [string, string] = ['x1', 'x2']): InputEncoder {
  const fs = checkFeatures(features);
  const [c1, c2] = columns;
  const w = fs.length;
  return {
    width: w,
    names: fs.map((f) => featureColumnName(f, columnNames[0], columnNames[1])),
    labels: fs.map((f) => FEATURE_LABELS[f]),
    features: fs,
    standardizer: { mean: new Array<number>(w).fill(0), std: new Array<number>(w).fill(1) },
    encodeRows(x, n, out = new Float32Array(n * w)) {
      for (let i = 0; i < n; i++) {
        const x1 = x[i * d + c1];
        const x2 = x[i * d + c2];
        for (let k = 0; k < w; k++) out[i * w + k] = featureValue(fs[k], x1, x2);
      }
      return out;
    },
    encodePlane(xy, n, out = new Float32Array(n * w)) {
      return featurize(fs, xy, n, out);
    },
  };
}

/**
 * All d columns standardised by (mean, std) (fitted on the training rows). Plane points set the two
 * `planeColumns` and hold every other column at its mean (standardised value 0).
 */
export function standardEncoder(
  columnNames: readonly string[], mean: ArrayLike<number>, std: ArrayLike<number>, planeColumns: readonly [number, number],
): InputEncoder {
  const d = columnNames.length;
  const [c1, c2] = planeColumns;
  const m = Array.from(mean);
  const s = Array.from(std);
  return {
    width: d,
    names: [...columnNames],
    labels: [...columnNames],
    features: null,
    standardizer: { mean: m, std: s },
    encodeRows(x, n, out = new Float32Array(n * d)) {
      for (let i = 0; i < n * d; i++) {
        const j = i % d;
        out[i] = (x[i] - m[j]) / s[j];
      }
      return out;
    },
    encodePlane(xy, n, out = new Float32Array(n * d)) {
      out.fill(0, 0, n * d);
      for (let i = 0; i < n; i++) {
        out[i * d + c1] = (xy[2 * i] - m[c1]) / s[c1];
        out[i * d + c2] = (xy[2 * i + 1] - m[c2]) / s[c2];
      }
      return out;
    },
  };
}

/** Plane extent of the built-in sets (TensorFlow Playground's box): [xmin, xmax, ymin, ymax]. */
export const BUILTIN_EXTENT: readonly [number, number, number, number] = [-6, 6, -6, 6];

/**
 * Centres of a grid×grid raster over `extent` ([xmin, xmax, ymin, ymax]) as x1, x2 pairs, row-major with
 * row 0 at the top (largest x2) and column 0 at the left (smallest x1): the layout of the heatmaps.
 */
export function gridPoints(extent: readonly [number, number, number, number], grid: number, out: Float32Array = new Float32Array(2 * grid * grid)): Float32Array {
  const [x0, x1, y0, y1] = extent;
  const dx = (x1 - x0) / grid;
  const dy = (y1 - y0) / grid;
  for (let r = 0; r < grid; r++) {
    const v = y1 - (r + 0.5) * dy;
    for (let c = 0; c < grid; c++) {
      const o = 2 * (r * grid + c);
      out[o] = x0 + (c + 0.5) * dx;
      out[o + 1] = v;
    }
  }
  return out;
}

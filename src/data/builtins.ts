import { ActlabError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { DataTask, Dataset } from './dataset.js';
import { iris } from './iris.js';
import { blobs } from './synthetic/blobs.js';
import { circle } from './synthetic/circle.js';
import { gauss } from './synthetic/gauss.js';
import { moons } from './synthetic/moons.js';
import { multiGauss } from './synthetic/multiGauss.js';
import type { GenerateOptions } from './synthetic/options.js';
import { plane } from './synthetic/plane.js';
import { sine } from './synthetic/sine.js';
import { spiral } from './synthetic/spiral.js';
import { xor } from './synthetic/xor.js';

/** A built-in data set: metadata plus the function that makes it. */
export interface BuiltinDataset {
  /** Registry id (lowercase snake_case). */
  name: string;
  /** Classification or regression. */
  task: DataTask;
  /** One-line description. */
  description: string;
  /** Rows made when `n` is not given. */
  defaultSize: number;
  /** Number of input features. */
  d: number;
  /** Number of classes (classification only). */
  numClasses?: number;
  /** Makes the data set (synthetic sets use n, noise and seed). */
  generate(options?: GenerateOptions): Dataset;
}

/** Iris has a fixed size and no noise; it accepts n only when it equals 150. */
function fixedIris(options: GenerateOptions = {}): Dataset {
  if (options.n !== undefined && options.n !== 150) {
    throw new ActlabError(`'iris' has exactly 150 rows, not ${options.n}; leave n unset for iris`);
  }
  return iris();
}

/** Every built-in data set, by id. Browser-safe: MNIST (Node only) lives in src/node/datasets.ts. */
export const BUILTIN_DATASETS = {
  circle: { name: 'circle', task: 'classification', d: 2, numClasses: 2, defaultSize: 200, description: 'a disc inside a ring (Playground)', generate: circle },
  xor: { name: 'xor', task: 'classification', d: 2, numClasses: 2, defaultSize: 200, description: 'four quadrants, label = sign(x1·x2) (Playground)', generate: xor },
  gauss: { name: 'gauss', task: 'classification', d: 2, numClasses: 2, defaultSize: 200, description: 'two Gaussian clusters (Playground)', generate: gauss },
  spiral: { name: 'spiral', task: 'classification', d: 2, numClasses: 2, defaultSize: 200, description: 'two interleaved spiral arms (Playground)', generate: (o?: GenerateOptions) => spiral(o, 2) },
  moons: { name: 'moons', task: 'classification', d: 2, numClasses: 2, defaultSize: 200, description: 'two interleaving half circles', generate: moons },
  blobs3: { name: 'blobs3', task: 'classification', d: 2, numClasses: 3, defaultSize: 300, description: 'three Gaussian clusters', generate: (o?: GenerateOptions) => blobs(3, o) },
  spiral3: { name: 'spiral3', task: 'classification', d: 2, numClasses: 3, defaultSize: 300, description: 'three interleaved spiral arms', generate: (o?: GenerateOptions) => spiral(o, 3) },
  iris: { name: 'iris', task: 'classification', d: 4, numClasses: 3, defaultSize: 150, description: "Fisher's Iris flowers, 4 measurements, 3 species (real data)", generate: fixedIris },
  plane: { name: 'plane', task: 'regression', d: 2, defaultSize: 200, description: 'a tilted plane, target (x1 + x2)/10 (Playground)', generate: plane },
  multi_gauss: { name: 'multi_gauss', task: 'regression', d: 2, defaultSize: 200, description: 'six signed bumps (Playground)', generate: multiGauss },
  sine: { name: 'sine', task: 'regression', d: 1, defaultSize: 200, description: 'one input, target sin(x) on [-6, 6]', generate: sine },
} as const satisfies Record<string, BuiltinDataset>;

/** Id of a built-in data set. */
export type BuiltinDatasetName = keyof typeof BUILTIN_DATASETS;

/** All built-in data set ids, in registry order. */
export const BUILTIN_DATASET_NAMES = Object.keys(BUILTIN_DATASETS) as BuiltinDatasetName[];

const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/** The registry entry for `name` (case, `-` and `_` ignored), or undefined. */
export function findBuiltinDataset(name: string): BuiltinDataset | undefined {
  const key = squash(name);
  const id = BUILTIN_DATASET_NAMES.find((k) => squash(k) === key);
  return id === undefined ? undefined : BUILTIN_DATASETS[id];
}

/** Makes the built-in data set `name`; throws ActlabError with suggestions when the name is unknown. */
export function getDataset(name: string, options: GenerateOptions = {}): Dataset {
  const entry = findBuiltinDataset(name);
  if (entry === undefined) {
    const hint = didYouMean(name, BUILTIN_DATASET_NAMES) || ' pick a built-in data set or load a CSV file';
    throw new ActlabError(`unknown data set '${name}';${hint} (available: ${BUILTIN_DATASET_NAMES.join(', ')})`);
  }
  return entry.generate(options);
}

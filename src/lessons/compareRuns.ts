/** Trains small networks of several activations on several built-in data sets for one seed; test accuracy per run. */
import { getDataset } from '../data/builtins.js';
import { standardizeSplit } from '../data/standardizer.js';
import { trainTestSplit } from '../data/trainTestSplit.js';
import { buildNetwork, classificationAccuracy, datasetLoss, datasetTargets, fitModel } from '../run/index.js';

/** What to compare. */
export interface CompareSetup {
  readonly activations: readonly string[];
  readonly datasets: readonly string[];
  readonly epochs: number;
  readonly learningRate: number;
  readonly hidden: readonly number[];
  /** Seeds the data, the split, the weights and the shuffling. */
  readonly seed: number;
  /** Points per data set (default 150). */
  readonly points?: number;
}

/** Test accuracy of one run per data set and activation: `accuracy[d][a]` (a diverged run scores 0). */
export function compareActivations(s: CompareSetup): number[][] {
  return s.datasets.map((name) => {
    const ds = getDataset(name, { n: s.points ?? 150, seed: s.seed, noise: 0.1 });
    const split = standardizeSplit(trainTestSplit(ds, { testRatio: 0.3, seed: s.seed }));
    const train = datasetTargets(split.train);
    const test = datasetTargets(split.test);
    const k = split.train.numClasses ?? 2;
    return s.activations.map((act) => {
      const model = buildNetwork({ inputSize: split.train.d, hidden: s.hidden, activation: act, outputSize: k === 2 ? 1 : k, loss: datasetLoss(split.train), seed: s.seed * 100 });
      const { diverged } = fitModel(model, { train: train }, { epochs: s.epochs, learningRate: s.learningRate, batchSize: 32, seed: s.seed, optimizer: { name: 'adam' }, diagnostics: false }, { onDivergence: 'stop' });
      return diverged ? 0 : classificationAccuracy(model, test);
    });
  });
}

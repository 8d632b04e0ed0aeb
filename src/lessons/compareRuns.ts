/** Trains small networks of several activations on several built-in data sets and seeds; test accuracy per run. */
import { getDataset } from '../data/builtins.js';
import { standardizeSplit } from '../data/standardizer.js';
import { trainTestSplit } from '../data/trainTestSplit.js';
import { accuracy, buildNet, classData, fit, lossFor } from './net.js';
import { mean } from './ranks.js';

/** What to compare. */
export interface CompareSetup {
  readonly activations: readonly string[];
  readonly datasets: readonly string[];
  readonly seeds: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly hidden: readonly number[];
  readonly seed: number;
}

/** Mean test accuracy over seeds: `accuracy[d][a]` for data set d and activation a. */
export function compareActivations(s: CompareSetup): number[][] {
  return s.datasets.map((name) => {
    const splits = Array.from({ length: s.seeds }, (_, r) => {
      const ds = getDataset(name, { n: 200, seed: s.seed * 100 + r, noise: 0.1 });
      return standardizeSplit(trainTestSplit(ds, { testRatio: 0.3, seed: s.seed * 100 + r }));
    });
    return s.activations.map((act) =>
      mean(splits.map((split, r) => {
        const train = classData(split.train);
        const test = classData(split.test);
        const k = split.train.numClasses ?? 2;
        const model = buildNet({ inputSize: split.train.d, hidden: s.hidden, activation: act, outputSize: k === 2 ? 1 : k, loss: lossFor(split.train), seed: s.seed * 100 + r });
        const { diverged } = fit(model, train, { epochs: s.epochs, learningRate: s.learningRate, batchSize: 16, seed: s.seed + r, optimizer: { name: 'adam' }, diagnostics: false });
        return diverged ? 0 : accuracy(model, test);
      })),
    );
  });
}

import { describe, it } from 'vitest';
import { checkLesson } from './pinned.js';

describe('lessons without training, or with short runs: verdict and tally over seeds 1–10 as pinned', () => {
  for (const id of ['neuron', 'linear_depth', 'linear_gradient', 'sigmoid_squash', 'tanh_sigmoid', 'monotonic_convex', 'linear_backprop', 'relu_sparsity', 'softmax', 'vanishing_gradients', 'exploding_gradients', 'relu_blowup', 'sparse_compute', 'relu_cost']) {
    it(`${id}: measures, judges and tallies as pinned`, () => checkLesson(id), 120_000);
  }
});

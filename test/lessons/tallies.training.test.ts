import { describe, it } from 'vitest';
import { checkLesson } from './pinned.js';

describe('lessons that train networks: verdict and tally over seeds 1–10 as pinned', () => {
  for (const id of ['xor', 'step_gradient', 'sigmoid_probability', 'graded_outputs', 'universal_approximation', 'identity_origin', 'mixed_layers']) {
    it(`${id}: measures, judges and tallies as pinned`, () => checkLesson(id), 180_000);
  }
});

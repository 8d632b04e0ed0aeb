import { describe, it } from 'vitest';
import { checkLesson } from './pinned.js';

describe('lessons that compare many trained networks: verdict and tally over seeds 1–10 as pinned', () => {
  for (const id of ['bounded_lr', 'dying_relu', 'leaky_recovery', 'start_with_relu', 'smooth_monotonic']) {
    it(`${id}: measures, judges and tallies as pinned`, () => checkLesson(id), 240_000);
  }
});

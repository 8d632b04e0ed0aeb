/**
 * The verdict and per-seed tally of every lesson for its defaults and seeds 1–10 (null tally: deterministic),
 * and one check that runs a lesson and holds it to them, so a change that flips a verdict or a seed is seen.
 * relu_cost is timed: its verdict depends on the machine and is not pinned (tests never assert timings).
 */
import { expect } from 'vitest';
import { getLesson } from '../../src/lessons/lessons.js';
import { resolveParams } from '../../src/lessons/params.js';
import type { Tally, Verdict } from '../../src/lessons/lesson.js';

/** [verdict, tally as [holds, does not hold, inconclusive] or null]. */
export const PINNED: Readonly<Record<string, readonly [Verdict, readonly [number, number, number] | null]>> = {
  neuron: ['holds', null],
  linear_depth: ['holds', [10, 0, 0]],
  xor: ['inconclusive', [3, 0, 7]],
  step_gradient: ['holds', [10, 0, 0]],
  linear_gradient: ['holds', null],
  sigmoid_squash: ['holds', null],
  vanishing_gradients: ['does not hold', [0, 10, 0]],
  tanh_sigmoid: ['holds', null],
  relu_sparsity: ['holds', [10, 0, 0]],
  dying_relu: ['inconclusive', [8, 2, 0]],
  softmax: ['holds', [10, 0, 0]],
  bounded_lr: ['holds', [10, 0, 0]],
  identity_origin: ['holds', [10, 0, 0]],
  monotonic_convex: ['does not hold', null],
  start_with_relu: ['holds', [10, 0, 0]],
  graded_outputs: ['does not hold', [0, 10, 0]],
  universal_approximation: ['holds', [9, 0, 1]],
  smooth_monotonic: ['does not hold', [0, 8, 2]],
  exploding_gradients: ['holds', [10, 0, 0]],
  mixed_layers: ['holds', [10, 0, 0]],
  linear_backprop: ['does not hold', null],
  leaky_recovery: ['inconclusive', [7, 3, 0]],
  relu_blowup: ['holds', [9, 1, 0]],
  sparse_compute: ['holds', [10, 0, 0]],
  sigmoid_probability: ['holds', [10, 0, 0]],
};

const CHINESE = /[\u4e00-\u9fff]/;

/** Runs lesson `id` with its defaults and seeds 1–10 and checks its result, its labels and (unless timed) its pinned verdict and tally. */
export function checkLesson(id: string): void {
  const lesson = getLesson(id);
  const params = resolveParams(lesson);
  const r = lesson.run(params, { seed: 1 });
  // Finite numbers, and the verdict and criterion are the criterion applied to them.
  const entries = Object.entries(r.measurements);
  expect(entries.length).toBeGreaterThan(0);
  for (const [k, v] of entries) expect(Number.isFinite(v), `${id}.${k} = ${v}`).toBe(true);
  const again = lesson.judge({ ...r.measurements }, params);
  expect(again).toEqual({ verdict: r.verdict, criterion: r.criterion });
  expect(r.criterion.en.length).toBeGreaterThan(40);
  expect(r.criterion.zh).toMatch(CHINESE);
  // Every measurement a learner sees has a name in both languages.
  const keys = new Set([...Object.keys(r.measurements), ...r.perSeed.flatMap((o) => Object.keys(o.measurements))]);
  for (const k of keys) {
    expect(r.labels[k], `${id}: label of ${k}`).toBeDefined();
    expect(r.labels[k].zh, `${id}: Chinese label of ${k}`).toMatch(CHINESE);
  }
  expect(typeof r.chart).toBe('object');
  if (lesson.kind === 'seeded') {
    expect(r.seeds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.perSeed.map((o) => o.seed)).toEqual(r.seeds);
    const t = r.tally as Tally;
    expect(t.holds + t.doesNotHold + t.inconclusive).toBe(10);
    expect(t.holds).toBe(r.perSeed.filter((o) => o.verdict === 'holds').length);
    for (const o of r.perSeed) for (const [k, v] of Object.entries(o.measurements)) expect(Number.isFinite(v), `${id} seed ${o.seed}: ${k}`).toBe(true);
  } else {
    expect(r.tally).toBeNull();
    expect(r.seeds).toEqual([]);
  }
  if (lesson.kind === 'timed') return;
  const [verdict, tally] = PINNED[id];
  expect({ id, verdict: r.verdict, tally: r.tally && [r.tally.holds, r.tally.doesNotHold, r.tally.inconclusive] }).toEqual({ id, verdict, tally });
}

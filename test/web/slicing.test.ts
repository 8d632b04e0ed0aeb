/**
 * Training in slices of mini-batches gives bit-identical results to training whole epochs: the same seed
 * gives the same weights and epoch records whatever the slicing, in compare mode too (runs in lockstep, one
 * of them diverging), and a hyper-parameter change mid-epoch takes effect at the epoch's end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameRequest, HyperParams, RunSpec } from '../../web/src/engine/protocol.js';
import { Session } from '../../web/src/engine/session.js';
import { DEFAULT_STATE } from '../../web/src/state/types.js';

function spec(patch: Partial<RunSpec> = {}): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, speed: _sp, ...rest } = DEFAULT_STATE;
  return { ...rest, points: 100, customData: null, ...patch };
}

const FRAME: FrameRequest = { grid: 4, unitGrid: 0, histograms: false };

/** Everything training changed: weights and biases of every run, and the epoch records and divergences. */
function stateOf(s: Session) {
  const snap = s.snapshot(FRAME).models;
  return {
    epoch: s.epoch,
    weights: Array.from({ length: s.runCount }, (_, k) => s.model(k).layers.map((l) => [...l.weights, ...l.bias])),
    records: snap.map((m) => m.newEpochs),
    divergence: snap.map((m) => m.divergence),
  };
}

/** Trains whole epochs (with `hyper` applied after epoch `at`, if given). */
function byEpochs(sp: RunSpec, epochs: number, hyper?: { at: number; h: HyperParams }): Session {
  const s = new Session(sp);
  for (let e = 0; e < epochs; e++) {
    if (hyper && e === hyper.at) s.setHyper(hyper.h);
    s.trainEpoch();
  }
  return s;
}

/** Trains the same epochs in slices of the given step counts (cycled); the hyper change comes mid-epoch `at`. */
function bySteps(sp: RunSpec, epochs: number, slices: number[], hyper?: { at: number; h: HyperParams }): Session {
  const s = new Session(sp);
  let i = 0;
  let sent = false;
  while (s.epoch < epochs && !s.stopped) {
    // Never past the target epoch: stop at its boundary.
    const before = s.epoch;
    s.trainSteps(slices[i++ % slices.length], () => s.epoch !== before);
    if (hyper && !sent && s.epoch === hyper.at && s.midEpoch) {
      s.setHyper(hyper.h);
      sent = true;
    }
    if (hyper && !sent && s.epoch > hyper.at) {
      s.setHyper(hyper.h);
      sent = true;
    }
  }
  return s;
}

const HYPER: HyperParams = { learningRate: 0.1, batchSize: 7, optimizer: 'adam', regularization: 'l2', regRate: 0.001 };

describe('Session: slicing by mini-batches', () => {
  it('gives bit-identical weights and records to whole epochs, whatever the slice sizes', () => {
    const sp = spec({ batchSize: 3, hidden: [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'relu' }] });
    const expected = stateOf(byEpochs(sp, 4));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), (slices) => {
        expect(stateOf(bySteps(sp, 4, slices))).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it('one step at a time equals whole epochs in compare mode, with one run diverging and the others in lockstep', () => {
    const sp = spec({
      problem: 'regression', dataset: 'plane', batchSize: 5, learningRate: 3,
      hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }], compare: ['tanh', 'sigmoid'],
    });
    const a = byEpochs(sp, 6);
    const b = bySteps(sp, 6, [1]);
    expect(a.divergence(0)).not.toBeNull();
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('applies a hyper-parameter change made mid-epoch at the end of that epoch', () => {
    const sp = spec({ batchSize: 4 });
    const a = byEpochs(sp, 5, { at: 2, h: HYPER });
    const b = bySteps(sp, 5, [3, 1, 5], { at: 1, h: HYPER });
    expect(stateOf(b)).toEqual(stateOf(a));
    // And the change did something: without it, the weights differ.
    expect(stateOf(byEpochs(sp, 5)).weights).not.toEqual(stateOf(a).weights);
  });

  it('counts epochs at epoch ends only, whatever the batch size leaves over', () => {
    const s = new Session(spec({ batchSize: 7 })); // 50 training rows: 8 batches, the last of 1 row
    expect(s.trainSteps(7)).toBe(7);
    expect(s.epoch).toBe(0);
    expect(s.midEpoch).toBe(true);
    expect(s.snapshot(FRAME).models[0].newEpochs).toEqual([]);
    s.trainSteps(1);
    expect(s.epoch).toBe(1);
    expect(s.midEpoch).toBe(false);
    expect(s.snapshot(FRAME).models[0].newEpochs.map((e) => e.epoch)).toEqual([1]);
    s.trainSteps(3);
    s.trainEpoch(); // finishes the epoch in progress
    expect(s.epoch).toBe(2);
    expect(s.midEpoch).toBe(false);
  });
});

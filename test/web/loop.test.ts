import { describe, expect, it } from 'vitest';
import { EngineLoop, errorMessage } from '../../web/src/engine/loop.js';
import type { FromWorker, RunSpec, ToWorker } from '../../web/src/engine/protocol.js';
import { Session } from '../../web/src/engine/session.js';
import { DEFAULT_STATE } from '../../web/src/state/types.js';

function spec(patch: Partial<RunSpec> = {}): RunSpec {
  const { lang: _l, showTest: _s, discretize: _d, tour: _t, tourStep: _ts, speed: _sp, ...rest } = DEFAULT_STATE;
  return { ...rest, points: 100, customData: null, ...patch };
}

/** A loop with a recorded outbox and a manual task queue standing in for the MessageChannel. */
function harness() {
  const out: Array<{ message: FromWorker; transfer: ArrayBuffer[] }> = [];
  const tasks: Array<() => void> = [];
  const loop = new EngineLoop({ post: (message, transfer) => out.push({ message, transfer }), schedule: (fn) => tasks.push(fn), now: () => performance.now() });
  const send = (m: ToWorker) => loop.handle(m);
  const runTasks = (n: number) => {
    for (let i = 0; i < n && tasks.length > 0; i++) tasks.shift()?.();
  };
  const last = <T extends FromWorker['type']>(type: T) => [...out].reverse().find((o) => o.message.type === type)?.message as Extract<FromWorker, { type: T }> | undefined;
  return { loop, out, tasks, send, runTasks, last };
}

const FRAME = { grid: 10, unitGrid: 4, histograms: true };

describe('EngineLoop', () => {
  it('answers a frame before any init with an empty snapshot', () => {
    const h = harness();
    h.send({ type: 'frame', request: FRAME });
    expect(h.last('snapshot')).toMatchObject({ models: [], running: false });
  });

  it('init → ready; play trains in slices; frames carry the new epochs; pause stops', () => {
    const h = harness();
    h.send({ type: 'init', spec: spec() });
    const ready = h.last('ready');
    expect(ready?.labels).toEqual(['tanh']);
    expect(ready?.data.nTrain).toBe(50);
    h.send({ type: 'play' });
    expect(h.tasks).toHaveLength(1);
    h.runTasks(3);
    expect(h.tasks).toHaveLength(1);
    const epoch = h.loop.current?.epoch ?? 0;
    expect(epoch).toBeGreaterThan(2);
    h.send({ type: 'frame', request: FRAME });
    const snap = h.last('snapshot');
    expect(snap?.running).toBe(true);
    expect(snap?.epoch).toBe(epoch);
    expect(snap?.models[0].newEpochs).toHaveLength(epoch);
    expect(snap?.epochsPerSecond).toBeGreaterThan(0);
    expect(h.out[h.out.length - 1].transfer.length).toBeGreaterThan(0);
    h.send({ type: 'pause' });
    h.runTasks(1);
    expect(h.tasks).toHaveLength(0);
    expect(h.loop.current?.epoch).toBe(epoch);
    h.send({ type: 'step' });
    expect(h.loop.current?.epoch).toBe(epoch + 1);
  });

  it('reports errors as one-line messages and keeps working', () => {
    const h = harness();
    h.send({ type: 'init', spec: spec({ hidden: [{ units: 2, activation: 'bogus' }] }) });
    const err = h.last('error');
    expect(err?.message).toMatch(/^hidden layer 1: /);
    expect(h.loop.current).toBeNull();
    // Controls wait quietly for valid settings (the init error stays the one shown).
    const errors = h.out.length;
    h.send({ type: 'play' });
    h.send({ type: 'hyper', hyper: { learningRate: 0.1, batchSize: 10, optimizer: 'sgd', regularization: 'none', regRate: 0 } });
    h.send({ type: 'step' });
    expect(h.out.length).toBe(errors);
    expect(h.loop.isRunning).toBe(false);
    h.send({ type: 'export', model: 0 });
    expect(h.last('error')?.message).toMatch(/no model is set up/);
    h.send({ type: 'bench', seconds: 0.1 });
    expect(h.last('bench')?.epochs).toBe(0);
    h.send({ type: 'init', spec: spec() });
    expect(h.last('ready')).toBeDefined();
    h.send({ type: 'setWeight', model: 5, layer: 0, from: 0, to: 0, value: 1 });
    expect(h.last('error')?.message).toMatch(/model 5 does not exist/);
    h.send({ type: 'frame', request: { grid: -1, unitGrid: 0, histograms: false } });
    expect(h.last('error')?.message).toMatch(/grid/);
    h.send({ type: 'nonsense' } as unknown as ToWorker);
    expect(h.last('error')?.message).toMatch(/unknown message 'nonsense'/);
    expect(errorMessage(new Error('a\nb'))).not.toContain('\n');
  });

  it('exports a model and benchmarks', () => {
    const h = harness();
    h.send({ type: 'init', spec: spec() });
    h.send({ type: 'export', model: 0 });
    expect(JSON.parse(h.last('model')?.json ?? '{}').format).toBe('actlab-model');
    h.send({ type: 'bench', seconds: 0.2 });
    const b = h.last('bench');
    expect(b?.epochs).toBeGreaterThan(0);
    expect(b?.epochsPerSecond).toBeCloseTo((b?.epochs ?? 0) / (b?.seconds ?? 1), 6);
  });

  it('stops playing when every run has diverged', () => {
    const h = harness();
    h.send({ type: 'init', spec: spec({ problem: 'regression', dataset: 'plane', hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }], learningRate: 5 }) });
    h.send({ type: 'play' });
    h.runTasks(50);
    expect(h.loop.current?.stopped).toBe(true);
    expect(h.loop.isRunning).toBe(false);
    h.send({ type: 'frame', request: FRAME });
    const snap = h.last('snapshot');
    expect(snap?.models[0].diverged).toMatch(/diverged/);
    expect(snap?.models[0].divergence).toMatchObject({ cause: 'loss' });
    // Lower the learning rate, press Play: the network starts again from its initial weights, no error.
    h.send({ type: 'hyper', hyper: { learningRate: 0.001, batchSize: 10, optimizer: 'sgd', regularization: 'none', regRate: 0 } });
    h.send({ type: 'play' });
    expect(h.last('error')).toBeUndefined();
    expect(h.loop.isRunning).toBe(true);
    expect(h.loop.current?.stopped).toBe(false);
    expect(h.loop.current?.epoch).toBe(0);
    const fresh = new Session(spec({ problem: 'regression', dataset: 'plane', hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }], learningRate: 0.001 }));
    expect(h.loop.current?.model(0).layers.map((l) => [...l.weights])).toEqual(fresh.model(0).layers.map((l) => [...l.weights]));
    h.runTasks(20);
    expect(h.loop.current?.stopped).toBe(false);
    h.send({ type: 'frame', request: FRAME });
    expect(h.last('snapshot')?.models[0].divergence).toBeNull();
    expect(h.out.some((o) => o.message.type === 'error')).toBe(false);
  });

  it('Step and the benchmark after a divergence restart the network instead of failing', () => {
    const h = harness();
    const diverging = spec({ problem: 'regression', dataset: 'plane', hidden: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }], learningRate: 10 });
    h.send({ type: 'init', spec: diverging });
    for (let i = 0; i < 5 && !h.loop.current?.stopped; i++) h.send({ type: 'step' });
    expect(h.loop.current?.stopped).toBe(true);
    h.send({ type: 'hyper', hyper: { learningRate: 0.001, batchSize: 10, optimizer: 'sgd', regularization: 'none', regRate: 0 } });
    h.send({ type: 'step' });
    expect(h.loop.current?.epoch).toBe(1);
    expect(h.loop.current?.stopped).toBe(false);
    h.send({ type: 'init', spec: diverging });
    for (let i = 0; i < 5 && !h.loop.current?.stopped; i++) h.send({ type: 'step' });
    h.send({ type: 'bench', seconds: 0.05 });
    expect(h.last('bench')?.epochs).toBeGreaterThan(0);
    expect(h.out.some((o) => o.message.type === 'error')).toBe(false);
  });

  it('slices training between mini-batches: a slow epoch spans several slices', () => {
    let clock = 0;
    const out: FromWorker[] = [];
    const tasks: Array<() => void> = [];
    // Every clock reading advances 1 ms, so a slice ends after a handful of steps, long before an epoch does.
    const loop = new EngineLoop({ post: (m) => out.push(m), schedule: (fn) => tasks.push(fn), now: () => (clock += 1) });
    loop.handle({ type: 'init', spec: spec({ points: 400, batchSize: 1 }) });
    loop.handle({ type: 'play' });
    tasks.shift()?.();
    const s = loop.current;
    expect(s?.epoch).toBe(0);
    expect(s?.midEpoch).toBe(true);
    for (let i = 0; i < 400 && (s?.epoch ?? 0) < 1; i++) tasks.shift()?.();
    expect(s?.epoch).toBe(1);
    loop.handle({ type: 'frame', request: FRAME });
    const snap = [...out].reverse().find((m) => m.type === 'snapshot');
    expect(snap?.type === 'snapshot' && snap.models[0].newEpochs.map((e) => e.epoch)).toEqual([1]);
  });
});

describe('EngineLoop pace', () => {
  /** A loop on a fake clock: `advance(ms)` moves time and runs what is due (scheduled tasks and timers). */
  function paced() {
    let now = 0;
    const tasks: Array<() => void> = [];
    const timers: Array<{ at: number; fn: () => void }> = [];
    const out: FromWorker[] = [];
    const loop = new EngineLoop({
      post: (message) => out.push(message),
      schedule: (fn) => tasks.push(fn),
      now: () => now,
      later: (fn, ms) => timers.push({ at: now + ms, fn }),
    });
    const advance = (ms: number): void => {
      const end = now + ms;
      for (let guard = 0; guard < 100_000; guard++) {
        if (tasks.length > 0) {
          tasks.shift()!();
          continue;
        }
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.fn();
      }
      now = end;
    };
    return { loop, advance, send: (m: ToWorker) => loop.handle(m), out };
  }

  it('trains about `epochsPerSecond` epochs a second when paced, spread over the mini-batches', () => {
    const h = paced();
    h.send({ type: 'init', spec: spec({ points: 100, batchSize: 10 }) });
    h.send({ type: 'pace', epochsPerSecond: 4, stopAt: null });
    h.send({ type: 'play' });
    h.advance(2000);
    const epoch = h.loop.current!.epoch;
    expect(epoch).toBeGreaterThanOrEqual(7);
    expect(epoch).toBeLessThanOrEqual(9);
    // Half an epoch later the epoch is half done: the boundary moves batch by batch, not in jumps.
    h.advance(120);
    expect(h.loop.current!.midEpoch).toBe(true);
  });

  it('trains flat out after pace 0, many times faster than a slow pace on the same clock', () => {
    const slow = paced();
    slow.send({ type: 'init', spec: spec() });
    slow.send({ type: 'pace', epochsPerSecond: 2, stopAt: null });
    slow.send({ type: 'play' });
    slow.advance(1000);
    const fast = paced();
    fast.send({ type: 'init', spec: spec() });
    fast.send({ type: 'pace', epochsPerSecond: 0, stopAt: null });
    fast.send({ type: 'play' });
    // On a frozen clock a flat-out slice never ends by time; stop it with the stop epoch instead.
    fast.send({ type: 'pace', epochsPerSecond: 0, stopAt: 50 });
    fast.advance(1000);
    expect(slow.loop.current!.epoch).toBeLessThanOrEqual(3);
    expect(fast.loop.current!.epoch).toBe(50);
  });

  it('pauses by itself at the end of epoch `stopAt`, and play goes on past it', () => {
    const h = paced();
    h.send({ type: 'init', spec: spec() });
    h.send({ type: 'pace', epochsPerSecond: 50, stopAt: 12 });
    h.send({ type: 'play' });
    h.advance(5000);
    expect(h.loop.current!.epoch).toBe(12);
    expect(h.loop.current!.midEpoch).toBe(false);
    expect(h.loop.isRunning).toBe(false);
    h.send({ type: 'play' });
    h.advance(500);
    expect(h.loop.current!.epoch).toBeGreaterThan(12);
  });
});

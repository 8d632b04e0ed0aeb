import { describe, expect, it } from 'vitest';
import { DataCache, type EvalOutcome, type EvalTask } from '../../src/search/evaluation.js';
import { runSearch, SearchStopped, surrogateVerdict, type SearchConfig, type SearchExecutor } from '../../src/search/search.js';
import { DEFAULT_SPACE } from '../../src/search/space.js';
import { ThreadRunner, threadExecutor } from '../../src/node/searchPool.js';

const config = (over: Partial<SearchConfig> = {}): SearchConfig => ({
  data: { name: 'moons', n: 120 },
  model: { hidden: [6] },
  train: { epochs: 8 },
  space: DEFAULT_SPACE,
  strategy: 'evolution',
  budget: 8,
  seeds: 2,
  seed: 3,
  population: 4,
  top: 2,
  baselines: ['relu', 'tanh'],
  ...over,
});

function inThread(): { execute: SearchExecutor; calls: () => number } {
  const cache = new DataCache();
  let n = 0;
  return {
    execute: async (tasks, on) => tasks.map((t) => { n++; const o = cache.run(t); on(t, o); return o; }),
    calls: () => n,
  };
}

describe('activation search', () => {
  it('trains exactly the budget of candidates, ranks them and compares the best with every baseline', async () => {
    const r = await runSearch(config(), inThread().execute);
    expect(r.counts.trained).toBe(8);
    expect(r.candidates.filter((c) => c.status !== 'rejected')).toHaveLength(8);
    const cands = r.leaderboard.filter((l) => l.kind === 'candidate');
    expect(cands).toHaveLength(2);
    for (const c of cands) expect(c.versus.map((v) => v.baseline)).toEqual(['relu', 'tanh']);
    expect(r.correction).toMatch(/Holm/);
    expect(r.conclusion.length).toBeGreaterThan(10);
    // Every trained candidate has one score per seed, in [0, 1] (accuracy).
    for (const c of r.candidates.filter((x) => x.status === 'trained')) {
      expect(c.scores).toHaveLength(2);
      for (const s of c.scores) expect(s).toBeGreaterThanOrEqual(0);
    }
  });

  it('the same seed gives the same leaderboard; another seed other candidates', async () => {
    const a = await runSearch(config(), inThread().execute);
    const b = await runSearch(config(), inThread().execute);
    const c = await runSearch(config({ seed: 4 }), inThread().execute);
    expect(JSON.stringify(b.leaderboard)).toBe(JSON.stringify(a.leaderboard));
    expect(c.candidates.map((x) => x.expression)).not.toEqual(a.candidates.map((x) => x.expression));
  });

  it('exhaustive enumeration trains the simplest trees first (every u(x) before any binary tree)', async () => {
    const r = await runSearch(config({ strategy: 'exhaustive', budget: 6 }), inThread().execute);
    expect(r.candidates.every((c) => c.tree.arg === 'x')).toBe(true);
    expect(r.counts.trained).toBe(6);
  });

  it('gives the same leaderboard on two worker threads as in this thread', async () => {
    const local = await runSearch(config(), inThread().execute);
    const runner = new ThreadRunner(2, 120);
    try {
      const threaded = await runSearch(config(), threadExecutor(runner));
      expect(JSON.stringify(threaded.leaderboard)).toBe(JSON.stringify(local.leaderboard));
      expect(JSON.stringify(threaded.candidates)).toBe(JSON.stringify(local.candidates));
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('stopped midway, then resumed from the saved runs, gives the same result without repeating a run', async () => {
    const full = await runSearch(config(), inThread().execute);
    const saved = new Map<string, EvalOutcome>();
    let stop = false;
    const first = inThread();
    await expect(runSearch(config(), first.execute, {
      onOutcome: (t: EvalTask, o) => { saved.set(t.id, o); if (saved.size >= 9) stop = true; },
      stopped: () => stop,
    })).rejects.toBeInstanceOf(SearchStopped);
    const second = inThread();
    const resumed = await runSearch(config(), second.execute, { known: saved });
    expect(JSON.stringify(resumed.leaderboard)).toBe(JSON.stringify(full.leaderboard));
    const total = first.calls() + second.calls();
    const needed = new Set<string>();
    // Every run is done once: the two halves together ran as many runs as one uninterrupted search.
    const counter = inThread();
    await runSearch(config(), async (tasks, on) => { for (const t of tasks) needed.add(t.id); return counter.execute(tasks, on); });
    expect(total).toBe(needed.size);
  });

  it('records a diverging or failing candidate without stopping the search', async () => {
    const cache = new DataCache();
    const execute: SearchExecutor = async (tasks, on) => tasks.map((t) => {
      const o: EvalOutcome = String(t.job.model.activation).includes('tanh') ? { ok: false, reason: 'diverged: test' } : cache.run(t);
      on(t, o);
      return o;
    });
    const r = await runSearch(config({ budget: 10 }), execute);
    expect(r.counts.trained).toBe(10);
    const failed = r.candidates.filter((c) => c.status === 'failed');
    for (const f of failed) expect(f.reason).toBe('diverged: test');
    expect(r.leaderboard.some((l) => l.kind === 'candidate' && l.expression.includes('tanh'))).toBe(false);
  });
});

describe('the surrogate (untrained network)', () => {
  const ok = (probe: { gradientRatioLog10: number; saturated: number }) => ({ ok: true as const, score: 0.5, metric: 'accuracy' as const, testLoss: 1, trainLoss: 1, seconds: 0, probe: { ...probe, dead: 0, lastPreActivationStd: 1 } });
  it('rejects vanishing or exploding gradients beyond 10^3 and over 90% saturation, by the rule fixed in advance', () => {
    expect(surrogateVerdict(ok({ gradientRatioLog10: -3.5, saturated: 0 }))).toMatch(/vanish/);
    expect(surrogateVerdict(ok({ gradientRatioLog10: 3.5, saturated: 0 }))).toMatch(/explode/);
    expect(surrogateVerdict(ok({ gradientRatioLog10: 0, saturated: 0.95 }))).toMatch(/95% of hidden units saturated/);
    expect(surrogateVerdict(ok({ gradientRatioLog10: Number.NEGATIVE_INFINITY, saturated: 0 }))).toMatch(/no gradient/);
    expect(surrogateVerdict(ok({ gradientRatioLog10: -2.9, saturated: 0.89 }))).toBeNull();
  });

  it('with --surrogate every trained candidate carries its measurements at initialisation', async () => {
    const r = await runSearch(config({ surrogate: true, model: { hidden: [6, 6, 6] } }), inThread().execute);
    expect(r.counts.trained).toBe(8);
    for (const c of r.candidates.filter((x) => x.status === 'trained')) {
      expect(Number.isFinite(c.init?.gradientRatioLog10)).toBe(true);
      expect(Math.abs(c.init?.gradientRatioLog10 ?? 99)).toBeLessThanOrEqual(3);
    }
    for (const c of r.candidates.filter((x) => x.reason?.startsWith('surrogate'))) expect(c.status).toBe('rejected');
  });
});

describe('tuning the parameters of the best candidates (--tune)', () => {
  it('adds a row per top candidate with parameters, retrained with them learned, compared with every baseline', async () => {
    const space = {
      unary: [{ name: 'scale', expression: 'beta*u' }, { name: 'tanh', expression: 'tanh(u)' }],
      binary: [{ name: 'mul', expression: 'a*b' }],
      depth: 1,
      betaInit: 0.5,
      betaRange: [-4, 4] as [number, number],
    };
    // regression (sine): the score (R²) is continuous, so a change of the runs shows in it
    const r = await runSearch(config({ data: { name: 'sine', n: 120 }, space, tune: true, budget: 4, top: 2 }), inThread().execute);
    const tuned = r.leaderboard.filter((l) => l.tuned === true);
    const withParams = r.leaderboard.filter((l) => l.kind === 'candidate' && !l.tuned && /;\s*beta\d+\s*=/.test(l.expression));
    expect(tuned.length).toBe(withParams.length);
    expect(tuned.length).toBeGreaterThan(0);
    for (const t of tuned) {
      expect(t.versus.map((v) => v.baseline)).toEqual(['relu', 'tanh']);
      const plain = withParams.find((p) => p.expression === t.expression);
      // Learning the parameters changes the runs: the fresh-seed scores are not those of the fixed form.
      expect(t.confirmScores).not.toEqual(plain?.confirmScores);
    }
  });
});

/**
 * The whole-pipeline fuzz at scale (run by hand):
 *   npx tsx scripts/fuzz-pipeline.ts [cases=100000] [seed=1] [analysis|no-analysis] [from=0]
 * Each case: text → parse → simplify → differentiate → compile → analyse → terminal plot → kernel (see
 * test/expr/pipelineFuzz.ts). Runs cases from..cases−1 of the seed (so a long run can be split into chunks
 * run side by side: `100000 1 analysis 0` and `… 50000`, with cases = the chunk's end). The cases run in a
 * worker thread under a per-case time limit (10 s of wall clock): a case that does not finish is counted as a
 * hang, the worker is replaced and the run goes on.
 *
 * Each case is timed in wall clock and in process CPU time (`process.cpuUsage`: the worker's thread plus
 * V8's helper threads; the main thread only waits), per stage. On a shared machine the wall clock is inflated
 * by the load (the load average is printed), so "over 1 s" is decided on CPU time; the count over 1 s of wall
 * clock is printed too. Prints counts of results, clean rejections (exit 2), crashes, hangs and cases over
 * 1 s, and the slowest cases with their stage times, case number and text, so that each can be reproduced
 * (`runPipeline(text)`, or the CLI).
 */
import { loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { PIPELINE_STAGES, type StageTimes, pipelineTextArb, runPipeline } from '../test/expr/pipelineFuzz.js';

interface Job {
  readonly total: number;
  readonly seed: number;
  readonly analyse: boolean;
  readonly start: number;
}
type Message =
  | { kind: 'start'; i: number }
  | { kind: 'done'; i: number; wall: number; cpu: number; stages: StageTimes; outcome: string; detail: string };

/** The i-th case text of a seed: batches of 1000 sampled with a seed per batch, so any case can be regenerated. */
function caseText(seed: number, i: number, cache: Map<number, string[]>): string {
  const batch = Math.floor(i / 1000);
  let texts = cache.get(batch);
  if (!texts) {
    if (cache.size > 4) cache.clear();
    texts = fc.sample(pipelineTextArb, { numRuns: 1000, seed: seed * 1_000_003 + batch });
    cache.set(batch, texts);
  }
  return texts[i % 1000];
}

if (!isMainThread) {
  const job = workerData as Job;
  const cache = new Map<number, string[]>();
  for (let i = job.start; i < job.total; i++) {
    const text = caseText(job.seed, i, cache);
    parentPort?.postMessage({ kind: 'start', i } satisfies Message);
    const stages: StageTimes = {};
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    const r = runPipeline(text, job.analyse, stages);
    const c = process.cpuUsage(c0);
    const wall = performance.now() - w0;
    const detail = r.kind === 'crash' ? String((r.error as Error)?.stack ?? r.error).split('\n').slice(0, 3).join(' | ') : r.kind === 'rejected' ? r.message : '';
    parentPort?.postMessage({ kind: 'done', i, wall, cpu: (c.user + c.system) / 1000, stages, outcome: r.kind, detail } satisfies Message);
  }
} else {
  const total = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  const analyse = process.argv[4] !== 'no-analysis';
  const from = Number(process.argv[5] ?? 0);
  const LIMIT_MS = 10_000;
  const SLOWEST = 15;
  const counts = { ok: 0, rejected: 0, crash: 0, hang: 0, over1sCpu: 0, over1sWall: 0 };
  const slowest: { i: number; cpu: number; wall: number; stages: StageTimes }[] = [];
  const examples: string[] = [];
  const rejections = new Map<string, number>();
  const cache = new Map<number, string[]>();
  const stageCpu = new Map<string, number>();
  let cpuTotal = 0;
  const loads: number[] = [];
  const started = Date.now();
  let done = 0;
  const sampleLoad = (): void => {
    loads.push(loadavg()[0]);
  };
  sampleLoad();
  const loadTimer = setInterval(sampleLoad, 30_000);

  const run = (start: number): Promise<void> =>
    new Promise((resolve) => {
      if (start >= total) return resolve();
      // the worker loads this file through tsx (a plain Worker would not know the .ts extension)
      const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
      const worker = new Worker(boot, { eval: true, workerData: { total, seed, analyse, start } satisfies Job });
      let current = start;
      let since = Date.now();
      let settled = false;
      const timer = setInterval(() => {
        if (Date.now() - since > LIMIT_MS) {
          clearInterval(timer);
          settled = true;
          counts.hang++;
          if (examples.length < 30) examples.push(`hang (> ${LIMIT_MS} ms wall): case ${current}: ${caseText(seed, current, cache).slice(0, 200)}`);
          done++;
          void worker.terminate().then(() => resolve(run(current + 1)));
        }
      }, 200);
      worker.on('message', (m: Message) => {
        if (m.kind === 'start') {
          current = m.i;
          since = Date.now();
          return;
        }
        done++;
        cpuTotal += m.cpu;
        for (const [k, v] of Object.entries(m.stages)) stageCpu.set(k, (stageCpu.get(k) ?? 0) + v.cpu);
        if (slowest.length < SLOWEST || m.cpu > slowest[slowest.length - 1].cpu) {
          slowest.push({ i: m.i, cpu: m.cpu, wall: m.wall, stages: m.stages });
          slowest.sort((p, q) => q.cpu - p.cpu);
          slowest.length = Math.min(slowest.length, SLOWEST);
        }
        if (m.wall > 1000) counts.over1sWall++;
        if (m.cpu > 1000) {
          counts.over1sCpu++;
          if (examples.length < 30) examples.push(`over 1 s (cpu ${m.cpu.toFixed(0)} ms, wall ${m.wall.toFixed(0)} ms): case ${m.i}: ${caseText(seed, m.i, cache).slice(0, 200)}`);
        }
        if (m.outcome === 'ok') counts.ok++;
        else if (m.outcome === 'rejected') {
          counts.rejected++;
          const kind = m.detail.replace(/"[^"]*"/g, '"…"').replace(/column \d+/, 'column N').replace(/'[^']*'/g, "'…'").slice(0, 70);
          rejections.set(kind, (rejections.get(kind) ?? 0) + 1);
        } else {
          counts.crash++;
          if (examples.length < 30) examples.push(`crash: case ${m.i}: ${caseText(seed, m.i, cache).slice(0, 200)} → ${m.detail}`);
        }
        if (done % 1000 === 0) {
          process.stderr.write(`${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(2)}, over 1 s cpu ${counts.over1sCpu} wall ${counts.over1sWall}, crashes ${counts.crash}, hangs ${counts.hang}, slowest cpu ${(slowest[0]?.cpu ?? 0).toFixed(0)} ms\n`);
        }
      });
      worker.on('exit', () => {
        clearInterval(timer);
        if (!settled) resolve();
      });
    });

  /** Prints the summary of the cases done so far (at the end, or when the run is stopped with SIGTERM/SIGINT). */
  const report = (stopped: boolean): void => {
  clearInterval(loadTimer);
  sampleLoad();
  const top = [...rejections.entries()].sort((p, q) => q[1] - p[1]).slice(0, 8);
  const fmt = (s: StageTimes): string =>
    PIPELINE_STAGES.filter((k) => s[k]).map((k) => `${k} ${s[k]!.cpu.toFixed(0)}/${s[k]!.wall.toFixed(0)}`).join(', ');
  console.log(
    JSON.stringify(
      {
        analyse, seed, from, to: total, stopped, cases: done, ...counts,
        slowestCpuMs: Math.round(slowest[0]?.cpu ?? 0), slowestWallMs: Math.round(slowest[0]?.wall ?? 0),
        slowestText: slowest.length > 0 ? caseText(seed, slowest[0].i, cache).slice(0, 160) : '',
        meanCpuMs: Number((cpuTotal / Math.max(1, done)).toFixed(2)),
        cpuSecondsPerStage: Object.fromEntries([...stageCpu].map(([k, v]) => [k, Math.round(v / 1000)])),
        loadAverage: { min: Math.min(...loads), max: Math.max(...loads), mean: Number((loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2)) },
        seconds: (Date.now() - started) / 1000,
        topRejections: Object.fromEntries(top),
      },
      null,
      1,
    ),
  );
  console.log(`slowest cases by CPU time (stage: cpu/wall ms; reproduce with runPipeline(text) from test/expr/pipelineFuzz.ts):`);
  for (const s of slowest) {
    console.log(`  case ${s.i} (seed ${seed}): cpu ${s.cpu.toFixed(0)} ms, wall ${s.wall.toFixed(0)} ms [${fmt(s.stages)}]: ${caseText(seed, s.i, cache).slice(0, 200)}`);
  }
  for (const e of examples) console.log(e);
  if (stopped) console.log(`stopped after ${done} of ${total - from} cases`);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      report(true);
      process.exit(2);
    });
  }
  await run(from);
  report(false);
  process.exit(counts.crash + counts.hang > 0 ? 1 : 0);
}

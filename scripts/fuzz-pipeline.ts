/**
 * The whole-pipeline fuzz at scale (run by hand):
 *   npx tsx scripts/fuzz-pipeline.ts [cases=100000] [seed=1] [no-analysis]
 * Each case: text → parse → simplify → differentiate → compile → analyse → terminal plot → kernel (see
 * test/expr/pipelineFuzz.ts). The cases run in a worker thread under a per-case time limit (10 s): a case
 * that does not finish is counted as a hang, the worker is replaced and the run goes on. Counts results,
 * clean rejections (exit 2), crashes, hangs and cases over 1 s; `no-analysis` skips the property analysis
 * (src/analysis), the slowest stage.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { pipelineTextArb, runPipeline } from '../test/expr/pipelineFuzz.js';

interface Job {
  readonly total: number;
  readonly seed: number;
  readonly analyse: boolean;
  readonly start: number;
}
type Message = { kind: 'start'; i: number } | { kind: 'done'; i: number; ms: number; outcome: string; detail: string };

/** The i-th case text of a seed: batches of 1000 sampled with a seed per batch, so any case can be regenerated. */
function caseText(seed: number, i: number, cache: Map<number, string[]>): string {
  const batch = Math.floor(i / 1000);
  let texts = cache.get(batch);
  if (!texts) {
    cache.clear();
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
    const t0 = performance.now();
    const r = runPipeline(text, job.analyse);
    const ms = performance.now() - t0;
    const detail = r.kind === 'crash' ? String((r.error as Error)?.stack ?? r.error).split('\n').slice(0, 3).join(' | ') : r.kind === 'rejected' ? r.message : '';
    parentPort?.postMessage({ kind: 'done', i, ms, outcome: r.kind, detail } satisfies Message);
  }
} else {
  const total = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  const analyse = process.argv[4] !== 'no-analysis';
  const LIMIT_MS = 10_000;
  const counts = { ok: 0, rejected: 0, crash: 0, hang: 0, over1s: 0 };
  let slowest = 0;
  let slowestCase = -1;
  const examples: string[] = [];
  const rejections = new Map<string, number>();
  const cache = new Map<number, string[]>();
  const started = Date.now();
  let done = 0;

  const run = (start: number): Promise<void> =>
    new Promise((resolve) => {
      if (start >= total) return resolve();
      // the worker loads this file through tsx (a plain Worker would not know the .ts extension)
      const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
      const worker = new Worker(boot, { eval: true, workerData: { total, seed, analyse, start } satisfies Job });
      let current = start;
      let since = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - since > LIMIT_MS) {
          clearInterval(timer);
          counts.hang++;
          if (examples.length < 20) examples.push(`hang (> ${LIMIT_MS} ms): case ${current}: ${caseText(seed, current, cache).slice(0, 200)}`);
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
        if (m.ms > slowest) { slowest = m.ms; slowestCase = m.i; }
        if (m.ms > 1000) {
          counts.over1s++;
          if (examples.length < 20) examples.push(`over 1 s (${m.ms.toFixed(0)} ms): case ${m.i}: ${caseText(seed, m.i, cache).slice(0, 200)}`);
        }
        if (m.outcome === 'ok') counts.ok++;
        else if (m.outcome === 'rejected') {
          counts.rejected++;
          const kind = m.detail.replace(/"[^"]*"/g, '"…"').replace(/column \d+/, 'column N').replace(/'[^']*'/g, "'…'").slice(0, 70);
          rejections.set(kind, (rejections.get(kind) ?? 0) + 1);
        } else {
          counts.crash++;
          if (examples.length < 20) examples.push(`crash: case ${m.i}: ${caseText(seed, m.i, cache).slice(0, 200)} → ${m.detail}`);
        }
        if (done % 5000 === 0) process.stderr.write(`${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      });
      worker.on('exit', () => {
        clearInterval(timer);
        if (current >= total - 1 || done >= total) resolve();
      });
    });

  await run(0);
  const top = [...rejections.entries()].sort((p, q) => q[1] - p[1]).slice(0, 8);
  console.log(
    JSON.stringify(
      {
        analyse, cases: done, ...counts, slowestMs: Math.round(slowest),
        slowestText: slowestCase >= 0 ? caseText(seed, slowestCase, cache).slice(0, 160) : '', seconds: (Date.now() - started) / 1000,
        topRejections: Object.fromEntries(top),
      },
      null,
      1,
    ),
  );
  for (const e of examples) console.log(e);
  process.exit(counts.crash + counts.hang > 0 ? 1 : 0);
}

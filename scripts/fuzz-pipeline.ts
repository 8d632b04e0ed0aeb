/**
 * The whole-pipeline fuzz at scale (run by hand): npx tsx scripts/fuzz-pipeline.ts [cases=100000] [seed=1]
 * Each case: text → parse → simplify → differentiate → compile → analyse → terminal plot (see
 * test/expr/pipelineFuzz.ts). Counts results, clean rejections (exit 2), crashes and cases over 1 s.
 * A third argument `no-analysis` skips the property analysis (src/analysis), the slowest stage.
 */
import fc from 'fast-check';
import { pipelineTextArb, runPipeline } from '../test/expr/pipelineFuzz.js';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
const analyse = process.argv[4] !== 'no-analysis';
let cases = 0;
let ok = 0;
let rejected = 0;
let crashes = 0;
let slow = 0;
let slowest = 0;
let slowestText = '';
const examples: string[] = [];
const rejections = new Map<string, number>();
const start = Date.now();
for (let k = 0; cases < total; k++) {
  for (const text of fc.sample(pipelineTextArb, { numRuns: 1000, seed: seed * 1_000_003 + k })) {
    if (cases >= total) break;
    cases++;
    const t0 = performance.now();
    const r = runPipeline(text, analyse);
    const ms = performance.now() - t0;
    if (ms > slowest) { slowest = ms; slowestText = text; }
    if (ms > 1000) { slow++; if (examples.length < 20) examples.push(`slow ${ms.toFixed(0)} ms: ${text.slice(0, 200)}`); }
    if (r.kind === 'ok') ok++;
    else if (r.kind === 'rejected') {
      rejected++;
      const kind = r.message.replace(/"[^"]*"/g, '"…"').replace(/column \d+/, 'column N').slice(0, 60);
      rejections.set(kind, (rejections.get(kind) ?? 0) + 1);
    } else {
      crashes++;
      if (examples.length < 20) examples.push(`crash: ${text.slice(0, 200)} → ${String((r.error as Error)?.stack ?? r.error).split('\n').slice(0, 3).join(' | ')}`);
    }
  }
  if (k % 5 === 0) process.stderr.write(`${cases} cases, ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
}
const top = [...rejections.entries()].sort((p, q) => q[1] - p[1]).slice(0, 8);
console.log(JSON.stringify({ analyse, cases, ok, rejected, crashes, over1s: slow, slowestMs: Math.round(slowest), slowestText: slowestText.slice(0, 120), seconds: (Date.now() - start) / 1000, topRejections: Object.fromEntries(top) }, null, 1));
for (const e of examples) console.log(e);
process.exit(crashes + slow > 0 ? 1 : 0);

/**
 * How many catalog entries have every property proved (run by hand):
 *   npx tsx scripts/catalog-evidence.ts [out.json]
 * Analyses every scalar catalog entry at its default parameters (as `actlab show` does) and prints the
 * number of entries whose every evidence field is "proved", the count per property, and the analysis time
 * of the slowest entries (process CPU time). With a file name, writes each entry's evidence there, to
 * compare two versions of the analysis entry by entry.
 */
import { writeFileSync } from 'node:fs';
import { resolveActivation } from '../src/activations/resolve.js';
import { CATALOG } from '../src/activations/registry.js';
import { analyzeActivation } from '../src/analysis/analyzeActivation.js';
import type { PropertyEvidence } from '../src/analysis/properties.js';

const out: Record<string, PropertyEvidence> = {};
const perProperty = new Map<string, number>();
const times: [string, number][] = [];
let full = 0;
for (const spec of CATALOG) {
  const t0 = process.cpuUsage();
  const e = analyzeActivation(resolveActivation(spec.id)).evidence;
  const t = process.cpuUsage(t0);
  times.push([spec.id, (t.user + t.system) / 1000]);
  out[spec.id] = e;
  const values = Object.entries(e);
  if (values.every(([, v]) => v === 'proved')) full++;
  for (const [k, v] of values) if (v === 'proved') perProperty.set(k, (perProperty.get(k) ?? 0) + 1);
}
times.sort((a, b) => b[1] - a[1]);
console.log(JSON.stringify({
  entries: CATALOG.length, fullyProved: full, provedPerProperty: Object.fromEntries(perProperty),
  cpuMsTotal: Math.round(times.reduce((s, [, t]) => s + t, 0)), slowest: times.slice(0, 5).map(([id, t]) => `${id} ${t.toFixed(0)} ms`),
}, null, 1));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(out, null, 1));

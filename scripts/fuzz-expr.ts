/**
 * The differential fuzz of the expression language at scale (run by hand, not in npm test):
 *   npx tsx scripts/fuzz-expr.ts [cases=1000000] [seed=1]
 * Generates expressions × 8 inputs with the harness of test/expr/differential.ts and counts, per target,
 * the cases where a target's value differs from the interpreter's. Prints a summary and the first few
 * mismatches; exits 1 if there was any.
 */
import fc from 'fast-check';
import { caseArb, checkCase, describeMismatch } from '../test/expr/differential.js';

const total = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const perExpr = 8;
const batch = 1000;
const byTarget = new Map<string, number>();
const examples: string[] = [];
let cases = 0;
let expressions = 0;
let crashes = 0;
const start = Date.now();
for (let k = 0; cases < total; k++) {
  for (const c of fc.sample(caseArb, { numRuns: batch, seed: seed * 1_000_003 + k })) {
    if (cases >= total) break;
    expressions++;
    cases += perExpr;
    try {
      for (const m of checkCase(c)) {
        byTarget.set(m.target, (byTarget.get(m.target) ?? 0) + 1);
        if (examples.length < 10) examples.push(describeMismatch(c, m));
      }
    } catch (err) {
      crashes++;
      if (examples.length < 10) examples.push(`crash: ${(err as Error).message}`);
    }
  }
  if (k % 20 === 0) process.stderr.write(`${cases} cases, ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
}
const mismatches = [...byTarget.values()].reduce((s, v) => s + v, 0);
console.log(JSON.stringify({ cases, expressions, inputsPerExpression: perExpr, mismatches, crashes, byTarget: Object.fromEntries(byTarget), seconds: (Date.now() - start) / 1000 }, null, 1));
for (const e of examples) console.log(e);
process.exit(mismatches + crashes > 0 ? 1 : 0);

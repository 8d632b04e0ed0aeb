/**
 * The printed NumPy code keeps the language's semantics: generated expressions over every primitive,
 * printed with printCode('numpy'), run in one Python process at inputs that include NaN, ±∞ and ±0, and
 * compared with the interpreter (NaN = NaN; 1e-9 relative, the printed code's stated tolerance, because
 * np.sinc takes x/π and NumPy's transcendental functions are not JavaScript's).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expr, evaluate, num, printCode, toText } from '../../src/expr/index.js';
import { exprArb } from './differential.js';

const numpy = spawnSync('python3', ['-c', 'import numpy, scipy.special'], { encoding: 'utf8' }).status === 0;
const XS = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-300, -0.7, 0.5, 1, 2.5, -3, 40, 1e300];

/** Whether the expression uses Math.pow-versus-C-pow edge cases that differ by design (1 ** nan, nan ** 0). */
function mentionsPow(e: Expr): boolean {
  const stack = [e];
  while (stack.length > 0) {
    const n = stack.pop() as Expr;
    if (n.kind === 'op') {
      if (n.op === 'pow') return true;
      stack.push(...n.args);
    }
  }
  return false;
}

describe('printed NumPy agrees with the interpreter', () => {
  it.skipIf(!numpy)('on 300 generated expressions × 13 inputs (NaN, ±∞, ±0 included)', () => {
    const exprs = fc.sample(exprArb, { numRuns: 300, seed: 77 }).filter((e) => !mentionsPow(e));
    const dir = mkdtempSync(join(tmpdir(), 'actlab-npsem-'));
    try {
      const files = exprs.map((e, i) => {
        const file = join(dir, `m${i}.py`);
        writeFileSync(file, printCode('numpy', { name: 'g', expr: e, derivative: num(0), params: [{ name: 'a', value: 0.75 }, { name: 'b', value: -1.5 }] }));
        return file;
      });
      const script = `
import json, sys, importlib.util
import numpy as np
xs = np.array([float(v) for v in json.loads(sys.argv[1])])
out = []
for path in sys.argv[2:]:
    spec = importlib.util.spec_from_file_location("m", path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    with np.errstate(all='ignore'):
        y = np.broadcast_to(np.asarray(m.g(xs), dtype=float), xs.shape)
    out.append([float(v) if np.isfinite(v) else str(float(v)) for v in y])
print(json.dumps(out))
`;
      const res = JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(XS.map(String)), ...files], { encoding: 'utf8', maxBuffer: 1 << 26 })) as (number | string)[][];
      const dec = (v: number | string): number => (typeof v === 'number' ? v : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number.NaN);
      const bad: string[] = [];
      exprs.forEach((e, i) => {
        XS.forEach((x, j) => {
          const want = evaluate(e, { x, a: 0.75, b: -1.5 });
          const got = dec(res[i][j]);
          const ok = Number.isNaN(want) ? Number.isNaN(got) : got === want || Math.abs(got - want) <= 1e-9 * Math.abs(want) || (Math.abs(want) < 1e-290 && Math.abs(got) < 1e-290);
          if (!ok && bad.length < 10) bad.push(`${toText(e)} at x=${x}: numpy ${got}, interpreter ${want}`);
        });
      });
      expect(bad).toEqual([]);
      expect(exprs.length).toBeGreaterThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

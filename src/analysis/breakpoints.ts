import type { Expr } from '../expr/ast.js';
import { compileScalar } from '../expr/compile.js';
import { evaluate } from '../expr/evaluate.js';
import { dependsOn, keyOf } from '../expr/keys.js';

/** Comparison ops whose condition switches where left − right changes sign. */
const COMPARISONS = new Set(['lt', 'le', 'gt', 'ge', 'eq', 'ne']);

/** Largest |x| scanned for breakpoints. */
export const BREAKPOINT_EXTENT = 1e3;

/** Most breakpoints returned (those nearest 0 are kept). */
export const MAX_BREAKPOINTS = 256;

/**
 * The x values where some branch of `expr` switches or some primitive is singular: candidate kinks, jumps
 * and poles for `analyze`.
 *
 * Decisions:
 * - a "switch" is the expression whose sign decides a branch: l − r for a comparison (also inside `and`,
 *   `or`, `not`) or for `max`/`min`; the argument of `abs`, `sign`, `step`; u − lo and u − hi for
 *   `clamp(u, lo, hi)`; a select condition that is not a comparison is its own switch;
 * - singular points count too (f or a derivative may be undefined, infinite or jump there): the argument of
 *   `sqrt`, `cbrt`, `log`, the base of a power with an exponent that is not a whole number ≥ 0, a
 *   denominator, 1 + u in `log1p(u)`, u ∓ 1 in `asin`, `acos`, `atanh`, u − 1 in `acosh`;
 * - a switch that does not depend on x (parameters only) is evaluated once: it picks one branch for every x,
 *   so only the branch taken is searched further;
 * - each switch is scanned on x ∈ [−1e3, 1e3] (step 0.01 on [−10, 10], 0.1 to ±100, 1 beyond); an exact 0 at
 *   a scan point (bordering a non-zero) is a breakpoint as is; a sign change between scan points is bisected
 *   to adjacent doubles. Switches that change sign twice within one scan step, or only beyond ±1e3, are missed;
 * - at most 256 breakpoints are returned, those nearest 0 (sin(x) > 0 would otherwise give ~640).
 * `env` holds the parameter values; `x` in it is ignored. Switches are compiled (`compileScalar`) for speed.
 */
export function findBreakpoints(expr: Expr, env: Readonly<Record<string, number>>): number[] {
  const collected: Expr[] = [];
  collectSwitches(expr, env, collected, new Set());
  // the same switch written twice (sqrt(abs(x))·sqrt(abs(x))·…) is scanned once
  const keys = new Map<Expr, string>();
  const switches = [...new Map(collected.map((s) => [keyOf(s, keys), s])).values()];
  const found = new Set<number>();
  const xs = scanPoints();
  const names = Object.keys(env).filter((n) => n !== 'x');
  const values = names.map((n) => env[n]);
  for (const s of switches) {
    const compiled = compileScalar(s, names);
    const at = (x: number): number => compiled(x, values);
    const vs = xs.map(at);
    for (let i = 0; i < xs.length; i++) {
      if (vs[i] === 0 && (vs[i - 1] !== 0 || vs[i + 1] !== 0)) found.add(xs[i] === 0 ? 0 : xs[i]);
    }
    let last = -1;
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(vs[i]) || vs[i] === 0) {
        if (vs[i] === 0) last = -1;
        continue;
      }
      if (last >= 0 && Math.sign(vs[i]) !== Math.sign(vs[last])) found.add(bisect(at, xs[last], xs[i], Math.sign(vs[last])));
      last = i;
    }
  }
  return [...found]
    .sort((a, b) => Math.abs(a) - Math.abs(b))
    .slice(0, MAX_BREAKPOINTS)
    .sort((a, b) => a - b);
}

function collectSwitches(e: Expr, env: Readonly<Record<string, number>>, out: Expr[], seen: Set<Expr>): void {
  if (e.kind !== 'op' || seen.has(e)) return;
  seen.add(e);
  const [a, b, c] = e.args;
  switch (e.op) {
    case 'select': {
      if (!dependsOn(a, 'x')) {
        collectSwitches(evaluate(a, env) !== 0 ? b : c, env, out, seen);
        return;
      }
      conditionSwitches(a, out);
      collectSwitches(b, env, out, seen);
      collectSwitches(c, env, out, seen);
      return;
    }
    case 'abs':
    case 'sign':
    case 'step':
    case 'sqrt':
    case 'cbrt':
    case 'log':
      addSwitch(a, out);
      break;
    case 'log1p':
      addSwitch({ kind: 'op', op: 'add', args: [a, { kind: 'num', value: 1 }] }, out);
      break;
    case 'div':
      addSwitch(b, out);
      break;
    case 'pow':
      if (!(b.kind === 'num' && Number.isInteger(b.value) && b.value >= 0)) addSwitch(a, out);
      break;
    case 'asin':
    case 'acos':
    case 'atanh':
      addSwitch({ kind: 'op', op: 'sub', args: [a, { kind: 'num', value: 1 }] }, out);
      addSwitch({ kind: 'op', op: 'add', args: [a, { kind: 'num', value: 1 }] }, out);
      break;
    case 'acosh':
      addSwitch({ kind: 'op', op: 'sub', args: [a, { kind: 'num', value: 1 }] }, out);
      break;
    case 'max':
    case 'min':
      addSwitch({ kind: 'op', op: 'sub', args: [a, b] }, out);
      break;
    case 'clamp':
      addSwitch({ kind: 'op', op: 'sub', args: [a, b] }, out);
      addSwitch({ kind: 'op', op: 'sub', args: [a, c] }, out);
      break;
    default:
      if (COMPARISONS.has(e.op)) conditionSwitches(e, out);
  }
  for (const arg of e.args) collectSwitches(arg, env, out, seen);
}

/** The switches of a condition: comparisons (through and/or/not), or the condition itself. */
function conditionSwitches(cond: Expr, out: Expr[]): void {
  if (cond.kind === 'op' && COMPARISONS.has(cond.op)) {
    addSwitch({ kind: 'op', op: 'sub', args: [cond.args[0], cond.args[1]] }, out);
  } else if (cond.kind === 'op' && (cond.op === 'and' || cond.op === 'or' || cond.op === 'not')) {
    for (const arg of cond.args) conditionSwitches(arg, out);
  } else addSwitch(cond, out);
}

function addSwitch(s: Expr, out: Expr[]): void {
  if (dependsOn(s, 'x')) out.push(s);
}

let scanned: readonly number[] | null = null;

/** The scan points (built once: 6,000 points, sorted). */
function scanPoints(): readonly number[] {
  scanned ??= buildScanPoints();
  return scanned;
}

function buildScanPoints(): number[] {
  const pts = new Set<number>();
  for (let i = -1000; i <= 1000; i++) pts.add(i / 100);
  for (let i = -1000; i <= 1000; i++) pts.add(i / 10);
  for (let i = -1000; i <= 1000; i++) pts.add(i);
  return [...pts].sort((a, b) => a - b);
}

/** Bisects a sign change of g on [lo, hi] (g(lo) has sign `signLo`) down to adjacent doubles or an exact 0. */
function bisect(g: (x: number) => number, lo: number, hi: number, signLo: number): number {
  for (let i = 0; i < 1100; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = g(mid);
    if (v === 0) return mid;
    if (Math.sign(v) === signLo) lo = mid;
    else hi = mid;
  }
  return Math.abs(g(lo)) <= Math.abs(g(hi)) ? lo : hi;
}

import { goldenSectionMin } from './goldenSection.js';
import type { Limit } from './properties.js';
import { type Piece, representative } from './pieces.js';

/** Infimum and supremum of a function over ℝ, with where they are attained (x = null: not attained at a finite x). */
export interface Bounds {
  readonly inf: number;
  readonly infAt: number | null;
  readonly sup: number;
  readonly supAt: number | null;
}

/** What `findBounds` needs to know about g. */
export interface BoundsInput {
  readonly g: (x: number) => number;
  readonly xs: Float64Array;
  /** g on the grid. */
  readonly v: Float64Array;
  /** g' on the grid. */
  readonly d: Float64Array;
  /** g' itself, used to pin critical points by bisection. */
  readonly derivative: (x: number) => number;
  readonly breakpoints: readonly number[];
  /** One-sided limits of g at the breakpoints where g jumps (values approached but not attained there). */
  readonly jumpLimits: readonly number[];
  readonly pieces: readonly Piece[];
  /** Pieces where g' is exactly 0 (g constant there). */
  readonly flat: readonly boolean[];
  readonly limits: { readonly left: Limit; readonly right: Limit };
  /** |g'| below this counts as 0 when looking for sign changes. */
  readonly derivativeTolerance: number;
}

interface Candidate {
  readonly value: number;
  readonly x: number | null;
}

/**
 * The infimum and supremum of g over ℝ, and whether each is attained.
 *
 * Decisions: a value counts as attained only where it is attained *exactly in the mathematics*, not merely in
 * floating point: at a critical point (g' changes sign between grid points; refined by golden-section search
 * on g), at a breakpoint (the value g(b) itself), or anywhere on a flat piece. Plain grid values and one-sided
 * limits at breakpoints widen the bounds but never make them attained, and neither do limits at ±∞. This is
 * why sigmoid's range is open although sigmoid(−1e6) is exactly 0 in f64, while GELU's minimum (a critical
 * point) and ReLU's 0 (a flat piece) are attained. An end is attained when an attained candidate lies within
 * 1e−9·max(1, |end|) of it.
 */
export function findBounds(input: BoundsInput): Bounds {
  const { g, xs, v, d } = input;
  const open: number[] = [];
  const attained: Candidate[] = [];
  for (const side of [input.limits.left, input.limits.right]) {
    if (side === 'inf') open.push(Infinity);
    else if (side === '-inf') open.push(-Infinity);
    else if (typeof side === 'number') open.push(side);
  }
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) open.push(v[i]);
  for (const b of input.breakpoints) {
    const value = g(b);
    if (Number.isFinite(value)) attained.push({ value, x: b });
  }
  for (const l of input.jumpLimits) if (!Number.isNaN(l)) open.push(l);
  input.pieces.forEach((p, i) => {
    if (!input.flat[i]) return;
    const value = v[p.start];
    if (Number.isFinite(value)) attained.push({ value, x: representative(p, g, value) });
  });
  let lastSign = 0;
  let lastIndex = -1;
  for (let i = 0; i < d.length; i++) {
    const di = d[i];
    if (!Number.isFinite(di) || Math.abs(di) <= input.derivativeTolerance) continue;
    const sign = di > 0 ? 1 : -1;
    if (lastSign !== 0 && sign !== lastSign) {
      const a = xs[lastIndex];
      const b = xs[i];
      // A sign change across a breakpoint is that breakpoint's business: g(b) is already a candidate, and
      // searching would take a one-sided limit across a jump for an attained value.
      if (input.breakpoints.some((bp) => a <= bp && bp <= b)) {
        lastSign = sign;
        lastIndex = i;
        continue;
      }
      const found = refineCritical(g, input.derivative, a, b, lastSign < 0 ? 1 : -1);
      if (Number.isFinite(found.value)) attained.push(found);
    }
    lastSign = sign;
    lastIndex = i;
  }
  let inf = Infinity;
  let sup = -Infinity;
  for (const c of [...open, ...attained.map((a) => a.value)]) {
    inf = Math.min(inf, c);
    sup = Math.max(sup, c);
  }
  return { inf, infAt: attainedAt(attained, inf, 1), sup, supAt: attainedAt(attained, sup, -1) };
}

/**
 * Where `end` is attained: among attained candidates within 1e−9·max(1, |end|) of it, the one nearest 0
 * (sin reaches −1 at −π/2, not at some x near −7e5 that the far grid happened to bracket); null if none.
 */
function attainedAt(attained: readonly Candidate[], end: number, dir: 1 | -1): number | null {
  if (!Number.isFinite(end)) return null;
  const tol = 1e-9 * Math.max(1, Math.abs(end));
  let best: Candidate | null = null;
  for (const c of attained) {
    if (dir * (c.value - end) > tol || c.x === null) continue;
    if (best === null || best.x === null || Math.abs(c.x) < Math.abs(best.x)) best = c;
  }
  return best === null ? null : best.x;
}

/**
 * A local minimum (dir = 1) or maximum (dir = −1) of g inside [a, b], where g' changes sign. The value comes
 * from golden-section search on g (robust to kinks and to a noisy g'); the location from bisection on the
 * sign of g' when that point is as good (within 1e−15 relative), which pins exact critical points such as
 * tanh' at 0 that golden-section search only brackets.
 */
function refineCritical(g: (x: number) => number, dg: (x: number) => number, a: number, b: number, dir: 1 | -1): Candidate {
  const golden = goldenSectionMin((x) => dir * g(x), a, b);
  const sa = Math.sign(dg(a));
  let lo = a;
  let hi = b;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const sm = Math.sign(dg(mid));
    if (sm === 0) {
      lo = mid;
      hi = mid;
      break;
    }
    if (sm === sa) lo = mid;
    else hi = mid;
  }
  const xb = lo === hi ? lo : Math.abs(dg(lo)) <= Math.abs(dg(hi)) ? lo : hi;
  const vb = dir * g(xb);
  const better = !(vb > golden.value + 1e-15 * Math.abs(golden.value));
  return better ? { value: Math.min(vb, golden.value) * dir, x: xb } : { value: golden.value * dir, x: golden.x };
}

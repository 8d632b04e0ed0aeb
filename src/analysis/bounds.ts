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
  readonly breakpoints: readonly number[];
  /** One-sided limits of g at each breakpoint, in the same order. */
  readonly sides: readonly { readonly left: number; readonly right: number }[];
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
  input.breakpoints.forEach((b, i) => {
    const value = g(b);
    if (Number.isFinite(value)) attained.push({ value, x: b });
    const s = input.sides[i];
    if (Number.isFinite(s.left)) open.push(s.left);
    if (Number.isFinite(s.right)) open.push(s.right);
  });
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
      const best = lastSign < 0 ? goldenSectionMin(g, a, b) : goldenSectionMin((x) => -g(x), a, b);
      const value = lastSign < 0 ? best.value : -best.value;
      if (Number.isFinite(value)) attained.push({ value, x: best.x });
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

/** The x of the attained candidate closest to `end` (within tolerance), preferring the most extreme value. */
function attainedAt(attained: readonly Candidate[], end: number, dir: 1 | -1): number | null {
  if (!Number.isFinite(end)) return null;
  const tol = 1e-9 * Math.max(1, Math.abs(end));
  let best: Candidate | null = null;
  for (const c of attained) {
    if (dir * (c.value - end) > tol) continue;
    if (best === null || dir * (c.value - best.value) < 0) best = c;
  }
  return best === null ? null : best.x;
}

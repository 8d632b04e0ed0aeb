/**
 * What can be proved about a scalar activation from its expression (see `prove.ts` for the method), as
 * facts for `analyze` to merge with its sampled answers. Every field is `null` when no proof was found.
 */
import type { Expr } from '../expr/ast.js';
import { evalInterval, iv } from './interval.js';
import { MAX_BOXES, minus, piecesOf, proveDefined, proveSign, sideLimits, type Tower } from './prove.js';
import { symbolicLimit } from './series.js';
import type { Limit } from './properties.js';
import { PHASE_BUDGETS, withBudget } from './budget.js';

/** The expression of f and of its derivatives, in x only (parameters substituted). */
export interface SymbolicFunction {
  readonly f: Expr;
  derivative(k: 1 | 2 | 3): Expr;
}

/**
 * Where the sampled analysis saw f′ (f″) at its most negative and most positive, refined: candidate
 * counterexamples, checked first by an enclosure at the point (a narrow dip of f′ below 0 between grid
 * points, x + 1.00000001·sin(x) at π, is refuted at once instead of by bisection).
 */
export interface Hints {
  readonly slopeExtrema?: readonly number[];
  readonly curvatureExtrema?: readonly number[];
}

/** Proved facts; `null` wherever no proof was found. */
export interface ProvedFacts {
  readonly defined: boolean | null;
  /** 1: f′ ≥ 0 on every piece and no downward jump; −1: the mirror; 0: proved not monotonic. */
  readonly direction: 1 | -1 | 0 | null;
  /** The same for f′ (with f″ and the one-sided limits of f′). */
  readonly derivativeDirection: 1 | -1 | 0 | null;
  /** Pieces where f′ is proved identically 0. */
  readonly flatPieces: readonly { readonly lo: number; readonly hi: number }[] | null;
  readonly limits: { readonly left: Limit | null; readonly right: Limit | null };
  readonly derivativeLimits: { readonly left: Limit | null; readonly right: Limit | null };
  /** Per breakpoint: the lowest order (0–3) that jumps or blows up, 4 for none, null when not decided. */
  readonly orders: readonly (number | null)[];
  /** Per breakpoint: one-sided limits of f′ (null when not decided). */
  readonly slopes: readonly ([number | 'none' | null, number | 'none' | null])[];
  /** Whether f(0) = 0: true (its enclosure is exactly 0), false (the enclosure excludes 0), null. */
  readonly zeroAtZero: boolean | null;
}

/**
 * g followed by `derivative(1)`, `derivative(2)`, … (n entries in all), each built on first use: the third
 * derivative of a large expression is costly and most proofs never look at it.
 */
function towerOf(g: Expr, source: { derivative(k: 1 | 2 | 3): Expr }, n = 4): Tower {
  const built: Expr[] = [g];
  const tower = { length: n } as { length: number; [k: number]: Expr };
  for (let k = 1; k < n; k++) {
    Object.defineProperty(tower, k, { get: () => (built[k] ??= source.derivative(k as 1 | 2 | 3)), enumerable: true });
  }
  Object.defineProperty(tower, 0, { value: g, enumerable: true });
  return tower;
}

/** Tolerance for equal one-sided limits: their coefficients are f64, so "equal" means to 1e−12 relative. */
function same(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * A difference that is real but below 1e−7 relative: a threshold shortcut such as PyTorch softplus's
 * (x > 20 ? x : softplus(x), a jump of 2e−9 at 20). The proof does not decide such points; the sampled
 * analysis, which cannot see them, calls them continuous, and the evidence says "sampled".
 */
function negligible(a: number, b: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
}

function asLimit(v: number | 'none' | null): Limit | null {
  if (v === null) return null;
  if (v === 'none') return 'none';
  return v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v;
}

/** Proves what it can about f (see `ProvedFacts`). `breakpoints` are sorted and finite. */
export function proveProperties(fn: SymbolicFunction, breakpoints: readonly number[], hints: Hints = {}): ProvedFacts {
  const tower = towerOf(fn.f, fn);
  // each phase under its own share of the analysis budget (budget.ts): what it cannot finish stays null
  const defined = withBudget(PHASE_BUDGETS.defined, () => proveDefined(fn.f, breakpoints));
  const [orders, slopes] = withBudget(PHASE_BUDGETS.breakpoints, () => [
    breakpoints.map((b) => orderAt(tower, b)),
    breakpoints.map((b) => sideLimits(tower[1], b)),
  ] as const);
  const direction = withBudget(PHASE_BUDGETS.direction, () => directionOf(tower, breakpoints, 0, orders, hints.slopeExtrema ?? []));
  const derivativeDirection = withBudget(PHASE_BUDGETS.derivativeDirection, () => directionOf(tower, breakpoints, 1, orders, hints.curvatureExtrema ?? []));
  const limits = withBudget(PHASE_BUDGETS.limits, () => ({
    limits: { left: asLimit(symbolicLimit(fn.f, { at: -Infinity, side: 1 })), right: asLimit(symbolicLimit(fn.f, { at: Infinity, side: -1 })) },
    derivativeLimits: {
      left: asLimit(symbolicLimit(tower[1], { at: -Infinity, side: 1 })),
      right: asLimit(symbolicLimit(tower[1], { at: Infinity, side: -1 })),
    },
  }));
  const flatPieces = piecesOf(breakpoints).filter((p) => {
    const e = evalInterval(tower[1], iv(p.lo, p.hi));
    return e.lo === 0 && e.hi === 0 && !e.undef;
  });
  const z = evalInterval(fn.f, iv(0, 0));
  return {
    defined,
    direction,
    derivativeDirection,
    flatPieces,
    ...limits,
    orders,
    slopes,
    zeroAtZero: z.undef ? null : z.lo === 0 && z.hi === 0 ? true : z.lo > 0 || z.hi < 0 ? false : null,
  };
}

/**
 * The continuity order at b: the lowest k such that f^(k) has different or infinite one-sided limits at b
 * (for k = 0 also: f(b) differs from them); 4 when none of f … f‴ does; null when some limit is unknown.
 */
function orderAt(tower: Tower, b: number): number | null {
  for (let k = 0; k < tower.length; k++) {
    const [l, r] = sideLimits(tower[k], b);
    if (l === null || r === null) return null;
    if (l === 'none' || r === 'none') return k;
    if (!same(l, r)) return negligible(l, r) ? null : k;
    if (k === 0) {
      const at = evalInterval(tower[0], iv(b, b));
      if (at.undef) return 0;
      if (!(same(at.lo, l) && same(at.hi, l))) return at.lo <= l && l <= at.hi ? null : negligible(at.lo, l) && negligible(at.hi, l) ? null : 0;
    }
  }
  return 4;
}

/**
 * Direction of g = f^(k) over ℝ: the sign of g′ on every piece, and no jump of g against it at the
 * breakpoints (for k = 0 also f(b) between its one-sided limits). 0 when both signs were refuted.
 */
function directionOf(tower: Tower, breakpoints: readonly number[], k: 0 | 1, orders: readonly (number | null)[], candidates: readonly number[]): 1 | -1 | 0 | null {
  const d: Tower = k === 0 ? towerOf(tower[1], { derivative: (j) => tower[j + 1] }, 3) : towerOf(tower[2], { derivative: (j) => tower[j + 2] }, 2);
  const pieces = piecesOf(breakpoints);
  let refuted = 0;
  for (const sign of [1, -1] as const) {
    const witness = candidates.some((x) => {
      if (breakpoints.includes(x)) return false;
      const e = evalInterval(d[0], iv(x, x));
      return !e.undef && (sign > 0 ? e.hi < 0 : e.lo > 0);
    });
    if (witness) {
      refuted++;
      continue;
    }
    let ok: boolean | null = true;
    for (const piece of pieces) {
      const r = proveSign(d, sign, piece, { boxes: k === 0 ? 250 : MAX_BOXES });
      if (r === false) {
        ok = false;
        break;
      }
      if (r === null) ok = null;
    }
    if (ok !== false) {
      const jumps = jumpsAgree(tower[k], breakpoints, sign, k === 0, orders, k);
      if (jumps === false) ok = false;
      else if (jumps === null) ok = null;
    }
    if (ok === true) return sign;
    if (ok === false) refuted++;
  }
  return refuted === 2 ? 0 : null;
}

/** At every breakpoint where g may jump, left limit ≤ (value ≤) right limit for sign 1 (the mirror for −1). */
function jumpsAgree(g: Expr, breakpoints: readonly number[], sign: 1 | -1, withValue: boolean, orders: readonly (number | null)[], k: number): boolean | null {
  let unknown = false;
  for (let i = 0; i < breakpoints.length; i++) {
    const order = orders[i];
    if (order !== null && order > k) continue;
    const b = breakpoints[i];
    const [l, r] = sideLimits(g, b);
    if (l === null || r === null || l === 'none' || r === 'none') {
      unknown = true;
      continue;
    }
    const le = (a: number, c: number): boolean => sign * (c - a) >= 0 || same(a, c);
    const against = (a: number, c: number): boolean => !le(a, c) && !negligible(a, c);
    if (against(l, r)) return false;
    if (!le(l, r)) unknown = true;
    if (withValue) {
      const at = evalInterval(g, iv(b, b));
      if (at.undef) return false;
      if (!(le(l, at.lo) && le(at.hi, r))) {
        if ((against(l, at.hi) && sign * (at.hi - l) < 0) || (against(at.lo, r) && sign * (r - at.lo) < 0)) return false;
        unknown = true;
      }
    }
  }
  return unknown ? null : true;
}

/** Proves f ≥ c (dir 1) or f ≤ c (dir −1) on all of ℝ, breakpoints included. */
export function proveBound(fn: SymbolicFunction, breakpoints: readonly number[], c: number, dir: 1 | -1): boolean | null {
  const g = minus(fn.f, c);
  const tower = towerOf(g, fn);
  let unknown = false;
  for (const b of breakpoints) {
    const e = evalInterval(g, iv(b, b));
    if (e.undef) return null;
    if (dir * (dir > 0 ? e.lo : e.hi) < 0) {
      if (dir * (dir > 0 ? e.hi : e.lo) < 0) return false;
      unknown = true;
    }
  }
  for (const piece of piecesOf(breakpoints)) {
    const r = proveSign(tower, dir, piece);
    if (r === false) return false;
    if (r === null) unknown = true;
  }
  return unknown ? null : true;
}

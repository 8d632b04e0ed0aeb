/**
 * Proofs of properties from the expression itself: signs of f, f′ and f″ on the pieces between breakpoints
 * by interval arithmetic (`interval.ts`) with bisection, and one-sided limits by series expansion
 * (`series.ts`). Each routine answers `true` / `false` when it found a proof either way, `null` when it
 * found none (the caller then keeps the sampled answer).
 *
 * The sign prover (`proveSign`), the heart of it:
 * - a box whose enclosure of g lies on the wanted side proves it there; one whose enclosure lies strictly on
 *   the other side (and is defined) is a counterexample, and the answer is `false`;
 * - otherwise the box is split: at 0, then geometrically in the tails ([1, 8], [8, 64], … up to 1e300) and
 *   in halves inside, depth first, up to a budget of boxes;
 * - where g is exactly 0 at an end of a box (tanhshrink′ = 1 − sech² at 0: 1 − 1 is exact), no enclosure
 *   can show g ≥ 0 on a box that holds that end; then g′ is proved to have the sign that keeps g away
 *   from 0 inside (g′ ≥ 0 to the right of the zero, ≤ 0 to the left), up to the third derivative. At a
 *   piece's end "g = 0" means the one-sided limit from inside the piece (series), never the value at the
 *   breakpoint, which follows the kink convention (sign(0) = 0 says nothing about sign on (−1, 0));
 * - pieces are open: conditions are decided on the box with each breakpoint end moved one double inside
 *   (the branch taken just inside the piece), and a box that is undefined only at a breakpoint end (sqrt′ at
 *   0) is retried with that end moved one double inside. This is the one place where the proof treats a
 *   breakpoint's neighbouring double as the breakpoint.
 */
import { type Expr, num, op } from '../expr/ast.js';
import { type Iv, down, evalInterval, iv, up } from './interval.js';
import { symbolicLimit } from './series.js';
import { exhausted } from './budget.js';

/** Most boxes one sign proof may look at. */
export const MAX_BOXES = 120;

/** Most boxes the zero-at-an-end argument may spend on the next derivative. */
const TRICK_BOXES = 40;

/** g, then its derivatives g′, g″ … (as far as known), all expressions in x only. */
export type Tower = ArrayLike<Expr>;

interface Box {
  readonly lo: number;
  readonly hi: number;
}

/** The pieces a sign is proved on: the open intervals between consecutive breakpoints (0 always splits too). */
export function piecesOf(breakpoints: readonly number[]): Box[] {
  const ends = [...new Set([...breakpoints, 0])].filter(Number.isFinite).sort((a, b) => a - b);
  const all = [-Infinity, ...ends, Infinity];
  const out: Box[] = [];
  for (let i = 0; i + 1 < all.length; i++) out.push({ lo: all[i], hi: all[i + 1] });
  return out;
}

const nudgeUp = (v: number): number => (Number.isFinite(v) ? (v === 0 ? Number.MIN_VALUE : nextAfter(v, 1)) : v);
const nudgeDown = (v: number): number => (Number.isFinite(v) ? (v === 0 ? -Number.MIN_VALUE : nextAfter(v, -1)) : v);

const buf = new Float64Array(1);
const bits = new BigInt64Array(buf.buffer);
/** The adjacent double above (dir 1) or below (dir −1) a finite v ≠ 0. */
function nextAfter(v: number, dir: 1 | -1): number {
  buf[0] = v;
  bits[0] += (v > 0) === (dir > 0) ? 1n : -1n;
  return buf[0];
}

/** Per expression: box low end → box high end → the enclosures for the four ways the box can touch its piece's ends. */
interface EnclosureCache {
  size: number;
  readonly byLo: Map<number, Map<number, (Iv | undefined)[]>>;
}
const enclosures = new WeakMap<Expr, EnclosureCache>();

/** Enclosure of g over [lo, hi] inside `piece` (conditions decided just inside the piece's ends); memoised per expression. */
function enclose(g: Expr, b: Box, piece: Box): Iv {
  let cache = enclosures.get(g);
  if (!cache) enclosures.set(g, (cache = { size: 0, byLo: new Map() }));
  let byHi = cache.byLo.get(b.lo);
  if (!byHi) cache.byLo.set(b.lo, (byHi = new Map()));
  let slots = byHi.get(b.hi);
  if (!slots) byHi.set(b.hi, (slots = []));
  const slot = (b.lo === piece.lo ? 1 : 0) + (b.hi === piece.hi ? 2 : 0);
  const hit = slots[slot];
  if (hit) return hit;
  const out = encloseOnce(g, b, piece);
  if (cache.size < 20000) {
    cache.size++;
    slots[slot] = out;
  }
  return out;
}

function encloseOnce(g: Expr, b: Box, piece: Box): Iv {
  const cond = iv(b.lo === piece.lo ? nudgeUp(b.lo) : b.lo, b.hi === piece.hi ? nudgeDown(b.hi) : b.hi);
  const e = evalInterval(g, iv(b.lo, b.hi), cond);
  if (!e.undef || (b.lo !== piece.lo && b.hi !== piece.hi)) return e;
  return evalInterval(g, cond, cond);
}

/** The enclosure of g over the open piece (lo, hi): conditions decided just inside its ends. */
export function encloseOnPiece(g: Expr, lo: number, hi: number): Iv {
  const piece = { lo, hi };
  return enclose(g, piece, piece);
}

function split(b: Box): [Box, Box] | null {
  const { lo, hi } = b;
  let m: number;
  if (lo < 0 && hi > 0) m = 0;
  else if (hi === Infinity) m = lo < 1 ? 1 : lo * 8;
  else if (lo === -Infinity) m = hi > -1 ? -1 : hi * 8;
  else if (lo >= 1 && hi / lo > 4) m = Math.sqrt(lo) * Math.sqrt(hi);
  else if (hi <= -1 && lo / hi > 4) m = -Math.sqrt(-lo) * Math.sqrt(-hi);
  else m = lo + (hi - lo) / 2;
  if (!(m > lo && m < hi) || !Number.isFinite(m) || Math.abs(m) > 1e300) return null;
  if (Number.isFinite(lo) && Number.isFinite(hi) && hi - lo <= 1e-13 * Math.max(1, Math.abs(lo), Math.abs(hi))) return null;
  return [{ lo, hi: m }, { lo: m, hi }];
}

/** Budget shared by one proof and its sub-proofs. */
interface Budget {
  boxes: number;
}

/**
 * Proves sign·g ≥ 0 on the open piece (true), finds a counterexample box (false), or neither (null).
 * `tower` is g followed by its derivatives.
 */
export function proveSign(tower: Tower, sign: 1 | -1, piece: Box, budget: Budget = { boxes: MAX_BOXES }): boolean | null {
  return signOn(tower, 0, sign, piece, piece, budget);
}

function signOn(tower: Tower, k: number, sign: 1 | -1, box: Box, piece: Box, budget: Budget): boolean | null {
  const stack: Box[] = [box];
  let unknown = false;
  while (stack.length > 0) {
    const b = stack.pop() as Box;
    if (budget.boxes-- <= 0 || exhausted()) return null;
    const e = enclose(tower[k], b, piece);
    const lo = sign > 0 ? e.lo : -e.hi;
    const hi = sign > 0 ? e.hi : -e.lo;
    if (!e.undef && lo >= 0) continue;
    if (!e.undef && hi < 0 && lo <= hi) return false;
    if (!e.undef && k + 1 < tower.length && zeroEndTrick(tower, k, sign, b, piece, budget)) continue;
    const parts = split(b);
    if (!parts) {
      unknown = true;
      continue;
    }
    // search the half nearer 0 first: counterexamples and zeros of derivatives sit there most often
    const [l, r] = parts;
    if (Math.abs(l.hi) + Math.abs(l.lo) <= Math.abs(r.hi) + Math.abs(r.lo)) stack.push(r, l);
    else stack.push(l, r);
  }
  return unknown ? null : true;
}

/** g = 0 exactly at an end of the box and g′ keeps it on the wanted side inside: sign·g ≥ 0 on the box. */
function zeroEndTrick(tower: Tower, k: number, sign: 1 | -1, b: Box, piece: Box, budget: Budget): boolean {
  for (const end of [b.lo, b.hi]) {
    if (!Number.isFinite(end)) continue;
    const inside = end === b.lo ? 1 : -1;
    if (end === piece.lo || end === piece.hi) {
      // at a piece's end the value there follows the kink convention: what counts is the limit from inside
      if (symbolicLimit(tower[k], { at: end, side: inside }) !== 0) continue;
    } else {
      const at = enclose(tower[k], { lo: end, hi: end }, piece);
      if (at.undef || at.lo !== 0 || at.hi !== 0) continue;
    }
    const spend = Math.min(budget.boxes, TRICK_BOXES);
    const sub = { boxes: spend };
    const ok = signOn(tower, k + 1, (sign * inside) as 1 | -1, b, piece, sub) === true;
    budget.boxes -= spend - Math.max(0, sub.boxes);
    if (ok) return true;
  }
  return false;
}

/** Whether f is a finite real at every real x: true (proved), false (proved undefined on a whole box), null. */
export function proveDefined(f: Expr, breakpoints: readonly number[]): boolean | null {
  let unknown = false;
  for (const b of breakpoints) {
    const e = evalInterval(f, iv(b, b));
    if (e.undef) unknown = true;
  }
  for (const piece of piecesOf(breakpoints)) {
    const stack: Box[] = [piece];
    let boxes = MAX_BOXES;
    while (stack.length > 0) {
      const b = stack.pop() as Box;
      if (boxes-- <= 0 || exhausted()) return null;
      const e = enclose(f, b, piece);
      if (!e.undef) continue;
      if (!(e.lo <= e.hi)) return false;
      const parts = split(b);
      if (!parts) {
        unknown = true;
        continue;
      }
      stack.push(...parts);
    }
  }
  return unknown ? null : true;
}

/** Substitutes parameter values, leaving an expression in x only. */
export function substitute(e: Expr, params: Readonly<Record<string, number>>, memo = new Map<Expr, Expr>()): Expr {
  if (e.kind === 'num') return e;
  if (e.kind === 'sym') return e.name === 'x' || !(e.name in params) ? e : num(params[e.name]);
  const hit = memo.get(e);
  if (hit) return hit;
  const out = op(e.op, ...e.args.map((a) => substitute(a, params, memo)));
  memo.set(e, out);
  return out;
}

/** g − c as an expression (for bounds). */
export function minus(g: Expr, c: number): Expr {
  return c === 0 ? g : op('sub', g, num(c));
}

/** One-sided limits of g at b: [left, right], each a number, 'none' or null. */
export function sideLimits(g: Expr, b: number): [number | 'none' | null, number | 'none' | null] {
  return [symbolicLimit(g, { at: b, side: -1 }), symbolicLimit(g, { at: b, side: 1 })];
}

/** A slightly lower / higher number than v, for "bounded by about v" proofs. */
export function loosen(v: number, dir: -1 | 1): number {
  const w = 1e-7 * Math.max(1, Math.abs(v));
  return dir < 0 ? down(v - w) : up(v + w);
}

/** A proved enclosure of sup g over ℝ: lower ≤ sup g ≤ upper; `at` is a point where g ≥ lower (null if from a limit). */
export interface SupEnclosure {
  readonly lower: number;
  readonly upper: number;
  readonly at: number | null;
  /** `at` is a breakpoint (its value follows the kink convention) rather than a point inside a piece. */
  readonly atBreakpoint: boolean;
}

/**
 * Branch and bound for sup g over ℝ (dir = 1) or −inf g (dir = −1, the enclosure is then of sup −g):
 * boxes are split in the order of their upper bounds; the best lower bound comes from enclosures at single
 * points (box midpoints, the `seeds`, the breakpoints: f(b) with its kink convention counts), and a box is
 * dropped once its upper bound cannot beat it. Stops when upper − lower ≤ 1e−9·max(1, |lower|) or the budget
 * is spent; the enclosure holds either way (upper = Infinity when nothing bounded the search). A narrow bump
 * between grid points (exp(−((x − 0.505)/1e−4)²)) cannot hide from it.
 */
export function supOf(g: Expr, breakpoints: readonly number[], dir: 1 | -1, seeds: readonly number[], dg?: Expr, maxBoxes = MAX_BOXES * 2): SupEnclosure {
  const value = (e: Iv): [number, number] => (dir > 0 ? [e.lo, e.hi] : [-e.hi, -e.lo]);
  let lower = -Infinity;
  let at: number | null = null;
  let atBreakpoint = false;
  let upper = -Infinity;
  const tryPoint = (x: number, piece: Box | null): void => {
    if (!Number.isFinite(x)) return;
    const e = piece ? enclose(g, { lo: x, hi: x }, piece) : evalInterval(g, iv(x, x));
    if (e.undef || !(e.lo <= e.hi)) return;
    const [lo] = value(e);
    if (lo > lower) {
      lower = lo;
      at = x;
      atBreakpoint = piece === null;
    }
  };
  for (const b of breakpoints) {
    const e = evalInterval(g, iv(b, b));
    if (e.undef || !(e.lo <= e.hi)) return { lower: -Infinity, upper: Infinity, at: null, atBreakpoint: false };
    upper = Math.max(upper, value(e)[1]);
    tryPoint(b, null);
  }
  const pieces = piecesOf(breakpoints);
  const pieceOf = (x: number): Box | null => pieces.find((p) => p.lo < x && x < p.hi) ?? null;
  for (const s of seeds) {
    const p = pieceOf(s);
    if (p) tryPoint(s, p);
  }
  interface Item {
    readonly box: Box;
    readonly piece: Box;
    readonly hi: number;
  }
  const queue: Item[] = [];
  const push = (box: Box, piece: Box): void => {
    const e = enclose(g, box, piece);
    let hi = e.undef ? Infinity : value(e)[1];
    const finite = Number.isFinite(box.lo) && Number.isFinite(box.hi);
    const mid = finite ? box.lo + (box.hi - box.lo) / 2 : Number.isFinite(box.lo) ? box.lo + 1 : Number.isFinite(box.hi) ? box.hi - 1 : 0;
    if (mid > box.lo && mid < box.hi) {
      tryPoint(mid, piece);
      if (finite && dg) {
        // mean-value form g(box) ⊆ g(m) + g′(box)·(box − m): second-order tight where g′ is small (no cluster of
        // boxes around a smooth maximum); valid on the piece's branch, which is what the open piece holds
        const em = enclose(g, { lo: mid, hi: mid }, piece);
        const ed = enclose(dg, box, piece);
        if (!em.undef && !ed.undef && em.lo <= em.hi) {
          const r = up(Math.max(mid - box.lo, box.hi - mid));
          const slope = Math.max(Math.abs(ed.lo), Math.abs(ed.hi));
          const bound = up(value(em)[1] + up(slope * r));
          if (bound < hi) hi = bound;
        }
      }
    }
    queue.push({ box, piece, hi });
  };
  for (const p of pieces) push(p, p);
  let boxes = maxBoxes;
  // bounded boxes first (an unbounded tail whose enclosure is infinite would otherwise take the whole
  // budget); tails are split once the bounded part cannot beat the best point any more
  const unbounded = (b: Box): boolean => !Number.isFinite(b.lo) || !Number.isFinite(b.hi);
  const nearEnd = (b: Box): number => Math.min(Math.abs(b.lo), Math.abs(b.hi));
  while (queue.length > 0 && boxes-- > 0 && !exhausted()) {
    const tol = 1e-9 * Math.max(1, Math.abs(lower));
    // order: bounded boxes by upper bound; then tails with a finite bound; then tails with none, nearest first
    const rank = (it: Item): number => (!unbounded(it.box) ? 0 : Number.isFinite(it.hi) ? 1 : 2);
    let pick = -1;
    for (let i = 0; i < queue.length; i++) {
      const it = queue[i];
      if (!(it.hi > lower + tol)) continue;
      if (pick < 0) {
        pick = i;
        continue;
      }
      const p = queue[pick];
      const better = rank(it) < rank(p) || (rank(it) === rank(p) && (rank(it) < 2 ? it.hi > p.hi : nearEnd(it.box) < nearEnd(p.box)));
      if (better) pick = i;
    }
    if (pick < 0) break;
    const [top] = queue.splice(pick, 1);
    if (rank(top) === 2 && nearEnd(top.box) > 1e12) {
      // an unbounded enclosure this far out will not shrink by splitting: give the tail up (bound stays ∞)
      upper = Infinity;
      continue;
    }
    const parts = split(top.box);
    if (!parts) {
      upper = Math.max(upper, top.hi);
      continue;
    }
    for (const part of parts) push(part, top.piece);
  }
  for (const item of queue) upper = Math.max(upper, item.hi);
  upper = Math.max(upper, lower);
  return { lower, upper, at, atBreakpoint };
}

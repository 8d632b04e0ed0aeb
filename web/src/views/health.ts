/**
 * Which health words apply to an activation, so "dead", "saturated" and "zero gradient" are never mixed:
 * a unit whose activation has zero slope everywhere (the binary step) has zero gradient *by design* and is
 * never called dead; "dead" is for activations that are flat on a half-line (ReLU-like: z < 0 on all
 * training data stops the unit); "saturated" is for activations bounded at both ends, whose slope fades in
 * both tails (sigmoid, tanh). Pure; cached per activation key.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';

export interface HealthKind {
  /** f′ = 0 wherever it is defined: no gradient ever passes (the step). */
  readonly zeroGradient: boolean;
  /** f′ = 0 on a half-line or an interval: a unit can die there. */
  readonly canDie: boolean;
  /** Bounded at both ends with f′ → 0 in both tails: a unit can saturate. */
  readonly canSaturate: boolean;
}

const NONE: HealthKind = { zeroGradient: false, canDie: false, canSaturate: false };
const cache = new Map<string, HealthKind>();
const SAMPLES = [-40, -9, -3.3, -1.1, -0.37, 0.41, 1.3, 3.7, 8.5, 40];

/** The health kind of activation `key` (null: a layer without activation, which is linear). */
export function healthKind(key: string | null): HealthKind {
  if (key === null) return NONE;
  const hit = cache.get(key);
  if (hit) return hit;
  let kind = NONE;
  try {
    const a = resolveActivation(key);
    const d = SAMPLES.map((x) => Math.abs(a.df(x)));
    // Exactly 0 (a flat piece), not merely tiny (sigmoid's far tail).
    const zero = d.map((v) => v === 0);
    const zeroGradient = zero.every(Boolean);
    const canDie = !zeroGradient && zero.some(Boolean);
    const far = [a.f(-60), a.f(60), a.f(-600), a.f(600)];
    const bounded = far.every((v) => Number.isFinite(v) && Math.abs(v) < 1e3) && Math.abs(a.f(600) - a.f(60)) < 1e-3 && Math.abs(a.f(-600) - a.f(-60)) < 1e-3;
    const tails = Math.abs(a.df(-30)) < 1e-3 && Math.abs(a.df(30)) < 1e-3;
    kind = { zeroGradient, canDie, canSaturate: !zeroGradient && bounded && tails };
  } catch {
    kind = NONE;
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, kind);
  return kind;
}

/** A unit's state as the network diagram shows it. */
export type UnitState = 'ok' | 'dead' | 'saturated' | 'zeroGradient';

/** A unit's state from the worker's flags and its activation's kind: one word, never two. */
export function unitState(kind: HealthKind, dead: boolean, saturated: boolean): UnitState {
  if (kind.zeroGradient) return 'zeroGradient';
  if (dead && kind.canDie) return 'dead';
  if (saturated && kind.canSaturate) return 'saturated';
  return 'ok';
}

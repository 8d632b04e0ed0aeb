/**
 * What each lesson step points at, beside its text (tours.ts): the view to watch, an optional checkpoint
 * (▶ trains to that epoch and pauses there) and the observation stated in numbers from the run at the
 * checkpoint. Kept apart from tours.ts so the lesson texts and the page's mechanics change independently.
 *
 * Plain data and pure functions (no store, no DOM); `observe` reads the history and snapshot it is given.
 */
import type { EpochPoint, ModelSnapshot } from '../engine/protocol.js';
import type { ViewId } from '../state/viewFocus.js';
import type { LessonId } from '../../../src/lessons/text.js';

/** Numbers a step can state from the run. */
export type ObservationKind = 'loss' | 'gradients' | 'dead' | 'saturated' | 'zeros' | 'compare';

/** How a lesson step drives the page. */
export interface StepFocus {
  /** The view to watch: its tab opens, it scrolls into sight and is outlined. */
  readonly view: ViewId;
  /** ▶ trains to the end of this epoch and pauses there (the step's checkpoint). */
  readonly checkpoint?: number;
  /** What to state in numbers at the checkpoint (or at once, for an untrained network). */
  readonly observe?: ObservationKind;
}

const f = (view: ViewId, checkpoint?: number, observe?: ObservationKind): StepFocus => ({
  view,
  ...(checkpoint === undefined ? {} : { checkpoint }),
  ...(observe === undefined ? {} : { observe }),
});

/** Every lesson's steps, as many as its tour has (a missing entry falls back to the plane). */
export const TOUR_FOCUS: Readonly<Record<LessonId, readonly StepFocus[]>> = {
  neuron: [f('inspector'), f('inspector'), f('network', 200, 'loss')],
  linear_depth: [f('plane', 300, 'loss'), f('plane', 300, 'loss'), f('plane', 300, 'loss')],
  xor: [f('plane', 300, 'loss'), f('plane', 300, 'loss'), f('loss', 300, 'compare')],
  step_gradient: [f('gradients', 100, 'gradients'), f('gradients', 100, 'gradients'), f('why', 50, 'gradients')],
  linear_gradient: [f('why'), f('plane', 200, 'loss'), f('plane', 300, 'loss')],
  sigmoid_squash: [f('why'), f('why', 200, 'saturated'), f('network', 100, 'saturated')],
  vanishing_gradients: [f('gradients', 200, 'gradients'), f('gradients', 200, 'gradients'), f('gradients', 200, 'gradients')],
  tanh_sigmoid: [f('why'), f('why'), f('why'), f('loss', 300, 'compare')],
  relu_sparsity: [f('why', undefined, 'zeros'), f('network'), f('why', 200, 'zeros')],
  dying_relu: [f('network', 50, 'dead'), f('network', 50, 'dead'), f('network', 200, 'dead')],
  relu_cost: [f('loss'), f('why')],
  softmax: [f('inspector', 200, 'loss'), f('plane', 300, 'loss'), f('inspector')],
  bounded_lr: [f('loss', 200, 'compare'), f('network', 200, 'dead'), f('loss', 50, 'compare')],
  identity_origin: [f('why'), f('loss', 300, 'compare'), f('loss')],
  monotonic_convex: [f('loss', 300, 'loss'), f('loss', 300, 'loss'), f('loss', 300, 'loss')],
  start_with_relu: [f('loss', 300, 'compare'), f('loss', 300, 'compare'), f('loss')],
  graded_outputs: [f('why', 300, 'loss'), f('why'), f('why')],
  universal_approximation: [f('plane', 300, 'loss'), f('plane', 300, 'loss'), f('plane', 300, 'loss'), f('plane', 300, 'loss')],
  smooth_monotonic: [f('why'), f('loss', 300, 'compare'), f('loss', 300, 'compare')],
  exploding_gradients: [f('gradients', 100, 'gradients'), f('gradients', 30, 'gradients')],
  mixed_layers: [f('plane', 300, 'loss'), f('plane', 300, 'loss')],
  linear_backprop: [f('why'), f('inspector', 50, 'loss')],
  leaky_recovery: [f('network', 50, 'dead'), f('network', 50, 'dead')],
  relu_blowup: [f('why'), f('why')],
  sparse_compute: [f('why', undefined, 'zeros'), f('why', undefined, 'zeros')],
  sigmoid_probability: [f('plane', 300, 'loss'), f('plane', 300, 'loss')],
};

/** The focus of step `step` of lesson `id` (the plane when the table has none). */
export function stepFocus(id: string, step: number): StepFocus {
  const steps = (TOUR_FOCUS as Readonly<Record<string, readonly StepFocus[]>>)[id];
  return steps?.[step] ?? { view: 'plane' };
}

/** An observation as a dictionary key and its values (the page words it in its language). */
export interface Observation {
  readonly key: string;
  readonly vars: Readonly<Record<string, string | number>>;
}

/** A number in 3 significant digits (exponent form when tiny or huge). */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

/** How many times larger `a` is than `b`, in 2 significant digits with thousands separators (10ⁿ beyond a million). */
export function ratioText(a: number, b: number): string {
  if (!(a > 0) || !(b > 0)) return b > 0 ? '0' : '∞';
  const r = a / b;
  if (r >= 1e6) {
    const e = Math.round(Math.log10(r));
    return `10${String(e).split('').map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}`;
  }
  return Number(r.toPrecision(2)).toLocaleString('en-US');
}

/**
 * The numbers behind observation `kind` for the run as it is: `history` per model (as the store keeps it),
 * the latest snapshot's models and the models' labels. Null when there is nothing to state yet.
 */
export function observe(kind: ObservationKind, history: readonly (readonly EpochPoint[])[], models: readonly ModelSnapshot[], labels: readonly string[]): Observation | null {
  const last = history[0]?.at(-1);
  const m = models[0];
  switch (kind) {
    case 'loss':
      if (!last) return null;
      return last.trainAccuracy !== null
        ? { key: 'teach.obs.lossAcc', vars: { epoch: last.epoch, train: num(last.trainLoss), test: num(last.testLoss), acc: pct(last.testAccuracy ?? last.trainAccuracy) } }
        : { key: 'teach.obs.loss', vars: { epoch: last.epoch, train: num(last.trainLoss), test: num(last.testLoss) } };
    case 'gradients': {
      if (!last || last.gradNorms.length < 2) return null;
      const g = last.gradNorms;
      const first = g[0];
      const hiddenLast = g.length - 2;
      const lastHidden = g[hiddenLast];
      if (hiddenLast === 0) return { key: 'teach.obs.gradOne', vars: { epoch: last.epoch, g1: num(first), out: num(g[g.length - 1]) } };
      if (!(first > 0)) return { key: 'teach.obs.gradZero', vars: { epoch: last.epoch, l: hiddenLast + 1, gl: num(lastHidden) } };
      return first <= lastHidden
        ? { key: 'teach.obs.gradSmaller', vars: { epoch: last.epoch, ratio: ratioText(lastHidden, first), l: hiddenLast + 1, g1: num(first), gl: num(lastHidden) } }
        : { key: 'teach.obs.gradLarger', vars: { epoch: last.epoch, ratio: ratioText(first, lastHidden), l: hiddenLast + 1, g1: num(first), gl: num(lastHidden) } };
    }
    case 'dead': {
      if (!m) return null;
      const parts = models.map((mm, k) => {
        const dead = mm.health.dead.reduce((s, d) => s + d.reduce((x, y) => x + y, 0), 0);
        const total = mm.health.dead.reduce((s, d) => s + d.length, 0);
        return `${labels[k] ?? mm.label}: ${dead}/${total}`;
      });
      return { key: 'teach.obs.dead', vars: { epoch: last?.epoch ?? 0, list: parts.join(' · ') } };
    }
    case 'saturated': {
      if (!last) return null;
      return { key: 'teach.obs.saturated', vars: { epoch: last.epoch, list: last.saturatedFractions.map((v, l) => `${l + 1}: ${pct(v)}`).join(' · ') } };
    }
    case 'zeros': {
      if (!m || m.histograms.length === 0) return null;
      return { key: 'teach.obs.zeros', vars: { epoch: last?.epoch ?? 0, list: m.histograms.map((h, l) => `${l + 1}: ${pct(h.zeroFraction)}`).join(' · ') } };
    }
    case 'compare': {
      const rows = history.map((h, k) => ({ label: labels[k] ?? `${k + 1}`, p: h.at(-1) })).filter((r) => r.p);
      if (rows.length === 0) return null;
      const epoch = rows[0].p!.epoch;
      const list = rows.map((r) => `${r.label} ${num(r.p!.testLoss ?? r.p!.trainLoss)}`).join(' · ');
      return { key: 'teach.obs.compare', vars: { epoch, list } };
    }
    default:
      return null;
  }
}

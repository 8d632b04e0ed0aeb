/**
 * The activation panel's logic, free of the DOM: which activations are in use, and the property table's
 * rows as translated text.
 */
import { MAX_NON_FINITE_INTERVALS } from '../../../src/analysis/finiteness.js';
import type { Evidence, Interval, Limit, NonFiniteInterval, Properties, PropertyEvidence, Range } from '../../../src/analysis/properties.js';
import type { ExplorerState } from '../state/types.js';

/** Looks a label up (the `t` of web/src/i18n, passed in so this module stays pure). */
export type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** One activation in use and where. */
export interface InUse {
  /** Codec text. */
  readonly text: string;
  /** Where it is used, translated ("hidden layers 1, 2; compare mode"). */
  readonly where: string;
}

/** The distinct activations of the hidden layers, the output (when the loss is MSE) and compare mode, in that order. */
export function activationsInUse(s: Pick<ExplorerState, 'hidden' | 'loss' | 'outputActivation' | 'compare'>, t: Translate): InUse[] {
  const places = new Map<string, { layers: number[]; output: boolean; compare: boolean }>();
  const at = (text: string) => {
    let p = places.get(text);
    if (!p) {
      p = { layers: [], output: false, compare: false };
      places.set(text, p);
    }
    return p;
  };
  s.hidden.forEach((l, i) => at(l.activation).layers.push(i + 1));
  if (s.loss === 'mse') at(s.outputActivation).output = true;
  for (const c of s.compare) at(c).compare = true;
  return [...places].map(([text, p]) => {
    const parts: string[] = [];
    if (p.layers.length > 0) parts.push(t(p.layers.length > 1 ? 'activation.panel.hiddenLayers' : 'activation.panel.hiddenLayer', { list: p.layers.join(', ') }));
    if (p.output) parts.push(t('activation.panel.output'));
    if (p.compare) parts.push(t('activation.panel.compare'));
    return { text, where: parts.join('; ') };
  });
}

/** A number for people: 4 significant digits, exponent form for very large or small values, never NaN. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e5 || a < 1e-4 ? v.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(4)));
  return s.replace(/^-/, '−');
}

/** A limit at ±∞. */
export function formatLimit(l: Limit, t: Translate): string {
  if (l === 'inf') return '∞';
  if (l === '-inf') return '−∞';
  if (l === 'none') return t('activation.prop.noLimit');
  if (l === 'undefined') return t('activation.prop.undefinedLimit');
  return formatValue(l);
}

/** The range as an interval: `(−1, 1)`, `[0, ∞)`. */
export function formatRange(r: Range): string {
  const lo = r.lower === null ? '(−∞' : `${r.lowerClosed ? '[' : '('}${formatValue(r.lower)}`;
  const hi = r.upper === null ? '∞)' : `${formatValue(r.upper)}${r.upperClosed ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

/** An interval of x: `(−∞, 0)`. */
export function formatInterval(i: Interval): string {
  return `(${i.from === null ? '−∞' : formatValue(i.from)}, ${i.to === null ? '∞' : formatValue(i.to)})`;
}

/** One interval of x in words: `x < 0`, `x ≤ 0`, `x = 0`, `1 < x ≤ 2`, or `all` for the whole line. */
export function formatXInterval(i: NonFiniteInterval): string {
  const lt = (closed: boolean) => (closed ? '≤' : '<');
  if (i.from === null && i.to === null) return 'all';
  if (i.from === null) return `x ${lt(i.toClosed)} ${formatValue(i.to!)}`;
  if (i.to === null) return `x ${i.fromClosed ? '≥' : '>'} ${formatValue(i.from)}`;
  if (i.from === i.to) return `x = ${formatValue(i.from)}`;
  return `${formatValue(i.from)} ${lt(i.fromClosed)} x ${lt(i.toClosed)} ${formatValue(i.to)}`;
}

/** The kinds of non-finite values, as `NaN`, `∞`, `−∞` joined by `/`. */
export function formatNonFiniteValues(intervals: readonly NonFiniteInterval[]): string {
  const kinds = new Set(intervals.flatMap((i) => i.values));
  const out: string[] = [];
  if (kinds.has('inf') && kinds.has('-inf')) out.push('±∞');
  else if (kinds.has('inf')) out.push('∞');
  else if (kinds.has('-inf')) out.push('−∞');
  if (kinds.has('nan')) out.push('NaN');
  return out.join('/');
}

/** Where f is not finite, in words (`x < −1 or x > 1`; intervals beyond the reported ones as `…`); null when nowhere. */
export function nonFiniteWhere(intervals: readonly NonFiniteInterval[], t: Translate): string | null {
  if (intervals.length === 0) return null;
  if (intervals.some((i) => i.from === null && i.to === null)) return t('activation.finite.everywhere');
  const parts = intervals.map(formatXInterval);
  if (intervals.length >= MAX_NON_FINITE_INTERVALS) parts.push('…');
  return parts.join(t('activation.finite.or'));
}

/** The warning under a custom expression that is not finite on all of ℝ (null when it is). */
export function nonFiniteWarning(intervals: readonly NonFiniteInterval[], t: Translate): string | null {
  const where = nonFiniteWhere(intervals, t);
  if (where === null) return null;
  const what = formatNonFiniteValues(intervals);
  const everywhere = intervals.some((i) => i.from === null && i.to === null);
  return t(everywhere ? 'activation.finite.warningEverywhere' : 'activation.finite.warning', { what, where });
}

const yesNo = (b: boolean, t: Translate) => t(b ? 'activation.yes' : 'activation.no');

/** Where gradients vanish, in words: dead zones (f' = 0 exactly) and saturating tails. */
export function vanishing(p: Properties, t: Translate): string {
  const parts = p.deadZones.map((z) => t('activation.prop.deadZone', { interval: formatInterval(z) }));
  // a dead zone reaching −∞ or +∞ already says that side
  if (p.saturating.left && !p.deadZones.some((z) => z.from === null)) parts.push(t('activation.prop.saturatesLeft'));
  if (p.saturating.right && !p.deadZones.some((z) => z.to === null)) parts.push(t('activation.prop.saturatesRight'));
  return parts.length > 0 ? parts.join('; ') : t('activation.prop.noVanish');
}

/**
 * Where |f′| reaches its largest value `max`, grown from the point `at` where it is attained: an interval
 * when |f′| = max on a stretch (ReLU: every x > 0, `to` null for +∞), or null when only at points. Scans
 * with steps of 1/64 out to ±1000 (beyond that the end is taken as infinite).
 */
export function maxSlopeInterval(df: (x: number) => number, max: number, at: number): Interval | null {
  const near = (x: number): boolean => {
    const d = Math.abs(df(x));
    return Number.isFinite(d) && Math.abs(d - max) <= 1e-9 * Math.max(1, max);
  };
  const h = 1 / 64;
  const reach = (dir: 1 | -1): number | null => {
    let x = at;
    while (Math.abs(x - at) < 1000) {
      if (!near(x + dir * h)) return x;
      x += dir * h;
    }
    return null;
  };
  const lo = reach(-1);
  const hi = reach(1);
  if (lo !== null && hi !== null && hi - lo < 2 * h) return null;
  // Round the ends to the grid's nearest simple number (a kink at 0 is found at 0, not 0.0156).
  const snap = (v: number | null): number | null => (v === null ? null : Math.abs(v - Math.round(v)) <= h ? Math.round(v) : v);
  return { from: snap(lo), to: snap(hi) };
}

/** The rows of the property table: label and value, both translated. `slopeSet`: where max |f′| is attained, when an interval (maxSlopeInterval). */
/** Which evidence fields back each row of the property table (rows without one are plain values). */
const ROW_EVIDENCE: Readonly<Record<string, readonly (keyof PropertyEvidence)[]>> = {
  defined: ['definedEverywhere'],
  range: ['range'],
  bounded: ['boundedAbove', 'boundedBelow'],
  monotonic: ['monotonic'],
  monotonicDerivative: ['monotonicDerivative'],
  continuity: ['continuity'],
  nonSmooth: ['continuity'],
  zeroCentered: ['zeroCentered'],
  identity: ['identityNearOrigin'],
  maxSlope: ['maxAbsDerivative'],
  limits: ['limits'],
  vanish: ['saturating', 'deadZones'],
};

/** A row of the property table: label, value and how the value was established. */
export interface PropertyRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** 'proved' from the expression (every field behind the row), else 'sampled'; absent for plain values (f(0), f′(0)). */
  readonly evidence?: Evidence;
}

/** The rows of the property table, each with its evidence. */
export function propertyRows(p: Properties, t: Translate, slopeSet: Interval | null = null): PropertyRow[] {
  return propertyValueRows(p, t, slopeSet).map((r) => {
    const fields = ROW_EVIDENCE[r.key];
    if (fields === undefined) return r;
    return { ...r, evidence: fields.every((f) => p.evidence[f] === 'proved') ? 'proved' : 'sampled' };
  });
}

function propertyValueRows(p: Properties, t: Translate, slopeSet: Interval | null): Array<{ key: string; label: string; value: string }> {
  const onReals = p.definedEverywhere;
  // a function that is NaN or ±∞ somewhere is not a real function on ℝ: say where, and claim nothing about ℝ
  const na = t('activation.prop.notOnReals');
  const nonFinite = p.nonFinite ?? [];
  const defined = onReals
    ? t('activation.yes')
    : nonFinite.some((i) => i.from === null && i.to === null)
      ? t('activation.prop.definedNoEverywhere', { what: formatNonFiniteValues(nonFinite) })
      : t('activation.prop.definedNo', { what: formatNonFiniteValues(nonFinite) || 'NaN', where: nonFiniteWhere(nonFinite, t) ?? '?' });
  const bounded =
    p.boundedAbove && p.boundedBelow
      ? t('activation.prop.boundedBoth')
      : p.boundedAbove
        ? t('activation.prop.boundedAbove')
        : p.boundedBelow
          ? t('activation.prop.boundedBelow')
          : t('activation.no');
  const rows = [
    ...(onReals ? [] : [{ key: 'defined', label: t('activation.prop.defined'), value: defined }]),
    { key: 'range', label: t('activation.prop.range'), value: onReals ? formatRange(p.range) : na },
    { key: 'bounded', label: t('activation.prop.bounded'), value: onReals ? bounded : na },
    { key: 'monotonic', label: t('activation.prop.monotonic'), value: onReals ? t(`activation.mono.${p.monotonicity}`) : na },
    { key: 'monotonicDerivative', label: t('activation.prop.monotonicDerivative'), value: onReals ? yesNo(p.monotonicDerivative, t) : na },
    { key: 'continuity', label: t('activation.prop.continuity'), value: onReals ? t(`activation.cont.${p.continuity}`) : na },
  ];
  if (p.nonSmoothPoints.length > 0) {
    const items = p.nonSmoothPoints.map((q) => t('activation.prop.nonSmoothItem', { x: formatValue(q.x), ticks: '′'.repeat(q.order) }));
    rows.push({ key: 'nonSmooth', label: t('activation.prop.nonSmooth'), value: items.join(', ') });
  }
  rows.push(
    { key: 'zeroCentered', label: t('activation.prop.zeroCentered'), value: onReals ? yesNo(p.zeroCentered, t) : na },
    { key: 'identity', label: t('activation.prop.identity'), value: onReals ? yesNo(p.identityNearOrigin, t) : na },
    { key: 'f0', label: t('activation.prop.f0'), value: formatValue(p.valueAtZero) },
    { key: 'df0', label: t('activation.prop.df0'), value: formatValue(p.derivativeAtZero) },
    {
      key: 'maxSlope',
      label: t('activation.prop.maxSlope'),
      value: !onReals
        ? na
        : p.maxAbsDerivative === null
          ? '∞'
          : slopeSet !== null
            ? t('activation.prop.maxSlopeOn', { value: formatValue(p.maxAbsDerivative), interval: formatInterval(slopeSet) })
            : p.maxAbsDerivativeAt === null
              ? formatValue(p.maxAbsDerivative)
              : t('activation.prop.maxSlopeAt', { value: formatValue(p.maxAbsDerivative), x: formatValue(p.maxAbsDerivativeAt) }),
    },
    { key: 'limits', label: t('activation.prop.limits'), value: `${formatLimit(p.limits.left, t)}, ${formatLimit(p.limits.right, t)}` },
    { key: 'vanish', label: t('activation.prop.vanish'), value: onReals ? vanishing(p, t) : na },
  );
  if (onReals) rows.push({ key: 'defined', label: t('activation.prop.defined'), value: defined });
  return rows;
}

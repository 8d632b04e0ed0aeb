/**
 * The activation panel's logic, free of the DOM: which activations are in use, and the property table's
 * rows as translated text.
 */
import type { Interval, Limit, Properties, Range } from '../../../src/analysis/properties.js';
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

const yesNo = (b: boolean, t: Translate) => t(b ? 'activation.yes' : 'activation.no');

/** Where gradients vanish, in words: dead zones (f' = 0 exactly) and saturating tails. */
export function vanishing(p: Properties, t: Translate): string {
  const parts = p.deadZones.map((z) => t('activation.prop.deadZone', { interval: formatInterval(z) }));
  // a dead zone reaching −∞ or +∞ already says that side
  if (p.saturating.left && !p.deadZones.some((z) => z.from === null)) parts.push(t('activation.prop.saturatesLeft'));
  if (p.saturating.right && !p.deadZones.some((z) => z.to === null)) parts.push(t('activation.prop.saturatesRight'));
  return parts.length > 0 ? parts.join('; ') : t('activation.prop.noVanish');
}

/** The rows of the property table: label and value, both translated. */
export function propertyRows(p: Properties, t: Translate): Array<{ key: string; label: string; value: string }> {
  const bounded =
    p.boundedAbove && p.boundedBelow
      ? t('activation.prop.boundedBoth')
      : p.boundedAbove
        ? t('activation.prop.boundedAbove')
        : p.boundedBelow
          ? t('activation.prop.boundedBelow')
          : t('activation.no');
  const rows = [
    { key: 'range', label: t('activation.prop.range'), value: formatRange(p.range) },
    { key: 'bounded', label: t('activation.prop.bounded'), value: bounded },
    { key: 'monotonic', label: t('activation.prop.monotonic'), value: t(`activation.mono.${p.monotonicity}`) },
    { key: 'continuity', label: t('activation.prop.continuity'), value: t(`activation.cont.${p.continuity}`) },
  ];
  if (p.nonSmoothPoints.length > 0) {
    const items = p.nonSmoothPoints.map((q) => t('activation.prop.nonSmoothItem', { x: formatValue(q.x), ticks: '′'.repeat(q.order) }));
    rows.push({ key: 'nonSmooth', label: t('activation.prop.nonSmooth'), value: items.join(', ') });
  }
  rows.push(
    { key: 'zeroCentered', label: t('activation.prop.zeroCentered'), value: yesNo(p.zeroCentered, t) },
    { key: 'identity', label: t('activation.prop.identity'), value: yesNo(p.identityNearOrigin, t) },
    { key: 'f0', label: t('activation.prop.f0'), value: formatValue(p.valueAtZero) },
    { key: 'df0', label: t('activation.prop.df0'), value: formatValue(p.derivativeAtZero) },
    {
      key: 'maxSlope',
      label: t('activation.prop.maxSlope'),
      value:
        p.maxAbsDerivative === null
          ? '∞'
          : p.maxAbsDerivativeAt === null
            ? formatValue(p.maxAbsDerivative)
            : t('activation.prop.maxSlopeAt', { value: formatValue(p.maxAbsDerivative), x: formatValue(p.maxAbsDerivativeAt) }),
    },
    { key: 'limits', label: t('activation.prop.limits'), value: `${formatLimit(p.limits.left, t)}, ${formatLimit(p.limits.right, t)}` },
    { key: 'vanish', label: t('activation.prop.vanish'), value: vanishing(p, t) },
    { key: 'defined', label: t('activation.prop.defined'), value: yesNo(p.definedEverywhere, t) },
  );
  return rows;
}

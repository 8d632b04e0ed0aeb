/** How the lesson experiment's result is shown: its duration and its chart's axes. Pure. */

/** Seconds with enough digits to be more than 0 (never NaN): 12.3, 0.42, 0.007. */
export function seconds(ms: number): string {
  if (!(Number.isFinite(ms) && ms > 0)) return '0';
  const s = ms / 1000;
  if (s >= 10) return s.toFixed(1);
  return String(Number(s.toPrecision(2)));
}

/**
 * Integer axes for integer fields: a quantitative field named like a layer, an epoch or a count gets ticks
 * at whole numbers only (Vega-Lite otherwise labels a layer axis 1.0, 1.5, 2.0…).
 */
export function integerAxes<T>(spec: T): T {
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (v === null || typeof v !== 'object') return v;
    const o = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, visit(x)]));
    const named = (typeof o.field === 'string' && /^(layer|depth|epoch|units|width|seed)s?$/i.test(o.field)) || (typeof o.title === 'string' && /^(hidden )?(layer|epoch)s?\b/i.test(o.title));
    if (named && o.type === 'quantitative') {
      const axis = o.axis && typeof o.axis === 'object' ? (o.axis as Record<string, unknown>) : {};
      o.axis = { ...axis, format: 'd', tickMinStep: 1 };
    }
    return o;
  };
  return visit(spec) as T;
}

/** Data-set ids as lesson texts write them, longest first (spiral3 before spiral). */
const DATASET_IDS = ['multi_gauss', 'spiral3', 'blobs3', 'spiral', 'moons', 'circle', 'gauss', 'plane'] as const;

/**
 * A lesson text with the data sets' ids (`spiral`, `moons`, …) replaced by their names in the page's
 * language, as the data panel shows them (`name(id)`), so Chinese text never keeps English data-set names.
 */
export function localizeDatasetNames(text: string, name: (id: string) => string): string {
  // The spaces that set a Latin id apart from Chinese text go with it.
  const re = new RegExp(`(?<![A-Za-z0-9_]) ?(${DATASET_IDS.join('|')}) ?(?![A-Za-z0-9_])`, 'g');
  return text.replace(re, (_m, id: string) => name(id));
}

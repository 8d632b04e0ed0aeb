/**
 * The catalog: one registry of scalar activation entries, looked up by id or alias, ignoring case and
 * `-`/`_`. Built from the explicit list in families/index.ts (no registration side effects).
 */
import { ALL_SPECS } from './families/index.js';
import type { ActivationSpec, Family } from './spec.js';
import { FAMILIES } from './spec.js';
import { ActlabError } from '../util/errors.js';
import { closest } from '../util/suggest.js';

/** Every scalar activation in the catalog, in catalog order. */
export const CATALOG: readonly ActivationSpec[] = ALL_SPECS;

/** Normalises a name for lookup: lowercase, without `-`, `_` and spaces. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

const BY_NAME: ReadonlyMap<string, ActivationSpec> = (() => {
  const m = new Map<string, ActivationSpec>();
  for (const spec of CATALOG) {
    for (const n of [spec.id, ...spec.aliases]) {
      const k = normalizeName(n);
      const other = m.get(k);
      if (other && other !== spec) throw new Error(`catalog: '${n}' names both ${other.id} and ${spec.id}`);
      m.set(k, spec);
    }
  }
  return m;
})();

/** The entry with this id or alias, or undefined. */
export function findSpec(name: string): ActivationSpec | undefined {
  return BY_NAME.get(normalizeName(name));
}

/** Ids closest to a mistyped name (for "did you mean ...?"). */
export function suggestIds(name: string): string[] {
  const names = CATALOG.flatMap((s) => [s.id, ...s.aliases]);
  const hits = closest(normalizeName(name), names.map(normalizeName), 3);
  const ids = hits.map((h) => BY_NAME.get(h)?.id).filter((x): x is string => x !== undefined);
  return [...new Set(ids)];
}

/** The entry with this id or alias; throws a one-line error with suggestions otherwise. */
export function getSpec(name: string): ActivationSpec {
  const spec = findSpec(name);
  if (spec) return spec;
  const s = suggestIds(name);
  const hint = s.length > 0 ? ` did you mean ${s.join(' or ')}?` : '';
  throw new ActlabError(`unknown activation '${name}';${hint} run 'actlab list' to see the catalog, or write an expression in x such as "x*sigmoid(x)"`);
}

/** The catalog grouped by family, in family order. */
export function byFamily(): ReadonlyArray<{ family: Family; specs: readonly ActivationSpec[] }> {
  return FAMILIES.map((family) => ({ family, specs: CATALOG.filter((s) => s.family === family) })).filter((g) => g.specs.length > 0);
}

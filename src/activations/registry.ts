/**
 * The catalog: one registry of scalar activation entries, looked up by id or alias, ignoring case and
 * `-`/`_`. Built from the explicit list in families/index.ts (no registration side effects).
 */
import { ALL_SPECS } from './families/index.js';
import type { ActivationSpec, Family } from './spec.js';
import { VECTOR_CATALOG, type VectorActivationSpec } from './vector.js';
import { FAMILIES } from './spec.js';
import { ActlabError } from '../util/errors.js';
import { closest } from '../util/suggest.js';

/** Every scalar activation in the catalog, in catalog order. */
export const CATALOG: readonly ActivationSpec[] = ALL_SPECS;

/** Normalises a name for lookup: lowercase, without `-`, `_` and spaces. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Every vector (row-wise) activation in the catalog, in display order. */
export { VECTOR_CATALOG };

/** A catalog entry of either kind. */
export type AnySpec = { readonly kind: 'scalar'; readonly spec: ActivationSpec } | { readonly kind: 'vector'; readonly spec: VectorActivationSpec };

const BY_ANY_NAME: ReadonlyMap<string, AnySpec> = (() => {
  const m = new Map<string, AnySpec>();
  const all: AnySpec[] = [...CATALOG.map((spec) => ({ kind: 'scalar' as const, spec })), ...VECTOR_CATALOG.map((spec) => ({ kind: 'vector' as const, spec }))];
  for (const entry of all) {
    for (const n of [entry.spec.id, ...entry.spec.aliases]) {
      const k = normalizeName(n);
      const other = m.get(k);
      if (other && other.spec !== entry.spec) throw new Error(`catalog: '${n}' names both ${other.spec.id} and ${entry.spec.id}`);
      m.set(k, entry);
    }
  }
  return m;
})();

const BY_NAME: ReadonlyMap<string, ActivationSpec> = new Map(
  [...BY_ANY_NAME].flatMap(([k, e]) => (e.kind === 'scalar' ? [[k, e.spec] as const] : [])),
);

/** The entry of either kind (scalar or vector) with this id or alias, or undefined. */
export function findAnySpec(name: string): AnySpec | undefined {
  return BY_ANY_NAME.get(normalizeName(name));
}

/** The vector entry with this id or alias, or undefined. */
export function findVectorSpec(name: string): VectorActivationSpec | undefined {
  const e = BY_ANY_NAME.get(normalizeName(name));
  return e?.kind === 'vector' ? e.spec : undefined;
}

/** The entry with this id or alias, or undefined. */
export function findSpec(name: string): ActivationSpec | undefined {
  return BY_NAME.get(normalizeName(name));
}

/** Ids closest to a mistyped name (for "did you mean ...?"). */
export function suggestIds(name: string): string[] {
  const names = [...CATALOG, ...VECTOR_CATALOG].flatMap((s) => [s.id, ...s.aliases]);
  const hits = closest(normalizeName(name), names.map(normalizeName), 3);
  const ids = hits.map((h) => BY_ANY_NAME.get(h)?.spec.id).filter((x): x is string => x !== undefined);
  return [...new Set(ids)];
}

/** The entry with this id or alias; throws a one-line error with suggestions otherwise. */
export function getSpec(name: string): ActivationSpec {
  const spec = findSpec(name);
  if (spec) return spec;
  const vector = findVectorSpec(name);
  if (vector) {
    throw new ActlabError(
      `'${vector.id}' is a vector activation (a function of a whole row), not an elementwise one; 'actlab show ${vector.id}', 'actlab eval ${vector.id} --x=1,2,3' and 'actlab plot ${vector.id}' take it, and classifiers apply softmax at the output through the cross-entropy loss`,
    );
  }
  const s = suggestIds(name);
  const hint = s.length > 0 ? ` did you mean ${s.join(' or ')}?` : '';
  throw new ActlabError(`unknown activation '${name}';${hint} run 'actlab list' to see the catalog, or write an expression in x such as "x*sigmoid(x)"`);
}

/** The catalog grouped by family, in family order. */
export function byFamily(): ReadonlyArray<{ family: Family; specs: readonly ActivationSpec[] }> {
  return FAMILIES.map((family) => ({ family, specs: CATALOG.filter((s) => s.family === family) })).filter((g) => g.specs.length > 0);
}

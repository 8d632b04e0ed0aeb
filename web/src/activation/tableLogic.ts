/**
 * The table of all activations: one row per catalog entry with its computed properties as columns, sorted
 * and filtered. Pure (no DOM): the component (ActivationTable.tsx) fills rows as the analyses arrive.
 */
import type { Properties } from '../../../src/analysis/properties.js';
import { formatInterval, formatRange, type Translate } from './panelLogic.js';

/** The columns, in order. */
export const TABLE_COLUMNS = ['name', 'range', 'monotonic', 'monotonicDerivative', 'continuity', 'identity', 'zeroCentered', 'saturating', 'deadZone'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** One row: the id, its display name, and a cell (text and sort key) per column. */
export interface TableRow {
  readonly id: string;
  readonly cells: Readonly<Record<TableColumn, { readonly text: string; readonly sort: string | number }>>;
}

const CONTINUITY_RANK: Readonly<Record<string, number>> = { discontinuous: 0, C0: 1, C1: 2, C2: 3, C3: 4 };

/** A row of the table from an activation's properties (`name`: display name in the current language). */
export function tableRow(id: string, name: string, p: Properties, t: Translate): TableRow {
  const yes = (b: boolean) => ({ text: t(b ? 'activation.yes' : 'activation.no'), sort: b ? 1 : 0 });
  const onReals = p.definedEverywhere;
  const na = { text: '—', sort: -1 };
  const sat = p.saturating.left && p.saturating.right ? 'both' : p.saturating.left ? 'left' : p.saturating.right ? 'right' : 'none';
  return {
    id,
    cells: {
      name: { text: name, sort: name.toLowerCase() },
      range: onReals ? { text: formatRange(p.range), sort: (p.range.lower === null ? 0 : 1) + (p.range.upper === null ? 0 : 1) } : na,
      monotonic: onReals ? yes(p.monotonic) : na,
      monotonicDerivative: onReals ? yes(p.monotonicDerivative) : na,
      continuity: onReals ? { text: t(`teach.table.cont.${p.continuity}`), sort: CONTINUITY_RANK[p.continuity] ?? -1 } : na,
      identity: onReals ? yes(p.identityNearOrigin) : na,
      zeroCentered: onReals ? yes(p.zeroCentered) : na,
      saturating: onReals ? { text: t(`teach.table.sat.${sat}`), sort: sat === 'both' ? 3 : sat === 'none' ? 0 : 1 } : na,
      deadZone: onReals ? (p.deadZones.length > 0 ? { text: p.deadZones.map(formatInterval).join(' ∪ '), sort: 1 } : { text: t('activation.no'), sort: 0 }) : na,
    },
  };
}

/** Rows sorted by `column` (ascending or not), ties by name; stable. */
export function sortRows(rows: readonly TableRow[], column: TableColumn, ascending: boolean): TableRow[] {
  const dir = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.cells[column].sort;
    const y = b.cells[column].sort;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    if (c !== 0) return c * dir;
    return String(a.cells.name.sort).localeCompare(String(b.cells.name.sort));
  });
}

/** Rows whose id, name or any cell contains every word of `query` (case-insensitive). */
export function filterRows(rows: readonly TableRow[], query: string): TableRow[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = [r.id, ...Object.values(r.cells).map((c) => c.text)].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

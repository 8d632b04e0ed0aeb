/**
 * A table of every catalog activation with its computed properties as columns (range, monotonic,
 * monotonic derivative, smoothness, identity near 0, zero-centred, saturating, dead zone), sortable by any
 * column and filterable by text. A row's buttons load the activation into every hidden layer, or add it to
 * compare mode. Properties come from the activation worker (its own channel), computed once the table is
 * on screen.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATALOG } from '../../../src/activations/registry.js';
import type { Properties } from '../../../src/analysis/properties.js';
import { lang, t } from '../i18n/index.js';
import { state, update } from '../state/store.js';
import { LIMITS } from '../state/types.js';
import { focusView } from '../state/viewFocus.js';
import { watchVisibility } from '../views/throttle.js';
import { activationName } from './pickerLogic.js';
import { activationService } from './service.js';
import { filterRows, sortRows, tableRow, TABLE_COLUMNS, type TableColumn } from './tableLogic.js';

/** Catalog ids in catalog order. */
const IDS: readonly string[] = CATALOG.map((s) => s.id);

/** Loads `id` into every hidden layer (one layer of 4 when there is none). */
export function loadIntoLayers(id: string): void {
  const hidden = state.value.hidden;
  update({ hidden: hidden.length === 0 ? [{ units: 4, activation: id }] : hidden.map((l) => ({ ...l, activation: id })) });
  focusView('network');
}

/** Adds `id` to compare mode (replacing the last compared one when full). */
export function loadIntoCompare(id: string): void {
  const c = state.value.compare.filter((x) => x !== id);
  const next = c.length >= LIMITS.maxCompare ? [...c.slice(0, LIMITS.maxCompare - 1), id] : [...c, id];
  update({ compare: next });
  focusView('compare');
}

export function ActivationTable() {
  const language = lang.value;
  const root = useRef<HTMLElement>(null);
  const [props, setProps] = useState<Readonly<Record<string, Properties>>>({});
  const [failed, setFailed] = useState<readonly string[]>([]);
  const [sort, setSort] = useState<{ column: TableColumn; ascending: boolean }>({ column: 'name', ascending: true });
  const [query, setQuery] = useState('');
  const [started, setStarted] = useState(false);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const seen = watchVisibility(el, () => setStarted(true));
    if (seen.visible()) setStarted(true);
    return () => seen.dispose();
  }, []);

  useEffect(() => {
    if (!started) return;
    let cancelled = false;
    const service = activationService('table');
    (async () => {
      for (const id of IDS) {
        const r = await service.analyze(id);
        if (cancelled) return;
        if (r.ok) setProps((p) => ({ ...p, [id]: r.value }));
        else setFailed((f) => [...f, id]);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [started]);

  const rows = useMemo(
    () => IDS.filter((id) => props[id]).map((id) => tableRow(id, activationName(id, t), props[id], t)),
    [props, language],
  );
  const shown = sortRows(filterRows(rows, query), sort.column, sort.ascending);
  const pending = IDS.length - rows.length - failed.length;
  const inLayers = new Set(state.value.hidden.map((l) => l.activation));

  const onSort = (column: TableColumn): void => setSort((s) => (s.column === column ? { column, ascending: !s.ascending } : { column, ascending: true }));

  return (
    <section class="panel act-table-panel" ref={root} data-testid="activation-table" aria-labelledby="act-table-title">
      <div class="act-table-head">
        <h2 id="act-table-title" class="col-heading">
          {t('teach.table.title')}
        </h2>
        <label class="act-table-filter">
          <span>{t('teach.table.filter')}</span>
          <input type="search" data-testid="activation-table-filter" value={query} placeholder={t('teach.table.filterHint')} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <span class="act-muted" data-testid="activation-table-count">
          {pending > 0 ? t('teach.table.computing', { n: rows.length, total: IDS.length }) : t('teach.table.count', { n: shown.length, total: rows.length })}
        </span>
      </div>
      <p class="act-muted">{t('teach.table.note')}</p>
      <div class="act-table-scroll">
        <table class="act-table">
          <thead>
            <tr>
              {TABLE_COLUMNS.map((c) => (
                <th key={c} scope="col" aria-sort={sort.column === c ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" class="act-sort" data-testid={`sort-${c}`} onClick={() => onSort(c)}>
                    {t(`teach.table.col.${c}`)}
                    <span aria-hidden="true">{sort.column === c ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('teach.table.load')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-id={r.id} class={inLayers.has(r.id) ? 'in-use' : undefined} onClick={(e) => {
                if ((e.target as HTMLElement).closest('button')) return;
                loadIntoLayers(r.id);
              }}>
                {TABLE_COLUMNS.map((c) =>
                  c === 'name' ? (
                    <th key={c} scope="row">
                      {r.cells.name.text}
                    </th>
                  ) : (
                    <td key={c}>{r.cells[c].text}</td>
                  ),
                )}
                <td class="act-table-actions">
                  <button type="button" data-testid={`load-${r.id}`} onClick={() => loadIntoLayers(r.id)}>
                    {t('teach.table.toLayers')}
                  </button>
                  <button type="button" data-testid={`compare-${r.id}`} onClick={() => loadIntoCompare(r.id)}>
                    {t('teach.table.toCompare')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

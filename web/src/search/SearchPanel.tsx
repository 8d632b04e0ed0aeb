/**
 * Activation search in the page: a small search (src/search, as `actlab search`) on the current data, run
 * in its own worker; the table fills as candidates are trained and ends with the comparison against the
 * baselines on fresh seeds. Clicking a row puts that activation into every hidden layer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LeaderboardRow, SearchConfig } from '../../../src/search/search.js';
import { DEFAULT_BASELINES } from '../../../src/search/search.js';
import { DEFAULT_SPACE } from '../../../src/search/space.js';
import { t } from '../i18n/index.js';
import { customData, state, update } from '../state/store.js';
import type { FromSearchWorker, LiveCandidate } from './protocol.js';
import { searchDataSpec } from './searchData.js';
import './search.css';

const f3 = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(3));

/** The search's settings from the panel's controls and the page's data and network widths. */
export function panelConfig(budget: number, seeds: number, epochs: number): SearchConfig {
  const s = state.value;
  return {
    data: searchDataSpec(s, customData.value),
    model: { hidden: s.hidden.map((h) => h.units) },
    train: { epochs },
    space: DEFAULT_SPACE,
    strategy: 'evolution',
    budget,
    seeds,
    seed: s.initSeed,
    population: Math.min(12, budget),
    top: 3,
    baselines: DEFAULT_BASELINES,
  };
}

function useActivation(): (expression: string) => void {
  return (expression) => update({ hidden: state.value.hidden.map((h) => ({ ...h, activation: expression })) });
}

export function SearchPanel() {
  const [budget, setBudget] = useState(24);
  const [seeds, setSeeds] = useState(3);
  const [epochs, setEpochs] = useState(50);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [live, setLive] = useState<LiveCandidate[]>([]);
  const [board, setBoard] = useState<{ rows: readonly LeaderboardRow[]; conclusion: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const load = useActivation();

  useEffect(() => () => worker.current?.terminate(), []);

  const start = (): void => {
    worker.current?.terminate();
    const w = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setLive([]);
    setBoard(null);
    setError(null);
    setProgress(null);
    setRunning(true);
    w.onmessage = (ev: MessageEvent<FromSearchWorker>) => {
      const m = ev.data;
      if (m.type === 'progress') setProgress({ done: m.done, total: m.total });
      else if (m.type === 'candidate') setLive((l) => [...l, m.candidate]);
      else if (m.type === 'done') {
        setBoard({ rows: m.leaderboard, conclusion: m.conclusion });
        setRunning(false);
      } else if (m.type === 'stopped') setRunning(false);
      else if (m.type === 'error') {
        setError(m.message);
        setRunning(false);
      }
    };
    w.postMessage({ type: 'start', config: panelConfig(budget, seeds, epochs) });
  };
  const stop = (): void => worker.current?.postMessage({ type: 'stop' });

  const trained = live.filter((c) => c.mean !== null).sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  const rejected = live.filter((c) => c.status !== 'trained').length;
  const num = (id: string, label: string, value: number, set: (v: number) => void, min: number, max: number) => (
    <label class="search-field">
      {label}
      <input type="number" data-testid={`search-${id}`} min={min} max={max} value={value} disabled={running}
        onChange={(e) => set(Math.min(max, Math.max(min, Math.round(Number((e.target as HTMLInputElement).value) || min))))} />
    </label>
  );
  return (
    <section class="search-panel" data-testid="search-panel" aria-labelledby="search-heading">
      <h2 id="search-heading">{t('search.title')}</h2>
      <p class="search-hint">{t('search.hint')}</p>
      <div class="search-controls">
        {num('budget', t('search.budget'), budget, setBudget, 4, 200)}
        {num('seeds', t('search.seeds'), seeds, setSeeds, 2, 10)}
        {num('epochs', t('search.epochs'), epochs, setEpochs, 5, 500)}
        {running
          ? <button type="button" class="search-stop" onClick={stop}>{t('search.stop')}</button>
          : <button type="button" class="search-start" data-testid="search-start" onClick={start}>{t('search.start')}</button>}
        {progress && <span class="search-progress" role="status">{t('search.progress', { done: progress.done, total: progress.total, rejected })}</span>}
      </div>
      {error && <p class="search-error" role="alert">{error}</p>}
      {board && <p class="search-conclusion" data-testid="search-conclusion">{board.conclusion}</p>}
      {board ? (
        <table class="search-table">
          <thead><tr><th>{t('search.activation')}</th><th>{t('search.searchScore')}</th><th>{t('search.freshScore')}</th><th>{t('search.verdict')}</th></tr></thead>
          <tbody>
            {[...board.rows].sort((a, b) => b.confirm.mean - a.confirm.mean).map((r) => (
              <tr key={r.name} class={r.kind} data-testid="search-row" data-expression={r.expression} onClick={() => load(r.expression)} title={t('search.load')}>
                <td><code>{r.kind === 'baseline' ? r.name : r.expression}</code></td>
                <td>{f3(r.search.mean)}</td>
                <td>{f3(r.confirm.mean)} [{f3(r.confirm.low)}, {f3(r.confirm.high)}]</td>
                <td>{r.kind === 'baseline' ? t('search.baseline') : r.versus.every((v) => v.better) ? t('search.beats') : r.versus.some((v) => v.worse) ? t('search.worse') : t('search.noDifference')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : trained.length > 0 && (
        <table class="search-table">
          <thead><tr><th>{t('search.activation')}</th><th>{t('search.searchScore')}</th></tr></thead>
          <tbody>
            {trained.slice(0, 10).map((c) => (
              <tr key={c.index} onClick={() => load(c.expression)} title={t('search.load')}>
                <td><code>{c.expression}</code></td>
                <td>{f3(c.mean)} [{f3(c.low)}, {f3(c.high)}]</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Lessons as guided tours: choose a lesson, read its claim, walk through its steps (each can be applied to
 * the explorer), and run the lesson's measured experiment in a background worker to see its verdict,
 * criterion and chart. The tour and step live in the store (state.tour / state.tourStep), so the URL
 * remembers them.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TopLevelSpec } from 'vega-lite';
import { LESSON_TEXT } from '../../../src/lessons/text.js';
import type { Verdict } from '../../../src/lessons/lesson.js';
import { lang, t } from '../i18n/index.js';
import { history, modelLabels, pause, reset, setCheckpoint, snapshot, state, update } from '../state/store.js';
import { focusView } from '../state/viewFocus.js';
import { observe, stepFocus } from './tourFocus.js';
import { useThrottled } from '../views/throttle.js';
import { integerAxes, localizeDatasetNames, seconds } from './experimentFormat.js';
import type { LessonReply, LessonRequest } from './lessonRun.js';
import { localizeSvgRefs } from './svgRefs.js';
import { TOURS, clampStep, findTour, tourPatch, type Tour } from './tours.js';
import './tours.css';

type Result = Extract<LessonReply, { type: 'result' }>;

/** The experiment run in progress, if any. */
const pending = signal<{ id: string; runId: number; started: number } | null>(null);
/** Last outcome per lesson id: a result or an error message. */
const outcomes = signal<Readonly<Record<string, Result | { type: 'error'; message: string }>>>({});
/** Clock for the elapsed-time display (ticks while a run is pending). */
const clock = signal(0);
/** `${tour}:${step}` last applied, to acknowledge the click. */
const applied = signal<string | null>(null);

let worker: Worker | null = null;
let nextRunId = 1;
let ticker: ReturnType<typeof setInterval> | undefined;

function stopTicker(): void {
  clearInterval(ticker);
  ticker = undefined;
}

function finish(id: string, outcome: Result | { type: 'error'; message: string }): void {
  pending.value = null;
  stopTicker();
  outcomes.value = { ...outcomes.value, [id]: outcome };
}

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

/** Runs lesson `id`'s experiment (defaults, seeds from 1) in the lesson worker; a run in progress is abandoned. */
function runExperiment(id: string): void {
  if (pending.value) dropWorker();
  const runId = nextRunId++;
  try {
    if (!worker) {
      worker = new Worker(new URL('./lessonWorker.ts', import.meta.url), { type: 'module' });
    }
  } catch (e) {
    finish(id, { type: 'error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const w = worker;
  w.onmessage = (ev: MessageEvent<LessonReply>) => {
    const m = ev.data;
    if (!pending.value || m.runId !== pending.value.runId) return;
    finish(pending.value.id, m.type === 'result' ? m : { type: 'error', message: m.message });
  };
  w.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    const p = pending.value;
    dropWorker();
    if (p) finish(p.id, { type: 'error', message: ev.message || 'the experiment worker stopped' });
  };
  const started = performance.now();
  pending.value = { id, runId, started };
  clock.value = started;
  stopTicker();
  ticker = setInterval(() => (clock.value = performance.now()), 200);
  const req: LessonRequest = { type: 'run', runId, id, seed: 1, lang: lang.value };
  w.postMessage(req);
}

function cancelExperiment(): void {
  dropWorker();
  pending.value = null;
  stopTicker();
}

const VERDICT_KEY: Record<Verdict, string> = {
  holds: 'tours.verdict.holds',
  'does not hold': 'tours.verdict.doesNotHold',
  inconclusive: 'tours.verdict.inconclusive',
};

const VERDICT_CLASS: Record<Verdict, string> = {
  holds: 'holds',
  'does not hold': 'fails',
  inconclusive: 'unsure',
};

/** Renders a Vega-Lite spec as SVG (vega and vega-lite load on first use). */
function VegaChart({ spec }: { spec: TopLevelSpec }) {
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | { error: string }>('loading');
  useEffect(() => {
    let cancelled = false;
    let finalize: (() => void) | null = null;
    setStatus('loading');
    (async () => {
      const [{ View, parse }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
      if (cancelled || !ref.current) return;
      ref.current.textContent = '';
      const container = ref.current;
      // No hover: the chart is static, and a re-render would write page-address references again (svgRefs.ts).
      const view = new View(parse(compile(integerAxes(spec)).spec), { renderer: 'svg', container, hover: false });
      finalize = () => view.finalize();
      await view.runAsync();
      localizeSvgRefs(container);
      if (!cancelled) setStatus('ready');
    })().catch((e: unknown) => {
      if (!cancelled) setStatus({ error: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);
  return (
    <figure class="tour-chart" aria-label={t('tours.chart.label')}>
      {status === 'loading' && <p class="tour-muted">{t('tours.chart.loading')}</p>}
      {typeof status === 'object' && <p class="tour-error">{t('tours.chart.error', { message: status.error })}</p>}
      <div ref={ref} class="tour-chart-canvas" data-testid="tour-chart" />
    </figure>
  );
}

function Experiment({ tour }: { tour: Tour }) {
  const p = pending.value;
  const mine = p?.id === tour.id ? p : null;
  const outcome = outcomes.value[tour.id];
  const zh = lang.value === 'zh';
  return (
    <section class="tour-experiment" aria-live="polite" aria-busy={mine ? 'true' : 'false'}>
      <div class="tour-row">
        {mine ? (
          <>
            <span class="tour-spinner" aria-hidden="true" />
            <span data-testid="tour-running">{t('tours.running', { s: seconds(clock.value - mine.started) })}</span>
            <button type="button" onClick={cancelExperiment}>
              {t('tours.cancel')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="tour-run" onClick={() => runExperiment(tour.id)}>
            {outcome ? t('tours.run.again') : t('tours.run')}
          </button>
        )}
      </div>
      {!mine && !outcome && <p class="tour-muted tour-note">{t('tours.run.hint')}</p>}
      {!mine && outcome?.type === 'error' && (
        <p class="tour-error" role="alert" data-testid="tour-error">
          {t('tours.error', { message: outcome.message })}
        </p>
      )}
      {!mine && outcome?.type === 'result' && (
        <div class="tour-result">
          <p>
            {t('tours.verdict')}{' '}
            <strong class={`tour-verdict ${VERDICT_CLASS[outcome.verdict]}`} data-testid="tour-verdict" data-verdict={outcome.verdict}>
              {t(VERDICT_KEY[outcome.verdict])}
            </strong>
            <span class="tour-muted">
              {' · '}
              {outcome.tally
                ? t('tours.ranSeeds', { n: outcome.seeds.length, h: outcome.tally.holds, f: outcome.tally.doesNotHold, i: outcome.tally.inconclusive, s: seconds(outcome.ms) })
                : t('tours.ranIn', { s: seconds(outcome.ms) })}
            </span>
          </p>
          <p class="tour-criterion">
            <span class="tour-label">{t('tours.criterion')} </span>
            <span lang={zh ? 'zh' : 'en'} data-testid="tour-criterion">
              {outcome.criterion[zh ? 'zh' : 'en']}
            </span>
          </p>
          <VegaChart spec={outcome.chart} />
        </div>
      )}
    </section>
  );
}

/** The step's observation, in numbers from the run, once the checkpoint is reached (or at once without one). */
function StepObservation({ tour, step }: { tour: Tour; step: number }) {
  const focus = stepFocus(tour.id, step);
  // A few times a second is enough for words (the worker sends a snapshot every frame).
  const snap = useThrottled(snapshot, 250);
  const hist = useThrottled(history, 250);
  const epoch = snap?.epoch ?? 0;
  const reached = focus.checkpoint === undefined || epoch >= focus.checkpoint;
  const o = focus.observe && reached && snap ? observe(focus.observe, hist, snap.models, modelLabels.value) : null;
  return (
    <div class="tour-checkpoint" aria-live="polite">
      <p class="tour-watch">
        <button type="button" class="tour-link" data-testid="tour-watch" onClick={() => focusView(focus.view)}>
          {t('teach.watch', { view: t(`teach.tab.${focus.view}`) })}
        </button>
        {focus.checkpoint !== undefined && !reached && <span data-testid="tour-checkpoint"> · {t('teach.checkpoint', { n: focus.checkpoint })}</span>}
      </p>
      {o && (
        <p class="tour-observation" data-testid="tour-observation">
          {focus.checkpoint !== undefined && <b>{t('teach.checkpoint.reached', { n: focus.checkpoint })} </b>}
          {t(o.key, o.vars)}
        </p>
      )}
    </div>
  );
}

/** Sets the explorer up for step `step` of `tour` from fresh weights, and shows the view it talks about. */
export function enterStep(tour: Tour, step: number): void {
  const k = clampStep(tour, step);
  update({ ...tourPatch(tour, k), tour: tour.id, tourStep: k });
  reset();
  pause();
  const focus = stepFocus(tour.id, k);
  setCheckpoint(focus.checkpoint ?? null);
  applied.value = `${tour.id}:${k}`;
  focusView(focus.view);
}

export function TourPanel() {
  const st = state.value;
  const language = lang.value;
  const tour = findTour(st.tour);
  const step = tour ? clampStep(tour, st.tourStep) : 0;
  const text = tour ? LESSON_TEXT[tour.id] : null;

  const choose = (id: string) => {
    applied.value = null;
    const next = findTour(id);
    if (!next) {
      setCheckpoint(null);
      update({ tour: null, tourStep: 0 });
      return;
    }
    enterStep(next, 0);
  };
  const go = (k: number) => tour && enterStep(tour, k);
  // A lesson opened from a link: its settings came with the link; set the step's checkpoint too.
  useEffect(() => {
    if (!tour) return;
    const focus = stepFocus(tour.id, step);
    setCheckpoint(focus.checkpoint ?? null);
    focusView(focus.view);
  }, []);

  return (
    <section class="panel tour-panel" data-testid="tour-panel" aria-labelledby="tour-panel-title">
      <div class="tour-head">
        <h2 id="tour-panel-title" class="col-heading">
          {t('tours.title')}
        </h2>
        <label class="tour-select">
          <span class="visually-hidden">{t('tours.select.label')}</span>
          <select data-testid="tour-select" value={tour?.id ?? ''} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('tours.select.none')}</option>
            {TOURS.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {`${tr.number}. ${LESSON_TEXT[tr.id].title[language]}`}
              </option>
            ))}
          </select>
        </label>
        {tour ? (
          <button type="button" class="tour-link" data-testid="tour-close" onClick={() => choose('')}>
            {t('tours.close')}
          </button>
        ) : (
          <p class="tour-muted tour-intro">{t('tours.intro')}</p>
        )}
      </div>
      {tour && text && (
        <div class="tour-body">
          <div class="tour-main">
            <h3 class="tour-title" data-testid="tour-title">
              <span class="tour-muted">{t('tours.lessonNumber', { n: tour.number })} · </span>
              {text.title[language]}
            </h3>
            <p class="tour-claim">
              <span class="tour-label">{t('tours.claim')} </span>
              <span data-testid="tour-claim">{text.claim[language]}</span>
            </p>
            <div class="tour-step" aria-live="polite">
              <p class="tour-label" data-testid="tour-step-label">
                {t('tours.step', { k: step + 1, n: tour.steps.length })}
              </p>
              <p data-testid="tour-step-text">
                {language === 'zh' ? localizeDatasetNames(tour.steps[step].text.zh, (id) => t(`controls.dataset.${id}`)) : tour.steps[step].text.en}
              </p>
            </div>
            <StepObservation tour={tour} step={step} />
            <div class="tour-row">
              <button type="button" data-testid="tour-back" disabled={step === 0} onClick={() => go(step - 1)}>
                ← {t('tours.back')}
              </button>
              <button type="button" class="tour-primary" data-testid="tour-next" disabled={step >= tour.steps.length - 1} onClick={() => go(step + 1)}>
                {t('tours.next')} →
              </button>
              <button type="button" data-testid="tour-apply" title={t('teach.restart.hint')} onClick={() => go(step)}>
                ↺ {t('teach.restart')}
              </button>
            </div>
            <details class="tour-setup">
              <summary>{t('tours.setup')}</summary>
              <p>{text.setup[language]}</p>
            </details>
          </div>
          <Experiment tour={tour} />
        </div>
      )}
    </section>
  );
}

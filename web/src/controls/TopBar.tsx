/**
 * The top bar: title, play/pause, step, reset, the epoch counter, the training hyper-parameters, the
 * problem type, the language, and the current train/test loss (and accuracy for classification).
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import { customData, engineBackend, history, reset, running, snapshot, state, step, togglePlay, update } from '../state/store.js';
import type { Language, OptimizerChoice, ProblemType, Regularization } from '../state/types.js';
import { classCount, lossFor, normalizeState } from '../state/url.js';
import { SpeedControl, TrainToControl } from './PaceControls.js';
import { LEARNING_RATES, REG_RATES, datasetsOf, formatMetric, formatPercent, formatRate, withCurrent } from './options.js';

export function TopBar() {
  return (
    <header class="topbar">
      <div class="topbar-row">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            ƒ
          </span>
          {t('common.appTitle')}
        </h1>
        <PlayControls />
        <div class="pace-controls">
          <SpeedControl />
          <TrainToControl />
        </div>
        <Metrics />
        <LanguageSwitch />
      </div>
      <HyperParams />
    </header>
  );
}

const ICON_PATHS = {
  play: 'M8 5.5v13l11-6.5z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  step: 'M6 5.5v13l9-6.5zM16 5h2.5v14H16z',
  reset: 'M12 5a7 7 0 1 1-6.6 4.7l1.9.7A5 5 0 1 0 12 7v3L7.5 6 12 2z',
} as const;

/** A 24×24 icon of the run controls (drawn, so it needs no icon font). */
function Icon(props: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[props.name]} fill="currentColor" />
    </svg>
  );
}

function PlayControls() {
  const isRunning = running.value;
  const snap = snapshot.value;
  const epoch = snap?.epoch ?? 0;
  const eps = snap?.epochsPerSecond ?? 0;
  const playLabel = isRunning ? t('controls.top.pause') : t('controls.top.play');
  return (
    <div class="play-controls" role="group" aria-label={t('controls.top.trainingGroup')}>
      <button type="button" class="round-button" data-testid="reset" onClick={reset} aria-label={t('controls.top.reset')} title={t('controls.top.resetHint')}>
        <Icon name="reset" />
      </button>
      <button
        type="button"
        class={`round-button play-button${isRunning ? ' is-running' : ''}`}
        data-testid="play"
        aria-pressed={isRunning}
        onClick={togglePlay}
        aria-label={playLabel}
        title={`${playLabel} (${t('controls.top.spaceKey')})`}
      >
        <Icon name={isRunning ? 'pause' : 'play'} />
      </button>
      <button type="button" class="round-button" data-testid="step" onClick={step} aria-label={t('controls.top.step')} title={t('controls.top.stepHint')}>
        <Icon name="step" />
      </button>
      <div class="epoch">
        <span class="epoch-label">{t('controls.top.epoch')}</span>
        <span class="epoch-value" data-testid="epoch" aria-live="off">
          {epoch}
        </span>
        <span class="epoch-rate" data-testid="epoch-rate" data-backend={engineBackend.value?.name ?? ''} title={engineBackend.value ? t('controls.top.backend', { name: engineBackend.value.name }) : undefined}>
          {t('controls.top.epochsPerSecond', { n: Number.isFinite(eps) ? Math.round(eps) : 0 })}
        </span>
      </div>
    </div>
  );
}

function Metrics() {
  const last = history.value[0]?.at(-1) ?? null;
  const classification = state.value.problem === 'classification';
  return (
    <div class="metrics" aria-label={t('controls.metrics.label')}>
      <div class="metric">
        <span class="metric-label">{t('controls.metrics.trainLoss')}</span>
        <span class="metric-value" data-testid="train-loss">
          {formatMetric(last?.trainLoss)}
        </span>
        {classification && (
          <span class="metric-accuracy" data-testid="train-accuracy" title={t('controls.metrics.trainAccuracy')}>
            {formatPercent(last?.trainAccuracy)}
          </span>
        )}
      </div>
      <div class="metric">
        <span class="metric-label">{t('controls.metrics.testLoss')}</span>
        <span class="metric-value" data-testid="test-loss">
          {formatMetric(last?.testLoss)}
        </span>
        {classification && (
          <span class="metric-accuracy" data-testid="test-accuracy" title={t('controls.metrics.testAccuracy')}>
            {formatPercent(last?.testAccuracy)}
          </span>
        )}
      </div>
    </div>
  );
}

function LanguageSwitch() {
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('controls.top.language')}</span>
      <span aria-hidden="true" class="lang-icon">
        文A
      </span>
      <select data-testid="lang" value={state.value.lang} onChange={(e) => update({ lang: e.currentTarget.value as Language })}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );
}

/** A labelled select of the top bar. */
function Field(props: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

function HyperParams() {
  const s = state.value;
  const cd = customData.value;
  const classes = classCount(s.dataset, cd);
  const lossKind = s.loss === 'mse' ? 'mse' : 'ce';
  const setProblem = (problem: ProblemType): void => {
    if (problem === s.problem) return;
    const dataset = cd !== null && cd.task === problem ? 'custom' : datasetsOf(problem)[0];
    const next = normalizeState({ ...s, problem, dataset, loss: problem === 'regression' ? 'mse' : 'binary_crossentropy' }, cd);
    update(next);
  };
  return (
    <div class="topbar-row hyper" role="group" aria-label={t('controls.top.hyperGroup')}>
      <Field id="ctl-learning-rate" label={t('controls.top.learningRate')}>
        <select id="ctl-learning-rate" data-testid="learning-rate" value={String(s.learningRate)} onChange={(e) => update({ learningRate: Number(e.currentTarget.value) })}>
          {withCurrent(LEARNING_RATES, s.learningRate).map((v) => (
            <option key={v} value={String(v)}>
              {formatRate(v)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ctl-optimizer" label={t('controls.top.optimizer')}>
        <select id="ctl-optimizer" data-testid="optimizer" value={s.optimizer} onChange={(e) => update({ optimizer: e.currentTarget.value as OptimizerChoice })}>
          <option value="sgd">{t('controls.optimizer.sgd')}</option>
          <option value="momentum">{t('controls.optimizer.momentum')}</option>
          <option value="adam">{t('controls.optimizer.adam')}</option>
        </select>
      </Field>
      <Field id="ctl-loss" label={t('controls.top.loss')}>
        <select id="ctl-loss" data-testid="loss" value={lossKind} onChange={(e) => update({ loss: lossFor(e.currentTarget.value === 'mse' ? 'mse' : 'ce', classes) })}>
          <option value="mse">{t('controls.loss.mse')}</option>
          <option value="ce" disabled={classes === 0}>
            {t('controls.loss.ce')}
          </option>
        </select>
      </Field>
      <Field id="ctl-regularization" label={t('controls.top.regularization')}>
        <select id="ctl-regularization" data-testid="regularization" value={s.regularization} onChange={(e) => update({ regularization: e.currentTarget.value as Regularization })}>
          <option value="none">{t('controls.reg.none')}</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
        </select>
      </Field>
      <Field id="ctl-reg-rate" label={t('controls.top.regRate')}>
        <select id="ctl-reg-rate" data-testid="reg-rate" value={String(s.regRate)} onChange={(e) => update({ regRate: Number(e.currentTarget.value) })}>
          {withCurrent(REG_RATES, s.regRate).map((v) => (
            <option key={v} value={String(v)}>
              {formatRate(v)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ctl-problem" label={t('controls.top.problem')}>
        <select id="ctl-problem" data-testid="problem" value={s.problem} onChange={(e) => setProblem(e.currentTarget.value as ProblemType)}>
          <option value="classification">{t('controls.problem.classification')}</option>
          <option value="regression">{t('controls.problem.regression')}</option>
        </select>
      </Field>
    </div>
  );
}

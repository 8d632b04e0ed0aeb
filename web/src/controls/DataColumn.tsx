/**
 * The DATA column: which data set (thumbnails), noise, training ratio, batch size, number of points,
 * Regenerate, what the plane shows, CSV upload, and click-to-add points.
 */
import { useState } from 'preact/hooks';
import { CsvImportError, importCsv } from '../data/csv.js';
import { applyCustomData, csvFile, thinnedFrom } from '../data/points.js';
import { className, lang, t } from '../i18n/index.js';
import { clickMode, customData, dataInfo, regenerate, state, update } from '../state/store.js';
import { LIMITS } from '../state/types.js';
import { customDataFitsUrl } from '../state/url.js';
import { DatasetThumbs } from './DatasetThumbs.js';
import { NOISE_STEP, POINT_COUNTS, RATIO_STEP, REGRESSION_CLICK_VALUES, groupDigits, withCurrent } from './options.js';

/** A labelled range input whose value shows beside the label. */
function Slider(props: { id: string; label: string; min: number; max: number; step: number; value: number; shown: string; onInput(v: number): void }) {
  return (
    <div class="slider">
      <label for={props.id}>
        {props.label}
        <output for={props.id}>{props.shown}</output>
      </label>
      <input
        id={props.id}
        data-testid={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onInput={(e) => props.onInput(Number(e.currentTarget.value))}
      />
    </div>
  );
}

export function DataColumn() {
  const s = state.value;
  const custom = s.dataset === 'custom';
  return (
    <section class="panel col-data" aria-labelledby="data-heading">
      <h2 id="data-heading" class="col-heading">
        {t('controls.data.heading')}
      </h2>
      <p class="hint">{t('controls.data.which')}</p>
      <DatasetThumbs />
      <CustomInfo />
      <Slider
        id="train-ratio"
        label={t('controls.data.trainRatio')}
        min={10}
        max={90}
        step={RATIO_STEP}
        value={s.trainRatio}
        shown={`${s.trainRatio}%`}
        onInput={(v) => update({ trainRatio: v })}
      />
      <Slider id="noise" label={t('controls.data.noise')} min={0} max={50} step={NOISE_STEP} value={s.noise} shown={String(s.noise)} onInput={(v) => update({ noise: v })} />
      <Slider id="batch-size" label={t('controls.data.batchSize')} min={1} max={30} step={1} value={s.batchSize} shown={String(s.batchSize)} onInput={(v) => update({ batchSize: v })} />
      <div class="field">
        <label for="ctl-points">{t('controls.data.points')}</label>
        <select id="ctl-points" data-testid="points" value={String(s.points)} disabled={custom} onChange={(e) => update({ points: Number(e.currentTarget.value) })}>
          {withCurrent(POINT_COUNTS, s.points).map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button" data-testid="regenerate" onClick={regenerate} title={t('controls.data.regenerateHint')}>
        {t('controls.data.regenerate')}
      </button>
      <div class="checks">
        <label class="check">
          <input type="checkbox" data-testid="show-test" checked={s.showTest} onChange={(e) => update({ showTest: e.currentTarget.checked })} />
          {t('controls.data.showTest')}
        </label>
        <label class="check">
          <input type="checkbox" data-testid="discretize" checked={s.discretize} onChange={(e) => update({ discretize: e.currentTarget.checked })} />
          {t('controls.data.discretize')}
        </label>
      </div>
      <CsvUpload />
      <ClickMode />
    </section>
  );
}

/** What the custom set is, which columns the plane draws, and whether the link carries it. */
function CustomInfo() {
  const s = state.value;
  const cd = customData.value;
  if (s.dataset !== 'custom' || cd === null) return null;
  const d = cd.featureNames.length;
  const thinned = thinnedFrom(cd);
  const setColumn = (axis: 0 | 1, column: number): void => {
    const planeColumns: [number, number] = [...cd.planeColumns];
    planeColumns[axis] = column;
    applyCustomData({ ...cd, planeColumns });
  };
  return (
    <div class="custom-info">
      <p class="hint">{t('controls.data.customSource', { source: cd.source === 'clicked' ? t('controls.data.clicked') : cd.source, n: cd.y.length, d })}</p>
      {thinned !== null && (
        <p class="hint warn" data-testid="csv-thinned">
          {t('controls.csv.thinned', { rows: groupDigits(thinned), kept: groupDigits(cd.y.length) })}
        </p>
      )}
      {d > 2 && (
        <div class="plane-columns">
          {([0, 1] as const).map((axis) => (
            <div class="field" key={axis}>
              <label for={`plane-${axis === 0 ? 'x' : 'y'}`}>{t(axis === 0 ? 'controls.data.planeX' : 'controls.data.planeY')}</label>
              <select
                id={`plane-${axis === 0 ? 'x' : 'y'}`}
                data-testid={`plane-${axis === 0 ? 'x' : 'y'}`}
                value={String(cd.planeColumns[axis])}
                onChange={(e) => setColumn(axis, Number(e.currentTarget.value))}
              >
                {cd.featureNames.map((name, j) => (
                  <option key={j} value={String(j)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      )}
      {!customDataFitsUrl(cd) && <p class="hint warn">{t('controls.data.notInLink', { n: cd.y.length })}</p>}
      <button type="button" class="button subtle" data-testid="custom-clear" onClick={() => applyCustomData(null)}>
        {t('controls.data.customClear')}
      </button>
    </div>
  );
}

function CsvUpload() {
  // The error is kept as data and worded at render time, so switching language re-words it.
  const [error, setError] = useState<{ binary: boolean; name: string; detail: string } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    setFileName(file.name);
    try {
      const { data, fileRows } = importCsv(await file.text(), file.name);
      setError(null);
      csvFile.value = { source: data.source, rows: fileRows, kept: data.y.length };
      applyCustomData(data);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setError({ binary: e instanceof CsvImportError && e.code === 'binary', name: file.name, detail: message.replace(/\s+/g, ' ').trim() });
    } finally {
      input.value = '';
    }
  };
  const cd = customData.value;
  const thinned = thinnedFrom(cd);
  return (
    <div class="csv">
      <span class="field-label" id="csv-heading">
        {t('controls.csv.label')}
      </span>
      <div class="csv-pick">
        <input
          id="csv-upload"
          class="visually-hidden csv-input"
          data-testid="csv-upload"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-labelledby="csv-heading"
          aria-describedby="csv-help"
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <label for="csv-upload" class="button subtle csv-button">
          {t('controls.csv.choose')}
        </label>
        <span class="csv-file" data-testid="csv-file-name">
          {fileName ?? t('controls.csv.noFile')}
        </span>
      </div>
      <p id="csv-help" class="hint">
        {t('controls.csv.help', { max: LIMITS.maxPoints })}
      </p>
      {error !== null && (
        <p class="inline-error" data-testid="csv-error" role="alert">
          {error.binary ? (
            t('controls.csv.error', { message: t('controls.csv.binary', { name: error.name }) })
          ) : (
            <>
              {t('controls.csv.error', { message: '' })}
              {/* The parser's message names the row and column precisely; it is English, so Chinese readers get a note. */}
              <span lang="en">{error.detail}</span>
              {lang.value === 'zh' ? ` ${t('controls.csv.detailEnglish')}` : ''}
            </>
          )}
        </p>
      )}
      {error === null && thinned !== null && cd !== null && fileName === cd.source && (
        <p class="hint" role="status">
          {t('controls.csv.thinned', { rows: groupDigits(thinned), kept: groupDigits(cd.y.length) })}
        </p>
      )}
    </div>
  );
}

/** Encodes the click mode for the select: off, c<class>, v<value>, remove. */
function modeValue(mode: number | 'remove' | null, classification: boolean): string {
  if (mode === null) return 'off';
  if (mode === 'remove') return 'remove';
  return `${classification ? 'c' : 'v'}${mode}`;
}

function ClickMode() {
  const s = state.value;
  const info = dataInfo.value;
  const classification = s.problem === 'classification';
  const k = classification ? Math.max(2, info?.numClasses ?? 2) : 0;
  const names = info?.classNames ?? [];
  const onChange = (v: string): void => {
    if (v === 'off') clickMode.value = null;
    else if (v === 'remove') clickMode.value = 'remove';
    else {
      const n = Number(v.slice(1));
      clickMode.value = Number.isFinite(n) ? n : null;
    }
  };
  return (
    <div class="field">
      <label for="click-mode">{t('controls.click.label')}</label>
      <select id="click-mode" data-testid="click-mode" value={modeValue(clickMode.value, classification)} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="off">{t('controls.click.off')}</option>
        {classification
          ? Array.from({ length: k }, (_, c) => (
              <option key={c} value={`c${c}`}>
                {t('controls.click.addClass', { name: names[c] !== undefined && names[c] !== String(c) ? `${c} (${className(names[c])})` : String(c) })}
              </option>
            ))
          : REGRESSION_CLICK_VALUES.map((v) => (
              <option key={v} value={`v${v}`}>
                {t('controls.click.addValue', { value: v })}
              </option>
            ))}
        <option value="remove">{t('controls.click.remove')}</option>
      </select>
      {clickMode.value !== null && <p class="hint">{t('controls.click.hint')}</p>}
    </div>
  );
}

/**
 * Live charts with uPlot: loss (and accuracy) per epoch, per-layer gradient norms with unit health, and
 * activation histograms. Charts are built when their series change and fed with setData at most ~10 times a
 * second, never per frame.
 */
import { useComputed } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { EpochPoint, Histogram } from '../engine/protocol.js';
import { t } from '../i18n/index.js';
import './views.css';
import { dataInfo, history, modelLabels, snapshot } from '../state/store.js';
import { alignedColumns, axisWidth, compactTick, latestValue, type SeriesSource } from './chartData.js';
import { formatValue } from './inspect.js';
import { seriesColor } from './palette.js';
import { fitCanvas, throttledEffect, watchVisibility } from './throttle.js';
import { healthKind } from './health.js';

const HEIGHT = 160;
/** Minimum time between two chart updates (at most 5 a second: the worker sends a snapshot every frame). */
const CHART_MS = 200;
/** A chart waits this many times its own last drawing time between updates (so each takes at most ~5% of the main thread). */
const CHART_SHARE = 20;

/** One uPlot series with the function that reads its values. */
interface Line {
  label: string;
  stroke: string;
  dash?: number[];
  width?: number;
  scale?: string;
  source: SeriesSource;
}

/**
 * Mounts a uPlot chart in `host` for `lines` (rebuilt when `key` changes), keeps it as wide as its host, and
 * feeds it from the history at most every CHART_MS while it is on screen.
 */
function useLiveChart(host: { current: HTMLDivElement | null }, key: string, build: () => { lines: Line[]; scales: uPlot.Scales; axes: uPlot.Axis[] } | null): void {
  useEffect(() => {
    const el = host.current;
    const spec = build();
    if (!el || !spec) return;
    const width = Math.max(240, el.clientWidth || 360);
    const opts: uPlot.Options = {
      width,
      height: HEIGHT,
      scales: { x: { time: false }, ...spec.scales },
      axes: spec.axes,
      legend: { show: spec.lines.length <= 4, live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: t('views.charts.epoch'), value: legendValue((v) => String(Math.round(v))) },
        ...spec.lines.map((l) => ({
          label: l.label,
          stroke: l.stroke,
          dash: l.dash,
          width: l.width ?? 1.5,
          scale: l.scale ?? 'y',
          spanGaps: true,
          points: { show: false },
          value: legendValue(compactTick),
        })),
      ],
    };
    const sources = spec.lines.map((l) => l.source);
    const plot = new uPlot(opts, alignedColumns(history.peek(), sources) as uPlot.AlignedData, el);
    // Fed at most every CHART_MS, and only while on screen (catching up when it scrolls into view).
    let stale = false;
    let cost = 0;
    const feed = (): void => {
      if (!seen.visible()) {
        stale = true;
        return;
      }
      stale = false;
      const t0 = performance.now();
      plot.setData(alignedColumns(history.peek(), sources) as uPlot.AlignedData);
      // uPlot redraws in a microtask queued by setData; this one runs after it.
      queueMicrotask(() => {
        cost = 0.7 * cost + 0.3 * (performance.now() - t0);
      });
    };
    const seen = watchVisibility(el, () => {
      if (stale) feed();
    });
    const stop = throttledEffect(() => void history.value, feed, () => Math.max(CHART_MS, cost * CHART_SHARE));
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      const w = Math.max(240, el.clientWidth);
      if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: HEIGHT });
    });
    ro?.observe(el);
    return () => {
      stop();
      seen.dispose();
      ro?.disconnect();
      plot.destroy();
    };
  }, [key]);
}

/** A compact key: one colour per model or layer, then the line styles (used when uPlot's own legend would be too long). */
function ChartKey({ colors, styles }: { colors: string[]; styles: Array<{ label: string; style: 'solid' | 'dashed' | 'dotted' }> }) {
  return (
    <ul class="chart-legend">
      {colors.map((l, k) => (
        <li key={`c${k}`}>
          <span class="legend-line" style={{ background: seriesColor(k) }} /> {l}
        </li>
      ))}
      {styles.map((s) => (
        <li key={s.label}>
          <span class={`legend-style ${s.style}`} /> {s.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A legend value: the hovered epoch's, or the latest epoch's while nothing is hovered (never uPlot's "--").
 */
function legendValue(format: (v: number) => string): (u: uPlot, raw: number | null, sidx: number, idx: number | null) => string {
  return (u, raw, sidx, idx) => {
    const v = idx === null ? latestValue(u.data[sidx] ?? []) : raw;
    return v === null || v === undefined || !Number.isFinite(v) ? '' : format(v);
  };
}

/**
 * On a log axis spanning two decades or more, ticks and grid lines only at powers of ten (uPlot also draws
 * 2…9 × 10ⁿ, which packs into grey bands); within a narrower span, every split.
 */
function decadeSplits(_u: uPlot, splits: number[]): (number | null)[] {
  const decade = (v: number): boolean => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
  return splits.filter(decade).length >= 2 ? splits.map((v) => (decade(v) ? v : null)) : splits;
}

/** A y axis with compact ticks (1, 0.1, 0.01, 1e-3, …) and room for them beside its title. */
const valueAxis = (label: string, scale = 'y', side?: number, log = false): uPlot.Axis => ({
  scale,
  label,
  ...(log ? { filter: decadeSplits, grid: { filter: decadeSplits }, ticks: { filter: decadeSplits } } : {}),
  ...(side === undefined ? {} : { side, grid: { show: false } }),
  labelSize: 18,
  values: (_u, vals) => vals.map((v) => (v == null ? '' : compactTick(v))),
  size: (_u, values) => axisWidth(values ?? [], true),
});

/** Train and test loss per epoch (and accuracy for classification); one colour per model in compare mode. */
export function LossChart() {
  const host = useRef<HTMLDivElement>(null);
  const [log, setLog] = useState(true);
  const labels = modelLabels.value;
  const task = useComputed(() => dataInfo.value?.task ?? 'classification').value;
  const key = `${labels.join('\u0001')}|${task}|${log}|${t('views.charts.train')}`;
  useLiveChart(host, key, () => {
    const names = labels.length > 0 ? labels : [''];
    const compare = names.length > 1;
    const lines: Line[] = [];
    names.forEach((name, k) => {
      const c = seriesColor(k);
      const pre = compare ? `${name} · ` : '';
      lines.push({ label: `${pre}${t('views.charts.trainLoss')}`, stroke: c, source: { model: k, read: (p) => p.trainLoss, log } });
      lines.push({ label: `${pre}${t('views.charts.testLoss')}`, stroke: c, dash: [6, 4], source: { model: k, read: (p) => p.testLoss, log } });
      if (task === 'classification') {
        lines.push({ label: `${pre}${t('views.charts.trainAcc')}`, stroke: c, width: 1, dash: [1, 3], scale: 'acc', source: { model: k, read: (p) => p.trainAccuracy, log: false } });
        lines.push({ label: `${pre}${t('views.charts.testAcc')}`, stroke: c, width: 1, dash: [8, 3, 1, 3], scale: 'acc', source: { model: k, read: (p) => p.testAccuracy, log: false } });
      }
    });
    const scales: uPlot.Scales = { y: log ? { distr: 3 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } };
    const axes: uPlot.Axis[] = [{ label: t('views.charts.epoch') }, valueAxis(t('views.charts.loss'), 'y', undefined, log)];
    if (task === 'classification') {
      scales.acc = { range: [0, 1] };
      axes.push(valueAxis(t('views.charts.accuracy'), 'acc', 1));
    }
    return { lines, scales, axes };
  });
  return (
    <section class="chart" aria-label={t('views.charts.lossTitle')}>
      <div class="chart-head">
        <h2 class="view-title">{t('views.charts.lossTitle')}</h2>
        <label>
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} /> {t('views.charts.logScale')}
        </label>
      </div>
      <div class="chart-host" data-testid="loss-chart" ref={host} role="img" aria-label={t('views.charts.lossAria')} />
      {labels.length > 1 && (
        <ChartKey
          colors={labels}
          styles={[
            { label: t('views.charts.trainLoss'), style: 'solid' },
            { label: t('views.charts.testLoss'), style: 'dashed' },
            ...(task === 'classification' ? [{ label: t('views.charts.accuracyKey'), style: 'dotted' as const }] : []),
          ]}
        />
      )}
    </section>
  );
}

/** Per-layer gradient norms (log axis) and dead/saturated fractions per hidden layer. */
export function GradientChart() {
  const gradHost = useRef<HTMLDivElement>(null);
  const healthHost = useRef<HTMLDivElement>(null);
  const labels = modelLabels.value;
  const [model, setModel] = useState(0);
  const m = Math.min(model, Math.max(0, labels.length - 1));
  const layers = useComputed(() => snapshot.value?.models[0]?.layers.length ?? 0).value;
  const actKey = useComputed(() => (snapshot.value?.models[m]?.layers ?? []).map((l) => l.activation ?? '').join('\u0001')).value;
  const kinds = actKey.split('\u0001').map((a) => healthKind(a || null));
  const key = `${m}|${layers}|${labels.length}|${actKey}|${t('views.charts.output')}`;
  const layerName = (l: number): string => (l === layers - 1 ? t('views.charts.output') : t('views.charts.layer', { l: l + 1 }));
  useLiveChart(gradHost, `g${key}`, () => {
    if (layers === 0) return null;
    const lines: Line[] = Array.from({ length: layers }, (_, l) => ({
      label: layerName(l),
      stroke: seriesColor(l),
      source: { model: m, read: (p: EpochPoint) => p.gradNorms[l], log: true },
    }));
    return { lines, scales: { y: { distr: 3 } }, axes: [{ label: t('views.charts.epoch') }, valueAxis(t('views.charts.gradNorm'), 'y', undefined, true)] };
  });
  useLiveChart(healthHost, `h${key}`, () => {
    if (layers <= 1) return null;
    const lines: Line[] = [];
    // Only the words that apply: dead for ReLU-like layers, saturated for bounded ones, neither for a step.
    for (let l = 0; l < layers - 1; l++) {
      const k = kinds[l];
      if (k?.canDie) lines.push({ label: `${layerName(l)} · ${t('views.network.dead')}`, stroke: seriesColor(l), width: 2.5, source: { model: m, read: (p: EpochPoint) => p.deadFractions[l], log: false } });
      if (k?.canSaturate) lines.push({ label: `${layerName(l)} · ${t('views.network.saturated')}`, stroke: seriesColor(l), width: 2.5, dash: [5, 4], source: { model: m, read: (p: EpochPoint) => p.saturatedFractions[l], log: false } });
    }
    if (lines.length === 0) return null;
    // A little room below 0 and above 1, so a line at 0 is seen above the axis, not on it.
    return { lines, scales: { y: { range: [-0.05, 1.05] } }, axes: [{ label: t('views.charts.epoch') }, valueAxis(t('views.charts.fraction'))] };
  });
  return (
    <section class="chart" aria-label={t('views.charts.gradTitle')}>
      <div class="chart-head">
        <h2 class="view-title">{t('views.charts.gradTitle')}</h2>
        {labels.length > 1 && (
          <label>
            {t('views.charts.model')}{' '}
            <select value={m} onChange={(e) => setModel(Number(e.currentTarget.value))}>
              {labels.map((l, i) => (
                <option key={i} value={i}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div class="chart-host" data-testid="gradient-chart" ref={gradHost} role="img" aria-label={t('views.charts.gradAria')} />
      {layers > 4 && <ChartKey colors={Array.from({ length: layers }, (_, l) => layerName(l))} styles={[]} />}
      <h3 class="chart-sub">{t('views.charts.healthTitle')}</h3>
      {kinds.slice(0, Math.max(0, layers - 1)).some((k) => k.canDie || k.canSaturate) ? (
        <div class="chart-host" data-testid="health-chart" ref={healthHost} role="img" aria-label={t('views.charts.healthAria')} />
      ) : (
        <p class="view-hint" data-testid="health-none">
          {kinds.some((k) => k.zeroGradient) ? t('teach.health.stepOnly') : t('teach.health.noneApply')}
        </p>
      )}
      {layers > 3 && (
        <ChartKey
          colors={Array.from({ length: layers - 1 }, (_, l) => layerName(l))}
          styles={[
            { label: t('views.network.dead'), style: 'solid' },
            { label: t('views.network.saturated'), style: 'dashed' },
          ]}
        />
      )}
    </section>
  );
}

const HIST_H = 84;

/** Draws one histogram as bars with its range underneath, as wide as its box. */
function drawHistogram(canvas: HTMLCanvasElement, edges: Float32Array, counts: Float32Array, color: string): void {
  const HIST_W = Math.max(140, canvas.clientWidth || canvas.parentElement?.clientWidth || 280);
  const ctx = fitCanvas(canvas, HIST_W, HIST_H);
  if (!ctx) return;
  ctx.clearRect(0, 0, HIST_W, HIST_H);
  const n = counts.length;
  if (n === 0 || edges.length < n + 1) return;
  let max = 0;
  for (let i = 0; i < n; i++) if (counts[i] > max) max = counts[i];
  if (!(max > 0)) return;
  const lo = edges[0];
  const hi = edges[n];
  const span = hi - lo || 1;
  const plotH = HIST_H - 14;
  ctx.fillStyle = color;
  for (let i = 0; i < n; i++) {
    const x0 = ((edges[i] - lo) / span) * HIST_W;
    const x1 = ((edges[i + 1] - lo) / span) * HIST_W;
    const h = (counts[i] / max) * plotH;
    ctx.fillRect(x0, plotH - h, Math.max(1, x1 - x0 - 0.5), h);
  }
  ctx.fillStyle = '#555';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(formatValue(lo), 1, HIST_H - 2);
  ctx.textAlign = 'right';
  ctx.fillText(formatValue(hi), HIST_W - 1, HIST_H - 2);
  if (lo < 0 && hi > 0) {
    const x = (-lo / span) * HIST_W;
    ctx.fillStyle = '#999';
    ctx.fillRect(x, 0, 1, plotH);
  }
}

/** Histograms of each hidden layer's outputs a = f(z) (or pre-activations z) on the training data. */
export function Histograms() {
  const [showZ, setShowZ] = useState(false);
  const count = useComputed(() => snapshot.value?.models[0]?.histograms.length ?? 0).value;
  const acts = useComputed(() => (snapshot.value?.models[0]?.layers ?? []).map((l) => l.activation ?? '').join('\u0001')).value.split('\u0001');
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let stale = false;
    const draw = (): void => {
      if (!seen.visible()) {
        stale = true;
        return;
      }
      stale = false;
      const hs: Histogram[] = snapshot.peek()?.models[0]?.histograms ?? [];
      hs.forEach((h, l) => {
        const c = canvases.current[l];
        if (c) drawHistogram(c, showZ ? h.zEdges : h.edges, showZ ? h.zCounts : h.counts, seriesColor(l));
      });
    };
    const seen = watchVisibility(el, () => {
      if (stale) draw();
    });
    const stop = throttledEffect(() => void snapshot.value, draw, CHART_MS);
    return () => {
      stop();
      seen.dispose();
    };
  }, [count, showZ]);
  return (
    <section class="chart histograms" data-testid="histograms" ref={root} aria-label={t('views.hist.title')}>
      <div class="chart-head">
        <h2 class="view-title">{t('views.hist.title')}</h2>
        <label>
          <input type="checkbox" checked={showZ} onChange={(e) => setShowZ(e.currentTarget.checked)} /> {t('views.hist.showZ')}
        </label>
      </div>
      {count === 0 ? (
        <p class="view-hint">{t('views.hist.none')}</p>
      ) : (
        <div class="hist-grid">
          {Array.from({ length: count }, (_, l) => (
            <figure key={l} class="hist">
              <canvas
                ref={(el) => {
                canvases.current[l] = el;
              }}
                style={{ width: '100%', height: `${HIST_H}px` }}
                role="img"
                aria-label={t('views.hist.aria', { l: l + 1, what: showZ ? 'z' : 'a = f(z)' })}
              />
              <figcaption>
                {t('views.charts.layer', { l: l + 1 })} · {acts[l] ?? ''} · {showZ ? 'z' : 'a'}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}

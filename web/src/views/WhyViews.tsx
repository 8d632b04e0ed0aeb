/**
 * The "why" views: each hidden layer's activation f and its slope f′ drawn with the live distribution of
 * its pre-activations z on the training data underneath (so saturation, dead zones and vanishing slopes
 * are seen where the gradient comes from), the share of zero outputs per layer (ReLU's sparsity), the
 * mean slope a gradient is multiplied by, and for a network of linear activations the one matrix it
 * collapses to, with its single decision line.
 */
import { useComputed } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { resolveActivation } from '../../../src/activations/resolve.js';
import type { Activation } from '../../../src/activations/activation.js';
import type { Histogram, LayerParams } from '../engine/protocol.js';
import { t } from '../i18n/index.js';
import { dataInfo, snapshot, state } from '../state/store.js';
import { Histograms } from './Charts.js';
import { formatValue, linkOfLoss } from './inspect.js';
import { seriesColor } from './palette.js';
import { fitCanvas, throttledEffect, watchVisibility } from './throttle.js';
import { collapseLinear, meanSlope } from './why.js';
import './views.css';

const PLOT_H = 96;
const REDRAW_MS = 150;
/** The x range always covers [-X_MIN, X_MIN], so a narrow z distribution is seen against the whole curve. */
const X_MIN = 4;

function activationOf(key: string | null): Activation | null {
  if (!key) return null;
  try {
    return resolveActivation(key);
  } catch {
    return null;
  }
}

/** Draws f (solid), f′ (dashed) and the z histogram (grey bars) of one layer. */
export function drawZPlot(canvas: HTMLCanvasElement, width: number, act: Activation | null, h: Histogram | undefined, color: string): void {
  const ctx = fitCanvas(canvas, width, PLOT_H);
  if (!ctx) return;
  ctx.clearRect(0, 0, width, PLOT_H);
  const zLo = h && h.zEdges.length > 0 ? h.zEdges[0] : -X_MIN;
  const zHi = h && h.zEdges.length > 0 ? h.zEdges[h.zEdges.length - 1] : X_MIN;
  const lo = Math.min(-X_MIN, zLo);
  const hi = Math.max(X_MIN, zHi);
  const span = hi - lo || 1;
  const padB = 13;
  const plotH = PLOT_H - padB;
  const X = (x: number): number => ((x - lo) / span) * width;
  // z histogram.
  if (h) {
    let max = 0;
    for (let i = 0; i < h.zCounts.length; i++) max = Math.max(max, h.zCounts[i]);
    if (max > 0) {
      ctx.fillStyle = 'rgba(110, 120, 130, 0.32)';
      for (let i = 0; i < h.zCounts.length; i++) {
        const x0 = X(h.zEdges[i]);
        const x1 = X(h.zEdges[i + 1]);
        const bh = (h.zCounts[i] / max) * plotH * 0.9;
        ctx.fillRect(x0, plotH - bh, Math.max(1, x1 - x0 - 0.5), bh);
      }
    }
  }
  // f and f′ on one shared y scale.
  if (act) {
    const n = Math.max(60, Math.round(width / 2));
    const xs = Array.from({ length: n + 1 }, (_, i) => lo + (span * i) / n);
    const fs = xs.map((x) => act.f(x));
    const ds = xs.map((x) => act.df(x));
    const finite = [...fs, ...ds].filter((v) => Number.isFinite(v));
    let yLo = Math.min(0, ...finite);
    let yHi = Math.max(1, ...finite);
    // Unbounded activations: clip the y range to a readable window.
    yLo = Math.max(yLo, -X_MIN - 1);
    yHi = Math.min(yHi, X_MIN + 1);
    const Y = (y: number): number => plotH - 2 - ((y - yLo) / (yHi - yLo || 1)) * (plotH - 6);
    ctx.strokeStyle = '#bbb';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, Y(0));
    ctx.lineTo(width, Y(0));
    ctx.moveTo(X(0), 0);
    ctx.lineTo(X(0), plotH);
    ctx.stroke();
    const line = (vs: number[], stroke: string, dash: number[]): void => {
      ctx.strokeStyle = stroke;
      ctx.setLineDash(dash);
      ctx.lineWidth = 2;
      ctx.beginPath();
      let pen = false;
      vs.forEach((v, i) => {
        if (!Number.isFinite(v)) {
          pen = false;
          return;
        }
        const y = Math.min(plotH + 4, Math.max(-4, Y(v)));
        if (pen) ctx.lineTo(X(xs[i]), y);
        else ctx.moveTo(X(xs[i]), y);
        pen = true;
      });
      ctx.stroke();
      ctx.setLineDash([]);
    };
    line(fs, color, []);
    line(ds, '#c0392b', [5, 3]);
  }
  ctx.fillStyle = '#555';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(`z = ${formatValue(lo)}`, 1, PLOT_H - 2);
  ctx.textAlign = 'right';
  ctx.fillText(formatValue(hi), width - 1, PLOT_H - 2);
}

/** Per hidden layer: f and f′ over the layer's live z distribution, its zero-output share and mean slope. */
export function ZPlots() {
  const acts = useComputed(() => (snapshot.value?.models[0]?.layers ?? []).slice(0, -1).map((l) => l.activation ?? '').join('\u0001')).value;
  const keys = acts === '' ? [] : acts.split('\u0001');
  const root = useRef<HTMLDivElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const stats = useRef<(HTMLSpanElement | null)[]>([]);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const resolved = keys.map((k) => activationOf(k));
    let stale = false;
    const draw = (): void => {
      if (!seen.visible()) {
        stale = true;
        return;
      }
      stale = false;
      const hs = snapshot.peek()?.models[0]?.histograms ?? [];
      resolved.forEach((act, l) => {
        const c = canvases.current[l];
        if (c) drawZPlot(c, Math.max(160, c.parentElement?.clientWidth ?? 260), act, hs[l], seriesColor(l));
        const s = stats.current[l];
        const h = hs[l];
        if (s && h) {
          const slope = act ? meanSlope((x) => act.df(x), h.zEdges, h.zCounts) : 0;
          s.textContent = t('teach.why.stats', { zeros: `${Math.round(h.zeroFraction * 100)}%`, slope: formatValue(slope) });
          s.dataset.zeros = String(h.zeroFraction);
          s.dataset.slope = String(slope);
        }
      });
    };
    const seen = watchVisibility(el, () => {
      if (stale) draw();
    });
    const stop = throttledEffect(() => void snapshot.value, draw, REDRAW_MS);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => draw());
    ro?.observe(el);
    return () => {
      stop();
      seen.dispose();
      ro?.disconnect();
    };
  }, [acts, state.value.lang]);
  if (keys.length === 0) return <p class="view-hint">{t('teach.why.noHidden')}</p>;
  return (
    <div class="zplots" ref={root} data-testid="zplots">
      <p class="view-hint">
        <span class="key-f">━ f(z)</span> <span class="key-df">╍ f′(z)</span> <span class="key-z">▮ {t('teach.why.zKey')}</span>
      </p>
      {keys.map((k, l) => (
        <figure key={l} class="zplot">
          <figcaption>
            <b>{t('views.charts.layer', { l: l + 1 })}</b> · {k} ·{' '}
            <span
              class="zplot-stats"
              data-testid={`zplot-stats-${l}`}
              ref={(e) => {
                stats.current[l] = e;
              }}
            />
          </figcaption>
          <canvas
            data-testid={`zplot-${l}`}
            role="img"
            aria-label={t('teach.why.plotAria', { l: l + 1 })}
            ref={(e) => {
              canvases.current[l] = e;
            }}
            style={{ width: '100%', height: `${PLOT_H}px` }}
          />
        </figure>
      ))}
    </div>
  );
}

/** A network of linear activations as the one matrix it computes, with its decision line. */
export function ProductMatrix() {
  const layers = useComputed(() => snapshot.value?.models[0]?.layers ?? null).value;
  const info = dataInfo.value;
  const loss = state.value.loss;
  if (!layers || layers.length < 2) return null;
  const map = collapseLinear(layers as readonly LayerParams[], linkOfLoss(loss));
  if (!map) return null;
  const inputs = Array.from({ length: layers[0].inputSize }, (_, i) => info?.inputNames[i] ?? `x${i + 1}`);
  const names = layers.map((_, l) => `W${String(l + 1).split('').map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('')}`).reverse();
  const plane = map.matrix.length === 1 && inputs.length === 2 && state.value.problem === 'classification';
  const [a, b] = plane ? map.matrix[0] : [0, 0];
  const c = map.offset[0] ?? 0;
  const threshold = loss === 'mse' ? 0.5 : 0;
  return (
    <section class="product" data-testid="product-matrix" data-view="product">
      <h3 class="chart-sub">{t('teach.product.title')}</h3>
      <p class="view-hint">{t('teach.product.note', { n: layers.length - 1 })}</p>
      <div class="product-row">
        <span class="product-name">{names.join('·')} =</span>
        <table class="matrix" aria-label={t('teach.product.title')}>
          <tbody>
            {map.matrix.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) => (
                  <td key={i}>{formatValue(v)}</td>
                ))}
                <td class="matrix-offset">+ {formatValue(map.offset[r])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plane && (
        <p class="inspector-eq" data-testid="product-line">
          {t('teach.product.line')} {formatValue(a)}·{inputs[0]} + {formatValue(b)}·{inputs[1]} + {formatValue(c)} = {threshold}
        </p>
      )}
    </section>
  );
}

/** The "why" tab: z on f and f′ per layer, the product matrix of a linear network, and the output histograms. */
export function WhyTab() {
  return (
    <div class="why-tab">
      <ZPlots />
      <ProductMatrix />
      <Histograms />
    </div>
  );
}

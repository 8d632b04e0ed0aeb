import { useEffect, useRef, useState } from 'preact/hooks';
import type { TopLevelSpec } from 'vega-lite';
import { functionPlot } from '../../../src/charts/functionPlot.js';
import { t } from '../i18n/index.js';
import type { ActivationReport } from './report.js';

/** Below this width (px) the legend goes under the plot instead of beside it. */
export const NARROW_CHART = 420;
/** Width used before the container has been measured, and the smallest width drawn. */
const DEFAULT_WIDTH = 380;
const MIN_WIDTH = 200;

/**
 * The Vega-Lite spec of f, f', f'' of a report: the same function plot the CLI draws, fitted to `width` px
 * in all (axes and legend included; the legend moves below the plot when narrow). `description` becomes
 * the chart's accessible name.
 */
export function chartSpec(report: ActivationReport, title: string, width = DEFAULT_WIDTH, description = title): TopLevelSpec {
  const { x, f, df, d2f } = report.samples;
  const series = (ys: number[]) => x.map((v, i) => ({ x: v, y: ys[i] }));
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const narrow = w < NARROW_CHART;
  const base = functionPlot({
    title,
    xLabel: 'x',
    yLabel: 'y',
    width: w,
    height: narrow ? 200 : 230,
    series: [
      { name: 'f', points: series(f) },
      { name: 'f′', points: series(df), dashed: true },
      { name: 'f″', points: series(d2f), dashed: true },
    ],
  }) as TopLevelSpec & { config?: Record<string, unknown> };
  const config = (base.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return {
    ...base,
    description,
    autosize: { type: 'fit', contains: 'padding' },
    config: {
      ...config,
      legend: { ...(config.legend ?? {}), orient: narrow ? 'bottom' : 'right', direction: narrow ? 'horizontal' : 'vertical' },
      // narrow: a smaller title from the left edge, cut with an ellipsis rather than overflowing
      title: { ...(config.title ?? {}), ...(narrow ? { fontSize: 12, anchor: 'start', frame: 'bounds', limit: w - 8 } : { limit: w }) },
    },
  } as TopLevelSpec;
}

/**
 * f, f' and f'' on [−5, 5], drawn by Vega on a canvas (Vega is loaded on first use), as wide as its
 * container (measured, and redrawn when the container resizes). Canvas, not SVG: Vega's SVG clip
 * references carry the page URL, which the explorer rewrites on every setting change.
 */
export function FunctionChart({ report, name = report.name }: { report: ActivationReport; name?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);
  const title = t('activation.panel.plotTitle', { name });
  const alt = t('activation.panel.plotAlt', { name });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      // ignore changes under 8 px (scrollbars appearing), but always take the first measurement
      if (w > 0) setWidth((old) => (old === 0 || Math.abs(old - w) >= 8 ? w : old));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [failed]);

  useEffect(() => {
    if (width === 0) return;
    let cancelled = false;
    let finalize: (() => void) | null = null;
    setFailed(false);
    const spec = chartSpec(report, title, width, alt);
    const host = ref.current;
    Promise.all([import('vega'), import('vega-lite')])
      .then(async ([vega, vl]) => {
        const el = host?.querySelector<HTMLDivElement>('.act-chart-canvas');
        if (cancelled || !el) return;
        const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'canvas', container: el, hover: true });
        finalize = () => view.finalize();
        await view.runAsync();
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      finalize?.();
      const el = host?.querySelector('.act-chart-canvas');
      if (el) el.textContent = '';
    };
  }, [report, title, alt, width]);

  if (failed) return <p class="act-muted">{t('activation.panel.plotError')}</p>;
  return (
    <div class="act-chart" ref={ref} data-testid="activation-plot">
      <div class="act-chart-canvas" role="img" aria-label={alt} />
    </div>
  );
}

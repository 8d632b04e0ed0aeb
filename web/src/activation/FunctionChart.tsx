import { useEffect, useRef, useState } from 'preact/hooks';
import { functionPlot } from '../../../src/charts/functionPlot.js';
import { t } from '../i18n/index.js';
import type { ActivationReport } from './report.js';

/** The Vega-Lite spec of f, f', f'' of a report: the same function plot the CLI draws. */
export function chartSpec(report: ActivationReport, title: string) {
  const { x, f, df, d2f } = report.samples;
  const series = (ys: number[]) => x.map((v, i) => ({ x: v, y: ys[i] }));
  return functionPlot({
    title,
    xLabel: 'x',
    yLabel: 'y',
    width: 380,
    height: 230,
    series: [
      { name: 'f', points: series(f) },
      { name: 'f′', points: series(df), dashed: true },
      { name: 'f″', points: series(d2f), dashed: true },
    ],
  });
}

/** f, f' and f'' on [−5, 5], drawn by Vega on a canvas (Vega is loaded on first use). Canvas, not SVG: Vega's SVG clip references carry the page URL, which the explorer rewrites on every setting change. */
export function FunctionChart({ report }: { report: ActivationReport }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const title = t('activation.panel.plotTitle', { name: report.name });
  useEffect(() => {
    let cancelled = false;
    let finalize: (() => void) | null = null;
    setFailed(false);
    const spec = chartSpec(report, title);
    Promise.all([import('vega'), import('vega-lite')])
      .then(async ([vega, vl]) => {
        const el = ref.current;
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
      if (ref.current) ref.current.textContent = '';
    };
  }, [report, title]);
  if (failed) return <p class="act-muted">{t('activation.panel.plotError')}</p>;
  return <div class="act-chart" ref={ref} role="img" aria-label={t('activation.panel.plotAlt', { name: report.name })} data-testid="activation-plot" />;
}

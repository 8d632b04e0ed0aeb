/**
 * Exports: the trained model as saved-model JSON (loadable by `actlab predict`) and as ONNX, PyTorch or TF.js
 * files (src/export, the same exporters as `actlab export`), the output heatmap with
 * its data points as PNG, the network diagram as a standalone SVG (unit heatmaps embedded as images), and
 * the loss chart as PNG.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import './views.css';
import { dataInfo, engine } from '../state/store.js';
import { download } from './throttle.js';
import { FRAMEWORK_EXPORTS, modelExportFiles, type FrameworkExport } from './exportFormats.js';

function toBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}

/** The output heatmap composited with the data points, as a PNG blob. */
export async function heatmapPng(): Promise<Blob | null> {
  const heat = document.querySelector<HTMLCanvasElement>('[data-testid="output-heatmap"]');
  if (!heat) return null;
  const out = document.createElement('canvas');
  out.width = heat.width;
  out.height = heat.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(heat, 0, 0);
  const points = heat.parentElement?.querySelector<HTMLCanvasElement>('canvas.plane-points');
  if (points) ctx.drawImage(points, 0, 0, out.width, out.height);
  return toBlob(out);
}

/** The network diagram as standalone SVG text: the unit heatmaps (a canvas under the SVG) become an embedded PNG image; editors are dropped. */
export function networkSvg(): string | null {
  const svg = document.querySelector<SVGSVGElement>('svg[data-testid="network"]');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('foreignObject').forEach((fo) => fo.remove());
  const vb = svg.viewBox.baseVal;
  const heat = svg.parentElement?.querySelector<HTMLCanvasElement>('canvas.network-heat');
  if (heat && heat.width > 1) {
    const img = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    img.setAttribute('x', '0');
    img.setAttribute('y', '0');
    img.setAttribute('width', String(vb.width));
    img.setAttribute('height', String(vb.height));
    img.setAttribute('preserveAspectRatio', 'none');
    img.setAttribute('href', heat.toDataURL('image/png'));
    const style = clone.querySelector('style');
    if (style) style.after(img);
    else clone.prepend(img);
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(vb.width));
  clone.setAttribute('height', String(vb.height));
  clone.removeAttribute('data-testid');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The loss chart's canvas as a PNG blob (white background). */
export async function lossChartPng(): Promise<Blob | null> {
  const c = document.querySelector<HTMLCanvasElement>('[data-testid="loss-chart"] canvas');
  if (!c) return null;
  const out = document.createElement('canvas');
  out.width = c.width;
  out.height = c.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(c, 0, 0);
  return toBlob(out);
}

/** The export buttons. */
export function ExportMenu() {
  const [message, setMessage] = useState<{ key: string; vars?: Record<string, string> } | null>(null);
  const columns = dataInfo.value?.inputNames ?? [];
  const run = async (what: () => Promise<Blob | null>, name: string): Promise<void> => {
    try {
      const blob = await what();
      if (!blob) {
        setMessage({ key: 'views.export.nothing' });
        return;
      }
      download(blob, name);
      setMessage({ key: 'views.export.saved', vars: { name } });
    } catch (e) {
      setMessage({ key: 'views.export.failed', vars: { reason: (e as Error).message } });
    }
  };
  return (
    <section class="export-menu" aria-label={t('views.export.title')}>
      <h2 class="view-title">{t('views.export.title')}</h2>
      <div class="export-buttons">
        <button
          type="button"
          data-testid="export-model"
          onClick={() => void run(async () => new Blob([await engine().exportModel(0)], { type: 'application/json' }), 'actlab-model.json')}
        >
          {t('views.export.model')}
        </button>
        {FRAMEWORK_EXPORTS.map((f: FrameworkExport) => (
          <button
            key={f}
            type="button"
            data-testid={`export-model-${f}`}
            onClick={() =>
              void (async () => {
                try {
                  const files = modelExportFiles(await engine().exportModel(0), f);
                  for (const file of files) download(new Blob([file.data as BlobPart], { type: file.type }), file.name);
                  setMessage({ key: 'views.export.saved', vars: { name: files.map((x) => x.name).join(', ') } });
                } catch (e) {
                  setMessage({ key: 'views.export.failed', vars: { reason: (e as Error).message } });
                }
              })()
            }
          >
            {t(`views.export.${f}`)}
          </button>
        ))}
        <button type="button" data-testid="export-heatmap" onClick={() => void run(heatmapPng, 'actlab-heatmap.png')}>
          {t('views.export.heatmap')}
        </button>
        <button
          type="button"
          data-testid="export-network"
          onClick={() =>
            void run(async () => {
              const text = networkSvg();
              return text ? new Blob([text], { type: 'image/svg+xml' }) : null;
            }, 'actlab-network.svg')
          }
        >
          {t('views.export.network')}
        </button>
        <button type="button" data-testid="export-loss" onClick={() => void run(lossChartPng, 'actlab-loss.png')}>
          {t('views.export.loss')}
        </button>
      </div>
      <p class="view-hint">
        {t('views.export.note')} <code>actlab predict --model actlab-model.json --data points.csv</code>
      </p>
      <p class="view-hint">{t('views.export.frameworks')}</p>
      {columns.length > 0 && (
        <p class="view-hint" data-testid="export-columns">
          {t('views.export.columns', { names: columns.join(', ') })}
        </p>
      )}
      {message && (
        <p class="export-message" role="status">
          {t(message.key, message.vars)}
        </p>
      )}
    </section>
  );
}

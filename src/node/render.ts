import { extname } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { ActlabError } from '../util/errors.js';
import { writeFileAtomic } from './atomicWrite.js';

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixel density: 2 (the default) gives a PNG twice the SVG's size in each direction. */
  readonly scale?: number;
}

/**
 * Renders a Vega-Lite spec to an SVG document (headless, no DOM or canvas needed). Vega, Vega-Lite and resvg
 * are loaded on first use, so commands that draw nothing (and every refused command) start quickly.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a Vega-Lite spec to PNG bytes, drawing text with the system fonts (DejaVu Sans, Noto CJK). */
export async function renderPng(spec: TopLevelSpec, opts: PngOptions = {}): Promise<Uint8Array> {
  const scale = opts.scale ?? 2;
  if (!(scale > 0 && scale <= 10)) throw new ActlabError(`PNG scale must be in (0, 10], got ${scale}; use e.g. 1 or 2`);
  const svg = await renderSvg(spec);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The file extensions a chart can be written as. */
export const CHART_EXTENSIONS: readonly string[] = ['.svg', '.png'];

/** Renders a spec as the file `path` would hold: SVG text or PNG bytes, chosen by its extension. */
export async function renderChartFile(path: string, spec: TopLevelSpec, opts: PngOptions = {}): Promise<string | Uint8Array> {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') return renderSvg(spec);
  if (ext === '.png') return renderPng(spec, opts);
  throw new ActlabError(`cannot write chart '${path}': use .svg or .png`);
}

/** Renders a spec and writes it atomically as SVG or PNG, chosen by the file extension (`.svg`, `.png`). */
export async function writeChart(path: string, spec: TopLevelSpec, opts: PngOptions = {}): Promise<void> {
  const data = await renderChartFile(path, spec, opts);
  return writeFileAtomic(path, data);
}

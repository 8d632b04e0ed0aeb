import type { TopLevelSpec } from 'vega-lite';
import { ActlabError } from '../util/errors.js';
import { CHART_CONFIG, CHART_PALETTE } from './theme.js';

/** A regular grid of model outputs: `values[j * xs.length + i]` is the output at (xs[i], ys[j]). */
export interface GridValues {
  /** Cell centres along x, increasing and evenly spaced. */
  readonly xs: readonly number[];
  /** Cell centres along y, increasing and evenly spaced. */
  readonly ys: readonly number[];
  /** Row-major (y outer) values, e.g. the probability of class 1. */
  readonly values: ArrayLike<number>;
}

/** A labelled training point drawn over the grid. */
export interface LabelledPoint {
  readonly x: number;
  readonly y: number;
  /** Class label as shown in the legend (e.g. `0`, `1`, `setosa`). */
  readonly label: string | number;
}

/** Input of {@link decisionBoundary}. */
export interface DecisionBoundaryOptions {
  readonly grid: GridValues;
  readonly points: readonly LabelledPoint[];
  readonly title: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Legend title of the colour ramp (default `P(class 1)`). */
  readonly valueLabel?: string;
  /** Domain of the colour ramp (default [0, 1]). */
  readonly domain?: readonly [number, number];
  /** Plot size in pixels (square by default: 360). */
  readonly size?: number;
}

/**
 * A decision boundary: the model's output over a 2-D grid as coloured cells (a diverging blue–orange ramp,
 * white at the middle of the domain, i.e. at the boundary) with the training points on top, coloured by
 * class and outlined so they stand out from the background.
 */
export function decisionBoundary(opts: DecisionBoundaryOptions): TopLevelSpec {
  const { xs, ys, values } = opts.grid;
  if (xs.length < 2 || ys.length < 2 || values.length !== xs.length * ys.length) {
    throw new ActlabError(`decision-boundary grid must be at least 2×2 with xs.length·ys.length values, got ${xs.length}×${ys.length} and ${values.length}`);
  }
  const dx = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  const dy = (ys[ys.length - 1] - ys[0]) / (ys.length - 1);
  const cells: { x0: number; x1: number; y0: number; y1: number; v: number | null }[] = [];
  for (let j = 0; j < ys.length; j++) for (let i = 0; i < xs.length; i++) {
    const v = values[j * xs.length + i];
    // Cells overlap by 12% of a cell so anti-aliasing leaves no hairline seams between them.
    cells.push({ x0: xs[i] - 0.56 * dx, x1: xs[i] + 0.56 * dx, y0: ys[j] - 0.56 * dy, y1: ys[j] + 0.56 * dy, v: Number.isFinite(v) ? v : null });
  }
  const xDomain = [xs[0] - dx / 2, xs[xs.length - 1] + dx / 2];
  const yDomain = [ys[0] - dy / 2, ys[ys.length - 1] + dy / 2];
  const labels = [...new Set(opts.points.map((p) => String(p.label)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const domain = opts.domain ?? [0, 1];
  const size = opts.size ?? 360;
  const xTitle = opts.xLabel ?? 'x₁';
  const yTitle = opts.yLabel ?? 'x₂';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    width: size,
    height: size,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', clip: true },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: xTitle, scale: { domain: xDomain, nice: false, zero: false } },
          x2: { field: 'x1' },
          y: { field: 'y0', type: 'quantitative', title: yTitle, scale: { domain: yDomain, nice: false, zero: false } },
          y2: { field: 'y1' },
          color: {
            field: 'v',
            type: 'quantitative',
            title: opts.valueLabel ?? 'P(class 1)',
            scale: { scheme: 'blueorange', domain: [...domain], domainMid: (domain[0] + domain[1]) / 2 },
            legend: { orient: 'right', gradientLength: Math.min(200, size) },
          },
        },
      },
      {
        data: { values: opts.points.map((p) => ({ x: p.x, y: p.y, label: String(p.label) })) },
        mark: { type: 'point', filled: true, size: 34, stroke: 'white', strokeWidth: 0.9, opacity: 0.95, clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          shape: { field: 'label', type: 'nominal', title: 'class', scale: { domain: labels } },
          fill: { field: 'label', type: 'nominal', title: 'class', scale: { domain: labels, range: classColors(labels.length) } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

/** Dark point colours that read well on the blue–orange ramp: dark blue for the first class, dark red next. */
function classColors(n: number): string[] {
  const base = ['#08306b', '#7f2704', '#00441b', '#3f007d', ...CHART_PALETTE];
  return base.slice(0, Math.max(n, 1));
}

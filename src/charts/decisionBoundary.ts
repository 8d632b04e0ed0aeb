import type { TopLevelSpec } from 'vega-lite';
import { ActlabError } from '../util/errors.js';
import { CHART_CONFIG, CHART_PALETTE } from './theme.js';
import { classPaletteColor, regionColor } from './classPalette.js';

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
  /**
   * Classification: the predicted class and its probability per cell (same order as `values`), and the
   * class names in class order. Cells then take the class's colour from the shared class palette, lighter
   * where the model is less sure; points take the same colours. Without it, `values` go on a diverging ramp.
   */
  readonly classes?: ClassGrid;
}

/** Predicted class and confidence per grid cell, and the class names in class order. */
export interface ClassGrid {
  readonly names: readonly string[];
  /** Class index per cell. */
  readonly predicted: ArrayLike<number>;
  /** Probability of the predicted class per cell. */
  readonly confidence: ArrayLike<number>;
}

/**
 * The class grid of model outputs: binary models give P(class 1) per cell (`outputs` = 1 value a cell),
 * multi-class models `outputs` probabilities a cell; each cell gets its most probable class and that
 * class's probability.
 */
export function classGrid(probabilities: ArrayLike<number>, outputs: number, names: readonly string[]): ClassGrid {
  const cells = outputs === 1 ? probabilities.length : Math.floor(probabilities.length / outputs);
  const predicted = new Float64Array(cells);
  const confidence = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    if (outputs === 1) {
      const p = probabilities[c];
      predicted[c] = p >= 0.5 ? 1 : 0;
      confidence[c] = p >= 0.5 ? p : 1 - p;
    } else {
      let best = 0;
      for (let q = 1; q < outputs; q++) if (probabilities[c * outputs + q] > probabilities[c * outputs + best]) best = q;
      predicted[c] = best;
      confidence[c] = probabilities[c * outputs + best];
    }
  }
  return { names, predicted, confidence };
}

/**
 * A decision boundary: the model's output over a 2-D grid as coloured cells with the training points on
 * top, outlined so they stand out. For classification (`classes`), each cell takes its predicted class's
 * colour from the shared class palette (src/charts/classPalette.ts), lighter where the model is less sure,
 * and points take the same colours; for regression, a diverging blue–orange ramp.
 */
export function decisionBoundary(opts: DecisionBoundaryOptions): TopLevelSpec {
  const { xs, ys, values } = opts.grid;
  if (xs.length < 2 || ys.length < 2 || values.length !== xs.length * ys.length) {
    throw new ActlabError(`decision-boundary grid must be at least 2×2 with xs.length·ys.length values, got ${xs.length}×${ys.length} and ${values.length}`);
  }
  const dx = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  const dy = (ys[ys.length - 1] - ys[0]) / (ys.length - 1);
  const cls = opts.classes;
  if (cls && (cls.predicted.length !== values.length || cls.confidence.length !== values.length)) {
    throw new ActlabError(`decision-boundary classes need one predicted class and confidence per cell, got ${cls.predicted.length} and ${cls.confidence.length} for ${values.length} cells`);
  }
  const k = cls ? Math.max(2, cls.names.length) : 0;
  const cells: { x0: number; x1: number; y0: number; y1: number; v: number | null; fill?: string }[] = [];
  for (let j = 0; j < ys.length; j++) for (let i = 0; i < xs.length; i++) {
    const c = j * xs.length + i;
    const v = values[c];
    // Cells overlap by 12% of a cell so anti-aliasing leaves no hairline seams between them.
    const cell = { x0: xs[i] - 0.56 * dx, x1: xs[i] + 0.56 * dx, y0: ys[j] - 0.56 * dy, y1: ys[j] + 0.56 * dy, v: Number.isFinite(v) ? v : null };
    cells.push(cls ? { ...cell, fill: regionColor(cls.predicted[c], cls.confidence[c], k) } : cell);
  }
  const xDomain = [xs[0] - dx / 2, xs[xs.length - 1] + dx / 2];
  const yDomain = [ys[0] - dy / 2, ys[ys.length - 1] + dy / 2];
  const seen = [...new Set(opts.points.map((p) => String(p.label)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  // With classes, the legend lists them in class order, each in its palette colour.
  const labels = cls ? [...cls.names.map(String), ...seen.filter((l) => !cls.names.map(String).includes(l))] : seen;
  const pointColors = cls ? labels.map((_, i) => classPaletteColor(i)) : classColors(labels.length);
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
          color: cls
            ? { field: 'fill', type: 'nominal', scale: null, legend: null }
            : {
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
          fill: { field: 'label', type: 'nominal', title: 'class', scale: { domain: labels, range: pointColors } },
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

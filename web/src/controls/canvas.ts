/**
 * Small canvas pictures of the controls: data set thumbnails and feature heatmaps. Colours follow the
 * views' palette (Playground's orange for negative / class 0, blue for positive / class 1).
 */
import { BUILTIN_EXTENT, gridPoints } from '../engine/features.js';
import { divergingColor as diverging } from '../views/colorScale.js';
import { classColor } from '../views/palette.js';
import { fitCanvas } from '../views/throttle.js';

/** Points to draw: x1, x2 pairs, labels, and how to colour them. */
export interface ThumbPoints {
  xy: ArrayLike<number>;
  label: ArrayLike<number>;
  task: 'classification' | 'regression';
  /** Extent [xmin, xmax, ymin, ymax]. */
  extent: readonly [number, number, number, number];
  /** Target range for regression colours. */
  targetRange?: readonly [number, number];
}

/** Draws points as small dots on a light background. */
export function drawPoints(canvas: HTMLCanvasElement, size: number, pts: ThumbPoints): void {
  const ctx = fitCanvas(canvas, size, size);
  if (!ctx) return;
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(0, 0, size, size);
  const [x0, x1, y0, y1] = pts.extent;
  const sx = size / (x1 - x0 || 1);
  const sy = size / (y1 - y0 || 1);
  const [lo, hi] = pts.targetRange ?? [-1, 1];
  const scale = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const n = pts.label.length;
  const r = Math.max(1.2, Math.min(2.2, size / 28));
  for (let i = 0; i < n; i++) {
    const px = (pts.xy[2 * i] - x0) * sx;
    const py = size - (pts.xy[2 * i + 1] - y0) * sy;
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    if (pts.task === 'classification') ctx.fillStyle = classColor(pts.label[i]);
    else {
      const [cr, cg, cb] = diverging(pts.label[i] / scale);
      ctx.fillStyle = `rgb(${cr | 0},${cg | 0},${cb | 0})`;
    }
    ctx.beginPath();
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** Draws f over [-6, 6]² as a diverging heatmap (grid×grid cells), scaled by the largest |f|. */
export function drawHeatmap(canvas: HTMLCanvasElement, grid: number, f: (x1: number, x2: number) => number): void {
  canvas.width = grid;
  canvas.height = grid;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const xy = gridPoints(BUILTIN_EXTENT, grid);
  const values = new Float64Array(grid * grid);
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = f(xy[2 * i], xy[2 * i + 1]);
    values[i] = v;
    if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  }
  const image = ctx.createImageData(grid, grid);
  for (let i = 0; i < values.length; i++) {
    const [cr, cg, cb] = diverging(max > 0 ? values[i] / max : 0);
    image.data[4 * i] = cr;
    image.data[4 * i + 1] = cg;
    image.data[4 * i + 2] = cb;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

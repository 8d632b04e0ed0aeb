/**
 * Editing a data set by hand (the plane's click-to-add mode), as pure functions on CustomData: start from
 * the points the worker reported, add a point, remove the point nearest a place.
 */
import type { DataInfo } from '../engine/protocol.js';
import type { CustomData } from '../state/types.js';
import { MAX_CLASSES } from './csv.js';

/** Fewest rows a hand-edited set keeps (a split needs a training and a test point). */
export const MIN_EDIT_ROWS = 2;

/** Coordinates of clicked points are kept to 2 decimals (short links), as float32 like every data value. */
const snap = (v: number): number => Math.fround(Math.round(v * 100) / 100);

/** The data set the plane shows (the worker's DataInfo), as editable custom data. */
export function customFromDataInfo(info: DataInfo): CustomData {
  const n = info.points.label.length;
  const data: CustomData = {
    task: info.task,
    featureNames: info.featureNames.length === 2 ? [...info.featureNames] : ['x1', 'x2'],
    x: Array.from(info.points.xy.subarray(0, 2 * n)),
    y: Array.from(info.points.label.subarray(0, n)),
    planeColumns: [0, 1],
    source: 'clicked',
  };
  if (info.task === 'classification') {
    const k = Math.max(2, info.numClasses, info.classNames.length);
    data.classNames = Array.from({ length: k }, (_, c) => info.classNames[c] ?? String(c));
  }
  return data;
}

/**
 * `data` with one more point at plane coordinates (x1, x2) and target `label` (a class index, or a value
 * for regression). Columns not drawn on the plane get their column mean. A class index beyond the known
 * classes adds classes (up to MAX_CLASSES).
 */
export function withPoint(data: CustomData, x1: number, x2: number, label: number): CustomData {
  if (!Number.isFinite(x1) || !Number.isFinite(x2) || !Number.isFinite(label)) return data;
  const d = data.featureNames.length;
  const n = data.y.length;
  const row = new Array<number>(d);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data.x[i * d + j];
    row[j] = n > 0 ? Math.fround(sum / n) : 0;
  }
  const [a, b] = data.planeColumns;
  row[b] = snap(x2);
  row[a] = snap(x1);
  const next: CustomData = { ...data, x: data.x.concat(row), y: data.y.concat(0), planeColumns: [a, b] };
  if (data.task === 'classification') {
    const c = Math.min(MAX_CLASSES - 1, Math.max(0, Math.round(label)));
    const names = [...(data.classNames ?? ['0', '1'])];
    while (names.length <= c) names.push(String(names.length));
    next.classNames = names;
    next.y[n] = c;
  } else {
    next.y[n] = Math.fround(label);
  }
  return next;
}

/** Index of the row nearest (x1, x2) on the plane, or -1 when there are no rows. */
export function nearestRow(data: CustomData, x1: number, x2: number): number {
  const d = data.featureNames.length;
  const [a, b] = data.planeColumns;
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i < data.y.length; i++) {
    const dist = (data.x[i * d + a] - x1) ** 2 + (data.x[i * d + b] - x2) ** 2;
    if (dist < bestDist) {
      bestDist = dist;
      best = i;
    }
  }
  return best;
}

/** `data` without the point nearest (x1, x2); unchanged when only MIN_EDIT_ROWS rows are left. */
export function withoutNearest(data: CustomData, x1: number, x2: number): CustomData {
  if (data.y.length <= MIN_EDIT_ROWS) return data;
  const i = nearestRow(data, x1, x2);
  if (i < 0) return data;
  const d = data.featureNames.length;
  return {
    ...data,
    x: data.x.slice(0, i * d).concat(data.x.slice((i + 1) * d)),
    y: data.y.slice(0, i).concat(data.y.slice(i + 1)),
  };
}

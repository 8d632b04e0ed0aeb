/**
 * Click-to-add on the plane: PlaneView calls these with plane coordinates. The first edit of a built-in
 * set copies its points (the worker's DataInfo) into custom data; every edit goes through setCustomData,
 * which switches the data set to 'custom' and rebuilds the run.
 */
import { signal } from '@preact/signals';
import { customData, dataInfo, setCustomData, state } from '../state/store.js';
import type { CustomData } from '../state/types.js';
import { customFromDataInfo, withPoint, withoutNearest } from './editPoints.js';

/** The last CSV file shown and its number of rows (the data holds fewer when the file was thinned). */
export const csvFile = signal<{ source: string; rows: number; kept: number } | null>(null);

/** Rows of the file behind `data` when it was thinned (the file had more rows than it holds), else null. */
export function thinnedFrom(data: CustomData | null): number | null {
  const f = csvFile.value;
  if (data === null || f === null || data.source !== f.source || data.y.length !== f.kept || f.rows <= f.kept) return null;
  return f.rows;
}

/**
 * Shows `data` (null: back to the built-in sets) and keeps the settings consistent with it: the loss
 * follows the number of classes (binary or categorical cross-entropy, MSE for regression).
 */
export function applyCustomData(data: CustomData | null): void {
  setCustomData(data);
}

/** The data the next edit starts from: the custom data when shown, else a copy of the built-in set. */
function editable(): CustomData | null {
  const current = customData.value;
  if (state.value.dataset === 'custom' && current !== null) return current;
  const info = dataInfo.value;
  return info === null ? null : customFromDataInfo(info);
}

/** Adds a point at (x1, x2) of class `label` (classification) or with target value `label` (regression). */
export function addPoint(x1: number, x2: number, label: number): void {
  const base = editable();
  if (base === null) return;
  const next = withPoint(base, x1, x2, label);
  if (next !== base) applyCustomData(next);
}

/** Removes the point nearest (x1, x2). */
export function removeNearest(x1: number, x2: number): void {
  const base = editable();
  if (base === null) return;
  const next = withoutNearest(base, x1, x2);
  if (next !== base || state.value.dataset !== 'custom') applyCustomData(next);
}

/**
 * Data set thumbnails (Playground's four little squares, and more): each draws its set's points, made
 * with the core's getDataset at a small size, and picks that set when pressed.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { getDataset } from '../../../src/data/index.js';
import { t } from '../i18n/index.js';
import { customData, state, update } from '../state/store.js';
import type { CustomData, DatasetChoice } from '../state/types.js';
import { normalizeState } from '../state/url.js';
import { drawPoints, type ThumbPoints } from './canvas.js';
import { datasetsOf } from './options.js';

const THUMB_SIZE = 52;
const cache = new Map<string, ThumbPoints | null>();

/** The thumbnail's points of built-in set `name` (noise-free, 120 points, fixed seed), cached. */
function builtinPoints(name: string): ThumbPoints | null {
  if (!cache.has(name)) {
    try {
      const ds = getDataset(name, { n: 120, noise: 0, seed: 3 });
      const xy = new Float32Array(ds.n * 2);
      for (let i = 0; i < ds.n; i++) {
        xy[2 * i] = ds.x[i * ds.d];
        xy[2 * i + 1] = ds.x[i * ds.d + Math.min(1, ds.d - 1)];
      }
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of ds.y) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      cache.set(name, { xy, label: ds.y, task: ds.task, extent: [-6, 6, -6, 6], targetRange: [lo, hi] });
    } catch {
      cache.set(name, null);
    }
  }
  return cache.get(name) ?? null;
}

/** The points of custom data on its plane columns, with an extent that fits them. */
function customPoints(cd: CustomData): ThumbPoints {
  const d = cd.featureNames.length;
  const n = cd.y.length;
  const [a, b] = cd.planeColumns;
  const xy = new Float32Array(2 * n);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const u = cd.x[i * d + a];
    const v = cd.x[i * d + b];
    xy[2 * i] = u;
    xy[2 * i + 1] = v;
    x0 = Math.min(x0, u);
    x1 = Math.max(x1, u);
    y0 = Math.min(y0, v);
    y1 = Math.max(y1, v);
    lo = Math.min(lo, cd.y[i]);
    hi = Math.max(hi, cd.y[i]);
  }
  const padX = (x1 - x0) * 0.08 || 1;
  const padY = (y1 - y0) * 0.08 || 1;
  return { xy, label: cd.y, task: cd.task, extent: [x0 - padX, x1 + padX, y0 - padY, y1 + padY], targetRange: [lo, hi] };
}

function Thumb(props: { name: DatasetChoice; points: ThumbPoints | null; selected: boolean; onPick(): void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && props.points) drawPoints(ref.current, THUMB_SIZE, props.points);
  }, [props.points]);
  const label = t(`controls.dataset.${props.name}`);
  return (
    <button type="button" class="thumb" data-testid={`dataset-${props.name}`} aria-pressed={props.selected} onClick={props.onPick} title={label}>
      <canvas ref={ref} width={THUMB_SIZE} height={THUMB_SIZE} style={{ width: `${THUMB_SIZE}px`, height: `${THUMB_SIZE}px` }} aria-hidden="true" />
      <span class="thumb-label">{label}</span>
    </button>
  );
}

/** The thumbnails of the current problem type's sets, plus the custom set when there is one. */
export function DatasetThumbs() {
  const s = state.value;
  const cd = customData.value;
  const cdPoints = useMemo(() => (cd === null ? null : customPoints(cd)), [cd]);
  const pick = (dataset: DatasetChoice): void => {
    if (dataset === s.dataset) return;
    update(normalizeState({ ...s, dataset }, cd));
  };
  return (
    <div class="thumbs" role="group" aria-label={t('controls.data.which')}>
      {datasetsOf(s.problem).map((name) => (
        <Thumb key={name} name={name} points={builtinPoints(name)} selected={s.dataset === name} onPick={() => pick(name)} />
      ))}
      {cd !== null && cd.task === s.problem && <Thumb name="custom" points={cdPoints} selected={s.dataset === 'custom'} onPick={() => pick('custom')} />}
    </div>
  );
}

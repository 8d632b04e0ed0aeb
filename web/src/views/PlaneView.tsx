/**
 * The output heatmap: the network's prediction over the plane, repainted every frame from the worker's
 * grid (a reused ImageData in an offscreen grid-sized canvas, drawn scaled with smoothing), with the data
 * points on a second canvas that only redraws when the data or the "show test data" setting change.
 * Compare mode adds one small plane per extra model.
 */
import { computed, effect } from '@preact/signals';
import { useComputed } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataInfo } from '../engine/protocol.js';
import { addPoint, removeNearest } from '../data/points.js';
import { className, t } from '../i18n/index.js';
import './views.css';
import { clickMode, customData, dataInfo, hoverPoint, modelLabels, snapshot, state } from '../state/store.js';
import { customDataFitsUrl } from '../state/url.js';
import { divergingColor, paintOutput, scalePosition, type OutputScale } from './colorScale.js';
import { classColor } from './palette.js';
import { fitCanvas, niceTicks } from './throttle.js';
import { formatValue } from './inspect.js';

/** Largest and smallest side of the main plane; in between it fills its container's width. */
const MAIN_SIZE = 340;
const MIN_MAIN_SIZE = 160;
const SMALL_SIZE = 96;
/** Largest main plane when three or more models are compared. */
const COMPARE_MAIN_SIZE = 190;
const LEFT = 30;
const BOTTOM = 20;
const PAD = 8;

const discretize = computed(() => state.value.discretize);
const showTest = computed(() => state.value.showTest);

/** Side of the main plane for a container `width` px wide: the axes fit beside it, at most MAIN_SIZE. */
export function planeSizeFor(width: number): number {
  return Math.max(MIN_MAIN_SIZE, Math.min(MAIN_SIZE, Math.floor(width - LEFT - PAD)));
}

/** How to read the output grid of the current data set. */
export function outputScaleOf(info: DataInfo | null): OutputScale {
  if (!info) return { kind: 'binary' };
  if (info.task === 'regression') return { kind: 'regression', min: info.targetRange[0], max: info.targetRange[1] };
  return info.numClasses > 2 ? { kind: 'multiclass', classes: info.numClasses } : { kind: 'binary' };
}

/** Colour of a data point's label. */
export function pointColor(info: DataInfo, label: number): string {
  if (info.task === 'classification') return classColor(label);
  const [r, g, b] = divergingColor(scalePosition(label, outputScaleOf(info), false));
  return `rgb(${r},${g},${b})`;
}

interface PlaneProps {
  model: number;
  size: number;
  main: boolean;
}

function Plane({ model, size, main }: PlaneProps) {
  const heatRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const markerRef = useRef<HTMLDivElement>(null);

  // Heatmap: repainted on every snapshot, without touching Preact.
  useEffect(() => {
    const canvas = heatRef.current;
    if (!canvas) return;
    const off = document.createElement('canvas');
    const octx = off.getContext('2d');
    let image: ImageData | null = null;
    let pixels: Uint32Array | null = null;
    return effect(() => {
      const snap = snapshot.value;
      const info = dataInfo.value;
      const disc = discretize.value;
      const ctx = fitCanvas(canvas, size, size);
      const m = snap?.models[model];
      if (!ctx || !octx) return;
      if (!m || !info || m.grid < 1 || m.output.length < m.grid * m.grid) {
        ctx.fillStyle = '#f4f5f6';
        ctx.fillRect(0, 0, size, size);
        return;
      }
      const g = m.grid;
      if (!image || image.width !== g) {
        off.width = g;
        off.height = g;
        image = octx.createImageData(g, g);
        pixels = new Uint32Array(image.data.buffer);
      }
      paintOutput(m.output, pixels as Uint32Array, outputScaleOf(info), disc);
      octx.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = !disc;
      ctx.imageSmoothingQuality = 'low';
      ctx.drawImage(off, 0, 0, size, size);
    });
  }, [model, size]);

  // Data points: redrawn only when the data or the test-points setting change.
  useEffect(() => {
    const canvas = pointsRef.current;
    if (!canvas) return;
    return effect(() => {
      const info = dataInfo.value;
      const test = showTest.value;
      const ctx = fitCanvas(canvas, size, size);
      if (!ctx) return;
      ctx.clearRect(0, 0, size, size);
      if (!info) return;
      const [x0, x1, y0, y1] = info.extent;
      const sx = size / (x1 - x0);
      const sy = size / (y1 - y0);
      const { xy, label, isTest } = info.points;
      const r = main ? 3.5 : 2;
      ctx.lineWidth = main ? 1 : 0.6;
      for (const pass of test ? [0, 1] : [0]) {
        ctx.strokeStyle = pass === 0 ? '#ffffff' : '#000000';
        for (let i = 0; i < label.length; i++) {
          if (isTest[i] !== pass) continue;
          const px = (xy[2 * i] - x0) * sx;
          const py = (y1 - xy[2 * i + 1]) * sy;
          ctx.beginPath();
          ctx.arc(px, py, r, 0, 2 * Math.PI);
          ctx.fillStyle = pointColor(info, label[i]);
          ctx.fill();
          ctx.stroke();
        }
      }
    });
  }, [size, main]);

  // Hover marker follows hoverPoint (a positioned div: no canvas redraw).
  useEffect(() => {
    if (!main) return;
    return effect(() => {
      const p = hoverPoint.value;
      const info = dataInfo.value;
      const el = markerRef.current;
      if (!el) return;
      if (!p || !info) {
        el.style.display = 'none';
        return;
      }
      const [x0, x1, y0, y1] = info.extent;
      el.style.display = 'block';
      el.style.transform = `translate(${((p.x1 - x0) / (x1 - x0)) * size}px, ${((y1 - p.x2) / (y1 - y0)) * size}px)`;
    });
  }, [main, size]);

  const extent = useComputed(() => dataInfo.value?.extent ?? [-6, 6, -6, 6]).value;
  const ticksX = niceTicks(extent[0], extent[1], main ? 12 : 4);
  const ticksY = niceTicks(extent[2], extent[3], main ? 12 : 4);
  const mode = useComputed(() => clickMode.value).value;

  const toData = (ev: PointerEvent | MouseEvent): { x1: number; x2: number } | null => {
    const info = dataInfo.peek();
    const el = pointsRef.current;
    if (!info || !el) return null;
    const rect = el.getBoundingClientRect();
    const [x0, x1, y0, y1] = info.extent;
    const u = (ev.clientX - rect.left) / rect.width;
    const v = (ev.clientY - rect.top) / rect.height;
    return { x1: x0 + u * (x1 - x0), x2: y1 - v * (y1 - y0) };
  };

  const onMove = (ev: PointerEvent): void => {
    const p = toData(ev);
    if (p) hoverPoint.value = p;
  };
  const onClick = (ev: MouseEvent): void => {
    const m = clickMode.peek();
    const p = toData(ev);
    if (m === null || !p) return;
    if (m === 'remove') removeNearest(p.x1, p.x2);
    else addPoint(p.x1, p.x2, m);
  };

  const label = main ? t('views.plane.aria') : t('views.plane.ariaModel', { label: modelLabels.value[model] ?? '' });
  return (
    <div class="plane" style={{ width: `${size + LEFT + PAD}px`, height: `${size + BOTTOM + PAD}px` }}>
      <div class="plane-area" style={{ left: `${LEFT}px`, top: `${PAD}px`, width: `${size}px`, height: `${size}px` }}>
        <canvas
          ref={heatRef}
          class="plane-heat"
          data-testid={main ? 'output-heatmap' : `output-heatmap-${model}`}
          role="img"
          aria-label={label}
          style={{ width: `${size}px`, height: `${size}px` }}
        />
        <canvas
          ref={pointsRef}
          class="plane-points"
          aria-hidden="true"
          style={{ width: `${size}px`, height: `${size}px`, cursor: main && mode !== null ? 'crosshair' : 'default' }}
          onPointerMove={main ? onMove : undefined}
          onPointerLeave={main ? () => (hoverPoint.value = null) : undefined}
          onClick={main ? onClick : undefined}
        />
        {main && <div ref={markerRef} class="plane-marker" aria-hidden="true" />}
      </div>
      <svg class="plane-axes" width={size + LEFT + PAD} height={size + BOTTOM + PAD} aria-hidden="true">
        <g transform={`translate(0 ${PAD})`}>
        {ticksX.map((v) => {
          const x = LEFT + ((v - extent[0]) / (extent[1] - extent[0])) * size;
          return (
            <g key={`x${v}`}>
              <line x1={x} x2={x} y1={size} y2={size + 4} />
              <text x={x} y={size + 15} text-anchor="middle">{formatValue(v)}</text>
            </g>
          );
        })}
        {ticksY.map((v) => {
          const y = ((extent[3] - v) / (extent[3] - extent[2])) * size;
          return (
            <g key={`y${v}`}>
              <line x1={LEFT - 4} x2={LEFT} y1={y} y2={y} />
              <text x={LEFT - 6} y={y + 3.5} text-anchor="end">{formatValue(v)}</text>
            </g>
          );
        })}
        </g>
      </svg>
    </div>
  );
}

/** Colour legend of the heatmap: the scale's ends, or one swatch per class. */
function Legend() {
  const info = dataInfo.value;
  if (!info) return null;
  if (info.task === 'classification') {
    return (
      <ul class="plane-legend" aria-label={t('views.plane.legend')}>
        {info.classNames.map((name, k) => (
          <li key={name}>
            <span class="swatch" style={{ background: classColor(k) }} />
            {className(name)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div class="plane-legend" aria-label={t('views.plane.legend')}>
      <span>{formatValue(info.targetRange[0])}</span>
      <span class="plane-gradient" />
      <span>{formatValue(info.targetRange[1])}</span>
    </div>
  );
}

/** Under the plane, when points placed by clicking make the data too big for a link: say so there too. */
function ClickedTooBig() {
  const cd = customData.value;
  if (state.value.dataset !== 'custom' || cd === null || cd.source !== 'clicked' || customDataFitsUrl(cd)) return null;
  return (
    <p class="plane-hint warn" data-testid="clicked-not-in-link">
      {t('controls.data.notInLink', { n: cd.y.length })}
    </p>
  );
}

/** The output heatmap with data points (testid output-heatmap), its options, and compare-mode planes. */
export function PlaneView() {
  const rootRef = useRef<HTMLElement>(null);
  const [mainSize, setMainSize] = useState(MAIN_SIZE);
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const fit = (): void => {
      const w = el.clientWidth;
      if (w > 0) setMainSize(planeSizeFor(w));
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const count = useComputed(() => Math.max(1, snapshot.value?.models.length ?? modelLabels.value.length)).value;
  const labels = modelLabels.value;
  return (
    <section class="plane-view" ref={rootRef} aria-label={t('views.plane.title')}>
      {count > 1 && <div class="plane-model-label">{labels[0] ?? ''}</div>}
      {/* In compare mode the main plane makes room for the others, so the loss chart stays on screen. */}
      <Plane model={0} size={count > 2 ? Math.min(mainSize, COMPARE_MAIN_SIZE) : mainSize} main />
      <Legend />
      <ClickedTooBig />
      {count > 1 && (
        <div class="plane-compare" aria-label={t('views.plane.compare')}>
          {Array.from({ length: count - 1 }, (_, k) => (
            <figure key={k + 1} class="plane-small">
              <Plane model={k + 1} size={SMALL_SIZE} main={false} />
              <figcaption>{labels[k + 1] ?? ''}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}

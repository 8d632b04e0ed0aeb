/**
 * The network diagram (testid network): input features, hidden layers and outputs as columns of nodes, each
 * showing its own heatmap over the plane; links coloured by the weight's sign and as wide as |weight|.
 * Structure is rendered by Preact only when the architecture changes; weights, heatmaps and unit health are
 * written straight into the DOM on every snapshot. Dead units are greyed and crossed out, saturated units get
 * a dashed outline. Click a link or a bias to edit it; click (or Enter on) a node to inspect it.
 */
import { effect, useComputed } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { DataInfo } from '../engine/protocol.js';
import { featureEncoder } from '../engine/features.js';
import { className, lang, t } from '../i18n/index.js';
import './views.css';
import { dataInfo, selectedUnit, setWeight, snapshot, state } from '../state/store.js';
import { maxAbs, paintTile } from './colorScale.js';
import { formatValue } from './inspect.js';
import { BLUE, DEAD_COLOR, ORANGE, SATURATED_COLOR } from './palette.js';
import { ValueEditor, editedValue } from './ValueEditor.js';
import { healthKind, unitState } from './health.js';

/** Node side, row pitch, column pitch and margins, in SVG units. */
const S = 30;
const ROW = 40;
const COL = 104;
/** Column pitch for many layers (so 6 hidden layers, the inputs and the output fit a laptop's column). */
const COL_TIGHT = 76;
const LEFT = 64;
const TOP = 38;
const ZOOM = 120;
/**
 * The diagram shrinks to its panel down to this scale (nodes of 0.75 × 30 ≈ 22 px); a bigger network
 * keeps that size and scrolls sideways inside its panel.
 */
export const MIN_SCALE = 0.6;

/** Column pitch of an architecture: tighter from 5 hidden layers on. */
function colOf(arch: Arch): number {
  return arch.sizes.length >= 7 ? COL_TIGHT : arch.sizes.length >= 6 ? 90 : COL;
}

/** The architecture drawn: widths of every layer (inputs first) and the activation of each parameter layer. */
interface Arch {
  sizes: number[];
  acts: (string | null)[];
}

function parseArch(key: string): Arch | null {
  if (!key) return null;
  const [inputs, ...rest] = key.split('|');
  return {
    sizes: [Number(inputs), ...rest.map((r) => Number(r.slice(0, r.indexOf(':'))))],
    acts: rest.map((r) => r.slice(r.indexOf(':') + 1) || null),
  };
}

/** Top-left corner of node (layer, unit). */
function nodeXY(arch: Arch, layer: number, unit: number): [number, number] {
  const max = Math.max(...arch.sizes);
  return [LEFT + layer * colOf(arch), TOP + ((max - arch.sizes[layer]) * ROW) / 2 + unit * ROW];
}

function linkPath(arch: Arch, layer: number, from: number, to: number): string {
  const [ax, ay] = nodeXY(arch, layer - 1, from);
  const [bx, by] = nodeXY(arch, layer, to);
  const x1 = ax + S;
  const y1 = ay + S / 2;
  const y2 = by + S / 2;
  const mid = (x1 + bx) / 2;
  return `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${bx},${y2}`;
}

function shortAct(key: string | null): string {
  if (!key) return '';
  return key.length > 14 ? `${key.slice(0, 13)}…` : key;
}

/** Link width in SVG units for a weight (Playground: |w| 0..5 → 1..10 px, here a little thinner). */
function linkWidth(w: number): number {
  const a = Math.min(5, Math.abs(w));
  return Math.round((0.6 + a * 1.4) * 2) / 2;
}

/** Name of output unit `unit`: with its class name when each output is one class. */
export function outputName(unit: number, info: DataInfo | null): string {
  const cls = info && info.task === 'classification' && info.numClasses > 2 ? info.classNames[unit] : undefined;
  return cls !== undefined ? t('views.network.outputClass', { i: unit + 1, name: className(cls) }) : t('views.network.outputUnit', { i: unit + 1 });
}

interface Editing {
  layer: number;
  from: number;
  to: number;
  x: number;
  y: number;
  value: number;
}

interface Tip {
  x: number;
  y: number;
  text: string;
}

/** The network diagram. */
export function NetworkView() {
  const archKey = useComputed(() => {
    const m = snapshot.value?.models[0];
    if (!m || m.layers.length === 0) return '';
    return `${m.layers[0].inputSize}|${m.layers.map((l) => `${l.units}:${l.activation ?? ''}`).join('|')}`;
  }).value;
  const arch = parseArch(archKey);
  const info = dataInfo.value;
  const features = state.value.features;
  const loss = state.value.loss;
  const outputLink = loss === 'binary_crossentropy' ? 'sigmoid' : loss === 'categorical_crossentropy' ? 'softmax' : t('views.network.linear');
  const selected = selectedUnit.value;

  const rootRef = useRef<HTMLDivElement>(null);
  const linkRefs = useRef<(SVGPathElement | null)[]>([]);
  const nodeRefs = useRef<(SVGGElement | null)[]>([]);
  const heatRef = useRef<HTMLCanvasElement>(null);
  const biasRefs = useRef<(SVGRectElement | null)[]>([]);
  const zoomRef = useRef<HTMLCanvasElement>(null);
  const hoverRef = useRef<number>(-1);
  const [hover, setHover] = useState<{ n: number; x: number; y: number } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  hoverRef.current = hover?.n ?? -1;

  // Per-snapshot drawing, straight into the DOM.
  useEffect(() => {
    if (!arch) return;
    const lastStroke: string[] = [];
    const lastWidth: number[] = [];
    const lastClass: string[] = [];
    // All unit grids go into one atlas (one putImageData per frame), then each is drawn scaled onto its node.
    const atlas = document.createElement('canvas');
    const actx = atlas.getContext('2d');
    let image: ImageData | null = null;
    let pixels: Uint32Array | null = null;
    let lastLinks = -Infinity;
    const max = Math.max(...arch.sizes);
    const positions = arch.sizes.flatMap((size, L) => Array.from({ length: size }, (_, u) => nodeXY(arch, L, u)));
    const natW = LEFT + (arch.sizes.length - 1) * colOf(arch) + S + 40;
    const natH = TOP + max * ROW + 4;
    /** Paints every unit's g×g grid side by side into the atlas (row-major per unit). */
    const paintAtlas = (units: Float32Array, g: number, total: number): boolean => {
      if (!actx) return false;
      if (!image || image.height !== g || image.width !== g * total) {
        atlas.width = g * total;
        atlas.height = g;
        image = actx.createImageData(g * total, g);
        pixels = new Uint32Array(image.data.buffer);
      }
      const px = pixels as Uint32Array;
      const rowStride = g * total;
      for (let n = 0; n < total; n++) {
        const off = n * g * g;
        const range = maxAbs(units, off, g * g);
        paintTile(units, off, g, px, n * g, rowStride, range);
      }
      actx.putImageData(image, 0, 0);
      return true;
    };
    const deadWord = t('views.network.dead');
    const satWord = t('views.network.saturated');
    const zeroWord = t('teach.health.zeroGrad');
    const draw = (): void => {
      const m = snapshot.value?.models[0];
      if (!m) return;
      // Links: colour by sign, width by |w|; attributes only touched when they change, at most ~15 times a second.
      const now = performance.now();
      const linksDue = now - lastLinks > 66 || !snapshot.peek()?.running;
      if (linksDue) lastLinks = now;
      let k = 0;
      if (linksDue) m.layers.forEach((p) => {
        for (let i = 0; i < p.inputSize; i++) {
          for (let j = 0; j < p.units; j++, k++) {
            const el = linkRefs.current[k];
            if (!el) continue;
            const w = p.weights[i * p.units + j];
            const stroke = Number.isFinite(w) ? (w < 0 ? ORANGE : BLUE) : DEAD_COLOR;
            const width = Number.isFinite(w) ? linkWidth(w) : 1;
            if (lastStroke[k] !== stroke) {
              el.setAttribute('stroke', stroke);
              lastStroke[k] = stroke;
            }
            if (lastWidth[k] !== width) {
              el.setAttribute('stroke-width', String(width));
              lastWidth[k] = width;
            }
          }
        }
      });
      // Biases and health.
      let n = arch.sizes[0];
      m.layers.forEach((p, l) => {
        for (let u = 0; u < p.units; u++, n++) {
          const b = p.bias[u];
          const rect = biasRefs.current[n];
          if (rect) {
            const fill = b < 0 ? ORANGE : BLUE;
            if (rect.getAttribute('fill') !== fill) rect.setAttribute('fill', fill);
          }
          const st = unitState(
            healthKind(p.activation),
            l < m.health.dead.length && m.health.dead[l][u] === 1,
            l < m.health.saturated.length && m.health.saturated[l][u] === 1,
          );
          const cls = st === 'ok' ? 'node' : `node is-${st === 'zeroGradient' ? 'zerograd' : st}`;
          const g = nodeRefs.current[n];
          if (g && lastClass[n] !== cls) {
            g.setAttribute('class', cls);
            lastClass[n] = cls;
            // Shown by attribute, not only by CSS, so an exported SVG looks the same in any viewer.
            for (const [part, on] of [['node-dead', st === 'dead'], ['node-sat', st === 'saturated'], ['node-zg', st === 'zeroGradient']] as const) {
              g.querySelector(`.${part}`)?.setAttribute('display', on ? 'inline' : 'none');
            }
            const base = g.getAttribute('data-label') ?? '';
            const word = st === 'dead' ? deadWord : st === 'saturated' ? satWord : st === 'zeroGradient' ? zeroWord : '';
            g.setAttribute('aria-label', word ? `${base}; ${word}` : base);
          }
        }
      });
      // Unit heatmaps: all drawn into one canvas under the SVG (links never cross a node).
      const g = m.unitGrid;
      const total = positions.length;
      const heat = heatRef.current;
      const hctx = heat?.getContext('2d');
      if (heat && hctx && g > 0 && m.units.length >= total * g * g) {
        const dpr = Math.min(2, typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);
        if (heat.width !== Math.round(natW * dpr)) heat.width = Math.round(natW * dpr);
        if (heat.height !== Math.round(natH * dpr)) heat.height = Math.round(natH * dpr);
        hctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        hctx.imageSmoothingEnabled = true;
        if (!paintAtlas(m.units, g, total)) return;
        hctx.clearRect(0, 0, natW, natH);
        for (let i = 0; i < total; i++) hctx.drawImage(atlas, i * g, 0, g, g, positions[i][0], positions[i][1], S, S);
        const z = zoomRef.current;
        const zc = z?.getContext('2d');
        const h = hoverRef.current;
        if (z && zc && h >= 0 && h < total) {
          if (z.width !== ZOOM * dpr) {
            z.width = ZOOM * dpr;
            z.height = ZOOM * dpr;
          }
          zc.imageSmoothingEnabled = true;
          zc.drawImage(atlas, h * g, 0, g, g, 0, 0, z.width, z.height);
        }
      }
    };
    return effect(draw);
  }, [archKey, hover?.n, lang.value]);

  if (!arch || !info) {
    return (
      <section class="network-panel" aria-label={t('views.network.title')}>
        <svg data-testid="network" class="network" width="200" height="40" role="img" aria-label={t('views.network.waiting')}>
          <text x="8" y="24">{t('views.network.waiting')}</text>
        </svg>
      </section>
    );
  }

  let inputLabels: readonly string[] = info.inputNames;
  try {
    const enc = featureEncoder(features);
    if (enc.width === arch.sizes[0] && info.featureNames.length <= 2) inputLabels = enc.labels;
  } catch {
    // Keep the engine's names.
  }
  const last = arch.sizes.length - 1;
  const maxUnits = Math.max(...arch.sizes);
  const width = LEFT + last * colOf(arch) + S + 40;
  const height = TOP + maxUnits * ROW + 4;
  const unitName = (layer: number, unit: number): string =>
    layer === 0
      ? inputLabels[unit] ?? `x${unit + 1}`
      : layer === last
        ? outputName(unit, info)
        : t('views.network.hiddenUnit', { l: layer, i: unit + 1 });

  const links: JSX.Element[] = [];
  let k = 0;
  for (let L = 1; L <= last; L++) {
    for (let i = 0; i < arch.sizes[L - 1]; i++) {
      for (let j = 0; j < arch.sizes[L]; j++, k++) {
        const idx = k;
        const d = linkPath(arch, L, i, j);
        links.push(
          <g key={`l${idx}`} class="link" data-layer={L - 1} data-from={i} data-to={j}>
            <path class="link-hit" d={d} />
            <path ref={(el) => {
                linkRefs.current[idx] = el;
              }} class="link-line" d={d} fill="none" stroke={BLUE} stroke-width="1" />
          </g>,
        );
      }
    }
  }
  linkRefs.current.length = k;

  const weightOf = (layer: number, from: number, to: number): number => {
    const p = snapshot.peek()?.models[0]?.layers[layer];
    if (!p) return Number.NaN;
    return from < 0 ? p.bias[to] : p.weights[from * p.units + to];
  };

  const local = (ev: MouseEvent): [number, number] => {
    const svg = rootRef.current?.querySelector('svg');
    if (!svg) return [0, 0];
    const r = svg.getBoundingClientRect();
    return [((ev.clientX - r.left) / r.width) * width, ((ev.clientY - r.top) / r.height) * height];
  };

  const openEditor = (layer: number, from: number, to: number, x: number, y: number): void => {
    setTip(null);
    setEditing({ layer, from, to, x: Math.min(x, width - 90), y: Math.min(y, height - 28), value: weightOf(layer, from, to) });
  };

  const onLinkEvent = (ev: MouseEvent, kind: 'over' | 'click'): void => {
    const target = (ev.target as Element).closest('g.link');
    if (!target) return;
    const layer = Number(target.getAttribute('data-layer'));
    const from = Number(target.getAttribute('data-from'));
    const to = Number(target.getAttribute('data-to'));
    const [x, y] = local(ev);
    if (kind === 'click') openEditor(layer, from, to, x, y);
    else
      setTip({
        x,
        y,
        text: t('views.network.weightTip', { from: unitName(layer, from), to: unitName(layer + 1, to), value: formatValue(weightOf(layer, from, to)) }),
      });
  };

  const commit = (e: Editing, text: string | null): void => {
    const v = editedValue(text);
    if (v !== null) setWeight(0, e.layer, e.from, e.to, v);
    setEditing(null);
  };

  const nodes: JSX.Element[] = [];
  let n = 0;
  for (let L = 0; L <= last; L++) {
    for (let u = 0; u < arch.sizes[L]; u++, n++) {
      const idx = n;
      const [x, y] = nodeXY(arch, L, u);
      const isSel = selected !== null && selected.layer === L && selected.unit === u;
      const name = unitName(L, u);
      const act = L > 0 ? arch.acts[L - 1] : null;
      const select = (): void => {
        selectedUnit.value = { layer: L, unit: u };
      };
      nodes.push(
        <g
          key={`n${idx}`}
          ref={(el) => {
                nodeRefs.current[idx] = el;
              }}
          class="node"
          tabindex={0}
          role="button"
          aria-pressed={isSel}
          aria-label={act ? `${name}, ${act}` : name}
          data-label={act ? `${name}, ${act}` : name}
          data-layer={L}
          data-unit={u}
          onClick={select}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              select();
            }
          }}
          onPointerEnter={() => setHover({ n: idx, x, y })}
          onPointerLeave={() => setHover(null)}
          onFocus={() => setHover({ n: idx, x, y })}
          onBlur={() => setHover(null)}
        >
          <rect class="node-frame" x={x - 0.5} y={y - 0.5} width={S + 1} height={S + 1} fill="none" stroke={isSel ? '#222222' : '#bbbbbb'} stroke-width={isSel ? 2.5 : 1} />
          <rect class="node-sat" display="none" x={x - 4} y={y - 4} width={S + 8} height={S + 8} fill="none" stroke={SATURATED_COLOR} stroke-width="2.5" stroke-dasharray="4 3" />
          <rect class="node-zg" display="none" x={x - 3} y={y - 3} width={S + 6} height={S + 6} fill="none" stroke={DEAD_COLOR} stroke-width="2" stroke-dasharray="1.5 2.5" />
          <g class="node-dead" display="none">
            <rect x={x} y={y} width={S} height={S} fill={DEAD_COLOR} fill-opacity="0.75" />
            <path d={`M${x + 3},${y + 3}L${x + S - 3},${y + S - 3}M${x + S - 3},${y + 3}L${x + 3},${y + S - 3}`} stroke="#333333" stroke-width="2" />
          </g>
          {L === 0 && (
            <text class="node-label" x={x - 6} y={y + S / 2 + 4} text-anchor="end">
              {name}
            </text>
          )}
          {L > 0 && (
            <rect
              ref={(el) => {
                biasRefs.current[idx] = el;
              }}
              class="node-bias"
              x={x - 5}
              y={y + S - 5}
              width="9"
              height="9"
              fill={BLUE}
              stroke="#ffffff"
              tabindex={0}
              role="button"
              aria-label={t('views.network.biasAria', { unit: name })}
              onClick={(e) => {
                e.stopPropagation();
                openEditor(L - 1, -1, u, x - 5, y + S + 6);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  e.stopPropagation();
                  openEditor(L - 1, -1, u, x - 5, y + S + 6);
                }
              }}
              onPointerEnter={(e) => {
                const [px, py] = local(e);
                setTip({ x: px, y: py, text: t('views.network.biasTip', { unit: name, value: formatValue(weightOf(L - 1, -1, u)) }) });
              }}
              onPointerLeave={() => setTip(null)}
            />
          )}
        </g>,
      );
    }
  }

  const headers = arch.sizes.map((size, L) => {
    const x = LEFT + L * colOf(arch) + S / 2;
    const tight = colOf(arch) < COL;
    const title = L === 0 ? t('views.network.inputs') : L === last ? t('views.network.output') : t(tight ? 'teach.network.layerShort' : 'views.network.hidden', { l: L });
    return (
      <g key={`h${L}`} class="layer-head">
        <text x={x} y={12} text-anchor="middle" font-weight="600">
          {title}
        </text>
        <text x={x} y={26} text-anchor="middle" class="layer-act">
          {L === 0 ? t('views.network.count', { n: size }) : `${shortAct(arch.acts[L - 1]) || (L === last ? outputLink : t('views.network.linear'))} · ${size}`}
          {L > 0 && arch.acts[L - 1] && <title>{arch.acts[L - 1]}</title>}
        </text>
      </g>
    );
  });

  const zoom = hover && !editing
    ? (() => {
        const zx = Math.min(hover.x + S + 8, width - ZOOM - 2);
        const zy = Math.max(2, Math.min(hover.y - ZOOM / 2 + S / 2, height - ZOOM - 2));
        return (
          <canvas
            ref={zoomRef}
            class="node-zoom"
            aria-hidden="true"
            style={{ left: `${(zx / width) * 100}%`, top: `${(zy / height) * 100}%`, width: `${(ZOOM / width) * 100}%`, height: `${(ZOOM / height) * 100}%` }}
          />
        );
      })()
    : null;

  return (
    <section class="network-panel" aria-label={t('views.network.title')} ref={rootRef}>
      <div class="network-scroll">
      <div class="network-wrap" style={{ maxWidth: `${width}px`, minWidth: `${Math.round(width * MIN_SCALE)}px` }}>
        <canvas ref={heatRef} class="network-heat" aria-hidden="true" />
        <svg
          data-testid="network"
          class="network"
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="group"
          aria-label={t('views.network.title')}
          font-family="system-ui, sans-serif"
          font-size="11"
          onPointerOver={(e) => {
            if ((e.target as Element).closest('g.link')) onLinkEvent(e, 'over');
          }}
          onPointerOut={(e) => {
            if ((e.target as Element).closest('g.link')) setTip(null);
          }}
          onClick={(e) => {
            if ((e.target as Element).closest('g.link')) onLinkEvent(e, 'click');
          }}
        >
          <style>{NETWORK_CSS}</style>
          {headers}
          <g class="links">{links}</g>
          {editing && editing.from >= 0 && (
            <path class="link-editing" d={linkPath(arch, editing.layer + 1, editing.from, editing.to)} fill="none" />
          )}
          <g class="nodes">{nodes}</g>
          {editing && editing.from < 0 && (() => {
            const [bx, by] = nodeXY(arch, editing.layer + 1, editing.to);
            return <rect class="bias-editing" x={bx - 8} y={by + S - 8} width="15" height="15" fill="none" />;
          })()}
          {editing && (
            <foreignObject class="weight-editor" x={editing.x} y={editing.y} width="88" height="26">
              <ValueEditor
                key={`${editing.layer}:${editing.from}:${editing.to}`}
                testId="weight-editor"
                label={
                  editing.from < 0
                    ? t('views.inspector.editBias', { unit: unitName(editing.layer + 1, editing.to) })
                    : t('views.network.editWeightOf', { from: unitName(editing.layer, editing.from), to: unitName(editing.layer + 1, editing.to) })
                }
                value={editing.value}
                onDone={(text) => commit(editing, text)}
              />
            </foreignObject>
          )}
        </svg>
        {zoom}
        {tip && (
          <div class="network-tip" role="tooltip" style={{ left: `${(tip.x / width) * 100}%`, top: `${(tip.y / height) * 100}%` }}>
            {tip.text}
          </div>
        )}
      </div>
      </div>
      <ul class="network-legend">
        <li>
          <span class="legend-line" style={{ background: ORANGE }} /> {t('views.network.negative')}
        </li>
        <li>
          <span class="legend-line" style={{ background: BLUE }} /> {t('views.network.positive')}
        </li>
        <li>
          <span class="legend-dead" /> {t('views.network.dead')}
        </li>
        <li>
          <span class="legend-sat" /> {t('views.network.saturated')}
        </li>
        <li>
          <span class="legend-zg" /> {t('teach.health.zeroGrad')}
        </li>
      </ul>
      <p class="view-hint">
        {t('views.network.hint')} {t('teach.health.note')}
      </p>
    </section>
  );
}

/** Styles that travel with the exported SVG too. */
const NETWORK_CSS = `
.network .link-hit{fill:none;stroke:transparent;stroke-width:7;cursor:pointer}
.network .link-line{pointer-events:none;stroke-opacity:.85}
.network .node{cursor:pointer;outline:none}
.network .node-frame{pointer-events:all}
.network .node:focus-visible .node-frame{stroke:#222;stroke-width:2.5}
.network .node-sat,.network .node-dead,.network .node-zg{pointer-events:none}
.network .node-bias{cursor:pointer}
.network .node-bias:focus-visible{stroke:#222;stroke-width:2}
.network .layer-act{fill:#555}
.network .link-editing{stroke:#222;stroke-width:3;stroke-dasharray:5 3;pointer-events:none}
.network .bias-editing{stroke:#222;stroke-width:2;pointer-events:none}
.network .node-label{fill:#333}
`;

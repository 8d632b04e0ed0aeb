/**
 * Colour scales of the heatmaps, as lookup tables so painting a 100×100 grid every frame allocates nothing:
 * values are mapped to a table index and the RGBA bytes copied. Heatmap colours are "washed" (blended with
 * white at Playground's opacity 160/255) so that the fully coloured data points stand out on top of them.
 */
import { CLASS_COLORS, MIDDLE, ORANGE, BLUE, hexToRgb, type Rgb } from './palette.js';

/** How an output grid is to be read (see ModelSnapshot.output in engine/protocol.ts). */
export type OutputScale =
  | { readonly kind: 'binary' }
  | { readonly kind: 'multiclass'; readonly classes: number }
  | { readonly kind: 'regression'; readonly min: number; readonly max: number };

/** Opacity of the heatmap colours over white (Playground's 160/255). */
export const WASH = 160 / 255;
/** Number of steps of the diverging table. */
export const STEPS = 256;
/** Number of confidence levels per class of the multi-class table. */
export const LEVELS = 64;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function washed(c: Rgb, alpha: number): Rgb {
  return [Math.round(255 + (c[0] - 255) * alpha), Math.round(255 + (c[1] - 255) * alpha), Math.round(255 + (c[2] - 255) * alpha)];
}

/** Colour of t in [−1, 1] on the diverging scale (orange at −1, near-white at 0, blue at 1), unwashed. */
export function divergingColor(t: number): Rgb {
  const u = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  const o = hexToRgb(ORANGE);
  const m = hexToRgb(MIDDLE);
  const b = hexToRgb(BLUE);
  const c = u < 0 ? mix(m, o, -u) : mix(m, b, u);
  return [Math.round(c[0]), Math.round(c[1]), Math.round(c[2])];
}

/** Colour of class k with confidence s in [0, 1] (0 = near-white, 1 = the class colour), unwashed. */
export function classShade(k: number, s: number): Rgb {
  const base = hexToRgb(CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length]);
  const c = mix(hexToRgb(MIDDLE), base, Math.max(0, Math.min(1, s)));
  return [Math.round(c[0]), Math.round(c[1]), Math.round(c[2])];
}

/** RGBA packed into one 32-bit word in the platform's byte order (for a Uint32Array view of ImageData). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function pack(c: Rgb): number {
  return LITTLE_ENDIAN ? ((255 << 24) | (c[2] << 16) | (c[1] << 8) | c[0]) >>> 0 : ((c[0] << 24) | (c[1] << 16) | (c[2] << 8) | 255) >>> 0;
}

function buildDiverging(alpha: number): Uint32Array {
  const lut = new Uint32Array(STEPS);
  for (let i = 0; i < STEPS; i++) lut[i] = pack(washed(divergingColor((i / (STEPS - 1)) * 2 - 1), alpha));
  return lut;
}

const divergingLut = buildDiverging(WASH);
const classLut = new Uint32Array(CLASS_COLORS.length * LEVELS);
for (let k = 0; k < CLASS_COLORS.length; k++) {
  for (let l = 0; l < LEVELS; l++) classLut[k * LEVELS + l] = pack(washed(classShade(k, l / (LEVELS - 1)), WASH));
}
const NAN_COLOR = pack(washed(hexToRgb(MIDDLE), WASH));

/**
 * Splits a packed multi-class output (class + p, see the protocol) into class and confidence. Robust to
 * the packing's edge: p = 1 may round to the next integer, which reads as class c+1 with p ≈ 0 — impossible
 * since the winning probability is at least 1/classes — so it is read back as class c with p = 1.
 */
export function decodeClass(v: number, classes: number): { cls: number; p: number } {
  if (!Number.isFinite(v)) return { cls: 0, p: 0 };
  let cls = Math.floor(v);
  let p = v - cls;
  if (cls > 0 && p < 0.5 / Math.max(2, classes)) {
    cls -= 1;
    p = 1;
  }
  if (cls >= classes) {
    cls = classes - 1;
    p = 1;
  }
  if (cls < 0) {
    cls = 0;
    p = 0;
  }
  return { cls, p: Math.min(1, p) };
}

/** Confidence p of the winning class mapped to [0, 1] (1/classes → 0, 1 → 1). */
export function confidenceLevel(p: number, classes: number): number {
  const floor = 1 / Math.max(2, classes);
  return Math.max(0, Math.min(1, (p - floor) / (1 - floor)));
}

/** Position of a value on the diverging scale, t in [−1, 1] (NaN stays NaN). */
export function scalePosition(v: number, scale: OutputScale, discretize: boolean): number {
  let t: number;
  if (scale.kind === 'binary') t = 2 * v - 1;
  else if (scale.kind === 'regression') {
    const span = scale.max - scale.min;
    t = span > 0 ? (2 * (v - scale.min)) / span - 1 : 0;
  } else t = 0;
  if (discretize && Number.isFinite(t)) t = t > 0 ? 1 : t < 0 ? -1 : 0;
  return t;
}

function divergingIndex(t: number): number {
  const u = t < -1 ? -1 : t > 1 ? 1 : t;
  return Math.round(((u + 1) / 2) * (STEPS - 1));
}

/** The heatmap colour (washed) of one output value, as bytes [r, g, b]. */
export function outputColor(v: number, scale: OutputScale, discretize: boolean): Rgb {
  const word = outputWord(v, scale, discretize);
  return LITTLE_ENDIAN ? [word & 255, (word >>> 8) & 255, (word >>> 16) & 255] : [(word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255];
}

function outputWord(v: number, scale: OutputScale, discretize: boolean): number {
  if (!Number.isFinite(v)) return NAN_COLOR;
  if (scale.kind === 'multiclass') {
    const { cls, p } = decodeClass(v, scale.classes);
    const s = discretize ? 1 : confidenceLevel(p, scale.classes);
    return classLut[(cls % CLASS_COLORS.length) * LEVELS + Math.round(s * (LEVELS - 1))];
  }
  return divergingLut[divergingIndex(scalePosition(v, scale, discretize))];
}

/**
 * Paints an output grid into RGBA pixels (a Uint32Array view of an ImageData's bytes, same length as
 * `values`). Allocates nothing.
 */
export function paintOutput(values: ArrayLike<number>, pixels: Uint32Array, scale: OutputScale, discretize: boolean): void {
  const n = Math.min(values.length, pixels.length);
  if (scale.kind === 'multiclass') {
    for (let i = 0; i < n; i++) pixels[i] = outputWord(values[i], scale, discretize);
    return;
  }
  let a = 1;
  let b = 0;
  if (scale.kind === 'binary') {
    a = 2;
    b = -1;
  } else {
    const span = scale.max - scale.min;
    a = span > 0 ? 2 / span : 0;
    b = span > 0 ? -2 * scale.min / span - 1 : 0;
  }
  const k = (STEPS - 1) / 2;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      pixels[i] = NAN_COLOR;
      continue;
    }
    let t = a * v + b;
    if (discretize) t = t > 0 ? 1 : t < 0 ? -1 : 0;
    else if (t < -1) t = -1;
    else if (t > 1) t = 1;
    pixels[i] = divergingLut[Math.round((t + 1) * k)];
  }
}

/**
 * Paints `count` values starting at `offset` on the diverging scale, symmetric around 0 with half-width
 * `range` (values beyond it saturate). Used for the per-unit heatmaps of the network.
 */
export function paintDiverging(values: ArrayLike<number>, offset: number, count: number, pixels: Uint32Array, range: number): void {
  const s = range > 0 ? 1 / range : 0;
  const k = (STEPS - 1) / 2;
  for (let i = 0; i < count; i++) {
    const v = values[offset + i];
    if (v !== v) {
      pixels[i] = NAN_COLOR;
      continue;
    }
    let t = v * s;
    if (t < -1) t = -1;
    else if (t > 1) t = 1;
    pixels[i] = divergingLut[Math.round((t + 1) * k)];
  }
}

/** The largest |value| of a slice, at least `floor` (so near-constant units do not flicker at full colour). */
export function maxAbs(values: ArrayLike<number>, offset: number, count: number, floor = 1): number {
  let m = floor;
  for (let i = 0; i < count; i++) {
    const v = Math.abs(values[offset + i]);
    if (v > m) m = v;
  }
  return m;
}

/** Unpacks a 32-bit pixel word to [r, g, b, a] (for tests). */
export function unpack(word: number): [number, number, number, number] {
  return LITTLE_ENDIAN
    ? [word & 255, (word >>> 8) & 255, (word >>> 16) & 255, (word >>> 24) & 255]
    : [(word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255];
}

/**
 * Paints a g×g unit grid (starting at `offset` in `values`) into a tile of a wider atlas: pixel (r, c) goes to
 * `dst + r * stride + c`. Same colours as paintDiverging; allocates nothing.
 */
export function paintTile(values: ArrayLike<number>, offset: number, g: number, pixels: Uint32Array, dst: number, stride: number, range: number): void {
  const s = range > 0 ? 1 / range : 0;
  const k = (STEPS - 1) / 2;
  for (let r = 0; r < g; r++) {
    const src = offset + r * g;
    const out = dst + r * stride;
    for (let c = 0; c < g; c++) {
      const v = values[src + c];
      if (v !== v) {
        pixels[out + c] = NAN_COLOR;
        continue;
      }
      let t = v * s;
      if (t < -1) t = -1;
      else if (t > 1) t = 1;
      pixels[out + c] = divergingLut[Math.round((t + 1) * k)];
    }
  }
}

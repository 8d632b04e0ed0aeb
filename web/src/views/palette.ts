/**
 * Colours of the explorer's views. The diverging scale is TensorFlow Playground's (orange = negative or
 * class 0, near-white = 0, blue = positive or class 1); further classes take Okabe–Ito colours, a palette
 * chosen to stay distinguishable under the common colour-vision deficiencies.
 */

import { CLASS_PALETTE } from '../../../src/charts/classPalette.js';

/** An RGB triple, 0..255 each. */
export type Rgb = readonly [number, number, number];

/** Negative values and class 0. */
export const ORANGE = '#f59322';
/** Positive values and class 1. */
export const BLUE = '#0877bd';
/** The middle of the diverging scale (Playground's near-white, so white point strokes stay visible). */
export const MIDDLE = '#e8eaeb';

/** Class colours: the palette the CLI's charts use too (src/charts/classPalette.ts). */
export const CLASS_COLORS: readonly string[] = CLASS_PALETTE;

/** Series colours of charts (one per model in compare mode, one per layer otherwise); Okabe–Ito order. */
export const SERIES_COLORS: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#000000', '#f0e442'];

/** Outline of units that are saturated (mean |f'(z)| small). */
export const SATURATED_COLOR = '#b0306a';
/** Fill of dead units (f'(z) = 0 everywhere). */
export const DEAD_COLOR = '#9a9a9a';

/** Colour of class `k` (cycling when there are more classes than colours). */
export function classColor(k: number): string {
  const n = CLASS_COLORS.length;
  return CLASS_COLORS[((Math.floor(k) % n) + n) % n];
}

/** Colour of series `i` (cycling). */
export function seriesColor(i: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((i % n) + n) % n];
}

/** Parses `#rrggbb`. */
export function hexToRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * One categorical palette for classes, shared by the CLI's charts and the explorer: TensorFlow Playground's
 * orange (class 0) and blue (class 1), then Okabe–Ito colours, which stay distinguishable under the common
 * colour-vision deficiencies. A decision region takes its class's colour, lighter where the model is less
 * sure (confidence as lightness), so regions and points of one class always share one hue.
 */

/** Class colours, class 0 first. */
export const CLASS_PALETTE: readonly string[] = ['#f59322', '#0877bd', '#009e73', '#cc79a7', '#e6c700', '#56b4e9', '#d55e00', '#666666'];

/** Colour of class `k` (cycling past the palette's end). */
export function classPaletteColor(k: number): string {
  const n = CLASS_PALETTE.length;
  return CLASS_PALETTE[((Math.floor(k) % n) + n) % n];
}

/** Strongest share of the class colour in a region (the rest is white), so full-colour points stand out on it. */
export const REGION_STRENGTH = 0.6;

/**
 * The region colour of class `k` at probability `p` among `classes` classes: white at chance (p = 1/classes),
 * REGION_STRENGTH of the class colour at certainty (p = 1), as `#rrggbb`.
 */
export function regionColor(k: number, p: number, classes: number): string {
  const chance = 1 / Math.max(2, classes);
  const t = Number.isFinite(p) ? Math.min(1, Math.max(0, (p - chance) / (1 - chance))) : 0;
  const hex = classPaletteColor(k);
  const s = REGION_STRENGTH * t;
  const ch = (i: number): string => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(255 + (c - 255) * s).toString(16).padStart(2, '0');
  };
  return `#${ch(0)}${ch(1)}${ch(2)}`;
}

import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { CLASS_PALETTE, classPaletteColor, regionColor, REGION_STRENGTH } from '../../src/charts/classPalette.js';
import { classGrid, decisionBoundary } from '../../src/charts/decisionBoundary.js';
import { CLASS_COLORS } from '../../web/src/views/palette.js';

type Json = Record<string, unknown>;
const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Json[] }).layer;

describe('the class palette shared by the CLI and the explorer', () => {
  it('is the very list the explorer colours classes with', () => {
    expect(CLASS_COLORS).toBe(CLASS_PALETTE);
    expect(classPaletteColor(0)).toBe('#f59322');
    expect(classPaletteColor(CLASS_PALETTE.length + 1)).toBe(CLASS_PALETTE[1]);
  });

  it('makes a region white at chance and its class colour (softened) at certainty', () => {
    expect(regionColor(2, 1 / 3, 3)).toBe('#ffffff');
    expect(regionColor(0, 0.5, 2)).toBe('#ffffff');
    const sure = regionColor(1, 1, 2);
    const blue = [0x08, 0x77, 0xbd];
    const got = [1, 3, 5].map((i) => parseInt(sure.slice(i, i + 2), 16));
    got.forEach((c, i) => expect(c).toBe(Math.round(255 + (blue[i] - 255) * REGION_STRENGTH)));
    // More confident, darker.
    const lum = (h: string) => [1, 3, 5].reduce((s, i) => s + parseInt(h.slice(i, i + 2), 16), 0);
    expect(lum(regionColor(1, 0.9, 2))).toBeLessThan(lum(regionColor(1, 0.6, 2)));
  });
});

describe('multi-class decision boundaries', () => {
  const xs = [0, 1, 2];
  const ys = [0, 1];
  // 3 classes, 6 cells: class 1 (the middle class) in the middle column, sure; others less sure.
  const probs = [0.8, 0.1, 0.1, 0.05, 0.9, 0.05, 0.2, 0.3, 0.5, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4];
  const grid = classGrid(probs, 3, ['a', 'b', 'c']);

  it('takes the most probable class and its probability per cell', () => {
    expect(Array.from(grid.predicted)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(Array.from(grid.confidence)).toEqual([0.8, 0.9, 0.5, 0.5, 0.8, 0.4]);
    const binary = classGrid([0.2, 0.7], 1, ['neg', 'pos']);
    expect(Array.from(binary.predicted)).toEqual([0, 1]);
    expect(Array.from(binary.confidence)).toEqual([0.8, 0.7]);
  });

  it('paints the middle class in its own colour, not white, and points in the same colours as their regions', () => {
    const spec = decisionBoundary({ title: 't', grid: { xs, ys, values: Array.from(grid.predicted) }, points: [{ x: 1, y: 0, label: 'b' }, { x: 0, y: 0, label: 'a' }], classes: grid });
    const cells = (layers(spec)[0].data as { values: { fill: string }[] }).values;
    expect(cells[1].fill).toBe(regionColor(1, 0.9, 3));
    expect(cells[1].fill).not.toBe('#ffffff');
    const fill = (layers(spec)[1].encoding as Json).fill as { scale: { domain: string[]; range: string[] } };
    expect(fill.scale.domain).toEqual(['a', 'b', 'c']);
    expect(fill.scale.range).toEqual([CLASS_PALETTE[0], CLASS_PALETTE[1], CLASS_PALETTE[2]]);
    compile(spec);
  });
});

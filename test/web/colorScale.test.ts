import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classShade, confidenceLevel, decodeClass, divergingColor, maxAbs, outputColor, paintDiverging, paintOutput, paintTile, unpack, type OutputScale,
} from '../../web/src/views/colorScale.js';
import { BLUE, CLASS_COLORS, MIDDLE, ORANGE, hexToRgb } from '../../web/src/views/palette.js';

const binary: OutputScale = { kind: 'binary' };
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('the diverging scale', () => {
  it('runs from Playground orange through near-white to blue', () => {
    expect(divergingColor(-1)).toEqual(hexToRgb(ORANGE));
    expect(divergingColor(0)).toEqual(hexToRgb(MIDDLE));
    expect(divergingColor(1)).toEqual(hexToRgb(BLUE));
    expect(divergingColor(-5)).toEqual(hexToRgb(ORANGE));
    expect(divergingColor(Number.NaN)).toEqual(hexToRgb(MIDDLE));
  });

  it('gets bluer as p(class 1) grows and oranger as it falls', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, q) => {
        fc.pre(q > p + 0.02);
        const cp = outputColor(p, binary, false);
        const cq = outputColor(q, binary, false);
        // blue minus red runs from orange's −211 through 3 (near-white) to blue's 181, linearly on each half
        expect(cq[2] - cq[0]).toBeGreaterThanOrEqual(cp[2] - cp[0] - 1);
      }),
    );
  });

  it('discretised, shows only the two class colours', () => {
    const seen = new Set<string>();
    for (let p = 0; p <= 1; p += 0.01) if (Math.abs(p - 0.5) > 1e-9) seen.add(outputColor(p, binary, true).join(','));
    expect(seen.size).toBe(2);
  });

  it('maps a regression target range onto the scale ends', () => {
    const s: OutputScale = { kind: 'regression', min: -3, max: 5 };
    expect(outputColor(-3, s, false)).toEqual(outputColor(0, binary, false));
    expect(outputColor(5, s, false)).toEqual(outputColor(1, binary, false));
    expect(outputColor(1, s, false)).toEqual(outputColor(0.5, binary, false));
  });
});

describe('painting grids', () => {
  it('paints every pixel opaque, like outputColor, without NaN trouble', () => {
    const scales: OutputScale[] = [binary, { kind: 'regression', min: -1, max: 1 }, { kind: 'multiclass', classes: 3 }];
    for (const scale of scales) {
      for (const discretize of [false, true]) {
        const values = Float32Array.from({ length: 100 }, (_, i) => (scale.kind === 'multiclass' ? (i % 3) + 0.4 + (i % 7) / 12 : Math.sin(i)));
        values[13] = Number.NaN;
        const pixels = new Uint32Array(values.length);
        paintOutput(values, pixels, scale, discretize);
        for (let i = 0; i < values.length; i++) {
          const [r, g, b, a] = unpack(pixels[i]);
          expect(a).toBe(255);
          if (i !== 13) expect([r, g, b]).toEqual(outputColor(values[i], scale, discretize));
        }
      }
    }
  });

  it('paints unit heatmaps symmetric around zero', () => {
    const v = Float32Array.from([-2, -1, 0, 1, 2]);
    const px = new Uint32Array(5);
    paintDiverging(v, 0, 5, px, maxAbs(v, 0, 5));
    expect(unpack(px[0])).not.toEqual(unpack(px[4]));
    expect(unpack(px[2]).slice(0, 3)).toEqual(outputColor(0.5, binary, false));
    expect(unpack(px[4]).slice(0, 3)).toEqual(outputColor(1, binary, false));
    expect(maxAbs(Float32Array.from([0.1, -0.2]), 0, 2)).toBe(1);
  });
});

describe('multi-class outputs', () => {
  it('decode the packed class + confidence, also when p = 1 rounds to the next integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (k, c0, u) => {
        const c = c0 % k;
        const p = 1 / k + u * (1 - 1 / k);
        const d = decodeClass(Math.fround(c + p), k);
        if (p > 0.9999) expect([c, c + 1]).toContain(d.cls + (d.p < 0.5 ? 1 : 0));
        else {
          expect(d.cls).toBe(c);
          expect(d.p).toBeCloseTo(p, 5);
        }
      }),
    );
    expect(decodeClass(3, 3)).toEqual({ cls: 2, p: 1 });
    expect(decodeClass(1.0, 3)).toEqual({ cls: 0, p: 1 });
  });

  it('colour each class by its hue, fuller when more confident', () => {
    const s: OutputScale = { kind: 'multiclass', classes: 3 };
    for (let k = 0; k < 3; k++) {
      const target = hexToRgb(CLASS_COLORS[k]);
      expect(dist(outputColor(k + 0.95, s, false), target)).toBeLessThan(dist(outputColor(k + 0.5, s, false), target));
    }
    expect(confidenceLevel(1 / 3, 3)).toBe(0);
    expect(confidenceLevel(1, 3)).toBe(1);
    expect(classShade(2, 1)).toEqual(hexToRgb(CLASS_COLORS[2]));
  });
});

describe('atlas tiles', () => {
  it('paint a unit grid into its place in a wider atlas, like paintDiverging row by row', () => {
    const g = 3;
    const values = Float32Array.from({ length: 2 * g * g }, (_, i) => Math.sin(i) * 2);
    const atlas = new Uint32Array(2 * g * g);
    paintTile(values, 0, g, atlas, 0, 2 * g, 2);
    paintTile(values, g * g, g, atlas, g, 2 * g, 2);
    const row = new Uint32Array(g);
    for (let n = 0; n < 2; n++) {
      for (let r = 0; r < g; r++) {
        paintDiverging(values, n * g * g + r * g, g, row, 2);
        expect(Array.from(atlas.subarray(r * 2 * g + n * g, r * 2 * g + n * g + g))).toEqual(Array.from(row));
      }
    }
  });
});

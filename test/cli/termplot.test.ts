import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termPlot } from '../../src/cli/termplot.js';
import { ActlabError } from '../../src/util/errors.js';

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const isBraille = (ch: string) => ch >= '\u2801' && ch <= '\u28ff';

describe('termPlot', () => {
  it('returns exactly the requested number of lines, each exactly the requested width', () => {
    for (const [width, height] of [[60, 14], [24, 6], [80, 20]]) {
      const text = termPlot([{ name: 'sin', f: Math.sin }, { name: 'cos', f: Math.cos }], { from: -3, to: 3, width, height });
      const lines = text.split('\n');
      expect(lines).toHaveLength(height);
      for (const line of lines) expect([...line]).toHaveLength(width);
    }
  });

  it('keeps the same visible size when ANSI colours are on', () => {
    const plain = termPlot([{ name: 'a', f: (x) => x }, { name: 'b', f: (x) => -x }], { from: -1, to: 1, width: 40, height: 10 });
    const colored = termPlot([{ name: 'a', f: (x) => x }, { name: 'b', f: (x) => -x }], { from: -1, to: 1, width: 40, height: 10, color: true });
    expect(colored).toContain('\x1b[34m');
    expect(colored).toContain('\x1b[33m');
    expect(stripAnsi(colored)).toBe(plain);
  });

  it('draws y = x as a diagonal from the bottom left to the top right', () => {
    const height = 14;
    const lines = termPlot([{ name: 'identity', f: (x) => x }], { from: -1, to: 1, width: 50, height }).split('\n');
    const plotRows = lines.slice(0, height - 3);
    const start = plotRows[0].indexOf('┤') + 1;
    const centres = plotRows.map((row) => {
      const cols = [...row.slice(start)].flatMap((ch, i) => (isBraille(ch) ? [i] : []));
      expect(cols.length).toBeGreaterThan(0);
      return cols.reduce((a, b) => a + b, 0) / cols.length;
    });
    const width = [...plotRows[0].slice(start)].length;
    for (let r = 1; r < centres.length; r++) expect(centres[r]).toBeLessThan(centres[r - 1]);
    expect(centres[0]).toBeGreaterThan(0.85 * width);
    expect(centres[centres.length - 1]).toBeLessThan(0.15 * width);
    // Every row's ink lies within two cells of the straight line through the corners.
    centres.forEach((c, r) => expect(Math.abs(c - ((centres.length - 1 - r) / (centres.length - 1)) * (width - 1))).toBeLessThan(3));
  });

  it('labels the y range, the x range and the legend', () => {
    const text = termPlot([{ name: 'relu', f: (x) => Math.max(0, x) }, { name: "relu'", f: (x) => (x > 0 ? 1 : 0) }], { from: -2, to: 4, width: 60, height: 12, yRange: [-1, 4] });
    const lines = text.split('\n');
    expect(lines[0].trimStart().startsWith('4 ┤')).toBe(true);
    expect(lines[8].trimStart().startsWith('-1 ┤')).toBe(true);
    expect(lines[10].trim()).toMatch(/^-2\s+4$/);
    expect(lines[11]).toContain('━ relu');
    expect(lines[11]).toContain("━ relu'");
  });

  it('leaves gaps for non-finite values instead of failing', () => {
    const text = termPlot([{ name: 'log', f: Math.log }], { from: -2, to: 2, width: 40, height: 10 });
    const firstRow = text.split('\n')[0];
    expect([...firstRow].some(isBraille)).toBe(true);
    expect(text.split('\n').slice(0, 7).every((row) => ![...row.slice(0, row.indexOf('┤') + 12)].some(isBraille))).toBe(true);
  });

  it('rejects an empty range and a size too small to draw', () => {
    expect(() => termPlot([{ name: 'f', f: (x) => x }], { from: 1, to: 1, width: 40, height: 10 })).toThrow(ActlabError);
    expect(() => termPlot([{ name: 'f', f: (x) => x }], { from: 0, to: 1, width: 10, height: 10 })).toThrow(/too small/);
  });

  it('finishes with a full-size plot for any values: huge, subnormal, flat, NaN, ±∞ (a hang would time out)', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(5e-324, -5e-324, 1e-320, Number.MAX_VALUE, -Number.MAX_VALUE, 0, -0, Number.NaN, Infinity));
    fc.assert(
      fc.property(value, value, fc.constantFrom('const', 'linear', 'step'), (a, b, shape) => {
        const f = shape === 'const' ? () => a : shape === 'linear' ? (x: number) => a * x + b : (x: number) => (x > 0 ? a : b);
        const text = termPlot([{ name: 'f', f }, { name: 'g', f: () => b }], { from: -5, to: 5, width: 40, height: 10 });
        return text.split('\n').length === 10;
      }),
      { numRuns: 500 },
    );
  });
});

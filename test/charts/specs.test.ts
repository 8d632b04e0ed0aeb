import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../src/charts/decisionBoundary.js';
import { functionPlot } from '../../src/charts/functionPlot.js';
import { histogramBins } from '../../src/charts/histogram.js';
import { lineChart } from '../../src/charts/lineChart.js';
import { meanBand } from '../../src/charts/meanBand.js';
import { CHART_PALETTE } from '../../src/charts/theme.js';
import { ActlabError } from '../../src/util/errors.js';
import { chartExamples } from './examples.js';

type Json = Record<string, unknown>;
const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Json[] }).layer;
const rows = (spec: TopLevelSpec) => (spec as unknown as { data: { values: Json[] } }).data.values;
const scaleOf = (layer: Json, channel: string) => ((layer.encoding as Json)[channel] as { scale: { domain: unknown[]; range: unknown[] } }).scale;

describe('chart specs', () => {
  it('compile to Vega without warnings for every example', () => {
    for (const ex of chartExamples()) {
      const warnings: string[] = [];
      const logger = { level: () => logger, error: (m: unknown) => warnings.push(String(m)), warn: (m: unknown) => warnings.push(String(m)), info: () => logger, debug: () => logger };
      compile(ex.spec, { logger: logger as never });
      expect({ chart: ex.file, warnings }).toEqual({ chart: ex.file, warnings: [] });
    }
  });

  it('give a function and its dashed derivative the same colour when they share a group', () => {
    const pts = [{ x: -1, y: 0 }, { x: 1, y: 1 }];
    const spec = functionPlot({
      title: 't', xLabel: 'x', yLabel: 'y',
      series: [{ name: 'a', points: pts }, { name: "a'", group: 'a', dashed: true, points: pts }, { name: 'b', points: pts }],
    });
    const line = layers(spec).at(-1) as Json;
    expect(scaleOf(line, 'color')).toEqual({ domain: ['a', "a'", 'b'], range: [CHART_PALETTE[0], CHART_PALETTE[0], CHART_PALETTE[1]] });
    const dashes = scaleOf(line, 'strokeDash').range as number[][];
    expect(dashes[0]).toEqual([1, 0]);
    expect(dashes[1][1]).toBeGreaterThan(0);
  });

  it('turn non-finite function values into gaps (null) rather than dropping the point', () => {
    const spec = functionPlot({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'log', points: [{ x: 0, y: -Infinity }, { x: 1, y: 0 }, { x: 2, y: Number.NaN }] }] });
    expect(rows(spec).map((r) => r.y)).toEqual([null, 0, null]);
  });

  it('keep log-scale bands positive and leave out non-positive means', () => {
    const spec = lineChart({
      title: 't', xLabel: 'epoch', yLabel: 'loss', logY: true,
      series: [{ name: 'relu', points: [{ x: 1, y: 1, spread: 3 }, { x: 2, y: 0.5, spread: 0.1 }, { x: 3, y: 0 }] }],
    });
    const r = rows(spec);
    expect(r[0]).toMatchObject({ y: 1, lo: 0.1, hi: 4 });
    expect(r[1].lo).toBeCloseTo(0.4, 12);
    expect(r[2].y).toBeNull();
  });
});

describe('meanBand', () => {
  it('gives the pointwise mean and sample standard deviation, using the runs that reach each point', () => {
    const band = meanBand([1, 2, 3], [[1, 2, 3], [3, 4], [2, 6, Number.NaN]]);
    expect(band[0]).toEqual({ x: 1, y: 2, spread: 1 });
    expect(band[1].y).toBe(4);
    expect(band[1].spread).toBeCloseTo(2, 12);
    expect(band[2]).toEqual({ x: 3, y: 3 });
  });
});

describe('histogramBins', () => {
  it('counts every finite value once on shared bins and normalises each series to fractions', () => {
    const values = [0, 0.1, 0.5, 0.99, 1, Number.NaN, Infinity];
    const bins = histogramBins([{ name: 'a', values }, { name: 'b', values: [0.5] }], 4);
    const a = bins.filter((b) => b.series === 'a');
    expect(a.map((b) => b.count)).toEqual([2, 0, 1, 2]);
    expect(a.reduce((s, b) => s + b.fraction, 0)).toBeCloseTo(1, 12);
    expect(bins.filter((b) => b.series === 'b').map((b) => [b.x0, b.x1])).toEqual(a.map((b) => [b.x0, b.x1]));
    expect(() => histogramBins([{ name: 'a', values }], 0)).toThrow(ActlabError);
  });
});

describe('decisionBoundary', () => {
  it('rejects a grid whose values do not fill it', () => {
    expect(() => decisionBoundary({ title: 't', points: [], grid: { xs: [0, 1], ys: [0, 1], values: [0.5, 0.5, 0.5] } })).toThrow(ActlabError);
  });

  it('makes one cell per grid value, covering the grid edges', () => {
    const spec = decisionBoundary({ title: 't', points: [{ x: 0, y: 0, label: 1 }], grid: { xs: [0, 1, 2], ys: [0, 1], values: [0, 0.2, 0.4, 0.6, 0.8, 1] } });
    const cells = (layers(spec)[0].data as { values: { x0: number; x1: number; v: number }[] }).values;
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => c.v)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(cells[0].x0).toBeLessThanOrEqual(-0.5);
    expect(cells[2].x1).toBeGreaterThanOrEqual(2.5);
  });
});

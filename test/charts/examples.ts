import type { TopLevelSpec } from 'vega-lite';
import { barChart } from '../../src/charts/barChart.js';
import { boxPlot } from '../../src/charts/boxPlot.js';
import { decisionBoundary } from '../../src/charts/decisionBoundary.js';
import { functionPlot } from '../../src/charts/functionPlot.js';
import { histogram } from '../../src/charts/histogram.js';
import { lineChart } from '../../src/charts/lineChart.js';
import { meanBand } from '../../src/charts/meanBand.js';
import { moons } from '../../src/data/synthetic/moons.js';
import { createRng } from '../../src/util/rng.js';

/** One example chart of each kind, with the texts its rendering must show. */
export interface ChartExample {
  readonly file: string;
  readonly spec: TopLevelSpec;
  readonly texts: readonly string[];
}

const grid = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const gelu = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
const geluPrime = (x: number) => (gelu(x + 1e-6) - gelu(x - 1e-6)) / 2e-6;

/** Builds the examples (deterministic: seeded RNG only). */
export function chartExamples(): ChartExample[] {
  const xs = grid(-5, 5, 401);
  const rng = createRng(7);
  const epochs = grid(1, 40, 40);
  const curves = (rate: number, floor: number) =>
    Array.from({ length: 5 }, () => epochs.map((e) => floor + 2.3 * Math.exp(-rate * e) * (1 + 0.15 * rng.normal())));
  const accuracy = (mean: number, sd: number) => Array.from({ length: 10 }, () => mean + sd * rng.normal());
  const normals = (shift: number, n: number) => Float64Array.from({ length: n }, () => shift + rng.normal());
  const data = moons({ n: 160, noise: 0.1, seed: 3 });
  const points = Array.from({ length: data.n }, (_, i) => ({ x: data.x[2 * i], y: data.x[2 * i + 1], label: data.y[i] }));
  const gx = grid(-6, 6, 61);
  const values = gx.flatMap((y) => gx.map((x) => sigmoid(2.2 * (1.2 * Math.sin(0.8 * x) - y))));
  return [
    {
      file: 'function',
      spec: functionPlot({
        title: 'relu, gelu and their derivatives',
        xLabel: 'x',
        yLabel: "f(x), f'(x)",
        series: [
          { name: 'relu', points: xs.map((x) => ({ x, y: Math.max(0, x) })) },
          { name: "relu'", group: 'relu', dashed: true, points: xs.map((x) => ({ x, y: x > 0 ? 1 : 0 })) },
          { name: 'gelu', points: xs.map((x) => ({ x, y: gelu(x) })) },
          { name: "gelu'", group: 'gelu', dashed: true, points: xs.map((x) => ({ x, y: geluPrime(x) })) },
        ],
      }),
      texts: ['relu, gelu and their derivatives', "f(x), f'(x)", 'relu', "gelu'"],
    },
    {
      file: 'loss',
      spec: lineChart({
        title: 'training loss (mean ± std over 5 seeds)',
        xLabel: 'epoch',
        yLabel: 'loss',
        logY: true,
        series: [
          { name: 'relu', points: meanBand(epochs, curves(0.12, 0.05)) },
          { name: 'tanh', points: meanBand(epochs, curves(0.07, 0.08)) },
          { name: 'sigmoid', points: meanBand(epochs, curves(0.03, 0.2)) },
        ],
      }),
      texts: ['training loss (mean ± std over 5 seeds)', 'epoch', 'loss', 'sigmoid'],
    },
    {
      file: 'accuracy-box',
      spec: boxPlot({
        title: 'test accuracy over 10 seeds',
        xLabel: 'activation',
        yLabel: 'accuracy',
        groups: [
          { name: 'relu', values: accuracy(0.95, 0.01) },
          { name: 'leaky_relu', values: accuracy(0.955, 0.008) },
          { name: 'tanh', values: accuracy(0.93, 0.015) },
          { name: 'sigmoid', values: accuracy(0.88, 0.03) },
        ],
      }),
      texts: ['test accuracy over 10 seeds', 'activation', 'accuracy', 'leaky_relu'],
    },
    {
      file: 'accuracy-bar',
      spec: barChart({
        title: 'mean test accuracy',
        xLabel: 'activation',
        yLabel: 'accuracy',
        bars: [
          { name: 'relu', value: 0.951, error: 0.01 },
          { name: 'gelu', value: 0.957, error: 0.008 },
          { name: 'tanh', value: 0.93, error: 0.015 },
        ],
      }),
      texts: ['mean test accuracy', 'activation', 'accuracy', 'gelu'],
    },
    {
      file: 'histogram',
      spec: histogram({
        title: 'pre-activation values per layer',
        xLabel: 'value',
        series: [
          { name: 'layer 1', values: normals(0, 4000) },
          { name: 'layer 2', values: normals(1.5, 4000) },
        ],
      }),
      texts: ['pre-activation values per layer', 'value', 'fraction of values', 'layer 2'],
    },
    {
      file: 'decision-boundary',
      spec: decisionBoundary({ title: 'moons: decision boundary', grid: { xs: gx, ys: gx, values }, points }),
      texts: ['moons: decision boundary', 'x₁', 'x₂', 'P(class 1)', 'class'],
    },
    {
      file: 'cjk',
      spec: barChart({ title: '激活函数 准确率', xLabel: '激活函数', yLabel: '准确率', bars: [{ name: '线性整流', value: 0.9 }, { name: '双曲正切', value: 0.85 }] }),
      texts: ['激活函数 准确率', '线性整流'],
    },
  ];
}

import type { TopLevelSpec } from 'vega-lite';
import { classGrid, decisionBoundary } from '../charts/decisionBoundary.js';
import { lineChart } from '../charts/lineChart.js';
import type { RunResult } from '../run/trainRun.js';
import { ActlabError } from '../util/errors.js';

/** Train and test loss per epoch of one run (log scale). */
export function lossCurveSpec(r: RunResult, title: string): TopLevelSpec {
  return lineChart({
    title,
    xLabel: 'epoch',
    yLabel: 'loss',
    logY: true,
    series: [
      { name: 'train loss', points: r.history.map((h) => ({ x: h.epoch, y: h.trainLoss })) },
      { name: 'test loss', points: r.history.map((h) => ({ x: h.epoch, y: h.testLoss ?? Number.NaN })) },
    ],
  });
}

/**
 * The trained model's output over a 60×60 grid covering the (unstandardised) 2-D data, with the training
 * points: P(class 1) for two classes, the predicted class for more, the value for regression.
 */
export function boundarySpec(r: RunResult, title: string): TopLevelSpec {
  const { data, model } = r;
  if (data.train.d !== 2) throw new ActlabError(`a decision boundary needs 2-D data but '${data.name}' has ${data.train.d} features; leave out --boundary`);
  const raw = data.raw.train;
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let i = 0; i < raw.n; i++) for (let j = 0; j < 2; j++) {
    lo[j] = Math.min(lo[j], raw.x[2 * i + j]);
    hi[j] = Math.max(hi[j], raw.x[2 * i + j]);
  }
  const steps = 60;
  const axis = (j: number) => {
    const pad = (hi[j] - lo[j]) * 0.05 || 1;
    return Array.from({ length: steps }, (_, i) => lo[j] - pad + ((hi[j] - lo[j] + 2 * pad) * i) / (steps - 1));
  };
  const xs = axis(0);
  const ys = axis(1);
  const { mean, std } = data.standardizer;
  const grid = new Float32Array(steps * steps * 2);
  for (let j = 0; j < steps; j++) for (let i = 0; i < steps; i++) {
    grid[2 * (j * steps + i)] = (Math.fround(xs[i]) - mean[0]) / std[0];
    grid[2 * (j * steps + i) + 1] = (Math.fround(ys[j]) - mean[1]) / std[1];
  }
  const out = model.predict(grid, steps * steps);
  const k = model.outputSize;
  const classes = data.classNames ?? [];
  const values = new Float64Array(steps * steps);
  for (let c = 0; c < steps * steps; c++) {
    if (k === 1) values[c] = out[c];
    else {
      let best = 0;
      for (let q = 1; q < k; q++) if (out[c * k + q] > out[c * k + best]) best = q;
      values[c] = best;
    }
  }
  const points = Array.from({ length: raw.n }, (_, i) => ({
    x: raw.x[2 * i],
    y: raw.x[2 * i + 1],
    label: data.task === 'classification' ? (classes[raw.y[i]] ?? String(raw.y[i])) : Number(raw.y[i].toPrecision(3)),
  }));
  let domain: [number, number] = [0, 1];
  let valueLabel = `P(${classes[1] ?? 'class 1'})`;
  if (data.task === 'regression') {
    domain = [Math.min(...values), Math.max(...values)];
    valueLabel = 'prediction';
  } else if (k > 1) {
    domain = [0, k - 1];
    valueLabel = 'predicted class';
  }
  // Classes: one categorical palette shared with the explorer, confidence as lightness.
  const classGridOf = data.task === 'classification' ? classGrid(out, k, classes.length > 0 ? classes : Array.from({ length: Math.max(2, k) }, (_, c) => String(c))) : undefined;
  return decisionBoundary({ grid: { xs, ys, values }, points, title, xLabel: data.featureNames[0], yLabel: data.featureNames[1], valueLabel, domain, classes: classGridOf });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { CATALOG } from '../../src/activations/registry.js';
import { analyzeActivation } from '../../src/analysis/analyzeActivation.js';
import { createModel, type Model } from '../../src/nn/model.js';
import { createRng } from '../../src/util/rng.js';
import { maxSlopeInterval, propertyRows } from '../../web/src/activation/panelLogic.js';
import { filterRows, sortRows, tableRow } from '../../web/src/activation/tableLogic.js';
import { translate } from '../../web/src/i18n/index.js';
import { stepFocus, TOUR_FOCUS, observe, ratioText } from '../../web/src/tours/tourFocus.js';
import { TOURS } from '../../web/src/tours/tours.js';
import { integerAxes, localizeDatasetNames, seconds } from '../../web/src/tours/experimentFormat.js';
import { VIEWS } from '../../web/src/state/viewFocus.js';
import { healthKind, unitState } from '../../web/src/views/health.js';
import { forwardTrace, type InspectLayer } from '../../web/src/views/inspect.js';
import { backwardChain, collapseLinear, isAffine, meanSlope } from '../../web/src/views/why.js';
import type { EpochPoint } from '../../web/src/engine/protocol.js';

const en = (k: string, v?: Readonly<Record<string, string | number>>) => translate('en', k, v);
const zh = (k: string, v?: Readonly<Record<string, string | number>>) => translate('zh', k, v);

function layersOf(model: Model): InspectLayer[] {
  return model.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation?.key ?? null, weights: l.weights, bias: l.bias, params: l.sharedParams }));
}

function model(seed: number, hidden: string[], units = 3): InspectLayer[] {
  const rng = createRng(seed);
  const m = createModel({ inputSize: 2, hidden: hidden.map((a) => ({ units, activation: resolveActivation(a) })), outputSize: 1, loss: 'binary_crossentropy' }, rng);
  for (const l of m.layers) for (let j = 0; j < l.bias.length; j++) l.bias[j] = rng.uniform(-0.5, 0.5);
  return layersOf(m);
}

describe('the backward chain at a point', () => {
  it("gives each layer's gradient of the output score, matching finite differences of the score in that layer's pre-activations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (seed, x1, x2) => {
        const layers = model(seed, ['tanh', 'sigmoid', 'softplus']);
        const chain = backwardChain(layers, [x1, x2]);
        expect(chain.map((c) => c.layer)).toEqual([1, 2, 3]);
        // Finite differences: nudge layer 1's bias j (moves z₁ⱼ by h) and watch the score.
        const score = (ls: InspectLayer[]) => forwardTrace(ls, [x1, x2], 'identity').z[ls.length - 1][0];
        const h = 1e-5;
        const g = Array.from({ length: layers[0].units }, (_, j) => {
          const up = layers.map((l, i) => (i === 0 ? { ...l, bias: Float32Array.from(l.bias, (b, k) => (k === j ? b + h : b)) } : l));
          const down = layers.map((l, i) => (i === 0 ? { ...l, bias: Float32Array.from(l.bias, (b, k) => (k === j ? b - h : b)) } : l));
          return (score(up) - score(down)) / (2 * h);
        });
        expect(chain[0].gradNorm).toBeCloseTo(Math.hypot(...g), 3);
      }),
      { numRuns: 25 },
    );
  });

  it('multiplies sigmoid factors that are each at most 0.25, so the product shrinks layer by layer', () => {
    const chain = backwardChain(model(3, ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'], 6), [0.7, -1.2]);
    for (const c of chain) {
      for (const s of c.slopes) expect(s).toBeLessThanOrEqual(0.25 + 1e-12);
      expect(c.meanSlope).toBeLessThanOrEqual(0.25);
    }
    expect(chain[0].product).toBeLessThan(0.25 ** 4 + 1e-12);
    expect(chain[0].product).toBeCloseTo(chain.reduce((p, c) => p * c.meanSlope, 1), 12);
  });
});

describe('a linear network collapses to one matrix', () => {
  it('reproduces the network exactly for any input when every hidden activation is affine', () => {
    const layers = model(7, ['identity', 'identity', '2*x + 1'], 4);
    const map = collapseLinear(layers)!;
    expect(map.matrix).toHaveLength(1);
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, b) => {
        const direct = forwardTrace(layers, [a, b], 'identity').z[layers.length - 1][0];
        expect(map.matrix[0][0] * a + map.matrix[0][1] * b + map.offset[0]).toBeCloseTo(direct, 4);
      }),
    );
  });

  it('does not collapse a network with a non-linear activation', () => {
    expect(collapseLinear(model(7, ['identity', 'relu']))).toBeNull();
    expect(isAffine('identity')).toBe(true);
    expect(isAffine('3*x - 2')).toBe(true);
    expect(isAffine('relu')).toBe(false);
    expect(isAffine('tanh')).toBe(false);
  });
});

describe('the mean slope over a z histogram', () => {
  it('weights |f′| at the bin centres by the counts', () => {
    expect(meanSlope((x) => (x > 0 ? 1 : 0), [-2, -1, 0, 1, 2], [1, 1, 1, 1])).toBeCloseTo(0.5, 12);
    expect(meanSlope(() => 3, [0, 1], [0])).toBe(0);
  });
});

describe('dead, saturated and zero gradient kept apart', () => {
  it('calls a step zero-gradient by design, never dead or saturated', () => {
    const k = healthKind('binary_step');
    expect(k).toEqual({ zeroGradient: true, canDie: false, canSaturate: false });
    expect(unitState(k, true, true)).toBe('zeroGradient');
  });

  it('lets ReLU die but not saturate, and sigmoid and tanh saturate but not die', () => {
    expect(healthKind('relu')).toEqual({ zeroGradient: false, canDie: true, canSaturate: false });
    expect(unitState(healthKind('relu'), true, true)).toBe('dead');
    expect(unitState(healthKind('relu'), false, true)).toBe('ok');
    for (const a of ['sigmoid', 'tanh']) {
      expect(healthKind(a)).toEqual({ zeroGradient: false, canDie: false, canSaturate: true });
      expect(unitState(healthKind(a), false, true)).toBe('saturated');
    }
    expect(healthKind('leaky_relu').canDie).toBe(false);
    expect(healthKind(null)).toEqual({ zeroGradient: false, canDie: false, canSaturate: false });
  });
});

describe('the property rows', () => {
  it('has a monotonic-derivative row, in both languages', () => {
    const rows = (a: string, t: typeof en) => Object.fromEntries(propertyRows(analyzeActivation(resolveActivation(a)), t).map((r) => [r.key, r.value]));
    expect(rows('relu', en).monotonicDerivative).toBe('yes');
    expect(rows('tanh', en).monotonicDerivative).toBe('no');
    expect(rows('tanh', zh).monotonicDerivative).toBe('否');
  });

  it('reports where the largest |f′| is attained as an interval when it is one (ReLU: every x > 0)', () => {
    const relu = resolveActivation('relu');
    const p = analyzeActivation(relu);
    const set = maxSlopeInterval((x) => relu.df(x), p.maxAbsDerivative!, p.maxAbsDerivativeAt!);
    expect(set).toEqual({ from: 0, to: null });
    const rows = Object.fromEntries(propertyRows(p, en, set).map((r) => [r.key, r.value]));
    expect(rows.maxSlope).toBe('1 for every x in (0, ∞)');
    const tanh = resolveActivation('tanh');
    const q = analyzeActivation(tanh);
    expect(maxSlopeInterval((x) => tanh.df(x), q.maxAbsDerivative!, q.maxAbsDerivativeAt!)).toBeNull();
  });
});

describe('the table of all activations', () => {
  const ids = ['relu', 'tanh', 'sigmoid', 'binary_step', 'elu'];
  const rows = ids.map((id) => tableRow(id, CATALOG.find((c) => c.id === id)!.name, analyzeActivation(resolveActivation(id)), en));

  it('fills every column for every entry', () => {
    for (const r of rows) for (const c of Object.values(r.cells)) expect(c.text.length).toBeGreaterThan(0);
    const tanh = rows.find((r) => r.id === 'tanh')!;
    expect(tanh.cells.range.text).toBe('(−1, 1)');
    expect(tanh.cells.zeroCentered.text).toBe('yes');
    expect(tanh.cells.saturating.text).toBe('both ends');
    expect(rows.find((r) => r.id === 'relu')!.cells.deadZone.text).toBe('(−∞, 0)');
  });

  it('sorts by a column both ways, and filters by words', () => {
    const byName = sortRows(rows, 'name', true).map((r) => r.id);
    expect(byName).toEqual(['binary_step', 'elu', 'relu', 'sigmoid', 'tanh']);
    expect(sortRows(rows, 'name', false).map((r) => r.id)).toEqual([...byName].reverse());
    const sat = sortRows(rows, 'saturating', false).map((r) => r.id);
    expect(sat.slice(0, 3).sort()).toEqual(['binary_step', 'sigmoid', 'tanh']);
    expect(filterRows(rows, 'both ends').map((r) => r.id).sort()).toEqual(['binary_step', 'sigmoid', 'tanh']);
    expect(filterRows(rows, 'relu').map((r) => r.id)).toEqual(['relu']);
    expect(filterRows(rows, '').length).toBe(rows.length);
  });

  it('speaks Chinese in the Chinese table', () => {
    const r = tableRow('tanh', 'Tanh', analyzeActivation(resolveActivation('tanh')), zh);
    expect(r.cells.zeroCentered.text).toBe('是');
    expect(r.cells.saturating.text).toBe('两端');
  });
});

describe('lesson steps drive the page', () => {
  it('has a focus for every step of every tour, pointing at a real view', () => {
    for (const tour of TOURS) {
      expect(TOUR_FOCUS[tour.id]).toHaveLength(tour.steps.length);
      tour.steps.forEach((_, k) => expect(VIEWS).toContain(stepFocus(tour.id, k).view));
    }
  });

  const point = (epoch: number, gradNorms: number[]): EpochPoint => ({
    epoch,
    trainLoss: 0.5,
    testLoss: 0.6,
    trainAccuracy: 0.8,
    testAccuracy: 0.75,
    gradNorms,
    deadFractions: [],
    saturatedFractions: [],
  });

  it("states a vanishing gradient in numbers: layer 1's gradient is 10,000× smaller than the last hidden layer's", () => {
    const o = observe('gradients', [[point(200, [1e-6, 1e-4, 1e-3, 1e-2, 0.05])]], [], ['sigmoid'])!;
    expect(en(o.key, o.vars)).toBe('epoch 200: layer 1’s gradient (1.0e-6) is 10,000× smaller than layer 4’s (0.01).');
    expect(ratioText(1, 0.5)).toBe('2');
    expect(ratioText(0.0514, 1.8e-5)).toBe('2,900');
    expect(ratioText(1, 1e-9)).toBe('10⁹');
  });

  it('states losses at equal epochs for every compared model', () => {
    const o = observe('compare', [[point(300, [1])], [{ ...point(300, [1]), testLoss: 0.2 }]], [], ['tanh', 'sigmoid'])!;
    expect(en(o.key, o.vars)).toBe('epoch 300, same for every model: test loss tanh 0.6 · sigmoid 0.2.');
  });
});

describe('the lesson experiment display', () => {
  it('never says 0.0 s for a run that took time', () => {
    expect(seconds(7)).toBe('0.007');
    expect(seconds(420)).toBe('0.42');
    expect(seconds(12_345)).toBe('12.3');
  });

  it('puts whole-number ticks on a layer axis', () => {
    const spec = { encoding: { x: { field: 'x', type: 'quantitative', title: 'hidden layer (1 = nearest the input)' }, y: { field: 'y', type: 'quantitative', title: 'norm' } } };
    const out = integerAxes(spec) as typeof spec & { encoding: { x: { axis?: unknown }; y: { axis?: unknown } } };
    expect(out.encoding.x.axis).toEqual({ format: 'd', tickMinStep: 1 });
    expect(out.encoding.y.axis).toBeUndefined();
  });
});

describe('lesson text in Chinese', () => {
  it('names data sets as the data panel does, never by their English ids', () => {
    const name = (id: string) => zh(`controls.dataset.${id}`);
    expect(localizeDatasetNames('在 spiral 数据上训练；换成 moons（这一步）；spiral3 与 multi_gauss', name)).toBe('在螺旋数据上训练；换成双月（这一步）；三臂螺旋与多高斯');
    for (const tour of TOURS) for (const st of tour.steps) expect(localizeDatasetNames(st.text.zh, name)).not.toMatch(/\b(spiral3?|moons|blobs3|multi_gauss|gauss|circle)\b/);
  });
});

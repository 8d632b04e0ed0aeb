import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RANGES,
  URL_MAX_ROWS,
  customDataFitsUrl,
  float32Text,
  lossFor,
  normalizeState,
  problemOf,
  classCount,
  readUrlState,
  writeUrlState,
} from '../../web/src/state/url.js';
import {
  CLASSIFICATION_SETS,
  DEFAULT_STATE,
  FEATURES,
  LIMITS,
  REGRESSION_SETS,
  type CustomData,
  type DatasetChoice,
  type ExplorerState,
} from '../../web/src/state/types.js';

/** Any text a user might type as an activation: full Unicode, operators, separators of every kind. */
const text = (max = 40): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }),
      fc.string({ unit: fc.constantFrom(...'x*+-/^()?:;,=&%#|!<>.e 0123456789sigmoidtanh\n\t"\'+'.split('')), minLength: 1, maxLength: max }),
      fc.constantFrom('relu', 'elu:alpha=0.5', 'x*sigmoid(beta*x); beta=1.5', 'x > 0 ? x : 0.01*x', 'a&b=c', '%2C', '+ +', 'clamp(x,-1,1)'),
    )
    .filter((s) => s.trim() !== '');

const f32 = fc.float({ noNaN: true, noDefaultInfinity: true });

const customArb: fc.Arbitrary<CustomData> = fc
  .record({
    task: fc.constantFrom('classification' as const, 'regression' as const),
    d: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 1, max: 25 }),
    k: fc.integer({ min: 2, max: 10 }),
    seed: fc.integer(),
  })
  .chain(({ task, d, n, k }) =>
    fc.record({
      task: fc.constant(task),
      featureNames: fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: d, maxLength: d }),
      classNames: fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: k, maxLength: k }),
      x: fc.array(f32, { minLength: n * d, maxLength: n * d }),
      y: task === 'classification' ? fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }) : fc.array(f32, { minLength: n, maxLength: n }),
      planeColumns: fc.tuple(fc.integer({ min: 0, max: d - 1 }), fc.integer({ min: 0, max: d - 1 })),
      source: fc.string({ unit: 'grapheme', maxLength: 20 }),
    }),
  )
  .map((r) => {
    const data: CustomData = { task: r.task, featureNames: r.featureNames, x: r.x, y: r.y, planeColumns: r.planeColumns, source: r.source };
    if (r.task === 'classification') data.classNames = r.classNames;
    return data;
  });

const datasetArb: fc.Arbitrary<DatasetChoice> = fc.constantFrom(...CLASSIFICATION_SETS, ...REGRESSION_SETS, 'custom' as const);

/** A consistent explorer state (what the controls can produce), with custom data when the set is custom. */
const stateArb: fc.Arbitrary<{ state: ExplorerState; custom: CustomData | null }> = fc
  .record({
    lang: fc.constantFrom('en' as const, 'zh' as const),
    dataset: datasetArb,
    custom: customArb,
    noise: fc.integer({ min: 0, max: 50 }),
    trainRatio: fc.integer({ min: 10, max: 90 }),
    points: fc.integer({ min: LIMITS.minPoints, max: LIMITS.maxPoints }),
    batchSize: fc.integer({ min: 1, max: 30 }),
    dataSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    initSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    features: fc.shuffledSubarray([...FEATURES]),
    hidden: fc.array(fc.record({ units: fc.integer({ min: 1, max: LIMITS.maxUnits }), activation: text() }), { maxLength: LIMITS.maxLayers }),
    outputActivation: text(),
    lossKind: fc.constantFrom('mse' as const, 'ce' as const),
    optimizer: fc.constantFrom('sgd' as const, 'momentum' as const, 'adam' as const),
    learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    regularization: fc.constantFrom('none' as const, 'l1' as const, 'l2' as const),
    regRate: fc.double({ min: 0, max: 10, noNaN: true }),
    showTest: fc.boolean(),
    discretize: fc.boolean(),
    compare: fc.array(text(), { maxLength: LIMITS.maxCompare }),
    tour: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), { nil: null }),
    tourStep: fc.integer({ min: 0, max: 999 }),
    speed: fc.oneof(fc.constantFrom(0, 1, 3, 30, 300), fc.double({ min: 0.01, max: 10_000, noNaN: true })),
  })
  .map(({ custom: c, lossKind, ...r }) => {
    const custom = r.dataset === 'custom' ? c : null;
    const state: ExplorerState = {
      ...r,
      regRate: Object.is(r.regRate, -0) ? 0 : r.regRate,
      problem: problemOf(r.dataset, custom),
      loss: lossFor(lossKind, classCount(r.dataset, custom)),
      tourStep: r.tour === null ? 0 : r.tourStep,
    };
    return { state, custom };
  });

describe('URL state', () => {
  it('gives back every consistent state and its small custom data exactly, whatever the activation texts hold', () => {
    fc.assert(
      fc.property(stateArb, ({ state, custom }) => {
        const search = writeUrlState(state, custom);
        const back = readUrlState(search);
        expect(back.state).toEqual(state);
        expect(back.customData).toEqual(custom);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the defaults for an empty query and writes them back to the same state', () => {
    expect(readUrlState('')).toEqual({ state: DEFAULT_STATE, customData: null });
    expect(readUrlState('?')).toEqual({ state: DEFAULT_STATE, customData: null });
    expect(readUrlState(writeUrlState(DEFAULT_STATE, null)).state).toEqual(DEFAULT_STATE);
  });

  it('reads the documented example link', () => {
    const { state } = readUrlState(
      '?lang=zh&data=spiral&noise=10&train=60&n=400&batch=5&seed=3&init=7&f=x1,x2,x1sq&l=8:relu&l=6:elu%3Aalpha%3D0.5&out=identity&loss=ce&opt=adam&lr=0.003&reg=l2&rr=0.001&test=1&disc=1&cmp=relu&cmp=x*sigmoid(x)&speed=3&tour=xor&step=2',
    );
    expect(state).toEqual({
      lang: 'zh',
      problem: 'classification',
      dataset: 'spiral',
      noise: 10,
      trainRatio: 60,
      points: 400,
      batchSize: 5,
      dataSeed: 3,
      initSeed: 7,
      features: ['x1', 'x2', 'x1sq'],
      hidden: [
        { units: 8, activation: 'relu' },
        { units: 6, activation: 'elu:alpha=0.5' },
      ],
      outputActivation: 'identity',
      loss: 'binary_crossentropy',
      optimizer: 'adam',
      learningRate: 0.003,
      regularization: 'l2',
      regRate: 0.001,
      showTest: true,
      discretize: true,
      compare: ['relu', 'x*sigmoid(x)'],
      tour: 'xor',
      tourStep: 2,
      speed: 3,
    } satisfies ExplorerState);
  });

  it('reads speed=full as full speed (0) and writes it back as full', () => {
    expect(readUrlState('?speed=full').state.speed).toBe(0);
    expect(writeUrlState({ ...DEFAULT_STATE, speed: 0 }, null)).toContain('speed=full');
    expect(readUrlState('').state.speed).toBe(DEFAULT_STATE.speed);
  });

  it('clamps numbers to the controls’ ranges and ignores unknown choices', () => {
    const { state } = readUrlState('?lr=100&rr=-1&batch=0&n=5&noise=99&train=3&seed=-4&opt=rmsprop&reg=l3&lang=fr&data=mnist&step=4');
    expect(state.learningRate).toBe(RANGES.learningRate[1]);
    expect(state.regRate).toBe(0);
    expect(state.batchSize).toBe(1);
    expect(state.points).toBe(LIMITS.minPoints);
    expect(state.noise).toBe(50);
    expect(state.trainRatio).toBe(10);
    expect(state.dataSeed).toBe(0);
    expect(state.optimizer).toBe(DEFAULT_STATE.optimizer);
    expect(state.regularization).toBe(DEFAULT_STATE.regularization);
    expect(state.lang).toBe('en');
    expect(state.dataset).toBe(DEFAULT_STATE.dataset);
    expect(state.tourStep).toBe(0);
  });

  it('limits layers, units and compared activations', () => {
    const layers = Array.from({ length: 12 }, () => 'l=99:relu').join('&');
    const { state } = readUrlState(`?${layers}&cmp=a&cmp=b&cmp=c&cmp=d&cmp=`);
    expect(state.hidden).toHaveLength(LIMITS.maxLayers);
    expect(state.hidden.every((l) => l.units === LIMITS.maxUnits)).toBe(true);
    expect(state.compare).toEqual(['a', 'b', 'c']);
  });

  it('keeps an explicit empty network and empty feature list, and the default for garbage layers', () => {
    expect(readUrlState('?l=0&f=').state).toMatchObject({ hidden: [], features: [] });
    expect(readUrlState('?l=abc&l=-3:relu').state.hidden).toEqual(DEFAULT_STATE.hidden);
    expect(readUrlState('?l=4').state.hidden).toEqual([{ units: 4, activation: 'tanh' }]);
  });

  it('makes problem type, data set and loss agree', () => {
    expect(readUrlState('?data=blobs3&loss=ce').state.loss).toBe('categorical_crossentropy');
    expect(readUrlState('?data=plane&problem=classification&loss=ce').state).toMatchObject({ problem: 'regression', loss: 'mse' });
    expect(readUrlState('?problem=regression').state).toMatchObject({ dataset: 'plane', loss: 'mse' });
    // a custom set without its data (too big for the link) falls back to a built-in set of its problem type
    expect(readUrlState('?data=custom&problem=regression').state).toMatchObject({ dataset: 'plane', problem: 'regression' });
    expect(readUrlState('?data=custom').state.dataset).toBe('circle');
  });

  it('leaves custom data of more than URL_MAX_ROWS rows out of the link, keeping everything else', () => {
    const n = URL_MAX_ROWS + 1;
    const big: CustomData = {
      task: 'regression',
      featureNames: ['a', 'b'],
      x: Array.from({ length: 2 * n }, (_, i) => i / 8),
      y: Array.from({ length: n }, (_, i) => i),
      planeColumns: [0, 1],
      source: 'big.csv',
    };
    expect(customDataFitsUrl(big)).toBe(false);
    const state = normalizeState({ ...DEFAULT_STATE, dataset: 'custom', learningRate: 0.3 }, big);
    const search = writeUrlState(state, big);
    expect(search).not.toContain('cx=');
    const back = readUrlState(search);
    expect(back.customData).toBeNull();
    expect(back.state).toMatchObject({ dataset: 'plane', problem: 'regression', learningRate: 0.3 });
    expect(customDataFitsUrl({ ...big, x: big.x.slice(0, 2 * URL_MAX_ROWS), y: big.y.slice(0, URL_MAX_ROWS) })).toBe(true);
  });

  it('rejects inconsistent custom data in a link', () => {
    expect(readUrlState('?data=custom&ct=c&cn=a&cn=b&cc=p&cc=q&cx=1,2,3&cy=0').customData).toBeNull();
    expect(readUrlState('?data=custom&ct=c&cn=a&cc=p&cc=q&cx=1,2&cy=0,2').customData).toBeNull();
    expect(readUrlState('?data=custom&ct=r&cn=a&cx=1,x&cy=0,2').customData).toBeNull();
    expect(readUrlState('?data=custom&ct=r&cn=a&cx=1,2&cy=0,2').customData).toEqual({
      task: 'regression',
      featureNames: ['a'],
      x: [1, 2],
      y: [0, 2],
      planeColumns: [0, 0],
      source: 'link',
    });
  });

  it('never throws on garbage and always gives a state within the limits that round-trips', () => {
    const keys = ['lang', 'problem', 'data', 'noise', 'train', 'n', 'batch', 'seed', 'init', 'f', 'l', 'out', 'loss', 'opt', 'lr', 'reg', 'rr', 'test', 'disc', 'cmp', 'tour', 'step', 'ct', 'cn', 'cc', 'cx', 'cy', 'cp', 'cs'];
    const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.double().map(String), fc.constantFrom('NaN', 'Infinity', '-0', '1e999', 'custom', 'c', 'r', '0', '1,2,3'));
    const query = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 30 }).map((pairs) => new URLSearchParams(pairs).toString()),
    );
    fc.assert(
      fc.property(query, (q) => {
        const { state, customData } = readUrlState(q);
        expect(state.noise).toBeGreaterThanOrEqual(0);
        expect(state.noise).toBeLessThanOrEqual(50);
        expect(state.learningRate).toBeGreaterThan(0);
        expect(state.learningRate).toBeLessThanOrEqual(10);
        expect(state.hidden.length).toBeLessThanOrEqual(LIMITS.maxLayers);
        expect(state.compare.length).toBeLessThanOrEqual(LIMITS.maxCompare);
        expect(Number.isInteger(state.batchSize)).toBe(true);
        if (state.dataset === 'custom') expect(customData).not.toBeNull();
        expect(normalizeState(state, customData)).toEqual(state);
        expect(readUrlState(writeUrlState(state, customData))).toEqual({ state, customData });
      }),
      { numRuns: 500 },
    );
    for (const q of ['%', '?l=%E0%A4%A', '?&&&==&', '?lr=1e-400', '?cx=' + ','.repeat(50_000)]) expect(() => readUrlState(q)).not.toThrow();
  });

  it('writes float32 values in their shortest decimal form', () => {
    expect(float32Text(0.1)).toBe('0.1');
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(-2.5)).toBe('-2.5');
    expect(float32Text(1500)).toBe('1500');
    expect(float32Text(-0)).toBe('-0');
    expect(float32Text(3.4e38)).toBe('3.4e38');
    fc.assert(
      fc.property(f32, (v) => {
        expect(Math.fround(Number(float32Text(v)))).toBe(v);
      }),
    );
  });
});

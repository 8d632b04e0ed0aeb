import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { analyzeActivation } from '../../src/analysis/analyzeActivation.js';
import { LESSONS } from '../../src/lessons/lessons.js';
import { LESSON_TEXT } from '../../src/lessons/text.js';
import { TOURS_TEXT } from '../../web/src/i18n/tours.js';
import { DEFAULT_STATE, LIMITS, type ExplorerState } from '../../web/src/state/types.js';
import { runLessonRequest } from '../../web/src/tours/lessonRun.js';
import { TOURS, clampStep, findTour, stateProblems, tourPatch, validateTours, type Tour } from '../../web/src/tours/tours.js';

const full = (tour: Tour, step: number): ExplorerState => ({ ...DEFAULT_STATE, ...tourPatch(tour, step) });

describe('tour table', () => {
  it('is valid: every lesson has a tour, every step is a valid explorer state with en and zh text', () => {
    expect(validateTours()).toEqual([]);
  });

  it('has one tour per lesson, in teaching order, with the lesson numbers', () => {
    expect(TOURS.map((t) => t.id)).toEqual(LESSONS.map((l) => l.id));
    expect(TOURS.map((t) => t.number)).toEqual(LESSONS.map((l) => l.number));
    expect(new Set(TOURS.map((t) => t.id)).size).toBe(Object.keys(LESSON_TEXT).length);
  });

  it('presets use only valid values: activations resolve, data sets exist, sizes within LIMITS', () => {
    for (const tour of TOURS) {
      tour.steps.forEach((_, i) => {
        const st = full(tour, i);
        for (const l of st.hidden) {
          expect(() => resolveActivation(l.activation)).not.toThrow();
          expect(l.units).toBeGreaterThanOrEqual(1);
          expect(l.units).toBeLessThanOrEqual(LIMITS.maxUnits);
        }
        for (const c of st.compare) expect(() => resolveActivation(c)).not.toThrow();
        expect(st.hidden.length).toBeLessThanOrEqual(LIMITS.maxLayers);
        expect(st.compare.length).toBeLessThanOrEqual(LIMITS.maxCompare);
        expect(stateProblems(st)).toEqual([]);
      });
    }
  });

  it('every step text is bilingual and the Chinese text is Chinese', () => {
    for (const tour of TOURS) {
      expect(tour.steps.length).toBeGreaterThanOrEqual(2);
      expect(tour.steps.length).toBeLessThanOrEqual(4);
      for (const st of tour.steps) {
        expect(st.text.en.length).toBeGreaterThan(20);
        expect(st.text.zh).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(st.text.en).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('the tour labels are bilingual', () => {
    for (const [key, v] of Object.entries(TOURS_TEXT)) {
      expect(key.startsWith('tours.')).toBe(true);
      expect(v.en.trim()).not.toBe('');
      expect(v.zh).toMatch(/[\u4e00-\u9fff]/);
      // Placeholders match between the languages.
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(v.zh)).toEqual(holes(v.en));
    }
  });
});

describe('the validator can fail', () => {
  const xor = findTour('xor')!;
  it('reports a missing lesson, a bad activation, a bad data set and too many units', () => {
    expect(validateTours(TOURS.filter((t) => t.id !== 'xor'))).toContain('lesson xor has no tour');
    const broken: Tour = { ...xor, preset: { ...xor.preset, hidden: [{ units: LIMITS.maxUnits + 1, activation: 'no_such_act' }] } };
    const problems = validateTours([...TOURS.filter((t) => t.id !== 'xor'), broken]).join('\n');
    expect(problems).toMatch(/units/);
    expect(problems).toMatch(/no_such_act/);
    expect(stateProblems({ ...full(xor, 0), dataset: 'multi_gauss' })).not.toEqual([]);
    expect(stateProblems({ ...full(xor, 0), problem: 'regression', dataset: 'plane' })).toEqual(['regression needs the mse loss, not binary_crossentropy']);
    expect(stateProblems({ ...full(xor, 0), dataset: 'spiral3' })[0]).toMatch(/3 classes/);
  });
  it('reports a missing Chinese text and a tour that sets the language', () => {
    const noZh: Tour = { ...xor, steps: [xor.steps[0], { text: { en: xor.steps[1].text.en, zh: '' } }] };
    expect(validateTours([...TOURS.filter((t) => t.id !== 'xor'), noZh]).join('\n')).toMatch(/no zh text/);
    const lang = { ...xor, preset: { ...xor.preset, lang: 'zh' } } as unknown as Tour;
    expect(validateTours([...TOURS.filter((t) => t.id !== 'xor'), lang]).join('\n')).toMatch(/sets lang/);
  });
});

describe('tourPatch', () => {
  it('applies the preset, then the patches of every step up to the one applied', () => {
    const xor = findTour('xor')!;
    expect(full(xor, 0).hidden).toEqual([{ units: 4, activation: 'identity' }]);
    expect(full(xor, 0).compare).toEqual([]);
    expect(full(xor, 1).hidden).toEqual([{ units: 4, activation: 'tanh' }]);
    // Step 3 keeps step 2's tanh and adds compare mode.
    expect(full(xor, 2).hidden).toEqual([{ units: 4, activation: 'tanh' }]);
    expect(full(xor, 2).compare).toEqual(['identity', 'sigmoid', 'relu']);
    expect(tourPatch(xor, 2)).toMatchObject({ tour: 'xor', tourStep: 2, dataset: 'xor' });
    expect(tourPatch(xor, 2)).not.toHaveProperty('lang');
  });

  it('sets up the scenes the lessons describe', () => {
    const vg = full(findTour('vanishing_gradients')!, 0);
    expect(vg.dataset).toBe('spiral');
    expect(vg.hidden).toEqual(Array.from({ length: 6 }, () => ({ units: 8, activation: 'sigmoid' })));
    const dying = findTour('dying_relu')!;
    expect(full(dying, 0).learningRate).toBeGreaterThanOrEqual(0.5);
    expect(full(dying, 1).compare).toEqual(['leaky_relu']);
    expect(full(dying, 2)).toMatchObject({ compare: [], learningRate: 0.03 });
    expect(full(findTour('step_gradient')!, 2).hidden[0].activation).toBe('step(x)');
    expect(full(findTour('softmax')!, 0).loss).toBe('categorical_crossentropy');
    expect(full(findTour('bounded_lr')!, 0)).toMatchObject({ problem: 'regression', loss: 'mse' });
  });

  it('the custom tanh of the tanh_sigmoid tour is tanh', () => {
    const act = full(findTour('tanh_sigmoid')!, 2).hidden[0].activation;
    const f = resolveActivation(act);
    const tanh = resolveActivation('tanh');
    for (const x of [-5, -1, -0.1, 0, 0.3, 2, 7]) expect(f.f(x)).toBeCloseTo(tanh.f(x), 6);
  });

  it('the smooth_monotonic tour groups its activations as the property analysis does', () => {
    const ok = (a: string) => {
      const p = analyzeActivation(resolveActivation(a));
      return p.continuity !== 'discontinuous' && p.continuity !== 'C0' && p.monotonicDerivative;
    };
    const st = full(findTour('smooth_monotonic')!, 0);
    expect([st.hidden[0].activation, ...st.compare].map(ok)).toEqual([true, true, false, false]);
  });

  it('clamps any step number into the tour (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOURS), fc.double({ noNaN: false }), (tour, k) => {
        const c = clampStep(tour, k);
        expect(Number.isInteger(c)).toBe(true);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThan(tour.steps.length);
        expect(stateProblems(full(tour, k))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds tours by id and nothing for unknown or empty ids', () => {
    expect(findTour('neuron')?.number).toBe(1);
    expect(findTour('nope')).toBeUndefined();
    expect(findTour(null)).toBeUndefined();
  });
});

describe('runLessonRequest (what the lesson worker does)', () => {
  it('runs a lesson with its defaults and returns verdict, criterion and chart', () => {
    const r = runLessonRequest({ type: 'run', runId: 7, id: 'tanh_sigmoid', seed: 1 });
    expect(r.type).toBe('result');
    if (r.type !== 'result') return;
    expect(r.runId).toBe(7);
    expect(r.id).toBe('tanh_sigmoid');
    expect(['holds', 'does not hold', 'inconclusive']).toContain(r.verdict);
    expect(r.criterion.en.length).toBeGreaterThan(10);
    expect(r.criterion.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.tally).toBeNull();
    expect(typeof r.chart).toBe('object');
    expect(Number.isFinite(r.ms)).toBe(true);
    // The reply survives structured cloning (it is posted from a worker).
    expect(structuredClone(r)).toEqual(r);
  });

  it('turns an unknown lesson into an error reply instead of throwing', () => {
    const r = runLessonRequest({ type: 'run', runId: 3, id: 'no_such_lesson', seed: 1 });
    expect(r).toMatchObject({ type: 'error', runId: 3, id: 'no_such_lesson' });
    if (r.type === 'error') expect(r.message).toMatch(/unknown lesson/);
  });
});

describe('localUrlRefs (Vega SVG references made independent of the page address)', () => {
  it('turns absolute and relative url() references into local ones', async () => {
    const { localUrlRefs } = await import('../../web/src/tours/svgRefs.js');
    expect(localUrlRefs('url(http://127.0.0.1:5105/?lang=en&tour=xor#gradient_0)')).toBe('url(#gradient_0)');
    expect(localUrlRefs('url(#clip1)')).toBe('url(#clip1)');
    expect(localUrlRefs('url("http://h/p?a=1#g_2")')).toBe('url(#g_2)');
    expect(localUrlRefs('fill: url(http://h/p#a); stroke: url(http://h/q?x=1#b)')).toBe('fill: url(#a); stroke: url(#b)');
    expect(localUrlRefs('#ff0000')).toBe('#ff0000');
    expect(localUrlRefs('none')).toBe('none');
  });
});

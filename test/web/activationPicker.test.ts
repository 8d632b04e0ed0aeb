import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOG } from '../../src/activations/registry.js';
import { resolveActivation } from '../../src/activations/resolve.js';
import { analyzeActivation } from '../../src/analysis/analyzeActivation.js';
import { activationsInUse, formatRange, formatValue, formatXInterval, nonFiniteWarning, propertyRows, vanishing } from '../../web/src/activation/panelLogic.js';
import { CUSTOM, activationName, asExpression, caretLine, encodeChoice, optionGroups, paramProblem, pickerState, quickCheck, specOf } from '../../web/src/activation/pickerLogic.js';
import type { JobRequest, JobResponse } from '../../web/src/activation/protocol.js';
import { MAX_PRINTED_NODES, buildReport, treeSizeAtMost } from '../../web/src/activation/report.js';
import { ActivationService, type WorkerLike } from '../../web/src/activation/service.js';
import { ACTIVATION_NAMES, ACTIVATION_TEXT } from '../../web/src/i18n/activation.js';
import { VECTOR_ACTIVATIONS } from '../../src/activations/vector.js';
import { parse } from '../../src/expr/parse.js';

/** `t` over the activation dictionary, in one language (unknown keys come back as themselves). */
const tr =
  (lang: 'en' | 'zh') =>
  (key: string, vars?: Readonly<Record<string, string | number>>): string => {
    let s = ACTIVATION_TEXT[key]?.[lang] ?? key;
    for (const [k, v] of Object.entries(vars ?? {})) s = s.split(`{${k}}`).join(String(v));
    return s;
  };

describe('activation picker: options', () => {
  it('offers every catalog entry exactly once, grouped by family, each family translated', () => {
    const ids = optionGroups().flatMap((g) => g.options.map((o) => o.id));
    expect(ids.sort()).toEqual(CATALOG.map((s) => s.id).sort());
    for (const g of optionGroups(true)) {
      expect(ACTIVATION_TEXT[`activation.family.${g.family}`]?.en).toBeTruthy();
      expect(ACTIVATION_TEXT[`activation.family.${g.family}`]?.zh).toBeTruthy();
    }
  });

  it('offers softmax only when vector activations are allowed', () => {
    const has = (v: boolean) => optionGroups(v).some((g) => g.options.some((o) => o.id === 'softmax'));
    expect(has(false)).toBe(false);
    expect(has(true)).toBe(true);
    expect(pickerState('softmax', true)).toEqual({ mode: 'vector', id: 'softmax' });
    expect(pickerState('softmax', false).mode).toBe('custom');
  });
});

describe('activation picker: codec text ⇄ picker state', () => {
  it('reads catalog ids, aliases and parameters, with defaults filled in', () => {
    expect(pickerState('relu')).toEqual({ mode: 'catalog', id: 'relu', params: {} });
    expect(pickerState('swish').mode).toBe('catalog');
    expect(pickerState('elu:alpha=0.5')).toEqual({ mode: 'catalog', id: 'elu', params: { alpha: 0.5 } });
    expect(pickerState('leaky_relu')).toEqual({ mode: 'catalog', id: 'leaky_relu', params: { negative_slope: 0.01 } });
  });

  it('opens expressions, unknown names and unreadable parameters in custom mode with the text', () => {
    for (const text of ['x*sigmoid(x)', 'x*sigmoid(beta*x); beta=1.5', 'x > 0 ? x : 0.1*x', 'elu:alpha=oops', 'nonsense', 'elu:gamma=2']) {
      expect(pickerState(text)).toEqual({ mode: 'custom', text });
    }
  });

  it('writes only the parameters that differ from the defaults', () => {
    const elu = specOf('elu')!;
    expect(encodeChoice(elu, { alpha: 1 })).toBe('elu');
    expect(encodeChoice(elu, { alpha: 0.5 })).toBe('elu:alpha=0.5');
    const srelu = specOf('srelu')!;
    expect(encodeChoice(srelu, { t_left: -1, a_left: 0.2, t_right: 1, a_right: 0.1 })).toBe('srelu:a_left=0.2');
  });

  it('round-trips any parameter values of any entry through the codec text', () => {
    const withParams = CATALOG.filter((s) => s.params.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...withParams), fc.array(fc.double({ min: 0.001, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }), (spec, raw) => {
        const values = Object.fromEntries(spec.params.map((p, i) => [p.name, Math.max(p.min ?? -Infinity, p.max !== undefined ? Math.min(raw[i], p.max) : raw[i])]));
        // A parameter that must exceed another (hardtanh's max_val > min_val) gets a value above it.
        for (const p of spec.params) if (p.greaterThan !== undefined && !(values[p.name] > values[p.greaterThan])) values[p.name] = values[p.greaterThan] + 1;
        const text = encodeChoice(spec, values);
        const back = pickerState(text);
        expect(back).toEqual({ mode: 'catalog', id: spec.id, params: values });
        expect(resolveActivation(text).paramValues).toEqual(spec.params.map((p) => values[p.name]));
      }),
      { numRuns: 200 },
    );
  });

  it('checks parameter values against their ranges', () => {
    const alpha = specOf('celu')!.params[0];
    expect(paramProblem(alpha, '0.5')).toBeNull();
    expect(paramProblem(alpha, '')?.key).toBe('activation.picker.paramNumber');
    expect(paramProblem(alpha, 'abc')?.key).toBe('activation.picker.paramNumber');
    expect(paramProblem(alpha, '-1')?.key).toBe('activation.picker.paramMin');
  });

  it('turns a catalog entry into an editable expression with the same values', () => {
    for (const spec of CATALOG) {
      const values = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
      const custom = resolveActivation(asExpression(spec, values));
      const built = resolveActivation(spec.id);
      expect(custom.id).toBeNull();
      for (const x of [-3.3, -1, -0.2, 0.4, 1, 2.5, 7]) expect(custom.f(x)).toBeCloseTo(built.f(x), 12);
    }
    expect(CUSTOM).not.toMatch(/^[a-z]/);
  });
});

describe('activation picker: checking typed text', () => {
  it('accepts catalog references at once and sends expressions on to the worker', () => {
    expect(quickCheck('relu')).toEqual({ ok: true });
    expect(quickCheck('elu:alpha=0.5')).toEqual({ ok: true });
    expect(quickCheck('x*sigmoid(beta*x); beta=1.5')).toBe('deep');
  });

  it('reports unreadable expressions with the column of the problem', () => {
    const r = quickCheck('x*sigmoid(x');
    expect(r).toMatchObject({ ok: false, column: 12 });
    const r2 = quickCheck('x + foo(x)');
    expect(r2).toMatchObject({ ok: false, column: 5 });
    expect(caretLine(5)).toBe('    ^');
    expect(caretLine(1)).toBe('^');
  });

  it('reports unknown names, bad parameters and empty text without a column', () => {
    expect(quickCheck('')).toEqual({ ok: false, message: 'empty' });
    const unknown = quickCheck('relux');
    if (unknown !== 'deep' && !unknown.ok) expect(unknown.message).toMatch(/unknown activation 'relux'/);
    else expect.fail('relux should be rejected');
    const range = quickCheck('celu:alpha=-1');
    if (range !== 'deep' && !range.ok) expect(range.message).toMatch(/alpha/);
    else expect.fail('celu:alpha=-1 should be rejected');
  });

  it('never spends long on any text: parsing is bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = quickCheck(s);
        expect(r === 'deep' || (typeof r === 'object' && typeof r.ok === 'boolean')).toBe(true);
      }),
      { numRuns: 300 },
    );
    const deep = 'sigmoid('.repeat(500) + 'x' + ')'.repeat(500);
    expect(() => parse(deep)).toThrow();
    expect(quickCheck(deep)).toMatchObject({ ok: false });
  });
});

/** A fake worker that answers after the given delay (or never). */
class FakeWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<JobResponse>) => void) | null = null;
  terminated = false;
  readonly seen: JobRequest[] = [];
  constructor(private readonly delay: (req: JobRequest) => number | null) {}
  postMessage(req: JobRequest): void {
    this.seen.push(req);
    const d = this.delay(req);
    if (d === null) return;
    setTimeout(() => {
      if (this.terminated) return;
      const res: JobResponse = req.text === 'bad' ? { seq: req.seq, ok: false, message: 'no', column: 2, problem: 'p' } : { seq: req.seq, ok: true, kind: 'check', key: req.text };
      this.onmessage?.({ data: res } as MessageEvent<JobResponse>);
    }, d);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('activation service', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers checks, caches them by text, and passes errors with their column', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const s = new ActivationService(() => {
      const w = new FakeWorker(() => 5);
      workers.push(w);
      return w;
    });
    const a = s.check('x*x');
    const b = s.check('bad');
    await vi.advanceTimersByTimeAsync(20);
    expect(await a).toEqual({ ok: true, value: { key: 'x*x', nonFinite: [] } });
    expect(await b).toMatchObject({ ok: false, column: 2, problem: 'p' });
    expect(s.check('x*x')).toBe(a);
    expect(workers).toHaveLength(1);
    expect(workers[0].seen).toHaveLength(2);
  });

  it('stops a worker that runs past the limit, answers timeout, and carries on with a fresh one', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const s = new ActivationService(
      () => {
        const w = new FakeWorker((req) => (req.text === 'slow' ? null : 5));
        workers.push(w);
        return w;
      },
      { check: 100, report: 100, analyze: 100 },
    );
    const slow = s.check('slow');
    const next = s.check('fast');
    await vi.advanceTimersByTimeAsync(150);
    expect(await slow).toMatchObject({ ok: false, timeout: true });
    expect(await next).toEqual({ ok: true, value: { key: 'fast', nonFinite: [] } });
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
  });
});

describe('activation panel: logic', () => {
  const en = tr('en');
  const zh = tr('zh');

  it('lists each activation in use once, with where it is used', () => {
    const s = {
      hidden: [
        { units: 4, activation: 'tanh' },
        { units: 3, activation: 'relu' },
        { units: 2, activation: 'tanh' },
      ],
      loss: 'mse' as const,
      outputActivation: 'identity',
      compare: ['relu', 'gelu'],
    };
    expect(activationsInUse(s, en)).toEqual([
      { text: 'tanh', where: 'hidden layers 1, 3' },
      { text: 'relu', where: 'hidden layer 2; compare mode' },
      { text: 'identity', where: 'output layer' },
      { text: 'gelu', where: 'compare mode' },
    ]);
    expect(activationsInUse({ ...s, loss: 'binary_crossentropy' }, en).map((u) => u.text)).toEqual(['tanh', 'relu', 'gelu']);
  });

  it('describes ReLU: range [0, ∞), not zero-centred, a kink at 0, dead for x < 0', () => {
    const p = analyzeActivation(resolveActivation('relu'));
    const rows = Object.fromEntries(propertyRows(p, en).map((r) => [r.key, r.value]));
    expect(rows.range).toBe('[0, ∞)');
    expect(rows.zeroCentered).toBe('no');
    expect(rows.monotonic).toBe('yes, non-decreasing');
    expect(rows.continuity).toMatch(/^C⁰/);
    expect(rows.vanish).toBe('f′ = 0 for x in (−∞, 0)');
    expect(rows.df0).toBe('0');
    const zhRows = Object.fromEntries(propertyRows(p, zh).map((r) => [r.key, r.value]));
    expect(zhRows.zeroCentered).toBe('否');
  });

  it('describes tanh: bounded, zero-centred, identity near the origin, saturating on both sides', () => {
    const p = analyzeActivation(resolveActivation('tanh'));
    const rows = Object.fromEntries(propertyRows(p, en).map((r) => [r.key, r.value]));
    expect(rows.range).toBe('(−1, 1)');
    expect(rows.bounded).toBe('yes (above and below)');
    expect(rows.identity).toBe('yes');
    expect(rows.df0).toBe('1');
    expect(vanishing(p, en)).toBe('f′ → 0 as x → −∞ (saturates); f′ → 0 as x → +∞ (saturates)');
  });

  it('labels every property row in both languages for every catalog entry, and never shows NaN', () => {
    for (const spec of CATALOG.slice(0, 61)) {
      const p = analyzeActivation(resolveActivation(spec.id));
      for (const t of [en, zh]) {
        for (const r of propertyRows(p, t)) {
          expect(r.label).not.toMatch(/^activation\./);
          expect(r.value).not.toMatch(/activation\.|NaN|undefined/);
        }
      }
    }
  });

  it('formats numbers readably', () => {
    expect(formatValue(0.30000000000000004)).toBe('0.3');
    expect(formatValue(-1.0507009873554805)).toBe('−1.051');
    expect(formatValue(1e-7)).toBe('1e-7');
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatRange({ lower: null, upper: 1, lowerClosed: false, upperClosed: true })).toBe('(−∞, 1]');
    fc.assert(fc.property(fc.double(), (v) => !/NaN/.test(formatValue(v))));
  });

  it('every key the activation area uses has English and Chinese text', () => {
    for (const [k, v] of Object.entries(ACTIVATION_TEXT)) {
      expect(k.startsWith('activation.')).toBe(true);
      expect(v.en.length).toBeGreaterThan(0);
      expect(v.zh.length).toBeGreaterThan(0);
    }
  });
});

describe('activation report', () => {
  it('has formulas, samples on [−5, 5] and code for a catalog entry', () => {
    const r = buildReport('gelu');
    expect(r.id).toBe('gelu');
    expect(r.latex.f).toContain('\\operatorname{erfc}');
    expect(r.samples.x[0]).toBe(-5);
    expect(r.samples.x[r.samples.x.length - 1]).toBe(5);
    expect(r.samples.f[100]).toBe(0);
    expect(r.code?.pytorch).toContain('def gelu_derivative(x)');
    expect(r.code?.javascript).toContain('function geluDerivative(x)');
  });

  it('leaves out formulas too large to print, counting trees without expanding them', () => {
    const text = 'x*sigmoid('.repeat(8) + 'x' + ')'.repeat(8);
    const a = resolveActivation(text);
    expect(treeSizeAtMost(a.expr, MAX_PRINTED_NODES)).toBe(true);
    expect(treeSizeAtMost(a.secondDerivative, 10)).toBe(false);
  });
});

describe('activation names in both languages', () => {
  it('has an English and a Chinese display name for every catalog entry and vector activation', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    for (const spec of CATALOG) {
      const n = ACTIVATION_NAMES[spec.id];
      expect(n, spec.id).toBeDefined();
      expect(n.en).toBe(spec.name);
      expect(n.zh, spec.id).toMatch(/[\u4e00-\u9fff]|^[A-Za-z]+$/);
      expect(n.zh).not.toBe('');
    }
    for (const v of VECTOR_ACTIVATIONS) expect(ACTIVATION_NAMES[v.id]?.zh, v.id).toBeTruthy();
    // every name is a catalog or vector id (no stale keys)
    const ids = new Set([...CATALOG.map((s) => s.id), ...VECTOR_ACTIVATIONS.map((v) => v.id)]);
    for (const id of Object.keys(ACTIVATION_NAMES)) expect(ids.has(id), id).toBe(true);
  });

  it('names the picker options in the chosen language, keeping the acronyms', () => {
    const zh = tr('zh');
    expect(activationName('relu', zh)).toBe('ReLU（修正线性单元）');
    expect(activationName('binary_step', zh)).toBe('二值阶跃函数');
    expect(activationName('cosine', zh)).toBe('余弦函数');
    expect(activationName('relu', tr('en'))).toBe('ReLU');
    expect(activationName('no_such_id', zh)).toBe('no_such_id');
    const zhNames = optionGroups(true).flatMap((g) => g.options.map((o) => activationName(o.id, zh)));
    expect(new Set(zhNames).size).toBe(zhNames.length);
    // most Chinese names carry Chinese characters (a few, such as Mish, are only known by their English name)
    expect(zhNames.filter((n) => /[\u4e00-\u9fff]/.test(n)).length).toBeGreaterThan(55);
  });
});

describe('activations that are not finite on all of ℝ', () => {
  const en = tr('en');
  const zh = tr('zh');
  const nonFinite = (text: string) => analyzeActivation(resolveActivation(text)).nonFinite;

  it('warns about log, sqrt, 1/0, 1/x and x^1e308 in both languages, saying where (f64 overflow fails training too, though the analysis counts x^1e308 as defined)', () => {
    expect(nonFiniteWarning(nonFinite('log(x)'), en)).toMatch(/^f\(x\) is −∞\/NaN for x ≤ 0: training will fail/);
    expect(nonFiniteWarning(nonFinite('sqrt(x)'), en)).toMatch(/^f\(x\) is NaN for x < 0:/);
    expect(nonFiniteWarning(nonFinite('1/0'), en)).toMatch(/^f\(x\) is ∞ for every x:/);
    // The property analysis counts overflow far out as overflow, not as a point where f is undefined.
    expect(nonFiniteWarning(nonFinite('x^1e308'), en)).toMatch(/for x < −1 or x > 1:/);
    expect(nonFiniteWarning(nonFinite('1/x'), en)).toMatch(/for x = 0:/);
    expect(nonFiniteWarning(nonFinite('log(x)'), zh)).toMatch(/^当 x ≤ 0 时，f\(x\) 为 −∞\/NaN：训练将会失败/);
    expect(nonFiniteWarning(nonFinite('1/0'), zh)).toMatch(/^对所有 x，f\(x\) 均为 ∞/);
  });

  it('does not warn about finite functions', () => {
    for (const text of ['x*sigmoid(x)', 'exp(x)', 'x > 0 ? x : 0.1*x']) expect(nonFiniteWarning(nonFinite(text), en)).toBeNull();
  });

  it('writes intervals of x with the right signs', () => {
    expect(formatXInterval({ from: 1, to: 2, fromClosed: false, toClosed: true, values: ['nan'] })).toBe('1 < x ≤ 2');
    expect(formatXInterval({ from: -1, to: null, fromClosed: true, toClosed: false, values: ['nan'] })).toBe('x ≥ −1');
  });

  it('claims nothing about ℝ in the property table: 1/0 and log(x)', () => {
    for (const text of ['1/0', 'log(x)', 'sqrt(x)']) {
      const p = analyzeActivation(resolveActivation(text));
      for (const t of [en, zh]) {
        const rows = Object.fromEntries(propertyRows(p, t).map((r) => [r.key, r.value]));
        for (const k of ['range', 'bounded', 'monotonic', 'continuity', 'zeroCentered', 'identity', 'maxSlope', 'vanish']) {
          expect(rows[k], `${text} ${k}`).toMatch(/^—/);
        }
        expect(rows.defined).toMatch(/^(no|否)/);
        expect(propertyRows(p, t)[0].key).toBe('defined');
      }
    }
    const log = Object.fromEntries(propertyRows(analyzeActivation(resolveActivation('log(x)')), en).map((r) => [r.key, r.value]));
    expect(log.limits).toBe('undefined (f is NaN there), ∞');
    expect(log.defined).toBe('no: f(x) is −∞/NaN for x ≤ 0');
  });
});

describe('evidence in the property table', () => {
  const en = tr('en');
  const zh = tr('zh');
  it('marks each property proved or sampled, as show --json does, and leaves plain values unmarked', () => {
    const a = analyzeActivation(resolveActivation('tanh'));
    const rows = Object.fromEntries(propertyRows(a, en).map((r) => [r.key, r.evidence]));
    expect(rows.monotonic).toBe(a.evidence.monotonic);
    expect(rows.range).toBe(a.evidence.range);
    expect(rows.f0).toBeUndefined();
    expect(rows.monotonic).toBe('proved');
    // silu's range end is found by sampling (its x·σ(x) tail defeats interval bounds)
    const silu = analyzeActivation(resolveActivation('silu'));
    expect(propertyRows(silu, en).find((r) => r.key === 'range')?.evidence).toBe(silu.evidence.range);
    expect(propertyRows(silu, zh).map((r) => r.label).join('')).toMatch(/[\u4e00-\u9fff]/);
  });
});

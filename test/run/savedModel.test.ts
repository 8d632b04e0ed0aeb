import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { SAVED_MODEL_SCHEMA, loadSavedModel, readModelInput, trainRun, upgradeSavedModel, type SavedModelJson } from '../../src/run/index.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/models/${name}`, import.meta.url), 'utf8'));

/** A small checker for the subset of JSON Schema the saved-model schema uses. */
function violations(schema: unknown, value: unknown, path = '$'): string[] {
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  const typeOk = (t: string): boolean =>
    t === 'null' ? value === null : t === 'array' ? Array.isArray(value) : t === 'integer' ? Number.isInteger(value)
      : t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === t;
  if ('const' in s && value !== s.const) out.push(`${path}: expected ${String(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${path}: not one of ${s.enum.join(', ')}`);
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some(typeOk)) out.push(`${path}: not ${String(s.type)}`);
  if (Array.isArray(s.anyOf) && s.anyOf.every((alt) => violations(alt, value, path).length > 0)) out.push(`${path}: matches no alternative`);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in v)) out.push(`${path}.${r}: missing`);
    for (const [k, sub] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) if (k in v) out.push(...violations(sub, v[k], `${path}.${k}`));
  }
  if (Array.isArray(value) && s.items) value.forEach((item, i) => out.push(...violations(s.items, item, `${path}[${i}]`)));
  if (Array.isArray(value) && typeof s.minItems === 'number' && value.length < s.minItems) out.push(`${path}: too few items`);
  return out;
}

describe('saved models', () => {
  it('a version-1 file written by actlab train --save (before run specs) still loads and predicts what it predicted then', () => {
    for (const name of ['iris-v1', 'xor-v1']) {
      const saved = loadSavedModel(fixture(`${name}.json`), resolveActivation);
      const expected = fixture(`${name}.predict.json`) as { predictions: { output: number[]; prediction: string }[] };
      const csv = readFileSync(new URL(name === 'iris-v1' ? '../fixtures/csv/flowers.csv' : '../fixtures/models/xor-rows.csv', import.meta.url), 'utf8');
      const input = readModelInput(csv, name, saved.featureNames, saved.json.target.name);
      // Same classes; outputs within 1e-6 (the engine's softmax has since changed in the last bit).
      const got = saved.predictRows(input.x, input.rows);
      expect(got.map((p) => p.prediction)).toEqual(expected.predictions.map((p) => p.prediction));
      got.forEach((p, i) => p.output.forEach((v, k) => expect(Math.abs(v - expected.predictions[i].output[k])).toBeLessThanOrEqual(1e-6)));
      expect(saved.json.spec?.model.hidden).toBeDefined();
      expect(violations(SAVED_MODEL_SCHEMA, upgradeSavedModel(fixture(`${name}.json`)))).toEqual([]);
    }
  });

  it('a trained run saves to JSON that satisfies the schema and reloads to the same predictions bit for bit', () => {
    const r = trainRun({ data: { name: 'spiral3', n: 150 }, model: { hidden: [6, 5], activation: ['prelu', 'x*tanh(softplus(x))'], params: 'per-unit' }, train: { epochs: 3 } });
    const json = JSON.parse(JSON.stringify(r.saved)) as SavedModelJson;
    expect(violations(SAVED_MODEL_SCHEMA, json)).toEqual([]);
    expect(json.network.layers[0].paramMode).toBe('per-unit');
    const alphas = json.network.layers[0].params as number[][];
    expect(alphas[0].some((a) => a !== 0.25)).toBe(true);
    const loaded = loadSavedModel(json, resolveActivation);
    const raw = Float64Array.from(r.data.raw.test.x);
    const n = r.data.raw.test.n;
    expect(Array.from(loaded.predict(raw, n))).toEqual(Array.from(r.model.predict(r.data.test.x, n)));
    expect(json.spec?.version).toBe(1);
  });

  it('predicts a CSV as actlab predict does: columns by name, categories one-hot, a missing cell at the training mean, accuracy on the target', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 3 === 0 ? 'red' : 'blue'},${(i * 7) % 11},${i % 2 ? 'yes' : 'no'}`);
    const r = trainRun({ data: { name: 'c.csv', csv: { text: ['color,v,label', ...rows].join('\n'), target: 'label' } }, model: { activation: 'tanh', hidden: [4] }, train: { epochs: 2 } });
    const loaded = loadSavedModel(JSON.parse(JSON.stringify(r.saved)), resolveActivation);
    expect(loaded.featureNames).toEqual(['color=blue', 'color=red', 'v']);
    // Other column order, an extra column, a missing value, a missing target.
    const got = loaded.predictCsv('extra,label,v,color\n1,yes,3,red\n2,no,,blue\n3,,5,blue\n', 'new.csv');
    expect(got.rows).toBe(3);
    expect(got.lines).toEqual([2, 3, 4]);
    expect(got.filled).toBe(1);
    const { mean, std } = r.data.standardizer;
    const raw = [[0, 1, 3], [1, 0, Number.NaN], [1, 0, 5]];
    const x = Float32Array.from(raw.flat().map((v, i) => (Number.isNaN(v) ? 0 : (Math.fround(v) - mean[i % 3]) / std[i % 3])));
    const out = r.model.predict(x, 3);
    expect(got.predictions.map((p) => p.output[0])).toEqual(Array.from(out));
    const classes = Array.from(out).map((o) => (o >= 0.5 ? 'yes' : 'no'));
    expect(got.predictions.map((p) => p.prediction)).toEqual(classes);
    expect(got.accuracy).toBe([classes[0] === 'yes', classes[1] === 'no'].filter(Boolean).length / 2);
    expect(() => loaded.predictCsv('label,v\nyes,1\n', 'bad.csv')).toThrow("bad.csv: no column 'color' in the header; the model needs color, v");
  });

  it('rejects files that are not saved models, or newer ones, with one actionable line', () => {
    expect(() => upgradeSavedModel({ format: 'other' })).toThrow(/not a saved actlab model.*actlab train --save/);
    expect(() => upgradeSavedModel({ format: 'actlab-model', version: 3 })).toThrow(/newer than this actlab reads/);
    expect(() => upgradeSavedModel([])).toThrow(/not a JSON object/);
  });
});

import { describe, expect, it } from 'vitest';
import { LESSONS, getLesson } from '../../src/lessons/lessons.js';
import { LESSON_TEXT, REPORT_TEXT, VERDICT_TEXT } from '../../src/lessons/text.js';
import { resolveParams } from '../../src/lessons/params.js';
import { PINNED } from './pinned.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('every lesson', () => {
  it('has distinct ids and numbers 1…n, at least 25 of them', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.map((l) => l.number)).toEqual(LESSONS.map((_, i) => i + 1));
  });

  it('has a title, claim, set-up and finding in English and Chinese', () => {
    for (const l of LESSONS) {
      const t = (LESSON_TEXT as Record<string, Record<string, { en: string; zh: string }>>)[l.id];
      expect(t, l.id).toBeDefined();
      for (const part of ['title', 'claim', 'setup', 'finding']) {
        expect(t[part].en.length, `${l.id}.${part}`).toBeGreaterThan(5);
        expect(t[part].zh, `${l.id}.${part}`).toMatch(CHINESE);
      }
    }
    expect(Object.keys(LESSON_TEXT).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });

  it('has its verdict pinned unless it is timed, and seeded lessons run 10 seeds by default', () => {
    for (const l of LESSONS) {
      if (l.kind === 'timed') expect(PINNED[l.id], l.id).toBeUndefined();
      else expect(PINNED[l.id], l.id).toBeDefined();
      expect(l.defaultSeeds).toBe(l.kind === 'seeded' ? 10 : 1);
      if (l.kind === 'seeded') expect(PINNED[l.id][1], l.id).not.toBeNull();
      if (l.kind === 'deterministic') expect(PINNED[l.id][1], l.id).toBeNull();
    }
  });

  it('states its verdict in its finding: the pinned verdict is the one the text names', () => {
    const said = { holds: /\bHolds\b/, 'does not hold': /\bDoes not hold\b/, inconclusive: /\bInconclusive\b/ } as const;
    const saidZh = { holds: /成立/, 'does not hold': /不成立/, inconclusive: /无法确定/ } as const;
    for (const [id, [verdict]] of Object.entries(PINNED)) {
      const f = (LESSON_TEXT as Record<string, { finding: { en: string; zh: string } }>)[id].finding;
      expect(f.en, id).toMatch(said[verdict]);
      expect(f.zh, id).toMatch(saidZh[verdict]);
    }
  });

  it('words every verdict and report label in both languages', () => {
    for (const v of Object.values(VERDICT_TEXT)) expect(v.zh).toMatch(CHINESE);
    for (const v of Object.values(REPORT_TEXT)) expect(v.zh).toMatch(CHINESE);
  });
});

describe('running a lesson', () => {
  it('runs the seeds asked for, from the first seed asked for', () => {
    const l = getLesson('relu_sparsity');
    const r = l.run(resolveParams(l), { seed: 5, seeds: 3 });
    expect(r.seeds).toEqual([5, 6, 7]);
    expect(r.perSeed.map((o) => o.seed)).toEqual([5, 6, 7]);
    expect(r.measurements.seedCount).toBe(3);
  });

  it('draws the chart in the language asked for', () => {
    const l = getLesson('relu_sparsity');
    const zh = JSON.stringify(l.run(resolveParams(l), { seed: 1, seeds: 2, lang: 'zh' }).chart);
    const en = JSON.stringify(l.run(resolveParams(l), { seed: 1, seeds: 2, lang: 'en' }).chart);
    expect(zh).toMatch(CHINESE);
    expect(en).not.toMatch(CHINESE);
  });

  it('rejects a number of seeds outside 1…200', () => {
    const l = getLesson('xor');
    expect(() => l.run(resolveParams(l), { seed: 1, seeds: 0 })).toThrow(/--seeds must be a whole number/);
  });

  it('runs a deterministic lesson once, whatever the seeds asked for', () => {
    const l = getLesson('tanh_sigmoid');
    const r = l.run(resolveParams(l), { seed: 3, seeds: 5 });
    expect(r.seeds).toEqual([]);
    expect(r.tally).toBeNull();
  });
});

describe('getLesson', () => {
  it('finds a lesson by id, by number and with dashes', () => {
    expect(getLesson('xor').id).toBe('xor');
    expect(getLesson('1').id).toBe(LESSONS[0].id);
    expect(getLesson('linear-depth').id).toBe('linear_depth');
  });
  it('rejects an unknown id with a hint', () => {
    expect(() => getLesson('xr')).toThrow(/unknown lesson 'xr'/);
  });
});

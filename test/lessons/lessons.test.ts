import { describe, expect, it } from 'vitest';
import { LESSONS, getLesson } from '../../src/lessons/lessons.js';
import { LESSON_TEXT } from '../../src/lessons/text.js';
import { resolveParams } from '../../src/lessons/params.js';

describe('every lesson', () => {
  it('has text in English and Chinese, and distinct ids and numbers', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.map((l) => l.number)).toEqual(LESSONS.map((_, i) => i + 1));
    for (const l of LESSONS) {
      const t = (LESSON_TEXT as Record<string, { title: { en: string; zh: string }; claim: { en: string; zh: string }; setup: { en: string; zh: string } }>)[l.id];
      expect(t, l.id).toBeDefined();
      for (const part of [t.title, t.claim, t.setup]) {
        expect(part.en.length).toBeGreaterThan(5);
        expect(part.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: with its default seed, the verdict is the criterion applied to finite measurements`, () => {
      const params = resolveParams(lesson);
      const result = lesson.run(params, { seed: 1 });
      const entries = Object.entries(result.measurements);
      expect(entries.length).toBeGreaterThan(0);
      for (const [k, v] of entries) expect(Number.isFinite(v), `${lesson.id}.${k} = ${v}`).toBe(true);
      const again = lesson.judge({ ...result.measurements }, params);
      expect(result.verdict).toBe(again.verdict);
      expect(result.criterion).toBe(again.criterion);
      expect(['holds', 'does not hold', 'inconclusive']).toContain(result.verdict);
      expect(typeof result.chart).toBe('object');
    }, 30_000);
  }
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

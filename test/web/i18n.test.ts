// Every label key the explorer uses exists in both languages, and the Chinese text really is Chinese.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_TEXT } from '../../web/src/i18n/activation.js';
import { COMMON_TEXT } from '../../web/src/i18n/common.js';
import { CONTROLS_TEXT } from '../../web/src/i18n/controls.js';
import { SEARCH_TEXT } from '../../web/src/i18n/search.js';
import { TEACH_TEXT } from '../../web/src/i18n/teach.js';
import { TOURS_TEXT } from '../../web/src/i18n/tours.js';
import { VIEWS_TEXT } from '../../web/src/i18n/views.js';

const DICTS = { ACTIVATION_TEXT, COMMON_TEXT, CONTROLS_TEXT, TOURS_TEXT, VIEWS_TEXT, TEACH_TEXT, SEARCH_TEXT };
const ALL: Record<string, { en: string; zh: string }> = Object.assign({}, ...Object.values(DICTS));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const CJK = /[\u4e00-\u9fff]/;

describe('explorer labels', () => {
  const files = sources(join(__dirname, '../../web/src')).filter((f) => !f.includes(`${join('src', 'i18n')}`));
  const used = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
  }

  it('finds the label keys the views use', () => {
    expect(used.size).toBeGreaterThan(150);
  });

  it('has every used key in the dictionaries', () => {
    const missing = [...used].filter((k) => !(k in ALL));
    expect(missing).toEqual([]);
  });

  it('has no key defined twice across the area dictionaries', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, dict] of Object.entries(DICTS)) {
      for (const k of Object.keys(dict)) {
        if (seen.has(k)) dupes.push(`${k} (${seen.get(k)} and ${name})`);
        seen.set(k, name);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('has English and Chinese for every entry, with the same placeholders', () => {
    const bad: string[] = [];
    for (const [k, v] of Object.entries(ALL)) {
      if (!v.en.trim() || !v.zh.trim()) bad.push(`${k}: empty`);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
      if (ph(v.en) !== ph(v.zh)) bad.push(`${k}: placeholders differ`);
    }
    expect(bad).toEqual([]);
  });

  it('writes the Chinese side in Chinese (except symbols, names and formulas)', () => {
    const latinOnly = Object.entries(ALL).filter(([, v]) => /[a-z]{4,}/i.test(v.en) && !CJK.test(v.zh) && v.zh === v.en);
    // Technical names (PyTorch, NumPy, ReLU, …) may stay as they are; ordinary sentences may not.
    const sentences = latinOnly.filter(([, v]) => v.en.split(/\s+/).length >= 3 && /\b[a-z]{4,}\b/.test(v.en));
    expect(sentences.map(([k]) => k)).toEqual([]);
  });
});

/**
 * Every label of the explorer in English and Simplified Chinese. Each area of the page keeps its words in
 * its own dictionary file (controls.ts, views.ts, activation.ts, tours.ts, common.ts); `t` looks a key up in
 * the current language, falling back to English. Lesson text comes from src/lessons/text.ts.
 */
import { computed } from '@preact/signals';
import { state } from '../state/store.js';
import type { Language } from '../state/types.js';
import { ACTIVATION_TEXT } from './activation.js';
import { COMMON_TEXT } from './common.js';
import { CONTROLS_TEXT } from './controls.js';
import { SEARCH_TEXT } from './search.js';
import { TOURS_TEXT } from './tours.js';
import { TEACH_TEXT } from './teach.js';
import { VIEWS_TEXT } from './views.js';

/** A dictionary: key → text in each language. `{name}` placeholders are filled by `t`'s second argument. */
export type Dictionary = Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

export const DICTIONARY: Dictionary = { ...COMMON_TEXT, ...CONTROLS_TEXT, ...VIEWS_TEXT, ...ACTIVATION_TEXT, ...TOURS_TEXT, ...SEARCH_TEXT, ...TEACH_TEXT };

export const lang = computed<Language>(() => state.value.lang);

/** Text of `key` in language `language`, with `{name}` placeholders filled. Unknown keys show the key itself. */
export function translate(language: Language, key: string, vars?: Readonly<Record<string, string | number>>): string {
  const entry = DICTIONARY[key];
  let text = entry ? entry[language] || entry.en : key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** Text of `key` in the current language (reading it subscribes a component to language changes). */
export function t(key: string, vars?: Readonly<Record<string, string | number>>): string {
  return translate(lang.value, key, vars);
}

/** Class names of the built-in two-class sets, as the data layer names them, in both languages. */
const CLASS_NAMES: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  negative: { en: 'negative', zh: '负类' },
  positive: { en: 'positive', zh: '正类' },
};

/** A class name for display: the built-in sets' names translated, any other (a CSV's own labels) as it is. */
export function className(name: string): string {
  const entry = CLASS_NAMES[name];
  return entry ? entry[lang.value] : name;
}

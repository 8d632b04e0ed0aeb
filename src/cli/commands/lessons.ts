/**
 * Lesson commands: `actlab lessons` lists the lessons, `actlab lesson <id>` runs one over its seeds and prints
 * the claim, set-up, measurements, per-seed verdicts, the verdict with its tally, and the criterion. The chart
 * is written only when `--out <dir>` is given, as `<dir>/lesson-<id>.svg` (so running a lesson never litters
 * the current directory). `--lang zh` prints everything a learner reads in Simplified Chinese.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { CliIO } from '../io.js';
import { fmt, json, textTable } from '../format.js';
import { useBackendOption } from '../backendOption.js';
import { BACKENDS, type BackendName } from '../../wasm/index.js';
import { parseChoice, parseInteger } from '../args.js';
import { LESSONS, getLesson } from '../../lessons/lessons.js';
import { LESSON_TEXT, REPORT_TEXT, VERDICT_TEXT, type LessonId } from '../../lessons/text.js';
import { resolveParams } from '../../lessons/params.js';
import { DEFAULT_SEEDS, MAX_SEEDS } from '../../lessons/defineLesson.js';
import type { Language, Lesson, LessonResult, ParamValue, Tally } from '../../lessons/lesson.js';
import { checkOutputFolder, writeOutputs } from '../../node/outputs.js';
import { renderSvg } from '../../node/render.js';
import { ActlabError } from '../../util/errors.js';

function textOf(id: string) {
  return LESSON_TEXT[id as LessonId];
}

function collectSet(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseSets(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new ActlabError(`--set needs name=value, got '${item}'; e.g. --set lr=1.0`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

function parseLang(text: string): Language {
  if (text !== 'en' && text !== 'zh') throw new ActlabError(`--lang must be en or zh, got '${text}'`);
  return text;
}

const showValue = (v: ParamValue): string => (typeof v === 'object' ? v.join(',') : String(v));

/** "3 holds · 0 does not hold · 7 inconclusive" in the language asked for. */
export function tallyText(t: Tally, lang: Language): string {
  const v = (k: keyof typeof VERDICT_TEXT) => VERDICT_TEXT[k][lang];
  return lang === 'zh'
    ? `${v('holds')} ${t.holds} · ${v('does not hold')} ${t.doesNotHold} · ${v('inconclusive')} ${t.inconclusive}`
    : `${t.holds} ${v('holds')} · ${t.doesNotHold} ${v('does not hold')} · ${t.inconclusive} ${v('inconclusive')}`;
}

/** What the seeds line says: the seeds run, or why one run suffices. */
function seedsText(lesson: Lesson, r: LessonResult, lang: Language): string {
  if (lesson.kind === 'deterministic') return REPORT_TEXT.deterministic[lang];
  if (lesson.kind === 'timed') return REPORT_TEXT.timed[lang];
  const s = r.seeds;
  const range = s.length === 1 ? String(s[0]) : `${s[0]}–${s[s.length - 1]}`;
  return lang === 'zh' ? `${range}（共 ${s.length} 个）` : `${range} (${s.length} seeds)`;
}

/** Registers `lessons` and `lesson`. */
export function registerLessonCommands(program: Command, io: CliIO): void {
  program
    .command('lessons')
    .description('list the lessons: claims about activation functions, each an experiment over seeds with a verdict')
    .option('--json', 'one JSON array of {id, number, title, titleZh, kind, byConstruction, defaultSeeds}')
    .option('--backend <name>', 'engine for lessons run from here on: wasm or js (default wasm; the list itself trains nothing)')
    .action((opts: { json?: boolean; backend?: string }) => {
      if (opts.backend !== undefined) parseChoice<BackendName>(opts.backend, '--backend', BACKENDS);
      if (opts.json) {
        io.out(json(LESSONS.map((l) => ({ id: l.id, number: l.number, title: textOf(l.id).title.en, titleZh: textOf(l.id).title.zh, kind: l.kind, byConstruction: l.byConstruction, defaultSeeds: l.defaultSeeds }))));
        return;
      }
      io.out(textTable(['#', 'id', 'title', '标题'], LESSONS.map((l) => [String(l.number), l.id, textOf(l.id).title.en, textOf(l.id).title.zh])));
      io.out(`\nrun one with 'actlab lesson <id> [--seeds N] [--seed S] [--set name=value ...] [--lang zh] [--out dir]'\n`);
    });

  program
    .command('lesson')
    .description('run a lesson over several seeds: claim, set-up, measured numbers, per-seed verdicts, the verdict with its tally and the criterion that decided it')
    .argument('<id>', 'lesson id or number (see actlab lessons)')
    .option('--seed <n>', 'first seed; seeds S, S+1, … are run', '1')
    .option('--seeds <n>', `how many seeds (default ${DEFAULT_SEEDS}; deterministic lessons run once)`)
    .option('--set <name=value>', 'change a parameter (repeatable); lists are comma-separated', collectSet, [] as string[])
    .option('--out <dir>', 'write the chart as <dir>/lesson-<id>.svg')
    .option('--lang <lang>', 'language of the text: en or zh', 'en')
    .option('--json', 'one JSON document')
    .option('--backend <name>', 'training engine: wasm (WebAssembly SIMD) or js (default wasm)')
    .action(async (id: string, opts: { seed: string; seeds?: string; set: string[]; out?: string; lang: string; json?: boolean; backend?: string }) => {
      const lesson = getLesson(id);
      const backend = await useBackendOption(opts.backend);
      const seed = parseInteger(opts.seed, '--seed', 0, 4294967295 - MAX_SEEDS);
      const seeds = opts.seeds === undefined ? undefined : parseInteger(opts.seeds, '--seeds', 1, MAX_SEEDS);
      const lang = parseLang(opts.lang);
      const params = resolveParams(lesson, parseSets(opts.set));
      const folder = opts.out !== undefined ? checkOutputFolder(opts.out, '--out', io.cwd) : undefined;
      const result = lesson.run(params, { seed, ...(seeds !== undefined ? { seeds } : {}), lang });
      let chartPath: string | null = null;
      if (folder) {
        chartPath = join(folder.path, `lesson-${lesson.id}.svg`);
        writeOutputs([{ path: chartPath, flag: '--out', data: await renderSvg(result.chart) }], folder.makeFolders);
      }
      const t = textOf(lesson.id);
      const label = (k: string) => result.labels[k]?.[lang] ?? k;
      if (opts.json) {
        io.out(json({
          id: lesson.id,
          number: lesson.number,
          lang,
          title: t.title[lang],
          claim: t.claim[lang],
          setup: t.setup[lang],
          findingAtDefaults: t.finding[lang],
          kind: lesson.kind,
          byConstruction: lesson.byConstruction,
          backend,
          params,
          seeds: result.seeds,
          measurements: result.measurements,
          labels: Object.fromEntries(Object.keys(result.labels).map((k) => [k, label(k)])),
          perSeed: result.perSeed,
          verdict: result.verdict,
          verdictText: VERDICT_TEXT[result.verdict][lang],
          criterion: result.criterion[lang],
          tally: result.tally,
          chart: chartPath,
        }));
        return;
      }
      const R = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
      // The written finding describes the default run (defaults, seeds 1–10): shown only when that is what ran.
      const atDefaults = seed === 1 && (seeds === undefined || seeds === lesson.defaultSeeds || lesson.kind !== 'seeded') && opts.set.length === 0;
      const head = lang === 'zh' ? `第 ${lesson.number} 课：${t.title.zh}` : `Lesson ${lesson.number}: ${t.title.en}`;
      const sep = lang === 'zh' ? '：' : ':  ';
      const perSeed = result.perSeed.map((o) => `${o.seed} ${VERDICT_TEXT[o.verdict][lang]}`).join(lang === 'zh' ? '；' : '; ');
      const lines = [
        head,
        '',
        `${R('claim')}${sep}${t.claim[lang]}`,
        `${R('setup')}${sep}${t.setup[lang]}`,
        `${R('params')}${sep}${lesson.params.map((p) => `${p.name}=${showValue(params[p.name])}`).join('  ') || '—'}`,
        `${R('seeds')}${sep}${seedsText(lesson, result, lang)}`,
        ...(lesson.byConstruction ? [`${R('byConstruction')}`] : []),
        '',
        textTable([R('measurement'), R('value')], Object.entries(result.measurements).map(([k, v]) => [label(k), fmt(v)])).trimEnd(),
        '',
        ...(perSeed ? [`${R('perSeed')}${sep}${perSeed}`, ''] : []),
        `${R('verdict')}${sep}${lang === 'zh' ? VERDICT_TEXT[result.verdict].zh : result.verdict.toUpperCase()}`,
        ...(result.tally ? [`${R('tally')}${sep}${tallyText(result.tally, lang)}`] : []),
        `${R('criterion')}${sep}${result.criterion[lang]}`,
        ...(atDefaults && lesson.kind !== 'timed' ? [`${R('finding')}${sep}${t.finding[lang]}`] : []),
        ...(chartPath ? [`${R('chart')}${sep}${chartPath}`] : []),
      ];
      io.out(`${lines.join('\n')}\n`);
    });
}

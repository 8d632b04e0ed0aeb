/**
 * Lesson commands: `actlab lessons` lists the lessons, `actlab lesson <id>` runs one and prints the claim,
 * set-up, measurements, verdict and criterion. The chart is written only when `--out <dir>` is given, as
 * `<dir>/lesson-<id>.svg` (so running a lesson never litters the current directory).
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { CliIO } from '../io.js';
import { fmt, json, textTable } from '../format.js';
import { parseInteger } from '../args.js';
import { LESSONS, getLesson } from '../../lessons/lessons.js';
import { LESSON_TEXT, type LessonId } from '../../lessons/text.js';
import { resolveParams } from '../../lessons/params.js';
import type { ParamValue } from '../../lessons/lesson.js';
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

const showValue = (v: ParamValue): string => (typeof v === 'object' ? v.join(',') : String(v));

/** Registers `lessons` and `lesson`. */
export function registerLessonCommands(program: Command, io: CliIO): void {
  program
    .command('lessons')
    .description('list the lessons: claims about activation functions, each an experiment with a verdict')
    .option('--json', 'one JSON array of {id, number, title, titleZh}')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        io.out(json(LESSONS.map((l) => ({ id: l.id, number: l.number, title: textOf(l.id).title.en, titleZh: textOf(l.id).title.zh }))));
        return;
      }
      io.out(textTable(['#', 'id', 'title', '标题'], LESSONS.map((l) => [String(l.number), l.id, textOf(l.id).title.en, textOf(l.id).title.zh])));
      io.out("\nrun one with 'actlab lesson <id> [--seed N] [--set name=value ...] [--out dir]'\n");
    });

  program
    .command('lesson')
    .description('run a lesson: claim, set-up, measured numbers, verdict and the criterion that decided it')
    .argument('<id>', 'lesson id or number (see actlab lessons)')
    .option('--seed <n>', 'random seed', '1')
    .option('--set <name=value>', 'change a parameter (repeatable); lists are comma-separated', collectSet, [] as string[])
    .option('--out <dir>', 'write the chart as <dir>/lesson-<id>.svg')
    .option('--lang <lang>', 'language of the text: en or zh', 'en')
    .option('--json', 'one JSON document')
    .action(async (id: string, opts: { seed: string; set: string[]; out?: string; lang: string; json?: boolean }) => {
      const lesson = getLesson(id);
      const seed = parseInteger(opts.seed, '--seed', 0, 4294967295);
      if (opts.lang !== 'en' && opts.lang !== 'zh') throw new ActlabError(`--lang must be en or zh, got '${opts.lang}'`);
      const lang = opts.lang;
      const params = resolveParams(lesson, parseSets(opts.set));
      const folder = opts.out !== undefined ? checkOutputFolder(opts.out, '--out', io.cwd) : undefined;
      const result = lesson.run(params, { seed });
      let chartPath: string | null = null;
      if (folder) {
        chartPath = join(folder.path, `lesson-${lesson.id}.svg`);
        writeOutputs([{ path: chartPath, flag: '--out', data: await renderSvg(result.chart) }], folder.makeFolders);
      }
      const t = textOf(lesson.id);
      if (opts.json) {
        io.out(json({
          id: lesson.id,
          number: lesson.number,
          title: t.title[lang],
          claim: t.claim[lang],
          setup: t.setup[lang],
          text: t,
          seed,
          params,
          measurements: result.measurements,
          verdict: result.verdict,
          criterion: result.criterion,
          chart: chartPath,
        }));
        return;
      }
      const lines = [
        `Lesson ${lesson.number}: ${t.title[lang]}`,
        '',
        `Claim:   ${t.claim[lang]}`,
        `Set-up:  ${t.setup[lang]}`,
        `Params:  ${lesson.params.map((p) => `${p.name}=${showValue(params[p.name])}`).join('  ') || '—'}  (seed ${seed})`,
        '',
        textTable(['measurement', 'value'], Object.entries(result.measurements).map(([k, v]) => [k, fmt(v)])).trimEnd(),
        '',
        `Verdict: ${result.verdict.toUpperCase()}`,
        `Criterion: ${result.criterion}`,
        ...(chartPath ? [`Chart:   ${chartPath}`] : []),
      ];
      io.out(`${lines.join('\n')}\n`);
    });
}

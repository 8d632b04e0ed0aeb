/**
 * `actlab search` (discover activations on a task, on worker threads or on Redis workers) and
 * `actlab worker` (take search runs from a Redis queue). They parse options, call src/search, and write
 * the report; the search itself is in the core.
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { splitActivationList } from '../../activations/codec.js';
import { resolveActivation } from '../../activations/resolve.js';
import { prepareData } from '../../run/preparedData.js';
import { writeFileAtomic } from '../../node/atomicWrite.js';
import { checkOutputFolder, makeFolders } from '../../node/outputs.js';
import { describeDataSpec } from '../../run/trainingJob.js';
import { nodeLoaders } from '../../node/nodeLoaders.js';
import { redisExecutor, startQueueWorker } from '../../node/redisQueue.js';
import { ThreadRunner, inThreadExecutor, threadExecutor } from '../../node/searchPool.js';
import { writeChart } from '../../node/render.js';
import type { EvalOutcome } from '../../search/evaluation.js';
import { CANDIDATE_HEADERS, candidateRows, generationSpec, leaderboardRows, LEADERBOARD_HEADERS, searchJson, searchMarkdown, topFunctionsSpec } from '../../search/report.js';
import { DEFAULT_BASELINES, runSearch, STRATEGIES, type SearchConfig, type SearchExecutor, type Strategy } from '../../search/search.js';
import { checkSpace, DEFAULT_SPACE, spaceSize } from '../../search/space.js';
import { ActlabError } from '../../util/errors.js';
import { BACKENDS, type BackendName } from '../../wasm/index.js';
import { parseChoice, parseInteger, parseNumber } from '../args.js';
import { dataSpecFromOptions } from '../dataOption.js';
import { csvTable, json, markdownTable, textTable } from '../format.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { addDataOptions, addModelOptions, modelSettings, trainSettings, type ModelOptions } from './training.js';

/** Search defaults: a short training, so that how fast a function learns decides (pass --epochs to change). */
export const SEARCH_DEFAULTS = { epochs: 50, hidden: [8, 8], budget: 50, seeds: 5, population: 20, top: 5, timeout: 300 } as const;

interface SearchOptions extends ModelOptions {
  budget?: string;
  seeds?: string;
  space?: string;
  strategy?: string;
  population?: string;
  top?: string;
  baselines?: string;
  workers?: string;
  queue?: string;
  timeout?: string;
  out?: string;
  resume?: string;
  surrogate?: boolean;
  tune?: boolean;
}

const STATE_FILE = 'search.json';
const RUNS_FILE = 'runs.json';

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ActlabError(`cannot read ${what} '${path}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unreadable'}; check the path`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ActlabError(`${what} '${path}' is not valid JSON (${(e as Error).message}); fix the file`);
  }
}

/**
 * Checks that `given` can be the output folder before any work (an existing writable folder, or a path whose
 * nearest existing ancestor is one) and makes it, one level at a time (a recursive mkdir loops on /proc).
 */
function prepareOutDir(given: string, option: string, cwd: string): void {
  makeFolders(checkOutputFolder(given, option, cwd));
}

/** The configuration from the options (a new search). */
function configFromOptions(o: SearchOptions, io: CliIO): SearchConfig {
  const space = o.space ? checkSpace(readJsonFile(resolvePath(io.cwd, o.space), 'space file'), `space file '${o.space}'`) : DEFAULT_SPACE;
  const strategy = o.strategy ? parseChoice<Strategy>(o.strategy, '--strategy', STRATEGIES) : 'evolution';
  const model = modelSettings(o);
  const train = trainSettings(o);
  const { seed: _s, ...trainRest } = train;
  const baselines = o.baselines ? splitActivationList(o.baselines).map((b) => b.trim()).filter((b) => b !== '') : [...DEFAULT_BASELINES];
  for (const b of baselines) resolveActivation(b);
  const config: SearchConfig = {
    data: dataSpecFromOptions(o, io),
    model: { hidden: model.hidden ?? [...SEARCH_DEFAULTS.hidden], ...(model.loss ? { loss: model.loss } : {}), ...(model.init ? { init: model.init } : {}) },
    train: { epochs: SEARCH_DEFAULTS.epochs, ...trainRest },
    space,
    strategy,
    budget: o.budget !== undefined ? parseInteger(o.budget, '--budget', 1, 1_000_000) : SEARCH_DEFAULTS.budget,
    seeds: o.seeds !== undefined ? parseInteger(o.seeds, '--seeds', 2, 1000) : SEARCH_DEFAULTS.seeds,
    seed: o.seed !== undefined ? parseInteger(o.seed, '--seed', 0, 2 ** 31) : 1,
    population: o.population !== undefined ? parseInteger(o.population, '--population', 2, 10_000) : SEARCH_DEFAULTS.population,
    top: o.top !== undefined ? parseInteger(o.top, '--top', 1, 100) : SEARCH_DEFAULTS.top,
    baselines,
    ...(o.surrogate ? { surrogate: true } : {}),
    ...(o.tune ? { tune: true } : {}),
    backend: o.backend === undefined ? 'wasm' : parseChoice<BackendName>(o.backend, '--backend', BACKENDS),
  };
  if (strategy === 'exhaustive' && spaceSize(space) > 2_000_000) throw new ActlabError('the space is too large to enumerate (over 2,000,000 trees); use --strategy evolution or lower "depth" in the space file');
  return config;
}

/** Registers search and worker. */
export function registerSearchCommands(program: Command, io: CliIO): void {
  const search = program.command('search').description('search for new activation functions on a task: candidates from a grammar, screened, trained over seeds, compared with relu/gelu/silu/tanh');
  addModelOptions(addDataOptions(search));
  // --data is required for a new search, not for --resume (checked in the action).
  search.options.find((o) => o.long === '--data')?.makeOptionMandatory(false);
  search
    .option('--budget <n>', `candidates to train (default ${SEARCH_DEFAULTS.budget}); screened-out and duplicate candidates do not count`)
    .option('--seeds <k>', `training seeds per candidate (default ${SEARCH_DEFAULTS.seeds})`)
    .option('--space <file.json>', 'the search space: {"unary": [{"name", "expression" in u}], "binary": [{"name", "expression" in a, b}], "depth"} (default: Ramachandran et al. 2017)')
    .option('--strategy <name>', 'evolution (default) or exhaustive')
    .option('--population <n>', `population of the evolution, batch of the enumeration (default ${SEARCH_DEFAULTS.population})`)
    .option('--top <n>', `candidates taken to the final comparison on fresh seeds (default ${SEARCH_DEFAULTS.top})`)
    .option('--baselines <list>', 'activations to compare with (default relu,gelu,silu,tanh)')
    .option('--tune', 'also retrain each top candidate that has parameters with them trained by gradient descent (one value per layer), as its own row of the final comparison')
    .option('--surrogate', 'before training, measure each candidate in the untrained network and skip those whose gradients vanish or explode (> 10^3 between first and last layer) or whose units are > 90% saturated')
    .option('--workers <n>', 'worker threads (default: all cores; 1 runs in this thread)')
    .option('--queue <redis://host:port>', 'put every run on a BullMQ queue in Redis for `actlab worker` processes, here or on other machines')
    .option('--timeout <seconds>', `time limit of one training run (default ${SEARCH_DEFAULTS.timeout})`)
    .option('--out <dir>', 'write report.md, results.json, results.csv, charts, and the state for --resume here')
    .option('--resume <dir>', 'continue a search stopped earlier, from its folder (its settings are used)')
    .action(async (opts: SearchOptions) => {
      if (!opts.resume && !opts.data) throw new ActlabError("say which data to search on: --data <set|file.csv> (or --resume <dir> to continue a search)");
      if (!opts.out && !opts.resume) throw new ActlabError('say where the report goes: --out <dir> (or --resume <dir> to continue a search)');
      const dir = resolvePath(io.cwd, opts.resume ?? (opts.out as string));
      if (opts.resume && opts.out && resolvePath(io.cwd, opts.out) !== dir) throw new ActlabError('--resume and --out name different folders; give only --resume <dir>');
      let config: SearchConfig;
      const known = new Map<string, EvalOutcome>();
      if (opts.resume) {
        if (!existsSync(join(dir, STATE_FILE))) throw new ActlabError(`'${opts.resume}' holds no search to resume (no ${STATE_FILE}); start one with --out`);
        const state = readJsonFile(join(dir, STATE_FILE), 'search state') as { config?: SearchConfig };
        if (!state.config) throw new ActlabError(`'${join(opts.resume, STATE_FILE)}' has no "config"; it was not written by actlab search`);
        config = state.config;
        checkSpace(config.space, 'the saved space');
        prepareData(config.data, nodeLoaders); // the saved data still prepare, before any thread starts
        if (existsSync(join(dir, RUNS_FILE))) {
          const runs = readJsonFile(join(dir, RUNS_FILE), 'saved runs') as Record<string, EvalOutcome>;
          for (const [k, v] of Object.entries(runs)) known.set(k, v);
        }
      } else {
        config = configFromOptions(opts, io);
        prepareData(config.data, nodeLoaders); // bad data fail here, with one line, before the folder is made
        prepareOutDir(opts.out as string, '--out', io.cwd);
        if (existsSync(join(dir, STATE_FILE))) throw new ActlabError(`'${opts.out}' already holds a search; continue it with --resume ${opts.out}, or choose an empty folder`);
      }
      await writeFileAtomic(join(dir, STATE_FILE), json({ config }));

      // Saving the runs: coalesced atomic rewrites, so a crash leaves the last complete file.
      let saving: Promise<void> = Promise.resolve();
      let dirty = false;
      const save = (): void => {
        if (dirty) return;
        dirty = true;
        saving = saving.then(async () => {
          dirty = false;
          await writeFileAtomic(join(dir, RUNS_FILE), JSON.stringify(Object.fromEntries(known)));
        });
      };

      const abort = new AbortController();
      const onSigint = (): void => {
        if (!abort.signal.aborted) io.err('\nstopping after the runs in flight; the results so far are kept\n');
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      const workers = opts.workers !== undefined ? parseInteger(opts.workers, '--workers', 1, 256) : availableParallelism();
      const timeout = opts.timeout !== undefined ? parseNumber(opts.timeout, '--timeout') : SEARCH_DEFAULTS.timeout;
      if (!(timeout > 0)) throw new ActlabError(`--timeout must be a positive number of seconds, got ${opts.timeout}`);
      let execute: SearchExecutor;
      let close: () => Promise<void>;
      if (opts.queue) {
        const r = await redisExecutor(opts.queue, abort.signal);
        execute = r.execute;
        close = r.close;
      } else if (workers <= 1) {
        execute = inThreadExecutor(abort.signal);
        close = async () => undefined;
      } else {
        const runner = new ThreadRunner(workers, timeout, config.backend === 'wasm');
        execute = threadExecutor(runner, abort.signal);
        close = () => runner.close();
      }
      const progress = createProgress(io, 'run', (config.baselines.length + config.budget + config.top + config.baselines.length) * config.seeds, opts.quiet === true);
      const start = performance.now();
      let result;
      try {
        result = await runSearch(config, execute, {
          known,
          onOutcome: (task, outcome) => {
            known.set(task.id, outcome);
            save();
          },
          onProgress: (done, total, label) => progress.update(Math.min(done, total), label),
          stopped: () => abort.signal.aborted,
        });
      } finally {
        progress.stop();
        process.off('SIGINT', onSigint);
        await close();
        await saving;
      }
      const seconds = (performance.now() - start) / 1000;
      // Results describe a CSV by path, rows and SHA-256; only the resume state keeps its text.
      result = { ...result, config: { ...result.config, data: describeDataSpec(result.config.data) } };
      const files = await writeSearchReport(dir, result, seconds);
      if (opts.json) {
        io.out(json({ ...(searchJson(result) as object), seconds }));
        return;
      }
      io.out([
        `Activation search on ${config.data.name}: ${result.counts.trained} candidates trained × ${config.seeds} seeds (${result.counts.rejected} rejected by screening, ${result.counts.duplicates} duplicates) in ${seconds.toFixed(0)} s`,
        '',
        textTable([...LEADERBOARD_HEADERS], leaderboardRows(result)).trimEnd(),
        '',
        result.conclusion,
        `Test: ${result.test}; correction: ${result.correction}.`,
        '',
        `wrote ${files.map((f) => join(opts.resume ?? (opts.out as string), f)).join(', ')}`,
        '',
      ].join('\n'));
    });

  program.command('worker')
    .description('take activation-search runs from a Redis queue (started by `actlab search --queue`) until stopped')
    .requiredOption('--queue <redis://host:port>', 'the Redis server of the search')
    .option('--concurrency <n>', 'runs at a time, one thread each (default: all cores)')
    .option('--timeout <seconds>', `time limit of one run (default ${SEARCH_DEFAULTS.timeout})`)
    .option('--lock-seconds <s>', 'job lock: a killed worker\'s run is taken again after about this long (default 30)')
    .option('--quiet', 'no line per run')
    .action(async (opts: { queue: string; concurrency?: string; timeout?: string; lockSeconds?: string; quiet?: boolean }) => {
      const concurrency = opts.concurrency !== undefined ? parseInteger(opts.concurrency, '--concurrency', 1, 256) : availableParallelism();
      const timeout = opts.timeout !== undefined ? parseNumber(opts.timeout, '--timeout') : SEARCH_DEFAULTS.timeout;
      const lock = opts.lockSeconds !== undefined ? parseNumber(opts.lockSeconds, '--lock-seconds') : 30;
      if (!(timeout > 0) || !(lock >= 1)) throw new ActlabError('--timeout must be positive and --lock-seconds at least 1');
      let runs = 0;
      const w = await startQueueWorker(opts.queue, {
        concurrency, timeoutSeconds: timeout, lockSeconds: lock,
        onRun: (task, outcome) => {
          runs++;
          if (!opts.quiet) io.err(`run ${runs}: ${String(task.job.model.activation)} seed ${task.job.train?.seed ?? ''}: ${outcome.ok ? outcome.score.toFixed(4) : outcome.reason}\n`);
        },
      });
      io.err(`actlab worker: taking search runs from ${w.address} with ${concurrency} thread(s); Ctrl+C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await w.close();
      io.err(`actlab worker: stopped after ${runs} run(s)\n`);
    });
}

/** Writes report.md, results.json, results.csv and the charts into `dir`, each atomically; returns the names. */
async function writeSearchReport(dir: string, result: Awaited<ReturnType<typeof runSearch>>, seconds: number): Promise<string[]> {
  await writeFileAtomic(join(dir, 'results.json'), json(searchJson(result)));
  await writeFileAtomic(join(dir, 'results.csv'), csvTable([...CANDIDATE_HEADERS], candidateRows(result.candidates)));
  await writeFileAtomic(join(dir, 'leaderboard.csv'), csvTable([...LEADERBOARD_HEADERS], leaderboardRows(result)));
  await writeChart(join(dir, 'top-functions.svg'), topFunctionsSpec(result));
  await writeChart(join(dir, 'generations.svg'), generationSpec(result));
  await writeFileAtomic(join(dir, 'report.md'), searchMarkdown(result, markdownTable, seconds));
  return ['report.md', 'results.json', 'results.csv', 'leaderboard.csv', 'top-functions.svg', 'generations.svg'];
}

/**
 * Training commands: train, predict, compare. They parse options, call src/experiments and present.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { splitActivationList } from '../../activations/codec.js';
import { resolveActivation } from '../../activations/resolve.js';
import type { ComparePlan } from '../../experiments/comparePlan.js';
import { COMPARE_HEADERS, compareNotes, compareRows } from '../../experiments/compareReport.js';
import { inProcessExecutor, runComparison, type RunExecutor } from '../../experiments/runComparison.js';
import { prepareData } from '../../experiments/preparedData.js';
import type { JobResult } from '../../experiments/runJob.js';
import type { RunSummary } from '../../experiments/runSummary.js';
import type { ModelConfig, TrainSettings, TrainingJobInput } from '../../experiments/trainingJob.js';
import type { RunTask } from '../../experiments/comparePlan.js';
import type { LossName } from '../../nn/losses.js';
import { OPTIMIZERS, type OptimizerName } from '../../nn/optimizers.js';
import { INITIALIZERS, type InitializerName } from '../../nn/initializers.js';
import type { ParamMode } from '../../nn/denseLayer.js';
import { BUILTIN_TARGET, datasetToCsv, loadSavedModel, readModelInput, targetKey, trainRun, type SavedModel } from '../../run/index.js';
import { writeFileAtomic } from '../../node/atomicWrite.js';
import { nodeLoaders } from '../../node/nodeLoaders.js';
import { writeChart } from '../../node/render.js';
import { runWorkerPool } from '../../node/workerPool.js';
import { ActlabError } from '../../util/errors.js';
import { parseChoice, parseInteger, parseNumber } from '../args.js';
import { compareJson, writeCompareReport } from '../compareFiles.js';
import { dataSpecFromOptions, type DataOptions } from '../dataOption.js';
import { fmt, json, textTable } from '../format.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { boundarySpec, lossCurveSpec } from '../trainCharts.js';

const LOSS_FLAGS: Record<string, LossName> = { mse: 'mse', bce: 'binary_crossentropy', cce: 'categorical_crossentropy' };

export interface ModelOptions extends DataOptions {
  hidden?: string;
  epochs?: string;
  lr?: string;
  batch?: string;
  optimizer?: string;
  loss?: string;
  init?: string;
  l1?: string;
  l2?: string;
  seed?: string;
  outputActivation?: string;
  learnParams?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Training settings given on the command line (unset ones take the job defaults). */
export function trainSettings(o: ModelOptions): Partial<TrainSettings> {
  return {
    ...(o.epochs !== undefined ? { epochs: parseInteger(o.epochs, '--epochs', 1, 1_000_000) } : {}),
    ...(o.lr !== undefined ? { lr: parseNumber(o.lr, '--lr') } : {}),
    ...(o.batch !== undefined ? { batch: parseInteger(o.batch, '--batch', 1, 1_000_000) } : {}),
    ...(o.optimizer !== undefined ? { optimizer: parseChoice<OptimizerName>(o.optimizer, '--optimizer', OPTIMIZERS) } : {}),
    ...(o.l1 !== undefined ? { l1: parseNumber(o.l1, '--l1') } : {}),
    ...(o.l2 !== undefined ? { l2: parseNumber(o.l2, '--l2') } : {}),
    ...(o.seed !== undefined ? { seed: parseInteger(o.seed, '--seed', 0, 2 ** 32 - 1) } : {}),
  };
}

/** The network options (without the activation). */
export function modelSettings(o: ModelOptions): Partial<Omit<ModelConfig, 'activation'>> {
  return {
    ...(o.hidden !== undefined ? { hidden: parseHidden(o.hidden) } : {}),
    ...(o.loss !== undefined ? { loss: LOSS_FLAGS[parseChoice(o.loss, '--loss', Object.keys(LOSS_FLAGS))] } : {}),
    ...(o.init !== undefined ? { init: parseChoice<InitializerName>(o.init, '--init', INITIALIZERS) } : {}),
    ...(o.outputActivation !== undefined ? { outputActivation: resolveActivation(o.outputActivation).key } : {}),
    ...(o.learnParams !== undefined ? { params: parseChoice<ParamMode>(o.learnParams, '--learn-params', ['fixed', 'shared', 'per-unit']) } : {}),
  };
}

function parseHidden(text: string): number[] {
  if (text.trim() === '' || text.trim() === 'none') return [];
  return text.split(',').map((s) => parseInteger(s.trim(), '--hidden', 1, 100_000));
}

/** The data options shared by train, compare and search. */
export function addDataOptions(c: Command): Command {
  return c
    .requiredOption('--data <set|file.csv>', 'a built-in data set (xor, spiral, iris, mnist, …) or a CSV file with a header line')
    .option('--target <column>', 'target column of a CSV file (default: the last column)')
    .option('--n <rows>', 'rows to generate (synthetic sets) or MNIST training digits')
    .option('--noise <fraction>', 'noise of synthetic sets, 0..1 (Playground slider / 100)')
    .option('--test-ratio <fraction>', 'share of rows held out for testing (default 0.2)')
    .option('--data-seed <n>', 'seed of data generation and the train/test split (default 1)');
}

/** The network and training options shared by train, compare and search. */
export function addModelOptions(c: Command): Command {
  return c
    .option('--hidden <widths>', 'hidden layer widths (default 8,8; MNIST 64)')
    .option('--epochs <n>', 'training epochs (default 300; MNIST 10)')
    .option('--lr <rate>', 'learning rate (default 0.005)')
    .option('--batch <size>', 'mini-batch size (default 10)')
    .option('--optimizer <name>', 'sgd, momentum or adam (default adam)')
    .option('--loss <name>', 'mse, bce or cce (default: bce for 2 classes, cce for more, mse for regression)')
    .option('--init <name>', `weight initialiser: ${INITIALIZERS.join(', ')} (default by activation)`)
    .option('--l1 <lambda>', 'L1 penalty on weights (default 0)')
    .option('--l2 <lambda>', 'L2 penalty on weights (default 0)')
    .option('--seed <n>', 'seed of initialisation and shuffling (default 1)')
    .option('--output-activation <activation>', 'activation of the output layer (with --loss mse; default linear)')
    .option('--learn-params <mode>', "train the hidden activations' learnable parameters (PReLU's alpha, …): fixed, shared or per-unit (default fixed)")
    .option('--quiet', 'no progress output')
    .option('--json', 'one JSON document on stdout');
}

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);

/** Registers train, predict and compare. */
export function registerTrainingCommands(program: Command, io: CliIO): void {
  const train = program.command('train').description('train a network on a data set and report loss, accuracy and per-layer diagnostics');
  addModelOptions(addDataOptions(train))
    .requiredOption('--activation <activation>', 'hidden activation: a catalog id (relu, elu:alpha=0.5), an expression in x, or a comma list with one per layer')
    .option('--save <model.json>', 'save the trained model (with its standardiser and class names)')
    .option('--save-data <dir>', 'write the split in raw units as <dir>/train.csv and <dir>/test.csv (features, then the target column)')
    .option('--plot <loss.svg>', 'write the loss curves (.svg or .png)')
    .option('--boundary <boundary.svg>', 'write the decision boundary of 2-D data (.svg or .png)')
    .action(async (opts: ModelOptions & { activation: string; save?: string; saveData?: string; plot?: string; boundary?: string }) => {
      const data = dataSpecFromOptions(opts, io);
      const acts = splitActivationList(opts.activation);
      const model = modelSettings(opts);
      const job: TrainingJobInput = { data, model: { ...model, activation: acts.length === 1 ? acts[0] : acts }, train: trainSettings(opts) };
      const prepared = prepareData(data, nodeLoaders);
      let progress: ReturnType<typeof createProgress> | null = null;
      const r = trainRun(job, {
        data: prepared,
        onEpoch: (h, total) => {
          progress ??= createProgress(io, 'epoch', total, opts.quiet === true);
          const score = h.testAccuracy !== undefined ? `acc ${pct(h.testAccuracy)}` : h.testR2 !== undefined ? `R² ${fmt(h.testR2, 4)}` : '';
          progress.update(h.epoch, `loss ${fmt(h.trainLoss, 4)} / ${fmt(h.testLoss, 4)} ${score}`);
        },
      });
      (progress as ReturnType<typeof createProgress> | null)?.stop();
      const written: string[] = [];
      if (opts.save) {
        await writeFileAtomic(resolvePath(io.cwd, opts.save), JSON.stringify(r.saved));
        written.push(opts.save);
      }
      if (opts.saveData) {
        await mkdir(resolvePath(io.cwd, opts.saveData), { recursive: true }).catch(() => {
          throw new ActlabError(`cannot create the folder '${opts.saveData}'; choose another path for --save-data`);
        });
        const target = r.saved.target.name ?? BUILTIN_TARGET;
        for (const part of ['train', 'test'] as const) {
          await writeFileAtomic(resolvePath(io.cwd, opts.saveData, `${part}.csv`), datasetToCsv(prepared.raw[part], target));
          written.push(`${opts.saveData}/${part}.csv`);
        }
      }
      const title = `${prepared.name}, ${typeof r.config.model.activation === 'string' ? r.config.model.activation : r.config.model.activation.join(' / ')}`;
      if (opts.plot) {
        await writeChart(resolvePath(io.cwd, opts.plot), lossCurveSpec(r, `Loss on ${title}`));
        written.push(opts.plot);
      }
      if (opts.boundary) {
        await writeChart(resolvePath(io.cwd, opts.boundary), boundarySpec(r, `Decision boundary on ${title}`));
        written.push(opts.boundary);
      }
      if (opts.json) {
        io.out(json({ config: r.config, final: r.final, history: r.history, diagnostics: r.diagnostics }));
        return;
      }
      io.out(trainText(r, title, written));
    });

  program
    .command('predict')
    .description('outputs of a saved model on the rows of a CSV file (and accuracy when the target column is present)')
    .requiredOption('--model <model.json>', 'a model saved by actlab train --save')
    .requiredOption('--data <file.csv>', 'CSV file with the feature columns the model was trained on')
    .option('--json', 'one JSON document on stdout')
    .action((opts: { model: string; data: string; json?: boolean }) => predict(opts, io));

  const compare = program.command('compare').description('train the same network with several activations over several seeds and rank them');
  addModelOptions(addDataOptions(compare))
    .requiredOption('--activations <list>', 'comma-separated activations (relu,tanh,sigmoid,elu:alpha=0.5,…)')
    .option('--seeds <n>', 'runs per activation (default 5)')
    .option('--workers <n>', 'worker threads (default: all cores; 1 runs in this thread)')
    .option('--target-accuracy <score>', 'test accuracy (R² for regression) for "epochs to target" (default 0.9)')
    .option('--report <dir>', 'write report.md, results.json, results.csv and SVG charts into this folder')
    .action(async (opts: ModelOptions & { activations: string; seeds?: string; workers?: string; targetAccuracy?: string; report?: string }) => {
      const plan: ComparePlan = {
        data: dataSpecFromOptions(opts, io),
        model: modelSettings(opts),
        train: { ...trainSettings(opts), seed: opts.seed !== undefined ? parseInteger(opts.seed, '--seed', 0, 2 ** 32 - 1) : 1 },
        activations: splitActivationList(opts.activations).map((a) => a.trim()),
        seeds: opts.seeds !== undefined ? parseInteger(opts.seeds, '--seeds', 1, 1000) : 5,
        targetAccuracy: opts.targetAccuracy !== undefined ? parseNumber(opts.targetAccuracy, '--target-accuracy') : 0.9,
      };
      for (const a of plan.activations) resolveActivation(a);
      const workers = opts.workers !== undefined ? parseInteger(opts.workers, '--workers', 1, 256) : availableParallelism();
      const progress = createProgress(io, 'run', plan.activations.length * plan.seeds, opts.quiet === true);
      const { result, runs } = await runComparison(plan, executor(workers), (r, done) => {
        progress.update(done, `${r.activation} seed ${r.seed}: ${r.final.testAccuracy !== undefined ? `acc ${pct(r.final.testAccuracy)}` : `loss ${fmt(r.final.testLoss, 4)}`}`);
      });
      progress.stop();
      const files = opts.report ? await writeCompareReport(resolvePath(io.cwd, opts.report), result, runs) : [];
      if (opts.json) {
        io.out(json(compareJson(result)));
        return;
      }
      const lines = [
        `Comparison on ${plan.data.name}: ${plan.activations.length} activations × ${plan.seeds} seeds`,
        '',
        textTable([...COMPARE_HEADERS], compareRows(result)).trimEnd(),
        '',
        ...compareNotes(result),
        ...(files.length ? ['', `wrote ${files.join(', ')}`] : []),
      ];
      io.out(`${lines.join('\n')}\n`);
    });
}

/** Worker threads, or this thread for one worker. */
function executor(workers: number): RunExecutor {
  if (workers <= 1) return inProcessExecutor(nodeLoaders);
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`../../node/compareWorker${ext}`, import.meta.url);
  return (tasks, onResult) => runWorkerPool<RunTask, RunSummary>(script, tasks, workers, onResult);
}

function trainText(r: JobResult, title: string, written: string[]): string {
  const f = r.final;
  const lines = [`Trained on ${title}: ${r.config.model.hidden.join('-') || 'no hidden layers'}, ${r.config.train.epochs} epochs, ${r.config.train.optimizer} lr ${r.config.train.lr}, batch ${r.config.train.batch}, loss ${r.config.model.loss}`, ''];
  const rows = [['loss', fmt(f.trainLoss, 5), fmt(f.testLoss, 5)]];
  if (f.testAccuracy !== undefined) rows.push(['accuracy', pct(f.trainAccuracy), pct(f.testAccuracy)]);
  if (f.testR2 !== undefined) rows.push(['R²', fmt(f.trainR2, 5), fmt(f.testR2, 5)]);
  lines.push(textTable(['', 'train', 'test'], rows).trimEnd(), '', 'Diagnostics of the last epoch, per layer:');
  const n = r.diagnostics.layers.length;
  lines.push(textTable(
    ['layer', 'grad norm', 'dead', 'saturated', 'sparsity', 'pre-act mean', 'pre-act std'],
    r.diagnostics.layers.map((l, i) => [
      i === n - 1 ? 'output' : `hidden ${i + 1}`, fmt(l.gradNorm, 4),
      l.deadFraction === null ? '—' : pct(l.deadFraction), l.saturatedFraction === null ? '—' : pct(l.saturatedFraction),
      l.sparsity === null ? '—' : pct(l.sparsity), fmt(l.preActivationMean, 4), fmt(l.preActivationStd, 4),
    ]),
  ).trimEnd());
  if (written.length) lines.push('', `wrote ${written.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function predict(opts: { model: string; data: string; json?: boolean }, io: CliIO): void {
  const saved = readSavedModel(opts.model, io);
  const label = opts.data;
  let text: string;
  try {
    text = readFileSync(resolvePath(io.cwd, opts.data), 'utf8');
  } catch {
    throw new ActlabError(`cannot read '${opts.data}'; check the path`);
  }
  const input = readModelInput(text, label, saved.featureNames, saved.json.target.name);
  const predictions = saved.predictRows(input.x, input.rows);
  let accuracy: number | undefined;
  if (saved.classNames && input.targets) {
    const t = input.targets;
    accuracy = predictions.filter((p, i) => targetKey(t[i]) === p.prediction).length / input.rows;
  }
  if (opts.json) {
    io.out(json({ model: opts.model, rows: input.rows, ...(accuracy !== undefined ? { accuracy } : {}), predictions }));
    return;
  }
  const table = textTable(['line', 'prediction', 'outputs'], predictions.map((p, i) => [String(input.lines[i]), String(p.prediction), p.output.map((v) => fmt(v, 4)).join(' ')]));
  io.out(`${table}${accuracy !== undefined ? `\naccuracy ${pct(accuracy)} on ${input.rows} rows\n` : ''}`);
}

/** Reads and loads a saved model file (any version). */
export function readSavedModel(file: string, io: CliIO): SavedModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolvePath(io.cwd, file), 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ActlabError(`cannot read model '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : 'not valid JSON'}; pass a file written by actlab train --save`);
  }
  return loadSavedModel(parsed, resolveActivation);
}

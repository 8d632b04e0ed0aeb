/**
 * Training commands: train, predict, compare. They parse options, call the core (src/run: runs and saved
 * models; src/experiments: comparisons) and present.
 */
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { splitActivationList } from '../../activations/codec.js';
import { resolveActivation } from '../../activations/resolve.js';
import type { ComparePlan } from '../../experiments/comparePlan.js';
import { COMPARE_HEADERS, compareNotes, compareRows } from '../../experiments/compareReport.js';
import { inProcessExecutor, runComparison, type RunExecutor } from '../../experiments/runComparison.js';
import type { RunSummary } from '../../experiments/runSummary.js';
import type { RunTask } from '../../experiments/comparePlan.js';
import type { LossName } from '../../nn/losses.js';
import { OPTIMIZERS, type OptimizerName } from '../../nn/optimizers.js';
import { INITIALIZERS, type InitializerName } from '../../nn/initializers.js';
import type { ParamMode } from '../../nn/denseLayer.js';
import {
  BUILTIN_TARGET, MAX_WEIGHTS, datasetToCsv, describeDataSpec, loadSavedModel, prepareData, resolveJob, trainRun, trainedBackend, upgradeSavedModel,
  type ModelConfig, type PreparedData, type RunResult, type SavedModel, type TrainSettings, type TrainingJobInput,
} from '../../run/index.js';
import { nodeLoaders } from '../../node/nodeLoaders.js';
import { checkDistinct, checkOutputFile, checkOutputFolder, type OutputFile, type PendingFile, writeOutputs } from '../../node/outputs.js';
import { CHART_EXTENSIONS, renderChartFile } from '../../node/render.js';
import { readTextFile } from '../../node/textFile.js';
import { runWorkerPool } from '../../node/workerPool.js';
import { ActlabError } from '../../util/errors.js';
import { parseChoice, parseInteger, parseNumber } from '../args.js';
import { compareJson, compareReportFiles } from '../compareFiles.js';
import { resolveTrainingActivation } from '../activationOption.js';
import { dataSpecFromOptions, type DataOptions } from '../dataOption.js';
import { fmt, json, textTable } from '../format.js';
import type { CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { boundarySpec, lossCurveSpec } from '../trainCharts.js';
import { useBackendOption } from '../backendOption.js';

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
  weightScale?: string;
  biasInit?: string;
  json?: boolean;
  quiet?: boolean;
  backend?: string;
}

/** Training settings given on the command line (unset ones take the job defaults). */
export function trainSettings(o: ModelOptions): Partial<TrainSettings> {
  return {
    ...(o.epochs !== undefined ? { epochs: parseInteger(o.epochs, '--epochs', 1, 1_000_000) } : {}),
    ...(o.lr !== undefined ? { lr: positive(parseNumber(o.lr, '--lr'), '--lr', o.lr) } : {}),
    ...(o.batch !== undefined ? { batch: parseInteger(o.batch, '--batch', 1, 1_000_000) } : {}),
    ...(o.optimizer !== undefined ? { optimizer: parseChoice<OptimizerName>(o.optimizer, '--optimizer', OPTIMIZERS) } : {}),
    ...(o.l1 !== undefined ? { l1: nonNegative(parseNumber(o.l1, '--l1'), '--l1', o.l1) } : {}),
    ...(o.l2 !== undefined ? { l2: nonNegative(parseNumber(o.l2, '--l2'), '--l2', o.l2) } : {}),
    ...(o.seed !== undefined ? { seed: parseInteger(o.seed, '--seed', 0, 2 ** 32 - 1) } : {}),
  };
}

function positive(v: number, flag: string, text: string): number {
  if (!(v > 0)) throw new ActlabError(`${flag} must be a positive number, got '${text}'; e.g. ${flag} 0.01`);
  return v;
}

function nonNegative(v: number, flag: string, text: string): number {
  if (!(v >= 0)) throw new ActlabError(`${flag} must be a number ≥ 0, got '${text}'; e.g. ${flag} 0.001`);
  return v;
}

/** The network options (without the activation). */
export function modelSettings(o: ModelOptions): Partial<Omit<ModelConfig, 'activation'>> {
  return {
    ...(o.hidden !== undefined ? { hidden: parseHidden(o.hidden) } : {}),
    ...(o.loss !== undefined ? { loss: LOSS_FLAGS[parseChoice(o.loss, '--loss', Object.keys(LOSS_FLAGS))] } : {}),
    ...(o.init !== undefined ? { init: parseChoice<InitializerName>(o.init, '--init', INITIALIZERS) } : {}),
    ...(o.outputActivation !== undefined ? { outputActivation: resolveActivation(o.outputActivation).key } : {}),
    ...(o.learnParams !== undefined ? { params: parseChoice<ParamMode>(o.learnParams, '--learn-params', ['fixed', 'shared', 'per-unit']) } : {}),
    ...(o.weightScale !== undefined ? { weightScale: positive(parseNumber(o.weightScale, '--weight-scale'), '--weight-scale', o.weightScale) } : {}),
    ...(o.biasInit !== undefined ? { biasInit: parseNumber(o.biasInit, '--bias-init') } : {}),
  };
}

function parseHidden(text: string): number[] {
  if (text.trim() === '' || text.trim() === 'none') return [];
  const hidden = text.split(',').map((s) => parseInteger(s.trim(), '--hidden', 1, 100_000));
  // The full check (with the data's inputs and outputs) is resolveJob's; this one answers before the data are read.
  let weights = 0;
  for (let i = 1; i < hidden.length; i++) weights += (hidden[i - 1] + 1) * hidden[i];
  if (weights > MAX_WEIGHTS) {
    throw new ActlabError(
      `--hidden ${text}: the hidden layers alone would have ${weights.toLocaleString('en-US')} weights; the limit is ${MAX_WEIGHTS.toLocaleString('en-US')} (about 320 MB with gradients and optimiser state), so use narrower or fewer hidden layers`,
    );
  }
  return hidden;
}

/** The data options shared by train, compare and search. */
export function addDataOptions(c: Command): Command {
  return c
    .requiredOption('--data <set|file.csv>', 'a built-in data set (xor, spiral, iris, mnist, …) or a CSV file with a header line')
    .option('--target <column>', 'target column of a CSV file (default: the last column)')
    .option('--task <task>', 'classification or regression (default: classification for text targets and for at most 50 distinct integers)')
    .option('--missing <policy>', 'rows with empty or NA feature cells: drop (default), mean (fill with the training mean) or error')
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
    .option('--weight-scale <factor>', 'factor on every initial weight, after the initialiser (default 1; e.g. 0.1 for small weights)')
    .option('--bias-init <value>', 'value every hidden bias starts at (default 0)')
    .option('--learn-params <mode>', "train the hidden activations' learnable parameters (PReLU's alpha, …): fixed, shared or per-unit (default fixed)")
    .option('--quiet', 'no progress output')
    .option('--json', 'one JSON document on stdout')
    .option('--backend <name>', 'training engine: wasm (WebAssembly SIMD) or js (default wasm)');
}

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);

/** Prints the data notes (task inferred, rows dropped, columns left out) on stderr. */
function printNotes(io: CliIO, notes: readonly string[], quiet: boolean): void {
  if (!quiet) for (const n of notes) io.err(`actlab: note: ${n}\n`);
}

/** The activation list of --activation(s), each resolved and checked to be finite. */
function checkedActivations(text: string, flag: string): string[] {
  const acts = splitActivationList(text).map((a) => a.trim());
  for (const a of acts) resolveTrainingActivation(a, flag);
  return acts;
}

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
      const acts = checkedActivations(opts.activation, '--activation');
      const model = modelSettings(opts);
      const settings = trainSettings(opts);
      const save = opts.save !== undefined ? checkOutputFile(opts.save, '--save', io.cwd) : undefined;
      const plot = opts.plot !== undefined ? checkOutputFile(opts.plot, '--plot', io.cwd, { extensions: CHART_EXTENSIONS }) : undefined;
      const boundary = opts.boundary !== undefined ? checkOutputFile(opts.boundary, '--boundary', io.cwd, { extensions: CHART_EXTENSIONS }) : undefined;
      checkDistinct([save, plot, boundary]);
      const dataFolder = opts.saveData !== undefined ? checkOutputFolder(opts.saveData, '--save-data', io.cwd) : undefined;
      const data = dataSpecFromOptions(opts, io);
      const backendReady = useBackendOption(opts.backend);
      const job: TrainingJobInput = { data, model: { ...model, activation: acts.length === 1 ? acts[0] : acts }, train: settings };
      const prepared = prepareData(data, nodeLoaders);
      await backendReady;
      if (boundary && prepared.train.d !== 2) {
        throw new ActlabError(`--boundary needs 2-D data but '${prepared.name}' has ${prepared.train.d} features; leave out --boundary`);
      }
      let progress: ReturnType<typeof createProgress> | null = null;
      const r = trainRun(job, {
        data: prepared,
        onEpoch: (h, total) => {
          // Notes come once training has started, so a refused job prints its one error line only.
          if (progress === null) printNotes(io, prepared.notes, opts.quiet === true);
          progress ??= createProgress(io, 'epoch', total, opts.quiet === true);
          const score = h.testAccuracy !== undefined ? `acc ${pct(h.testAccuracy)}` : h.testR2 !== undefined ? `R² ${fmt(h.testR2, 4)}` : '';
          progress.update(h.epoch, `loss ${fmt(h.trainLoss, 4)} / ${fmt(h.testLoss, 4)} ${score}`);
        },
      });
      (progress as ReturnType<typeof createProgress> | null)?.stop();
      const pending: PendingFile[] = [];
      const title = `${prepared.name}, ${typeof r.config.model.activation === 'string' ? r.config.model.activation : r.config.model.activation.join(' / ')}`;
      // The core's saved model (version 2): the spec with the backend that trained it, weights, learned
      // activation parameters, standardiser, column encodings, class names and the data described.
      if (save) pending.push({ path: save.path, flag: save.flag, data: JSON.stringify(r.saved) });
      if (plot) pending.push({ path: plot.path, flag: plot.flag, data: await renderChartFile(plot.path, lossCurveSpec(r, `Loss on ${title}`)) });
      if (boundary) pending.push({ path: boundary.path, flag: boundary.flag, data: await renderChartFile(boundary.path, boundarySpec(r, `Decision boundary on ${title}`)) });
      const dataFiles: string[] = [];
      if (dataFolder) {
        const target = data.csv?.target ?? BUILTIN_TARGET;
        for (const part of ['train', 'test'] as const) {
          pending.push({ path: resolvePath(dataFolder.path, `${part}.csv`), flag: '--save-data', data: datasetToCsv(prepared.raw[part], target) });
          dataFiles.push(`${opts.saveData}/${part}.csv`);
        }
      }
      writeOutputs(pending, dataFolder?.makeFolders ?? []);
      const written = [...[save, plot, boundary].filter((f): f is OutputFile => f !== undefined).map((f) => f.given), ...dataFiles];
      if (opts.json) {
        io.out(json({ config: { ...r.spec, data: describeDataSpec(r.spec.data) }, backend: r.spec.backend, final: r.final, history: r.history, diagnostics: r.diagnostics }));
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
    .option('--backend <name>', 'engine: wasm (WebAssembly SIMD) or js (default: the one the model was trained on, so outputs are reproduced bit for bit; js for files that do not say)')
    .action(async (opts: { model: string; data: string; json?: boolean; backend?: string }) => predict(opts, io));

  const compare = program.command('compare').description('train the same network with several activations over several seeds and rank them');
  addModelOptions(addDataOptions(compare))
    .requiredOption('--activations <list>', 'comma-separated activations (relu,tanh,sigmoid,elu:alpha=0.5,…)')
    .option('--seeds <n>', 'runs per activation (default 5)')
    .option('--workers <n>', 'worker threads (default: all cores; 1 runs in this thread)')
    .option('--target-accuracy <score>', 'test accuracy (R² for regression) for "epochs to target" (default 0.9)')
    .option('--report <dir>', 'write report.md, results.json, results.csv and SVG charts into this folder')
    .action(async (opts: ModelOptions & { activations: string; seeds?: string; workers?: string; targetAccuracy?: string; report?: string }) => {
      const activations = checkedActivations(opts.activations, '--activations');
      const model = modelSettings(opts);
      const train = { ...trainSettings(opts), seed: opts.seed !== undefined ? parseInteger(opts.seed, '--seed', 0, 2 ** 32 - 1) : 1 };
      const seeds = opts.seeds !== undefined ? parseInteger(opts.seeds, '--seeds', 1, 1000) : 5;
      const targetAccuracy = opts.targetAccuracy !== undefined ? parseNumber(opts.targetAccuracy, '--target-accuracy') : 0.9;
      const workers = opts.workers !== undefined ? parseInteger(opts.workers, '--workers', 1, 256) : availableParallelism();
      const report = opts.report !== undefined ? checkOutputFolder(opts.report, '--report', io.cwd) : undefined;
      const data = dataSpecFromOptions(opts, io);
      const backendReady = useBackendOption(opts.backend);
      const plan: ComparePlan = { data, model, train, activations, seeds, targetAccuracy };
      const prepared = prepareData(data, nodeLoaders);
      const backend = await backendReady;
      resolveJob({ data, model: { ...model, activation: activations[0] }, train }, prepared);
      const progress = createProgress(io, 'run', plan.activations.length * plan.seeds, opts.quiet === true);
      const { result, runs } = await runComparison(plan, executor(workers, prepared), (r, done) => {
        if (done === 1) printNotes(io, prepared.notes, opts.quiet === true);
        progress.update(done, `${r.activation} seed ${r.seed}: ${r.final.testAccuracy !== undefined ? `acc ${pct(r.final.testAccuracy)}` : `loss ${fmt(r.final.testLoss, 4)}`}`);
      });
      progress.stop();
      const described = { ...result, plan: { ...result.plan, data: describeDataSpec(result.plan.data) } };
      let files: string[] = [];
      if (report) {
        const pending = await compareReportFiles(report.path, described, runs);
        writeOutputs(pending, report.makeFolders);
        files = pending.map((f) => f.path);
      }
      if (opts.json) {
        io.out(json({ ...(compareJson(described) as Record<string, unknown>), backend }));
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
function executor(workers: number, prepared: PreparedData): RunExecutor {
  if (workers <= 1) return inProcessExecutor(nodeLoaders, prepared);
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`../../node/compareWorker${ext}`, import.meta.url);
  return (tasks, onResult) => runWorkerPool<RunTask, RunSummary>(script, tasks, workers, onResult);
}

function trainText(r: RunResult, title: string, written: string[]): string {
  const f = r.final;
  const lines = [`Trained on ${title}: ${r.config.model.hidden.join('-') || 'no hidden layers'}, ${r.config.train.epochs} epochs, ${r.config.train.optimizer} lr ${r.config.train.lr}, batch ${r.config.train.batch}, loss ${r.config.model.loss}`, `Backend ${r.spec.backend}: ${r.seconds.toFixed(2)} s of training`, ''];
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

async function predict(opts: { model: string; data: string; json?: boolean; backend?: string }, io: CliIO): Promise<void> {
  const modelFile = readTextFile(opts.model, '--model', io.cwd);
  let parsed: unknown;
  try {
    parsed = JSON.parse(modelFile.text);
  } catch {
    throw new ActlabError(`--model '${opts.model}' is not valid JSON; pass a file written by actlab train --save`);
  }
  // Any saved-model version (src/run upgrades version-1 files); by default the backend the spec says trained it.
  const upgraded = upgradeSavedModel(parsed);
  const backend = await useBackendOption(opts.backend ?? trainedBackend(upgraded) ?? 'js');
  const loaded = loadSavedModel(upgraded, resolveActivation);
  const { rows, lines, predictions, accuracy, filled } = loaded.predictCsv(readTextFile(opts.data, '--data', io.cwd).text, opts.data);
  if (filled > 0) io.err(`actlab: note: ${filled} of ${rows} rows have missing values; they were filled with the training mean\n`);
  if (opts.json) {
    io.out(json({ model: opts.model, backend, rows, ...(accuracy !== undefined ? { accuracy } : {}), predictions }));
    return;
  }
  const table = textTable(['line', 'prediction', 'outputs'], predictions.map((p, i) => [String(lines[i]), String(p.prediction), p.output.map((v) => fmt(v, 4)).join(' ')]));
  io.out(`${table}${accuracy !== undefined ? `\naccuracy ${pct(accuracy)} on ${rows} rows\n` : ''}`);
}

/** Reads and loads a saved model file (any version), for `actlab export`. */
export function readSavedModel(file: string, io: CliIO): SavedModel {
  const text = readTextFile(file, 'model', io.cwd).text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ActlabError(`model '${file}' is not valid JSON; pass a file written by actlab train --save`);
  }
  return loadSavedModel(parsed, resolveActivation);
}

/** Section (b): training throughput of actlab against TF.js cpu and wasm on the same networks and weights. */
import { createWasmBackend } from '../src/wasm/index.js';
import { prepareActlabSteps, type PreparedSteps } from './actlabMlp.js';
import { runTorch } from './peers/torchPeer.js';
import { largeTask, smallTask, type MlpTask } from './mlpTask.js';
import { stepsPerSecond } from './stepTimer.js';
import { prepareTfjsSteps } from './tfjsMlp.js';

/** One engine on one task. */
export interface EngineFigure {
  readonly stepsPerSecond: number;
  readonly samplesPerSecond: number;
  /** Loss of the first step from the shared initial weights (equal across engines up to f32 rounding). */
  readonly firstLoss: number;
}

/** One task, all engines. */
export interface NnRow {
  readonly label: string;
  readonly batch: number;
  /** actlab on the JavaScript backend. */
  readonly actlab: EngineFigure;
  /** actlab on the wasm backend. */
  readonly actlabWasm: EngineFigure;
  readonly tfjsCpu: EngineFigure;
  readonly tfjsWasm: EngineFigure;
  /** PyTorch on the CPU, one thread (null without /usr/bin/python3 and torch); its first loss is NaN (other initial weights). */
  readonly pytorch: EngineFigure | null;
}

/** The training section: the small (Playground) and the large (MNIST-sized) network. */
export interface NnResult {
  readonly small: NnRow;
  readonly large: NnRow;
}

function measure(task: MlpTask, steps: PreparedSteps, ms: number): EngineFigure {
  try {
    const sps = stepsPerSecond(steps.step, ms, Math.min(ms, 300), task.batch >= 64 ? 2 : 10, steps.finish);
    return { stepsPerSecond: sps, samplesPerSecond: sps * task.batch, firstLoss: steps.firstLoss };
  } finally {
    steps.dispose();
  }
}

async function benchTask(task: MlpTask, ms: number, log: (line: string) => void): Promise<NnRow> {
  log(`training: ${task.label}, actlab`);
  const actlab = measure(task, prepareActlabSteps(task), ms);
  log(`training: ${task.label}, actlab wasm`);
  const actlabWasm = measure(task, prepareActlabSteps(task, await createWasmBackend()), ms);
  log(`training: ${task.label}, PyTorch`);
  const torch = runTorch({ mlp: [{ activation: task.activation, inputSize: task.inputSize, hidden: task.hidden, outputSize: task.outputSize, batch: task.batch, lr: task.lr, seconds: ms / 1000 }] });
  const tsps = torch?.mlp?.[0]?.stepsPerSecond;
  const pytorch = tsps === undefined ? null : { stepsPerSecond: tsps, samplesPerSecond: tsps * task.batch, firstLoss: Number.NaN };
  log(`training: ${task.label}, tfjs-cpu`);
  const tfjsCpu = measure(task, await prepareTfjsSteps(task, 'cpu'), ms);
  log(`training: ${task.label}, tfjs-wasm`);
  const tfjsWasm = measure(task, await prepareTfjsSteps(task, 'wasm'), ms);
  return { label: task.label, batch: task.batch, actlab, actlabWasm, tfjsCpu, tfjsWasm, pytorch };
}

/** Runs section (b). */
export async function benchNn(quick: boolean, log: (line: string) => void): Promise<NnResult> {
  const small = await benchTask(smallTask(), quick ? 500 : 2000, log);
  const large = await benchTask(largeTask(), quick ? 1000 : 3000, log);
  return { small, large };
}

/** Section (b): training throughput of actlab against TF.js cpu and wasm on the same networks and weights. */
import { prepareActlabSteps, type PreparedSteps } from './actlabMlp.js';
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
  readonly actlab: EngineFigure;
  readonly tfjsCpu: EngineFigure;
  readonly tfjsWasm: EngineFigure;
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
  log(`training: ${task.label}, tfjs-cpu`);
  const tfjsCpu = measure(task, await prepareTfjsSteps(task, 'cpu'), ms);
  log(`training: ${task.label}, tfjs-wasm`);
  const tfjsWasm = measure(task, await prepareTfjsSteps(task, 'wasm'), ms);
  return { label: task.label, batch: task.batch, actlab, tfjsCpu, tfjsWasm };
}

/** Runs section (b). */
export async function benchNn(quick: boolean, log: (line: string) => void): Promise<NnResult> {
  const small = await benchTask(smallTask(), quick ? 500 : 2000, log);
  const large = await benchTask(largeTask(), quick ? 1000 : 3000, log);
  return { small, large };
}

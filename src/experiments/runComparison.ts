import { aggregateRuns, type CompareResult } from './compareResult.js';
import { planRuns, type ComparePlan, type RunTask } from './comparePlan.js';
import { prepareData, type DataLoaders, type PreparedData } from '../run/preparedData.js';
import { runTask, type RunSummary } from './runSummary.js';
import { ActlabError } from '../util/errors.js';

/** Runs a list of tasks somewhere (this thread, worker threads, web workers); results in task order. */
export type RunExecutor = (tasks: readonly RunTask[], onResult: (result: RunSummary, done: number) => void) => Promise<RunSummary[]>;

/** An executor that runs the tasks one after another in this thread, preparing the data once (or using `prepared`, made for the tasks' data). */
export function inProcessExecutor(loaders: DataLoaders = {}, prepared?: PreparedData): RunExecutor {
  return async (tasks, onResult) => {
    const out: RunSummary[] = [];
    if (tasks.length === 0) return out;
    const data = prepared ?? prepareData(tasks[0].job.data, loaders);
    for (const t of tasks) {
      const r = runTask(t, { data });
      out.push(r);
      onResult(r, out.length);
      await Promise.resolve();
    }
    return out;
  };
}

/** Checks a plan, runs all its runs with `execute`, and aggregates them. */
export async function runComparison(
  plan: ComparePlan, execute: RunExecutor, onResult: (result: RunSummary, done: number, total: number) => void = () => undefined,
): Promise<{ result: CompareResult; runs: RunSummary[] }> {
  if (plan.activations.length === 0) throw new ActlabError('no activations to compare; pass e.g. --activations relu,tanh,sigmoid');
  if (new Set(plan.activations).size !== plan.activations.length) throw new ActlabError(`an activation appears twice in '${plan.activations.join(',')}'; list each once`);
  if (!Number.isInteger(plan.seeds) || plan.seeds < 1) throw new ActlabError(`seeds must be a whole number ≥ 1, got ${plan.seeds}; pass e.g. --seeds 5`);
  const tasks = planRuns(plan);
  const runs = await execute(tasks, (r, done) => onResult(r, done, tasks.length));
  return { result: aggregateRuns(plan, runs), runs };
}

/**
 * Experiments: comparisons of runs and their statistics. Re-exports only; training jobs and the run loop live
 * in src/run and are re-exported here under their earlier names.
 */
export type { CsvSource, DataSpec, ModelConfig, TrainSettings, TrainingJob, TrainingJobInput } from '../run/trainingJob.js';
export { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_DEFAULTS, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS, defaultLoss, lossFor } from '../run/defaults.js';
export { prepareData, type DataLoaders, type PreparedData } from '../run/preparedData.js';
export { encodeTargets, outputWidth } from '../run/targets.js';
export { resolveJob } from '../run/resolveJob.js';
export { historyRecord, trainRun as runJob, type FinalMetrics, type HistoryRecord, type RunResult as JobResult, type TrainRunOptions as RunJobOptions } from '../run/trainRun.js';
export { summarize, type Summary } from './summary.js';
export { logGamma, regularizedIncompleteBeta, studentTTwoSided } from './incompleteBeta.js';
export { WELCH_TEST_NAME, welchTTest, type TestResult } from './welchTTest.js';
export { epochsToTarget } from './epochsToTarget.js';
export { planRuns, type ComparePlan, type RunTask } from './comparePlan.js';
export { runTask, summarizeRun, type RunSummary } from './runSummary.js';
export { SIGNIFICANCE_LEVEL, aggregateRuns, type ActivationResult, type CompareResult } from './compareResult.js';
export { inProcessExecutor, runComparison, type RunExecutor } from './runComparison.js';
export { COMPARE_HEADERS, compareCsvRows, compareNotes, compareRows } from './compareReport.js';

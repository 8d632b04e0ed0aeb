/** Experiments: serialisable training jobs and comparisons, their runner and statistics. Re-exports only. */
export type { CsvSource, DataSpec, ModelConfig, TrainSettings, TrainingJob, TrainingJobInput } from './trainingJob.js';
export { DATA_DEFAULTS, DEFAULT_HIDDEN, MNIST_DEFAULTS, MNIST_HIDDEN, MNIST_TRAIN_DEFAULTS, TRAIN_DEFAULTS, defaultLoss, lossFor } from './defaults.js';
export { prepareData, type DataLoaders, type PreparedData } from './preparedData.js';
export { encodeTargets, outputWidth } from './encodeTargets.js';
export { resolveJob } from './resolveJob.js';
export { historyRecord, runJob, type FinalMetrics, type HistoryRecord, type JobResult, type RunJobOptions } from './runJob.js';
export { summarize, type Summary } from './summary.js';
export { logGamma, regularizedIncompleteBeta, studentTTwoSided } from './incompleteBeta.js';
export { WELCH_TEST_NAME, welchTTest, type TestResult } from './welchTTest.js';
export { epochsToTarget } from './epochsToTarget.js';
export { planRuns, type ComparePlan, type RunTask } from './comparePlan.js';
export { runTask, summarizeRun, type RunSummary } from './runSummary.js';
export { SIGNIFICANCE_LEVEL, aggregateRuns, type ActivationResult, type CompareResult } from './compareResult.js';
export { inProcessExecutor, runComparison, type RunExecutor } from './runComparison.js';
export { COMPARE_HEADERS, compareCsvRows, compareNotes, compareRows } from './compareReport.js';

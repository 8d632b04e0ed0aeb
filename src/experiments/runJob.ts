/**
 * The run loop moved to the run module (src/run/trainRun.ts): `runJob` is `trainRun`, under the names
 * comparisons and library users know.
 */
export {
  historyRecord, trainRun as runJob, type FinalMetrics, type HistoryRecord, type RunResult as JobResult, type TrainRunOptions as RunJobOptions,
} from '../run/trainRun.js';

/** Training jobs moved to the run module (src/run/trainingJob.ts); re-exported here for existing importers. */
export { describeDataSpec, type CsvSource, type DataSpec, type ModelConfig, type TrainSettings, type TrainingJob, type TrainingJobInput } from '../run/trainingJob.js';

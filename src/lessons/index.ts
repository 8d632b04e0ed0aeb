/** Lessons: claims about activations, each an experiment over seeds with a verdict and a chart. Re-exports only. */
export type { Bilingual, Judgement, Language, Lesson, LessonKind, LessonParam, LessonResult, Measurements, ParamValue, ParamValues, RunOptions, SeedOutcome, Tally, Verdict } from './lesson.js';
export { LESSONS, getLesson } from './lessons.js';
export { LESSON_TEXT, VERDICT_TEXT, type LessonId, type LessonText } from './text.js';
export { DEFAULT_SEEDS, MAX_SEEDS } from './defineLesson.js';
export { parseParamValue, resolveParams } from './params.js';

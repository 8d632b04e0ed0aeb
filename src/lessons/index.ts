/** Lessons: claims about activations, each an experiment with a verdict and a chart. Re-exports only. */
export type { Judgement, Lesson, LessonParam, LessonResult, Measurements, ParamValue, ParamValues, RunOptions, Verdict } from './lesson.js';
export { LESSONS, getLesson } from './lessons.js';
export { LESSON_TEXT, type Bilingual, type Language, type LessonId, type LessonText } from './text.js';
export { parseParamValue, resolveParams } from './params.js';

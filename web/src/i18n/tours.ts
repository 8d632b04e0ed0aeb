import type { Dictionary } from './index.js';

/** Labels of the tours part of the explorer (lesson titles, claims and step texts live with the lessons and tours). */
export const TOURS_TEXT: Dictionary = {
  'tours.title': { en: 'Guided lessons', zh: '课程导览' },
  'tours.intro': {
    en: 'Pick a lesson: the tour sets the explorer up to show it live, step by step, and can run the lesson’s measured experiment.',
    zh: '选择一节课程：导览会一步步设置好浏览器中的网络，让你实时观察其中的现象，还可以运行这节课的实测实验。',
  },
  'tours.select.label': { en: 'Lesson', zh: '课程' },
  'tours.select.none': { en: 'Choose a lesson…', zh: '选择一节课程……' },
  'tours.lessonNumber': { en: 'Lesson {n}', zh: '第 {n} 课' },
  'tours.claim': { en: 'Claim:', zh: '论断：' },
  'tours.setup': { en: 'How the experiment measures it', zh: '实验如何测量' },
  'tours.step': { en: 'Step {k} of {n}', zh: '第 {k} 步（共 {n} 步）' },
  'tours.back': { en: 'Back', zh: '上一步' },
  'tours.next': { en: 'Next', zh: '下一步' },
  'tours.apply': { en: 'Apply this step', zh: '应用这一步' },
  'tours.apply.hint': {
    en: 'Sets the network up for this step and restarts training from fresh weights.',
    zh: '按这一步的要求设置网络，并从新的初始权重重新开始训练。',
  },
  'tours.applied': { en: 'Applied', zh: '已应用' },
  'tours.close': { en: 'Leave the tour', zh: '退出导览' },
  'tours.run': { en: 'Run the measured experiment', zh: '运行实测实验' },
  'tours.run.again': { en: 'Run it again', zh: '再运行一次' },
  'tours.run.hint': {
    en: 'Runs the lesson’s experiment with its default parameters over seeds 1–10 (once if it is deterministic), in the background.',
    zh: '在后台以默认参数在种子 1–10 上运行这节课的实验（确定性实验只运行一次）。',
  },
  'tours.running': { en: 'Running the experiment… {s} s', zh: '实验运行中…… 已用 {s} 秒' },
  'tours.cancel': { en: 'Cancel', zh: '取消' },
  'tours.verdict': { en: 'Verdict:', zh: '结论：' },
  'tours.verdict.holds': { en: 'Holds', zh: '成立' },
  'tours.verdict.doesNotHold': { en: 'Does not hold', zh: '不成立' },
  'tours.verdict.inconclusive': { en: 'Inconclusive', zh: '无法确定' },
  'tours.criterion': { en: 'Criterion:', zh: '判定标准：' },
  'tours.ranIn': { en: 'Default parameters, one run (deterministic or timed); took {s} s.', zh: '默认参数，运行一次（确定性或计时实验）；用时 {s} 秒。' },
  'tours.ranSeeds': {
    en: 'Default parameters, {n} seeds: {h} hold, {f} do not, {i} inconclusive; took {s} s.',
    zh: '默认参数，{n} 个种子：{h} 个成立，{f} 个不成立，{i} 个无法确定；用时 {s} 秒。',
  },
  'tours.error': { en: 'The experiment failed: {message}', zh: '实验运行失败：{message}' },
  'tours.chart.label': { en: 'Chart of the experiment', zh: '实验图表' },
  'tours.chart.loading': { en: 'Drawing the chart…', zh: '正在绘制图表……' },
  'tours.chart.error': { en: 'The chart could not be drawn: {message}', zh: '无法绘制图表：{message}' },
};

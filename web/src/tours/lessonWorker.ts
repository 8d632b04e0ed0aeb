/** Worker that runs one lesson experiment at a time, so the page stays responsive while it measures. */
import { runLessonRequest, type LessonReply, type LessonRequest } from './lessonRun.js';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<LessonRequest>) => void) | null;
  postMessage(message: LessonReply): void;
};

scope.onmessage = (ev) => {
  if (ev.data?.type !== 'run') return;
  scope.postMessage(runLessonRequest(ev.data));
};

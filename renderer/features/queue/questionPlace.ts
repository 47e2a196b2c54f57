/**
 * Where a window shows a "target exists" question: as a dialog in the window that queued the
 * transfer (or in every window once that one is gone, or where the user opened it from the queue),
 * and in every window in the queue row of its transfer, whose buttons answer it too.
 */
import type { ExistsQuestionInfo } from '../../../shared/queue';

/** What a window knows to place its questions. */
export interface QuestionViewer {
  /** This window's name with the main process; null until it is known. */
  clientId: string | null;
  /** A question the user opened in this window's dialog from its queue row. */
  openedQuestionId: string | null;
}

/** Whether this window asks `question` with its dialog. */
export function isAskedInDialog(question: ExistsQuestionInfo, viewer: QuestionViewer): boolean {
  if (question.questionId === viewer.openedQuestionId) return true;
  if (viewer.clientId === null) return false;
  return question.ownerClientId === undefined || question.ownerClientId === viewer.clientId;
}

/** The question this window's dialog shows now: the oldest it asks there. */
export function dialogQuestion(questions: readonly ExistsQuestionInfo[], viewer: QuestionViewer): ExistsQuestionInfo | undefined {
  return questions.find((q) => isAskedInDialog(q, viewer));
}

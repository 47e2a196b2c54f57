/** Which window asks a "target exists" question with its dialog. */
import { describe, expect, it } from 'vitest';
import { dialogQuestion, isAskedInDialog } from '../../../renderer/features/queue/questionPlace';
import type { ExistsQuestionInfo } from '../../../shared/queue';

const question = (questionId: string, ownerClientId?: string): ExistsQuestionInfo => ({
  questionId,
  item: { id: `item-${questionId}`, direction: 'download', localPath: '/l/x', remotePath: '/x', siteId: 's', transferredBytes: 0, state: 'transferring', attempts: 1, createdMs: 0 },
  source: { path: '/x' },
  target: { path: '/l/x' },
  ...(ownerClientId ? { ownerClientId } : {}),
});

describe('questionPlace', () => {
  it('asks with a dialog in the window that queued the transfer, not in the others', () => {
    expect(isAskedInDialog(question('q', 'browser-1'), { clientId: 'browser-1', openedQuestionId: null })).toBe(true);
    expect(isAskedInDialog(question('q', 'browser-1'), { clientId: 'browser-2', openedQuestionId: null })).toBe(false);
  });
  it('asks in every window once the owner is gone, but not before the window knows its name', () => {
    expect(isAskedInDialog(question('q'), { clientId: 'browser-2', openedQuestionId: null })).toBe(true);
    expect(isAskedInDialog(question('q'), { clientId: null, openedQuestionId: null })).toBe(false);
  });
  it('asks in a window that opened the question from its queue row, oldest question first', () => {
    const questions = [question('a', 'browser-1'), question('b', 'browser-2')];
    expect(dialogQuestion(questions, { clientId: 'browser-3', openedQuestionId: null })).toBeUndefined();
    expect(dialogQuestion(questions, { clientId: 'browser-3', openedQuestionId: 'b' })?.questionId).toBe('b');
    expect(dialogQuestion(questions, { clientId: 'browser-2', openedQuestionId: null })?.questionId).toBe('b');
  });
});

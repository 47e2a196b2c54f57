/** The SSH login questions of the window's connections: asked, answered once, given up, withdrawn. */
import { describe, expect, it } from 'vitest';
import { SshQuestionCancelledError, SshQuestions } from '../../../electron/services/SshQuestions';
import type { SshQuestion } from '../../../shared/ssh';

function setUp() {
  const sent: SshQuestion[][] = [];
  const questions = new SshQuestions((list) => sent.push(list));
  return { questions, sent, last: () => sent.at(-1) ?? [] };
}

const request = { name: '', instructions: 'Use your token', prompts: [{ text: 'Password: ', isEcho: false }, { text: 'Code: ', isEcho: true }] };

describe('SshQuestions', () => {
  it('sends a connection’s prompts to its window and resolves with the first answer', async () => {
    const { questions, last } = setUp();
    const asking = questions.forConnection('h:22', 'window-1').onPrompts(request);
    expect(last()).toEqual([{ questionId: expect.any(String), ownerClientId: 'window-1', connection: 'h:22', kind: 'prompts', ...request }]);
    const { questionId } = last()[0];
    expect(() => questions.answer(questionId, ['only one'])).toThrow('Expected 2 answers, got 1');
    questions.answer(questionId, ['pw', '123456']);
    await expect(asking).resolves.toEqual(['pw', '123456']);
    expect(last()).toEqual([]);
    expect(() => questions.answer(questionId, ['late', 'too'])).toThrow(expect.objectContaining({ kind: 'stale-question' }));
  });

  it('offers to remember a passphrase only where it can be saved, and saves it when asked', async () => {
    const { questions, last } = setUp();
    const saved: string[] = [];
    const asking = questions.forConnection('h:22', undefined, async (p) => void saved.push(p)).onPassphrase('/k/id');
    expect(last()[0]).toMatchObject({ kind: 'passphrase', keyPath: '/k/id', canRemember: true });
    expect(last()[0]).not.toHaveProperty('ownerClientId');
    questions.answer(last()[0].questionId, ['phrase'], true);
    await expect(asking).resolves.toBe('phrase');
    expect(saved).toEqual(['phrase']);

    const once = questions.forConnection('h:22', undefined).onPassphrase('/k/id');
    expect(last()[0].canRemember).toBe(false);
    questions.answer(last()[0].questionId, ['x'], true);
    await once;
  });

  it('gives up when the user cancels, when the login ends, or when its window goes', async () => {
    const { questions, last } = setUp();
    const cancelled = questions.forConnection('h:22', 'w').onPrompts(request);
    questions.answer(last()[0].questionId, undefined);
    await expect(cancelled).rejects.toBeInstanceOf(SshQuestionCancelledError);

    const connection = questions.forConnection('h:22', 'w');
    const withdrawn = connection.onPassphrase('/k');
    connection.withdraw();
    await expect(withdrawn).rejects.toThrow('The passphrase of /k was not answered');

    const mine = questions.forConnection('h:22', 'gone').onPrompts(request);
    const anyone = questions.forConnection('h:22', undefined).onPrompts(request);
    questions.clientGone('gone');
    await expect(mine).rejects.toBeInstanceOf(SshQuestionCancelledError);
    expect(last().map((q) => q.ownerClientId)).toEqual([undefined]);
    questions.answer(last()[0].questionId, ['a', 'b']);
    await expect(anyone).resolves.toEqual(['a', 'b']);
  });

  it('refuses a round of more prompts than anyone answers', async () => {
    const { questions } = setUp();
    const many = { name: '', instructions: '', prompts: Array.from({ length: 21 }, () => ({ text: '?', isEcho: true })) };
    await expect(questions.forConnection('h:22', 'w').onPrompts(many)).rejects.toThrow('at most 20');
  });
});

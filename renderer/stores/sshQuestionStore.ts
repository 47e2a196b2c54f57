/**
 * The questions SSH logins wait on (the `sshQuestions` event): the server's own prompts and a
 * key's passphrase. A window shows those of its own connections and those any window may answer
 * (a transfer's connection), oldest first; the answer goes back with `sshAnswer`.
 */
import { create } from 'zustand';
import type { SshQuestion } from '../../shared/ssh';
import { describeError } from '../../shared/errorText';
import { getApi } from '../api/getApi';

/** State and actions of the SSH questions. */
export interface SshQuestionsState {
  questions: SshQuestion[];
  /** Why the last answer was not taken. */
  problem: string | null;
  receive(questions: SshQuestion[]): void;
  /** Sends the answers (one per prompt, or the passphrase) and whether to remember a passphrase. */
  answer(questionId: string, answers: string[], remember: boolean): Promise<void>;
  /** Gives up: the login fails. */
  giveUp(questionId: string): Promise<void>;
}

/** The question this window asks now: the oldest of its own or anyone's; none while `clientId` is unknown. */
export function questionFor(questions: readonly SshQuestion[], clientId: string | null): SshQuestion | undefined {
  if (clientId === null) return undefined;
  return questions.find((q) => q.ownerClientId === undefined || q.ownerClientId === clientId);
}

/** The SSH questions store. */
export const useSshQuestions = create<SshQuestionsState>()((set) => {
  const send = async (input: { questionId: string; answers?: string[]; remember?: boolean }) => {
    const result = await getApi().sshAnswer(input);
    // Answered in another window first, or withdrawn: nothing to say.
    set({ problem: result.ok || result.error.kind === 'stale-question' ? null : describeError(result.error) });
  };
  return {
    questions: [],
    problem: null,
    receive: (questions) => set({ questions }),
    answer: (questionId, answers, remember) => send({ questionId, answers, remember }),
    giveUp: (questionId) => send({ questionId }),
  };
});

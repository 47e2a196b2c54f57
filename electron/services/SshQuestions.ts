/**
 * The questions SSH logins of the window's connections wait on: the server's keyboard-interactive
 * prompts and an encrypted key's passphrase. Each is sent to the windows (the `sshQuestions`
 * event; the one whose connection asks shows it, any window for a transfer's connection) and
 * settled by the first answer, by giving up, or when its connection attempt ends or its window
 * goes. Must not import electron.
 */
import { randomUUID } from 'node:crypto';
import { MAX_SSH_PROMPTS, type SshQuestion } from '../../shared/ssh';

/** The user's answer: one text per prompt (the passphrase alone for a key), and whether to save it. */
export interface SshAnswer {
  answers: string[];
  remember: boolean;
}

/** The user gave up answering (or nobody is left to answer): the login fails with this. */
export class SshQuestionCancelledError extends Error {
  readonly kind = 'cancelled';
  constructor(what: string) {
    super(`${what} was not answered; the login was given up`);
  }
}

/** What one connection attempt asks with, and how it takes back what it still waits for. */
export interface ConnectionQuestions {
  /** The engine's `onPrompts` hook. */
  onPrompts(request: { name: string; instructions: string; prompts: Array<{ text: string; isEcho: boolean }> }): Promise<string[]>;
  /** The engine's `onPassphrase` hook; `remember` on the answer saves it through `onRemember`. */
  onPassphrase(keyPath: string): Promise<string>;
  /** Withdraws whatever this attempt still asks (it ended, or its window went away). */
  withdraw(): void;
}

interface Pending {
  info: SshQuestion;
  resolve(answer: SshAnswer): void;
  reject(err: Error): void;
}

/** The questions waiting, and the one way they reach the windows. */
export class SshQuestions {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly emit: (questions: SshQuestion[]) => void) {}

  /**
   * The hooks of one connection attempt named `connection` in the log, whose questions window
   * `ownerClientId` shows (any window when absent). `onRemember` saves a passphrase the user chose to
   * keep (a saved site's); without it, "remember" is not offered.
   */
  forConnection(connection: string, ownerClientId: string | undefined, onRemember?: (passphrase: string) => Promise<void>): ConnectionQuestions {
    const mine = new Set<string>();
    const ask = async (question: Omit<SshQuestion, 'questionId' | 'connection' | 'ownerClientId'>): Promise<SshAnswer> => {
      const questionId = randomUUID();
      mine.add(questionId);
      try {
        return await this.ask({ questionId, connection, ...(ownerClientId ? { ownerClientId } : {}), ...question });
      } finally {
        mine.delete(questionId);
      }
    };
    return {
      onPrompts: async ({ name, instructions, prompts }) => {
        if (prompts.length === 0) return [];
        if (prompts.length > MAX_SSH_PROMPTS) throw new Error(`The server asked ${prompts.length} questions at once; Ferry answers at most ${MAX_SSH_PROMPTS}`);
        const { answers } = await ask({ kind: 'prompts', name, instructions, prompts: prompts.map(({ text, isEcho }) => ({ text, isEcho })) });
        return answers;
      },
      onPassphrase: async (keyPath) => {
        const { answers, remember } = await ask({ kind: 'passphrase', keyPath, canRemember: onRemember !== undefined });
        const passphrase = answers[0] ?? '';
        // Saving is a convenience: a failure to save must not fail the login that is going on.
        if (remember && onRemember) await onRemember(passphrase).catch(() => undefined);
        return passphrase;
      },
      withdraw: () => {
        for (const id of mine) this.settle(id, undefined);
      },
    };
  }

  /** Answers a question (first answer wins); no `answers` gives up. */
  answer(questionId: string, answers: string[] | undefined, remember = false): void {
    const pending = this.pending.get(questionId);
    if (!pending) throw Object.assign(new Error('That question was already answered or withdrawn'), { kind: 'stale-question' });
    const expected = pending.info.kind === 'prompts' ? (pending.info.prompts?.length ?? 0) : 1;
    if (answers && answers.length !== expected) {
      throw Object.assign(new Error(`Expected ${expected} answer${expected === 1 ? '' : 's'}, got ${answers.length}`), { kind: 'invalid-request' });
    }
    this.settle(questionId, answers && { answers, remember });
  }

  /** Gives up the questions a window was to show: it closed, reloaded or crashed. */
  clientGone(clientId: string): void {
    for (const [id, p] of this.pending) if (p.info.ownerClientId === clientId) this.settle(id, undefined);
  }

  /** Every question waiting, oldest first. */
  list(): SshQuestion[] {
    return [...this.pending.values()].map((p) => p.info);
  }

  private ask(info: SshQuestion): Promise<SshAnswer> {
    return new Promise<SshAnswer>((resolve, reject) => {
      this.pending.set(info.questionId, { info, resolve, reject });
      this.emit(this.list());
    });
  }

  private settle(questionId: string, answer: SshAnswer | undefined): void {
    const pending = this.pending.get(questionId);
    if (!pending) return;
    this.pending.delete(questionId);
    if (answer) pending.resolve(answer);
    else pending.reject(new SshQuestionCancelledError(pending.info.kind === 'passphrase' ? `The passphrase of ${pending.info.keyPath}` : "The server's question"));
    this.emit(this.list());
  }
}

/**
 * The questions an SSH login puts to the user while it waits: the server's own prompts
 * (keyboard-interactive: a password, a one-time code) and the passphrase of an encrypted key.
 * Plain data for the `sshQuestions` event and the `sshAnswer` method.
 * Must not import node:*, the DOM or React.
 */

/** One prompt of the server's, in its words; `isEcho` false for secrets, typed unseen. */
export interface SshPrompt {
  text: string;
  isEcho: boolean;
}

/** A question waiting for the user's answer. */
export interface SshQuestion {
  questionId: string;
  /** The window whose connection asks; absent when any window may answer (a transfer's connection). */
  ownerClientId?: string;
  /** The connection as the log names it (`sftp.example.org:22 · browsing`). */
  connection: string;
  /** `prompts`: the server asks (keyboard-interactive); `passphrase`: an encrypted key needs its passphrase. */
  kind: 'prompts' | 'passphrase';
  /** The server's title for its prompts, often empty. */
  name?: string;
  /** The server's instructions above its prompts, often empty. */
  instructions?: string;
  prompts?: SshPrompt[];
  /** The key file whose passphrase is asked. */
  keyPath?: string;
  /** Whether the answer can be saved with a site ("remember"). */
  canRemember?: boolean;
}

/** Most prompts one keyboard-interactive round may carry before Ferry refuses it. */
export const MAX_SSH_PROMPTS = 20;

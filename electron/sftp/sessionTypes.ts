/**
 * The SFTP engine's options, hooks and log event: how to reach and log in to an SSH server and
 * what the caller decides or hears along the way. Types only; imports this folder.
 */
import type { HostKeyInfo } from './hostKey';

/** How to reach and log in to an SSH server. */
export interface SftpConnectOptions {
  host: string;
  /** Default 22. */
  port?: number;
  user: string;
  /** Tried for 'password' and as the answer to a single hidden keyboard-interactive prompt. */
  password?: string;
  /** A private key in OpenSSH or PEM format. */
  privateKey?: { path: string; data: Buffer; passphrase?: string };
  /** true: the agent of SSH_AUTH_SOCK (Pageant on Windows); a string: that socket path. */
  useAgent?: boolean | string;
  /** Label for log events ("host:22 · browsing"). */
  connectionId?: string;
  /** Connect/login timeout, and how long a request may go unanswered; default 30 s. */
  timeoutMs?: number;
  /** SSH keep-alive interval; 0 or absent: none. */
  keepAliveMs?: number;
  /** Most entries one folder listing may have (default: shared/limits.ts, FERRY_MAX_LISTING_ENTRIES). */
  maxListingEntries?: number;
}

/** One line for the message log, shaped as the FTP engine's so the same log takes both. */
export interface SftpLogEvent {
  timeMs: number;
  connectionId: string;
  kind: 'command' | 'reply' | 'status' | 'error';
  text: string;
  code?: number;
}

/** A keyboard-interactive request from the server. */
export interface PromptRequest {
  name: string;
  instructions: string;
  prompts: Array<{ text: string; isEcho: boolean }>;
}

/** Hooks the caller provides. */
export interface SftpHooks {
  /** Decides about the host key before any credential is sent: true to go on; false ends the connection with SftpHostKeyError. */
  verifyHostKey(key: HostKeyInfo): boolean | Promise<boolean>;
  /** Keyboard-interactive prompts the password could not answer; resolve with one answer per prompt, or reject to give up. */
  onPrompts?(request: PromptRequest): Promise<string[]>;
  /** Asks for a private key's passphrase when the key is encrypted and none (or a wrong one) was given. */
  onPassphrase?(keyPath: string): Promise<string>;
  /** Every SFTP request and its status in readable words, like the FTP log. */
  onLog?(event: SftpLogEvent): void;
  signal?: AbortSignal;
}

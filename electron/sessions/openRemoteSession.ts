/**
 * The one place where a connection's protocol picks its engine: a browsing or command-line
 * session (openRemoteSession) and the queue's transfer sessions (remoteSessionFactory) are opened
 * from RemoteConnectOptions, which say the protocol and carry that engine's own options (for SFTP
 * also the host key check and whom to ask the login's questions). Nothing above this file asks
 * which protocol it is talking to. Must not import electron.
 */
import { FtpSession, type ConnectOptions, type FtpLogEvent } from '../ftp';
import { SftpSession, type SftpConnectOptions, type SftpHooks } from '../sftp';
import type { SessionFactory, TransferSession } from '../queue';
import { ftpRemoteSession } from './ftpRemoteSession';
import { ftpSessionOpener } from './ftpSessionAdapter';
import type { HostKeyCheck } from './hostKeyCheck';
import type { RemoteSession } from './RemoteSession';
import { sftpRemoteSession } from './sftpRemoteSession';
import { asSftpTransferError, fromSftpSession } from './sftpSessionAdapter';
import { failingAsTransferErrors } from './transferErrors';

/** What the user answered during an SSH login, for later connections of the run to reuse (memory only). */
export interface SshAnswered {
  /** The answer to a single hidden prompt: a password. */
  password?: string;
  /** The passphrase of the key. */
  passphrase?: string;
}

/** The questions an SSH login may put to the user, and how it takes back what is left unanswered when it ends. */
export interface SshQuestionHooks extends Pick<SftpHooks, 'onPrompts' | 'onPassphrase'> {
  withdraw?(): void;
}

/** How to reach and log in to a server, for the engine of its protocol. */
export type RemoteConnectOptions =
  | { protocol: 'ftp'; ftp: ConnectOptions }
  | {
      protocol: 'sftp';
      sftp: SftpConnectOptions;
      /** Decides about the server's host key before any credential is sent. */
      hostKeys: HostKeyCheck;
      questions?: SshQuestionHooks;
      /** Filled with what the user answered while logging in. */
      answered?: SshAnswered;
    };

/** One line for the message log from any engine (the FTP engine's shape, which SFTP's events share). */
export type RemoteLogEvent = FtpLogEvent;

/** What a caller hears while a session is open. */
export interface RemoteHooks {
  /** Every command, reply, status and error line of the connection. */
  onLog?(event: RemoteLogEvent): void;
  signal?: AbortSignal;
}

type SftpOptions = Extract<RemoteConnectOptions, { protocol: 'sftp' }>;

/**
 * Logs in over SSH, with the connection's host key check and questions; a refused host key
 * leaves as the check's words, and questions still open are withdrawn once the login ends.
 */
async function connectSftp(options: SftpOptions, hooks: RemoteHooks, connectionId?: string): Promise<SftpSession> {
  const { hostKeys, questions } = options;
  try {
    return await SftpSession.connect(connectionId ? { ...options.sftp, connectionId } : options.sftp, {
      verifyHostKey: hostKeys.verify,
      onPrompts: questions?.onPrompts,
      onPassphrase: questions?.onPassphrase,
      onLog: hooks.onLog,
      signal: hooks.signal,
    });
  } catch (err) {
    throw hostKeys.explain(err);
  } finally {
    questions?.withdraw?.();
  }
}

/** Connects and logs in with the engine the options name. */
export async function openRemoteSession(options: RemoteConnectOptions, hooks: RemoteHooks = {}): Promise<RemoteSession> {
  if (options.protocol === 'sftp') return sftpRemoteSession(await connectSftp(options, hooks));
  return ftpRemoteSession(await FtpSession.connect(options.ftp, { onLog: hooks.onLog, signal: hooks.signal }));
}

/** Options of remoteSessionFactory. */
export interface RemoteSessionFactoryOptions {
  /** Receives every log line of transfer connections (for the log and `--verbose`). */
  onLog?: (siteId: string, event: RemoteLogEvent) => void;
  /** Called with each session once logged in, for what it says about the server. */
  onConnected?: (siteId: string, session: RemoteSession) => void;
}

/**
 * The queue's SessionFactory for sites of any protocol: `connectOptionsFor` says, for each new
 * connection, which protocol and credentials a site's transfers use. FTP sessions start from what
 * earlier sessions of the site learnt (ftpSessionOpener).
 */
export function remoteSessionFactory(
  connectOptionsFor: (siteId: string) => RemoteConnectOptions | Promise<RemoteConnectOptions>,
  opts: RemoteSessionFactoryOptions = {},
): SessionFactory {
  const openFtp = ftpSessionOpener({
    onLog: opts.onLog,
    onConnected: opts.onConnected && ((siteId, session, transfer) => opts.onConnected!(siteId, ftpRemoteSession(session, transfer))),
  });
  const openSftp = async (siteId: string, connectionLabel: string, options: SftpOptions): Promise<TransferSession> => {
    let session: SftpSession;
    try {
      session = await connectSftp(options, { onLog: opts.onLog && ((event) => opts.onLog!(siteId, event)) }, connectionLabel);
    } catch (err) {
      throw asSftpTransferError(err);
    }
    const transfer = fromSftpSession(session);
    opts.onConnected?.(siteId, sftpRemoteSession(session, transfer));
    return transfer;
  };
  return failingAsTransferErrors(async (siteId, connectionLabel) => {
    const options = await connectOptionsFor(siteId);
    return options.protocol === 'sftp' ? openSftp(siteId, connectionLabel, options) : openFtp(siteId, connectionLabel, options.ftp);
  });
}

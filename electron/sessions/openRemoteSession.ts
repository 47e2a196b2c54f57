/**
 * The one place where a connection's protocol picks its engine: a browsing or command-line
 * session (openRemoteSession) and the queue's transfer sessions (remoteSessionFactory) are opened
 * from RemoteConnectOptions, which say the protocol and carry that engine's own options. Nothing
 * above this file asks which protocol it is talking to. Must not import electron.
 */
import { FtpSession, type ConnectOptions, type FtpLogEvent } from '../ftp';
import type { SessionFactory } from '../queue';
import { ftpRemoteSession } from './ftpRemoteSession';
import { ftpSessionOpener } from './ftpSessionAdapter';
import type { RemoteSession } from './RemoteSession';
import { failingAsTransferErrors } from './transferErrors';

/** How to reach and log in to a server, for the engine of its protocol. */
export type RemoteConnectOptions = { protocol: 'ftp'; ftp: ConnectOptions };

/** One line for the message log from any engine (the FTP engine's shape, which SFTP's events are turned into). */
export type RemoteLogEvent = FtpLogEvent;

/** What a caller hears while a session is open. */
export interface RemoteHooks {
  /** Every command, reply, status and error line of the connection. */
  onLog?(event: RemoteLogEvent): void;
  signal?: AbortSignal;
}

/** Connects and logs in with the engine the options name. */
export async function openRemoteSession(options: RemoteConnectOptions, hooks: RemoteHooks = {}): Promise<RemoteSession> {
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
  return failingAsTransferErrors(async (siteId, connectionLabel) => {
    const options = await connectOptionsFor(siteId);
    return openFtp(siteId, connectionLabel, options.ftp);
  });
}

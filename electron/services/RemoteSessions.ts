/**
 * The browsing connections behind the remote pane: one logged-in session per connected
 * server, of whichever protocol, separate from the queue's transfer connections so the pane never
 * waits for a transfer. Re-logs in when the server dropped an idle session. Must not import electron.
 */
import { FtpTlsUnavailableError } from '../ftp';
import { removeTree } from '../queue/removeTree';
import { openRemoteSession, type RemoteSession } from '../sessions';
import type { TransferSession } from '../queue';
import type { ConnectParams, RemoteListing, RemoteSessionInfo } from '../../shared/domain';
import { normalizeRemotePath, remoteParent } from '../../shared/remotePath';
import { serverLabel, type LogFeed } from './LogFeed';
import { portOf, type ConnectOptionsBuilder } from './connectOptions';
import type { ServerHabits } from './ServerHabits';
import { serverKey, type TlsMemory } from './TlsMemory';

interface Entry {
  info: RemoteSessionInfo;
  params: ConnectParams;
  session: RemoteSession;
  /** The window (client) that opened it; its sessions close when it goes away. */
  ownerId: string;
  /** A login in progress after the server dropped the session, shared by every caller. */
  reconnecting?: Promise<RemoteSession>;
}

/**
 * A server that used TLS before refuses it now: someone between Ferry and the server may be
 * stripping it. Nothing secret was sent, and the user is not offered to go on.
 */
export class TlsDowngradeError extends Error {
  readonly kind = 'tls-downgrade';
  constructor(host: string, refusal: string) {
    super(
      `${host} refused TLS (AUTH TLS: ${refusal}), although it used TLS before: someone may be removing the encryption ` +
        'between you and the server. Ferry did not send your password. If the server really stopped offering TLS, ' +
        'connect with the protocol set to plain FTP.',
    );
  }
}

/** Error for a session id that is not (or no longer) connected. */
export class UnknownSessionError extends Error {
  readonly kind = 'not-connected';
  constructor(sessionId: string) {
    super(`Not connected (session ${sessionId} was closed); connect again`);
  }
}

/** Opens, uses and closes browsing sessions. */
export class RemoteSessions {
  private readonly sessions = new Map<string, Entry>();
  private seq = 0;

  constructor(
    private readonly log: LogFeed,
    private readonly tls: TlsMemory,
    private readonly habits: ServerHabits,
    /** Each connection's engine options, for the protocol its parameters name. */
    private readonly options: ConnectOptionsBuilder,
  ) {}

  /** Connects and logs in for window `ownerId`; resolves with what the window shows about the session. */
  async connect(given: ConnectParams, ownerId: string): Promise<RemoteSessionInfo> {
    const sessionId = `browse-${++this.seq}`;
    this.log.name(sessionId, serverLabel(given.host, portOf(given)), 'browsing');
    const key = serverKey(given.host, portOf(given));
    if (given.allowPlain && given.tls === 'explicit-if-available') await this.tls.allowPlain(key, given.allowPlain === 'always');
    // A server reached without a saved site keeps the certificate the user trusted for it, this run or always.
    const remembered = given.siteId ? undefined : this.tls.trustedFingerprintOf(key);
    const { trustAlways, ...params } = { ...given, trustedFingerprint: given.trustedFingerprint ?? remembered };
    const session = await this.login({ ...params, ...(trustAlways ? { trustAlways } : {}) }, sessionId, ownerId, params);
    const { protection } = session;
    const certificate = protection.kind === 'tls' ? protection.certificate : undefined;
    if (!given.siteId && given.trustedFingerprint && certificate?.fingerprint256 === given.trustedFingerprint) {
      await this.tls.trust(key, given.trustedFingerprint, trustAlways === true);
    }
    let homePath: string;
    try {
      homePath = normalizeRemotePath(await session.homePath());
    } catch (err) {
      session.destroy();
      throw err;
    }
    const info: RemoteSessionInfo = {
      sessionId,
      host: params.host,
      port: portOf(params),
      user: params.user || 'anonymous',
      homePath,
      isSecure: protection.kind !== 'none',
      system: session.system,
    };
    if (certificate) info.certificate = { ...certificate };
    if (session.protocol !== 'ftp') info.protocol = session.protocol;
    if (protection.kind === 'ssh') info.hostKey = { ...protection.hostKey };
    this.sessions.set(sessionId, { info, params, session, ownerId });
    return info;
  }

  /** Closes every session a window opened (it closed, reloaded or crashed). */
  async closeOwnedBy(ownerId: string): Promise<void> {
    const owned = [...this.sessions].filter(([, e]) => e.ownerId === ownerId).map(([id]) => id);
    await Promise.all(owned.map((id) => this.disconnect(id)));
  }

  /** Lists a folder (the login folder when `path` is omitted). */
  async list(sessionId: string, path?: string): Promise<RemoteListing> {
    const entry = this.get(sessionId);
    const target = normalizeRemotePath(path ?? entry.info.homePath);
    const entries = await this.use(entry, (s) => s.list(target));
    return { sessionId, path: target, parent: remoteParent(target), entries };
  }

  /** Creates a folder; with `mayExist` a refusal is logged as expected (the folder may be there already). */
  mkdir(sessionId: string, path: string, opts: { mayExist?: boolean } = {}): Promise<void> {
    return this.use(this.get(sessionId), (s) => s.mkdir(path, opts));
  }

  /** Renames or moves a file or folder. */
  rename(sessionId: string, from: string, to: string): Promise<void> {
    return this.use(this.get(sessionId), (s) => s.rename(from, to));
  }

  /** Changes permissions (FTP's SITE CHMOD, SFTP's setstat), e.g. mode `644`. */
  chmod(sessionId: string, path: string, mode: string): Promise<void> {
    return this.use(this.get(sessionId), (s) => s.chmod(path, mode));
  }

  /** Deletes files, and folders with everything in them. */
  async delete(sessionId: string, paths: { path: string; isFolder: boolean }[]): Promise<void> {
    const entry = this.get(sessionId);
    for (const target of paths) {
      await this.use(entry, (s) => (target.isFolder ? removeTree(s.asTransferSession(), target.path) : s.delete(target.path)));
    }
  }

  /** Closes a session (QUIT, or the SSH channel). */
  async disconnect(sessionId: string): Promise<void> {
    const entry = this.sessions.get(sessionId);
    if (!entry) return;
    this.sessions.delete(sessionId);
    this.log.status(sessionId, 'Disconnected');
    await entry.session.close().catch(() => entry.session.destroy());
  }

  /** The parameters a session was opened with (password included), for the queue's transfer connections. */
  paramsOf(sessionId: string): ConnectParams {
    return { ...this.get(sessionId).params };
  }

  /** Whether the session's server keeps a modification time it is sent after an upload (FTP's MFMT; SFTP always). */
  keepsModifiedTime(sessionId: string): boolean {
    return this.get(sessionId).session.keepsModifiedTime;
  }

  /**
   * Runs `op` on a session's connection as the queue's TransferSession (the edits' downloads and
   * uploads), logging in again first when the server closed the idle session.
   */
  withTransferSession<T>(sessionId: string, op: (session: TransferSession) => Promise<T>): Promise<T> {
    return this.use(this.get(sessionId), (s) => op(s.asTransferSession()));
  }

  /** The ids of the sessions open now. */
  sessionIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** The checksum algorithm the session's server offers (FTP: from its FEAT), or undefined when it offers none. */
  checksumAlgorithmOf(sessionId: string): string | undefined {
    return this.get(sessionId).session.checksumAlgorithm;
  }

  /** Closes every session. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.disconnect(id)));
  }

  private get(sessionId: string): Entry {
    const entry = this.sessions.get(sessionId);
    if (!entry) throw new UnknownSessionError(sessionId);
    return entry;
  }

  /**
   * Connects and logs in with what is known now: TLS consent and TLS seen (so a login again after
   * a drop asks anew, and a server that had TLS since is not logged in to in clear), and the
   * charset a connection of this run learnt. An SSH login's questions go to window `ownerId`, and
   * what the user answered (a passphrase, a password) goes into `kept`, the session's parameters,
   * so its transfers and later logins do not ask again.
   */
  private async login(params: ConnectParams, sessionId: string, ownerId: string, kept: ConnectParams): Promise<RemoteSession> {
    const key = serverKey(params.host, portOf(params));
    let session: RemoteSession;
    try {
      const options = await this.options.build(params, sessionId, ownerId);
      session = await openRemoteSession(options, { onLog: this.log.sink });
      if (options.protocol === 'sftp') Object.assign(kept, options.answered);
    } catch (err) {
      if (err instanceof FtpTlsUnavailableError && this.tls.hasSeenTls(key)) {
        const downgrade = new TlsDowngradeError(params.host, err.refusal);
        this.log.status(sessionId, downgrade.message, 'error');
        throw downgrade;
      }
      throw err;
    }
    if (session.protection.kind === 'tls') await this.tls.noteTls(key);
    if (session.learnt.isLoginOneByOne) this.habits.learnLoginOneByOne(params.host, portOf(params));
    return session;
  }

  /** Runs an operation, logging in again first when the server closed the idle session. */
  private async use<T>(entry: Entry, op: (s: RemoteSession) => Promise<T>): Promise<T> {
    if (entry.session.isClosed) {
      if (!entry.reconnecting) {
        this.log.status(entry.info.sessionId, 'The server closed the connection; logging in again');
        entry.reconnecting = this.login(entry.params, entry.info.sessionId, entry.ownerId, entry.params).finally(() => (entry.reconnecting = undefined));
      }
      const session = await entry.reconnecting;
      // Disconnected while logging in again: the new session belongs to nobody.
      if (this.sessions.get(entry.info.sessionId) !== entry) {
        session.destroy();
        throw new UnknownSessionError(entry.info.sessionId);
      }
      entry.session = session;
    }
    try {
      return await op(entry.session);
    } finally {
      if (entry.session.learnt.isCharsetLatin1) this.habits.learnLatin1(entry.params.host, portOf(entry.params));
    }
  }
}

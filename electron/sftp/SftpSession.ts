/**
 * One logged-in SFTP session over ssh2: listing, attributes, folder and file operations, and
 * pipelined transfers from an offset (pipelinedRead.ts, pipelinedWrite.ts). Every request goes
 * through `call`, which logs it, turns a status into SftpStatusError and counts it for the
 * watchdog that ends a connection whose requests go unanswered for `timeoutMs`.
 * Imports only ssh2, node:*, shared/ and this folder; never electron, the queue or services.
 */
import { EventEmitter } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Client, SFTPWrapper } from 'ssh2';
import type { FileEntry } from '../../shared/domain';
import { maxListingEntries } from '../../shared/limits';
import { joinRemotePath } from '../../shared/remotePath';
import { SftpConnectionError, SftpError, SftpListingTooLargeError, SftpStatusError, SftpTimeoutError } from './errors';
import type { HostKeyInfo } from './hostKey';
import { entryTypeOf, isDotEntry, toFileEntry, type SftpAttrs, type SftpDirEntry } from './listing';
import { SftpLog } from './sftpLog';
import type { SftpConnectOptions, SftpHooks } from './sessionTypes';
import { DEFAULT_TIMEOUT_MS, openSshConnection } from './sshConnect';
import { SSH_FX } from './statusCodes';
import { downloadFile, uploadFile, type TransferChannel } from './sftpTransfers';

/** Options of a request: `isExpected` logs a refusal as an answer, not an error (a probe). */
interface CallOptions {
  isQuiet?: boolean;
  isExpected?: boolean;
}

/** The parts of ssh2's SFTP channel this module reads that its types leave out. */
interface SftpInternals {
  _extensions?: Record<string, string>;
  _maxReadLen?: number;
  _maxWriteLen?: number;
}

type Done<T> = (err: Error | null | undefined, value?: T) => void;

/** A logged-in SFTP session (see the API in electron/sftp/index.ts). */
export class SftpSession extends EventEmitter<{ close: [] }> {
  readonly serverVersion: string;
  readonly hostKey: HostKeyInfo;
  /** SFTP extensions the server announced, with their versions. */
  readonly extensions: ReadonlyMap<string, string>;
  private home = '/';
  private closed = false;
  private closeReason: Error | undefined;
  private pending = 0;
  private lastAnswerMs = Date.now();
  private readonly watchdog: NodeJS.Timeout | undefined;
  private readonly whenClosed: Promise<void>;

  /** Connects, verifies the host key through `hooks`, logs in and opens SFTP. */
  static async connect(options: SftpConnectOptions, hooks: SftpHooks): Promise<SftpSession> {
    const log = new SftpLog(options.connectionId ?? `${options.host}:${options.port ?? 22}`, hooks.onLog);
    const connection = await openSshConnection(options, hooks, log);
    const session = new SftpSession(connection.client, connection.sftp, connection.hostKey, connection.serverVersion, options, log);
    try {
      session.home = await session.realPath('.');
    } catch (err) {
      session.destroy();
      throw err;
    }
    return session;
  }

  private constructor(
    private readonly client: Client,
    private readonly sftp: SFTPWrapper,
    hostKey: HostKeyInfo,
    serverVersion: string,
    private readonly options: SftpConnectOptions,
    private readonly log: SftpLog,
  ) {
    super();
    this.hostKey = hostKey;
    this.serverVersion = serverVersion;
    const internals = sftp as unknown as SftpInternals;
    this.extensions = new Map(Object.entries(internals._extensions ?? {}));
    if (this.extensions.size > 0) log.status(`SFTP extensions: ${[...this.extensions.keys()].join(', ')}`);
    client.on('error', (err: Error & { code?: string }) => {
      this.closeReason ??= new SftpConnectionError(`Connection lost: ${err.message}`, { cause: err, code: err.code });
      log.error(this.closeReason.message);
    });
    this.whenClosed = new Promise((resolve) => {
      client.once('close', () => {
        this.closed = true;
        if (this.watchdog) clearInterval(this.watchdog);
        this.closeReason ??= new SftpConnectionError('The server closed the connection');
        resolve();
        this.emit('close');
      });
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (timeoutMs > 0) {
      this.watchdog = setInterval(() => {
        if (this.pending === 0 || Date.now() - this.lastAnswerMs < timeoutMs) return;
        this.closeReason = new SftpTimeoutError(`No answer from the server within ${Math.round(timeoutMs / 1000)} s`);
        log.error(this.closeReason.message);
        this.destroy();
      }, Math.min(timeoutMs, 1000));
      this.watchdog.unref();
    }
  }

  /** realpath('.') after login: where the server put the session. */
  get homeDirectory(): string {
    return this.home;
  }

  /** Whether the connection is gone. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Lists a folder; '.' and '..' left out, links with their target and its type. */
  async list(path: string): Promise<FileEntry[]> {
    const limit = this.options.maxListingEntries ?? maxListingEntries(process.env);
    const handle = await this.call<Buffer>(`OPENDIR ${path}`, (done) => this.sftp.opendir(path, done));
    const entries: FileEntry[] = [];
    let requests = 0;
    try {
      for (;;) {
        requests++;
        const batch = await this.call<SftpDirEntry[] | undefined>(`READDIR ${path}`, (done) => {
          this.sftp.readdir(handle, (err, list) => (err && (err as { code?: unknown }).code === SSH_FX.EOF ? done(undefined, undefined) : done(err, list)));
        }, { isQuiet: true });
        if (!batch) break;
        for (const item of batch) {
          if (isDotEntry(item.filename)) continue;
          if (entries.length >= limit) throw new SftpListingTooLargeError(path, limit);
          entries.push(toFileEntry(item));
        }
      }
    } finally {
      this.closeHandle(handle, path);
    }
    await Promise.all(entries.filter((e) => e.type === 'link').map((e) => this.describeLink(joinRemotePath(path, e.name), e)));
    this.log.reply(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in ${requests} READDIR request${requests === 1 ? '' : 's'}`);
    return entries;
  }

  /** Fills in a link's target and what it points to; a dangling link keeps neither. */
  private async describeLink(path: string, entry: FileEntry): Promise<void> {
    const [target, attrs] = await Promise.allSettled([
      this.call<string>(`READLINK ${path}`, (done) => this.sftp.readlink(path, done), { isQuiet: true }),
      this.call<SftpAttrs>(`STAT ${path}`, (done) => this.sftp.stat(path, done), { isQuiet: true }),
    ]);
    for (const outcome of [target, attrs]) {
      // A refusal only means the target is unknown; a lost connection is the listing's failure.
      if (outcome.status === 'rejected' && !(outcome.reason instanceof SftpStatusError)) throw outcome.reason;
    }
    if (target.status === 'fulfilled') entry.linkTarget = target.value;
    if (attrs.status === 'fulfilled') entry.targetType = entryTypeOf(attrs.value.mode);
  }

  /** Type, size and time of a path, following links. */
  async stat(path: string, opts: CallOptions = {}): Promise<{ type: FileEntry['type']; sizeBytes: number; modifiedMs: number }> {
    const attrs = await this.call<SftpAttrs>(`STAT ${path}`, (done) => this.sftp.stat(path, done), opts);
    const result = { type: entryTypeOf(attrs.mode), sizeBytes: attrs.size ?? 0, modifiedMs: (attrs.mtime ?? 0) * 1000 };
    if (!opts.isQuiet) this.log.reply(`${result.type}, ${result.sizeBytes} bytes`);
    return result;
  }

  /** The size of a file in bytes. */
  async size(path: string, opts: { isProbe?: boolean } = {}): Promise<number> {
    return (await this.stat(path, { isExpected: opts.isProbe })).sizeBytes;
  }

  /** The modification time in ms since the epoch, when the server tells. */
  async modifiedTime(path: string): Promise<number | undefined> {
    const attrs = await this.call<SftpAttrs>(`STAT ${path}`, (done) => this.sftp.stat(path, done));
    return attrs.mtime === undefined ? undefined : attrs.mtime * 1000;
  }

  /** Creates one folder; `mayExist` logs a refusal as expected (it may be there already). */
  async mkdir(path: string, opts: { mayExist?: boolean } = {}): Promise<void> {
    await this.call<void>(`MKDIR ${path}`, (done) => this.sftp.mkdir(path, done), { isExpected: opts.mayExist });
  }

  /** Removes one empty folder. */
  async rmdir(path: string): Promise<void> {
    await this.call<void>(`RMDIR ${path}`, (done) => this.sftp.rmdir(path, done));
  }

  /** Deletes one file (or link). */
  async delete(path: string): Promise<void> {
    await this.call<void>(`REMOVE ${path}`, (done) => this.sftp.unlink(path, done));
  }

  /** Renames; replaces an existing `to` only where the server offers posix-rename@openssh.com. */
  async rename(from: string, to: string): Promise<void> {
    if (this.extensions.has('posix-rename@openssh.com')) {
      await this.call<void>(`POSIX-RENAME ${from} → ${to}`, (done) => this.sftp.ext_openssh_rename(from, to, done));
    } else {
      await this.call<void>(`RENAME ${from} → ${to}`, (done) => this.sftp.rename(from, to, done));
    }
  }

  /** Sets the permission bits. */
  async chmod(path: string, mode: number): Promise<void> {
    await this.call<void>(`SETSTAT ${path} mode ${(mode & 0o7777).toString(8)}`, (done) => this.sftp.chmod(path, mode & 0o7777, done));
  }

  /** Sets the modification time (and the access time to the same, as SFTP v3 sets both). */
  async setModifiedTime(path: string, modifiedMs: number): Promise<void> {
    const seconds = Math.floor(modifiedMs / 1000);
    await this.call<void>(`SETSTAT ${path} mtime ${new Date(seconds * 1000).toISOString()}`, (done) => this.sftp.utimes(path, seconds, seconds, done));
  }

  /** The canonical absolute path the server resolves `path` to. */
  async realPath(path: string): Promise<string> {
    const resolved = await this.call<string>(`REALPATH ${path}`, (done) => this.sftp.realpath(path, done));
    this.log.reply(resolved);
    return resolved;
  }

  /** Reads `remotePath` from byte `offset` into `to` with many READs in flight, then ends `to`. */
  async download(remotePath: string, to: Writable, opts: { offset?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void } = {}): Promise<void> {
    await downloadFile(this.transferChannel(), remotePath, to, opts);
  }

  /** Writes `from` to `remotePath` from byte `offset` (0: create or truncate) with many WRITEs in flight; sets the time to `modifiedMs` when given. */
  async upload(from: Readable, remotePath: string, opts: { offset?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void; modifiedMs?: number } = {}): Promise<void> {
    await uploadFile(this.transferChannel(), from, remotePath, opts);
  }

  /**
   * The server's checksum of a file, or undefined. OpenSSH offers no checksum extension, and the
   * SSH library cannot read the answer to one it does not know (check-file-name), so none is asked.
   */
  async checksum(_path: string): Promise<{ algorithm: string; hex: string } | undefined> {
    return undefined;
  }

  /** Ends the session politely and waits until the connection is closed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.log.status('Disconnecting');
    this.sftp.end();
    this.client.end();
    await this.whenClosed;
  }

  /** Drops the connection at once. */
  destroy(): void {
    if (this.closed) return;
    this.client.destroy();
  }

  /** What the transfer functions need: requests with logging and the watchdog, and the server's limits. */
  private transferChannel(): TransferChannel {
    const internals = this.sftp as unknown as SftpInternals;
    return {
      sftp: this.sftp,
      log: this.log,
      maxReadBytes: internals._maxReadLen ?? 32 * 1024,
      maxWriteBytes: internals._maxWriteLen ?? 32 * 1024,
      call: (command, start, opts) => this.call(command, start, opts),
      track: (start) => this.track(start),
      trackRaw: (start, done) => this.trackRaw(start, done),
      closeHandle: (handle, path) => this.closeHandle(handle, path),
      failure: (err, command) => this.failure(err, command),
    };
  }

  /** Closes a handle without waiting: later requests queue behind it, and a failure only matters to the log. */
  private closeHandle(handle: Buffer, path: string): void {
    if (this.closed) return;
    this.track<void>((done) => this.sftp.close(handle, done)).catch((err: unknown) => {
      this.log.error(`CLOSE ${path}: ${this.failure(err, `CLOSE ${path}`).message}`);
    });
  }

  /** Counts one request for the watchdog while it is unanswered. */
  private track<T>(start: (done: Done<T>) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => this.trackRaw(start, (err, value) => (err ? reject(err) : resolve(value as T))));
  }

  /** track() without a promise: a transfer's READs and WRITEs are many. */
  private trackRaw<T>(start: (done: Done<T>) => void, done: Done<T>): void {
    if (this.closed) {
      done(this.closeReason ?? new SftpConnectionError('Not connected'));
      return;
    }
    if (this.pending === 0) this.lastAnswerMs = Date.now();
    this.pending++;
    start((err, value) => {
      this.pending--;
      this.lastAnswerMs = Date.now();
      done(err, value);
    });
  }

  /** Sends one request, logging it and its refusal, and rejecting with the engine's error. */
  private async call<T>(command: string, start: (done: Done<T>) => void, opts: CallOptions = {}): Promise<T> {
    if (!opts.isQuiet) this.log.command(command);
    try {
      return await this.track(start);
    } catch (err) {
      const failure = this.failure(err, command);
      if (failure instanceof SftpStatusError) {
        const line = `status ${failure.code} ${failure.codeName}: ${failure.serverText || failure.message}`;
        if (opts.isExpected) this.log.reply(`${command}: ${line}`);
        else this.log.error(`${command}: ${line}`);
      }
      throw failure;
    }
  }

  /** The engine's error for a failed request: a status, or why the connection is gone. */
  private failure(err: unknown, command: string): Error {
    if (err instanceof SftpError) return err;
    const code = (err as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number') return new SftpStatusError(code, (err as Error).message, command);
    if (this.closeReason) return this.closeReason;
    if (err instanceof Error && err.name !== 'Error') return err;
    return new SftpConnectionError(`${command}: the connection was lost (${(err as Error)?.message ?? String(err)})`, { cause: err });
  }
}

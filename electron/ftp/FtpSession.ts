/**
 * A logged-in FTP session: one operation at a time — navigation, listings, file operations,
 * streamed downloads and uploads with resume, checksums, abort, keep-alive and QUIT.
 * Owns: the session's state (features, transfer type, remembered data strategy, listing format).
 * The login is openSession.ts, serialisation and keep-alive OperationLock.ts, a data command's
 * lifecycle data/DataCommand.ts and the movement of its bytes data/movers.ts, listing decoding
 * listingReaders.ts; sockets live in control/ and data/.
 * Must not import electron or React.
 */
import { EventEmitter } from 'node:events';
import type { DataStrategy, FileEntry } from '../../shared/domain';
import { DEFAULT_MAX_LISTING_ENTRIES } from '../../shared/limits';
import type { ControlConnection, RequestOptions } from './control/ControlConnection';
import type { FtpLogEvent } from './control/logEvent';
import { DataCommand } from './data/DataCommand';
import { downloadMover, readToEnd, uploadMover, type FileMover } from './data/movers';
import { PreparedPassive } from './data/PreparedPassive';
import type { DirectReceiver } from './data/receiveDirect';
import { isPassive, strategyOrder } from './data/strategies';
import {
  FtpAbortedError, FtpConnectionError, FtpListingTooLargeError, FtpProtocolError, FtpReplyError, type CertificateInfo,
} from './errors';
import { chooseChecksumMethod } from './features';
import { formatForSystem, ListParser, parseMlstReply, watchCutShort, type ListFormat } from './list';
import { listingReader, nameListReader } from './listingReaders';
import { hasNonAscii, latin1FormOf, LineDecoder, type CharsetHost, type SessionCharset } from './charset';
import { openSession, type SessionOptions, type SessionState } from './openSession';
import { OperationLock } from './OperationLock';
import { isCompletion, type FtpReply } from './reply';
import {
  formatTimeVal, parseAnnouncedSize, parseDigestReply, parsePathReply, parseSizeReply, parseTimeValReply,
} from './replyValues';
import type { ConnectOptions, DownloadOptions, SessionHooks, TransferResult, UploadOptions } from './sessionTypes';

export type { ConnectOptions, SessionHooks, DownloadOptions, UploadOptions, TransferResult } from './sessionTypes';

/** How a data command of the session runs. */
interface DataRequest {
  signal?: AbortSignal;
  /** Start at this byte (REST before the command), when above 0. */
  rest?: number;
  /** The mover sends data (an upload). */
  isSending?: boolean;
  /** Another transfer follows on this session. */
  prepareNext?: boolean;
}

/** A logged-in FTP session; emits 'log' (FtpLogEvent) and 'close'. Operations run one at a time. */
export class FtpSession extends EventEmitter {
  /** Features from FEAT, names upper-case (RFC 2389). */
  readonly features: ReadonlyMap<string, string>;
  /** SYST reply text, e.g. `UNIX Type: L8`. */
  readonly system?: string;
  /** Directory after login (PWD). */
  readonly initialDirectory?: string;
  /** The server certificate accepted for this session (FTPS only). */
  readonly certificate?: CertificateInfo;
  /** Whether data connections are encrypted (PROT P accepted). */
  readonly isDataProtected: boolean;
  /** The data strategy that last opened a connection; tried first next time. */
  lastDataStrategy?: DataStrategy;

  private readonly control: ControlConnection;
  private readonly options: SessionOptions;
  private readonly lock: OperationLock;
  private currentType?: 'A' | 'I';
  private listFormat?: ListFormat;
  private activeTransfer?: DataCommand;
  private readonly preparedPassive: PreparedPassive;
  /** How names are encoded: decided, or `auto` (UTF-8 until a name is not), see charset.ts. */
  private charset: SessionCharset;
  /** The user chose the charset (not Auto): it is kept whatever names arrive. */
  private readonly isCharsetFixed: boolean;
  /** Folders settleCharset looked at while the charset was unknown. */
  private readonly examinedFolders = new Set<string>();
  /** The charset as listing readers see and change it. */
  private readonly charsetHost: CharsetHost;
  /** Whether the next transfer's mode command may go out behind a data command (see PreparedPassive). */
  private isPipelining: boolean;
  private hasRefusedPipelining = false;
  /** A NOOP sent behind a data command came back in turn: the server reads commands one at a time, even during a transfer. */
  private isPipeliningProven = false;

  private constructor(control: ControlConnection, options: SessionOptions, state: SessionState, isLoginPipeliningRefused: boolean) {
    super();
    this.isLoginPipeliningRefused = isLoginPipeliningRefused;
    this.currentType = state.type;
    this.control = control;
    this.options = options;
    this.features = state.features;
    this.system = state.system;
    this.initialDirectory = state.initialDirectory;
    this.certificate = control.certificate;
    this.isDataProtected = state.isDataProtected;
    const wanted = options.encoding ?? 'auto';
    this.isCharsetFixed = wanted !== 'auto';
    // An announced UTF8 is taken at its word until a name says otherwise.
    this.charset = wanted === 'auto' && state.features.has('UTF8') ? 'utf8' : wanted;
    const charsetOf = () => this.charset;
    this.charsetHost = {
      get charset() {
        return charsetOf();
      },
      isFixed: this.isCharsetFixed,
      useLatin1: () => this.useLatin1(),
      confirmUtf8: () => {
        if (this.charset === 'auto') this.charset = 'utf8';
      },
    };
    this.lock = new OperationLock(() => control.isClosed, options.keepAliveMs ?? 0, () => control.request('NOOP'));
    this.isPipelining = options.pipelining !== false;
    this.preparedPassive = new PreparedPassive(control, (fn) => this.exclusive(fn), options.preparedDataTtlMs, () => this.refusePipelining());
    control.on('close', () => {
      this.lock.stopKeepAlive();
      this.preparedPassive.drop();
      this.emit('close');
    });
    this.lock.scheduleKeepAlive();
  }

  /** Connects, secures (per `tls`), logs in and reads the server's features; rejects with a typed error. */
  static async connect(opts: ConnectOptions, hooks: SessionHooks = {}): Promise<FtpSession> {
    // Events go to the hook until the session exists, then to the session's 'log' event as well.
    let session: FtpSession | undefined = undefined;
    const log = (event: FtpLogEvent) => {
      hooks.onLog?.(event);
      session?.emit('log', event);
    };
    const { control, options, state, isLoginPipeliningRefused } = await openSession(opts, hooks, log);
    session = new FtpSession(control, options, state, isLoginPipeliningRefused);
    return session;
  }

  /** How this session encodes names now: what the server announced, was told, or what its names showed. */
  get encoding(): 'utf8' | 'latin1' {
    return this.charset === 'latin1' ? 'latin1' : 'utf8';
  }

  /** Whether the charset is settled (announced, configured, or learnt from a non-ASCII name). */
  get isCharsetSettled(): boolean {
    return this.charset !== 'auto';
  }

  /** Whether the charset was learnt from the server's names rather than chosen: what a later connection may start from. */
  get isCharsetLearnt(): boolean {
    return !this.isCharsetFixed && this.charset === 'latin1';
  }

  /** Whether this server answered a command sent during a transfer out of turn: later sessions should not pipeline (ConnectOptions.pipelining). */
  get isPipeliningRefused(): boolean {
    return this.hasRefusedPipelining;
  }

  /** Whether the server left commands sent behind PASS unanswered: later sessions should log in one command at a time (ConnectOptions.pipelinedLogin). */
  readonly isLoginPipeliningRefused: boolean;

  /** Whether the control connection is encrypted. */
  get isSecure(): boolean {
    return this.control.isSecure;
  }

  /** Whether the session is closed and can no longer be used. */
  get isClosed(): boolean {
    return this.control.isClosed;
  }

  /** Whether no operation is running. */
  get isIdle(): boolean {
    return this.lock.isIdle;
  }

  /** The current remote directory (PWD). */
  pwd(): Promise<string> {
    return this.exclusive(async () => parsePathReply((await this.expect('PWD', 257)).text));
  }

  /** Changes the remote directory (CWD). */
  cd(path: string): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      await this.expect(`CWD ${path}`);
    });
  }

  /** Changes to the parent directory (CDUP). */
  cdup(): Promise<void> {
    return this.exclusive(async () => void (await this.expect('CDUP')));
  }

  /** Lists a directory (MLSD when offered, else LIST) into an array; `onCutShort` hears a final reply saying entries were left out. */
  async list(path?: string, onCutShort?: (reply: string) => void): Promise<FileEntry[]> {
    const entries: FileEntry[] = [];
    let readAsUtf8 = 0;
    for await (const entry of this.listStream(path, onCutShort, (before) => (readAsUtf8 = before))) entries.push(entry);
    // Names read as UTF-8 before the session switched to ISO-8859-1 take that form too, so a
    // command about any of them sends the server's octets.
    for (const entry of entries.slice(0, readAsUtf8)) {
      if (!hasNonAscii(entry.name)) continue;
      entry.displayName = entry.name;
      entry.name = latin1FormOf(entry.name);
    }
    return entries;
  }

  /**
   * Lists a directory, yielding entries as they are parsed; stopping early aborts the listing.
   * `onCharsetSwitch` hears how many entries were yielded, read as UTF-8, before an Auto session
   * met a name that is not UTF-8 and switched to ISO-8859-1.
   */
  async *listStream(path?: string, onCutShort?: (reply: string) => void, onCharsetSwitch?: (entriesBefore: number) => void): AsyncGenerator<FileEntry> {
    const release = await this.lock.acquire();
    try {
      if (path !== undefined) await this.settleCharset(path);
      // RFC 3659 §7.8: MLSD support is announced as MLST in FEAT.
      const useMlsd = this.features.has('MLST') || this.features.has('MLSD');
      // No `-a`: hidden files are shown or not per server (options in LIST are not standard, RFC 959).
      const command = `${useMlsd ? 'MLSD' : 'LIST'}${path ? ` ${path}` : ''}`;
      const parser = new ListParser({ format: useMlsd ? 'mlsd' : (this.listFormat ?? formatForSystem(this.system)), serverType: this.options.serverType });
      const read = listingReader(parser, this.charsetHost, (message) => this.control.log('status', message), onCharsetSwitch);
      const onFinal = watchCutShort(path ?? 'the login folder', (message) => this.control.log('error', message), onCutShort);
      const limit = this.options.maxListingEntries ?? DEFAULT_MAX_LISTING_ENTRIES;
      let count = 0;
      // Leaving the loop early aborts the listing (ABOR), so the session stays in step.
      for await (const entry of this.readTransfer(await this.openData(command), read, onFinal)) {
        if (++count > limit) throw new FtpListingTooLargeError(path ?? 'the login folder', limit);
        yield entry;
      }
      if (!useMlsd && parser.format) this.listFormat = parser.format;
    } finally {
      release();
    }
  }

  /** Names in a directory (NLST). */
  nlst(path?: string): Promise<string[]> {
    return this.exclusive(async () => {
      const names: string[] = [];
      const stream = this.readTransfer(await this.openData(`NLST${path ? ` ${path}` : ''}`), nameListReader(this.charsetHost, names));
      for await (const nothing of stream) void nothing;
      return names;
    });
  }

  /** Facts about one path (MLST, RFC 3659 §7). */
  mlst(path: string): Promise<FileEntry> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      const reply = await this.expect(`MLST ${path}`, 250);
      const result = parseMlstReply(reply.lines);
      if (!result) throw new FtpProtocolError(`Cannot parse the MLST reply: ${reply.text}`);
      return result.entry;
    });
  }

  /**
   * Size in bytes (SIZE, RFC 3659 §4), asked in binary mode where it is exact. With `isProbe`
   * (is something there?) a refusal is logged as the expected answer it is, not as an error.
   */
  size(path: string, opts: { isProbe?: boolean } = {}): Promise<number> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      await this.ensureType('I');
      const options = opts.isProbe ? { expectedRefusal: 'Expected when nothing is there yet' } : {};
      return parseSizeReply((await this.expectWith(`SIZE ${path}`, options, 213)).text);
    });
  }

  /** Last modification time in ms since the epoch (MDTM, RFC 3659 §3: UTC). */
  modifiedTime(path: string): Promise<number> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      return parseTimeValReply((await this.expect(`MDTM ${path}`, 213)).text);
    });
  }

  /** Sets the modification time (MFMT when offered; else the `MDTM time path` form vsftpd accepts). */
  setModifiedTime(path: string, ms: number): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      const command = this.features.has('MFMT') ? 'MFMT' : 'MDTM';
      await this.expect(`${command} ${formatTimeVal(ms)} ${path}`, 213);
    });
  }

  /**
   * MFMT (draft-somers-ftp-mfxx) without waiting for the reply: the next command is answered
   * behind it, in the same round trip. Replies pair in order, so nothing else can take its reply.
   */
  private setTimeUnanswered(path: string, ms: number): void {
    this.control.request(`MFMT ${formatTimeVal(ms)} ${path}`).then(
      (reply) => {
        if (!isCompletion(reply)) this.control.log('status', `The server did not set the modification time of ${path} (${reply.code} ${reply.text})`);
      },
      () => undefined,
    );
  }

  /** Creates a directory (MKD); with `mayExist`, a refusal is logged as expected (the folder may be there already). */
  mkdir(path: string, opts: { mayExist?: boolean } = {}): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      const options = opts.mayExist ? { expectedRefusal: 'Expected when the folder is there already' } : {};
      await this.expectWith(`MKD ${path}`, options, 257);
    });
  }

  /** Removes an empty directory (RMD). */
  rmdir(path: string): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      await this.expect(`RMD ${path}`);
    });
  }

  /** Deletes a file (DELE). */
  delete(path: string): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      await this.expect(`DELE ${path}`);
    });
  }

  /** Renames or moves (RNFR 350, then RNTO). */
  rename(from: string, to: string): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(from);
      await this.expect(`RNFR ${from}`, 350);
      await this.expect(`RNTO ${to}`);
    });
  }

  /** Changes permissions (SITE CHMOD, e.g. mode `644`); servers without it reply 500/502. */
  chmod(path: string, mode: string): Promise<void> {
    return this.exclusive(async () => {
      await this.settleCharset(path);
      await this.expect(`SITE CHMOD ${mode} ${path}`);
    });
  }

  /**
   * Downloads `remote` into `to` (which is ended), from `offset` if given; resolves after the data ended AND the 226.
   * A binary download into a target that writes synchronously (syncIo.ts, e.g. the CLI's FileSink) skips the stream pipeline.
   */
  download(remote: string, to: NodeJS.WritableStream, opts: DownloadOptions = {}): Promise<TransferResult> {
    return this.exclusive(async () => {
      await this.settleCharset(remote);
      const offset = opts.offset ?? 0;
      await this.ensureType(opts.type === 'ascii' ? 'A' : 'I');
      const mover = downloadMover(to, opts);
      const data = await this.transfer(`RETR ${remote}`, mover, { ...opts, rest: offset });
      // A download that ends early with 226 is only detectable against the size the 150 announced;
      // servers announce either the whole size or what is left after REST, so accept either.
      const announced = opts.type !== 'ascii' && data.preliminary ? parseAnnouncedSize(data.preliminary.text) : undefined;
      if (announced !== undefined && mover.bytes < announced - offset) {
        throw new FtpConnectionError(`The data connection closed early: received ${mover.bytes} of ${announced - offset} bytes`);
      }
      return { bytes: mover.bytes };
    }, opts.signal);
  }

  /**
   * Uploads `from` to `remote` (STOR; APPE when appending; REST + STOR from an offset); resolves after the 226.
   * A binary upload from a source that reads synchronously (syncIo.ts, e.g. the CLI's FileSource) skips the stream pipeline.
   */
  upload(from: NodeJS.ReadableStream, remote: string, opts: UploadOptions = {}): Promise<TransferResult> {
    return this.exclusive(async () => {
      await this.settleCharset(remote);
      await this.ensureType(opts.type === 'ascii' ? 'A' : 'I');
      const mover = uploadMover(from, opts);
      await this.transfer(`${opts.append ? 'APPE' : 'STOR'} ${remote}`, mover, { ...opts, rest: opts.append ? 0 : (opts.offset ?? 0), isSending: true });
      if (opts.modifiedMs !== undefined && this.features.has('MFMT')) this.setTimeUnanswered(remote, opts.modifiedMs);
      return { bytes: mover.bytes };
    }, opts.signal);
  }

  /** The server-side checksum of a file via HASH (SHA-256 preferred) or an X-command (XSHA256...XCRC); undefined if none is offered. */
  checksum(path: string): Promise<{ algorithm: string; hex: string } | undefined> {
    const method = chooseChecksumMethod(this.features);
    // Nothing to ask the server: no need to wait for the session (the queue asks after every file).
    if (!method) return Promise.resolve(undefined);
    return this.exclusive(async () => {
      await this.settleCharset(path);
      if (method.command === 'HASH' && method.needsSelect) await this.expect(`OPTS HASH ${method.algorithm}`, 200);
      // Hashing a large file takes the server a while before it can reply.
      const reply = await this.control.request(`${method.command} ${path}`, { timeoutMs: this.options.timeoutMs * 15 });
      if (!isCompletion(reply)) throw new FtpReplyError(reply.code, reply.text, `${method.command} ${path}`);
      return { algorithm: method.algorithm, hex: parseDigestReply(reply.text, method.command === 'HASH') };
    });
  }

  /**
   * Asks the server for the next passive data connection now (EPSV or PASV, whichever last
   * worked), for a caller that knows another transfer follows: the next data command then starts
   * without that round trip. Unused for `preparedDataTtlMs` it is withdrawn (ABOR). Does nothing
   * before a passive connection has worked in this session.
   */
  prepareDataConnection(): void {
    if (this.lastDataStrategy) this.preparedPassive.ask(this.lastDataStrategy);
  }

  /** Sends any non-data command and resolves with its reply, whatever the code (for the log's command line). */
  raw(command: string): Promise<FtpReply> {
    return this.exclusive(() => this.control.request(command));
  }

  /** Aborts the running transfer or listing (ABOR, draining 426/226/225) and waits until the session is usable again. */
  async abort(): Promise<void> {
    const transfer = this.activeTransfer;
    if (!transfer) return;
    transfer.abort();
    await transfer.finished;
  }

  /** Says goodbye (QUIT) and closes; closes at once if an operation is still running. */
  async close(): Promise<void> {
    this.lock.stopKeepAlive();
    if (this.control.isClosed) return;
    if (this.lock.isIdle) {
      const quit = this.control.request('QUIT').catch(() => undefined);
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, Math.min(this.options.timeoutMs, 2000)).unref())]);
    }
    this.destroy();
  }

  /** Closes every socket at once. */
  destroy(): void {
    this.lock.stopKeepAlive();
    this.preparedPassive.drop();
    this.activeTransfer?.socket.destroy();
    this.control.destroy();
  }

  /** Runs one file's data command with its mover; resolves with the command once the data ended AND the final reply is positive. */
  private async transfer(command: string, mover: FileMover, request: DataRequest): Promise<DataCommand> {
    const { signal } = request;
    const data = await this.openData(command, { ...request, receiver: mover.receiver });
    const onAbort = () => data.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) data.abort();
    try {
      await data.complete(mover.run(data));
      return data;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.activeTransfer = undefined;
    }
  }

  /** Opens a data command (see DataCommand): strategies in the session's order, the mode reply asked ahead if any, REST before it. */
  private async openData(command: string, request: DataRequest & { receiver?: DirectReceiver } = {}): Promise<DataCommand> {
    const { signal } = request;
    if (signal?.aborted) throw new FtpAbortedError();
    const strategies = strategyOrder(this.options.dataMode ?? 'auto', this.options.dataStrategy, this.lastDataStrategy ?? this.options.preferredDataStrategy);
    const rest = request.rest ? `REST ${request.rest}` : undefined;
    const data = await DataCommand.open({
      control: this.control,
      strategies,
      preparedReply: this.preparedPassive.take(strategies[0]),
      timeoutMs: this.options.timeoutMs,
      isProtected: this.isDataProtected,
      signal,
      provenStrategy: this.lastDataStrategy,
      receiver: request.receiver,
      isSending: request.isSending,
      before: rest ? async () => void (await this.expect(rest, 350)) : undefined,
      afterSent: request.prepareNext && this.isPipelining ? (strategy) => this.pipelineNext(strategy) : undefined,
      onStrategyWorked: (strategy) => {
        this.lastDataStrategy = strategy;
      },
      onFallback: () => this.preparedPassive.drop(),
      onAbort: () => this.preparedPassive.drop(),
      onOutOfTurn: () => this.refusePipelining(),
    }, command);
    this.activeTransfer = data;
    return data;
  }

  /** Reads an opened data connection whose data we read (see readToEnd), forgetting it as the active transfer when done. */
  private readTransfer<T>(data: DataCommand, consume: (chunk: Buffer | undefined) => Iterable<T>, onFinal?: (reply: FtpReply) => void): AsyncGenerator<T> {
    return readToEnd(data, consume, () => {
      this.activeTransfer = undefined;
    }, onFinal);
  }

  /**
   * Right behind a data command: the next transfer's passive port, with the command's own
   * strategy (a fallback drops it). Until this session's server has answered a command sent that
   * way in turn, a NOOP goes instead: harmless whenever it is answered, so a server that reads
   * commands during a transfer shows it without cost (pyftpdlib, taking an EPSV then, closes the
   * running transfer's data connection).
   */
  private pipelineNext(strategy: DataStrategy): Promise<FtpReply> | undefined {
    if (!this.isPipeliningProven) return this.probePipelining();
    return isPassive(strategy) ? this.preparedPassive.pipeline(strategy) : undefined;
  }

  /**
   * The NOOP behind a data command. In turn, its 200 follows the command's final reply; out of
   * turn the data command takes the 200 for its final reply, knows it is not (see DataCommand),
   * reports it (refusePipelining) and pairs its own final reply with this NOOP instead.
   */
  private probePipelining(): Promise<FtpReply> {
    const reply = this.control.request('NOOP');
    reply.then((r) => {
      if (r.code === 200 && this.isPipelining) this.isPipeliningProven = true;
    }, () => undefined);
    return reply;
  }

  /** The server answered a pipelined command out of turn: from now on the next port is asked for after each transfer. */
  private refusePipelining(): void {
    if (!this.isPipelining) return;
    this.isPipelining = false;
    this.hasRefusedPipelining = true;
    this.control.log('status', 'This server answers commands sent during a transfer out of turn: asking for each data connection after the previous transfer from now on');
  }

  /** A name that is not UTF-8 arrived: names are ISO-8859-1 from now on, commands and replies too. */
  private useLatin1(): void {
    if (this.charset === 'latin1' || this.isCharsetFixed) return;
    this.charset = 'latin1';
    this.control.setEncoding('latin1');
    this.control.log('status', 'This server sends names that are not UTF-8: reading and sending them as ISO-8859-1 from now on');
  }

  /**
   * Before a command about a path with characters outside ASCII, while the charset is still
   * unknown (Auto, and the server announced no UTF8), looks at the names in the path's folder:
   * if they are not UTF-8 the session switches, so the command sends the server's octets.
   * A folder that cannot be listed leaves things as they are. Runs inside an operation.
   */
  private async settleCharset(path: string): Promise<void> {
    if (this.charset !== 'auto' || !hasNonAscii(path)) return;
    const cut = path.replace(/\/+$/, '').lastIndexOf('/');
    const folder = cut > 0 ? path.slice(0, cut) : cut === 0 ? '/' : undefined;
    // Each folder once: one that told nothing (all ASCII) tells nothing the next time either.
    if (this.examinedFolders.has(folder ?? '')) return;
    this.examinedFolders.add(folder ?? '');
    const decoder = new LineDecoder(this.charsetHost);
    const limit = this.options.maxListingEntries ?? DEFAULT_MAX_LISTING_ENTRIES;
    let lines = 0;
    // The names are only looked at, not kept; the decoder switches the session when one is not UTF-8.
    const look = (chunk: Buffer | undefined): number[] => [(lines += (chunk === undefined ? decoder.end() : decoder.push(chunk)).length)];
    try {
      for await (const seen of this.readTransfer(await this.openData(`NLST${folder ? ` ${folder}` : ''}`), look)) {
        // Leaving early aborts the listing (ABOR): enough was seen, or too much.
        if (this.charset !== 'auto' || seen > limit) break;
      }
    } catch (err) {
      if (this.control.isClosed) throw err;
    }
  }

  private async ensureType(type: 'A' | 'I'): Promise<void> {
    if (this.currentType === type) return;
    await this.expect(`TYPE ${type}`, 200);
    this.currentType = type;
  }

  /** Sends a command and returns its reply if the code is one of `codes` (any 2yz when none given); else throws FtpReplyError. */
  private expect(command: string, ...codes: number[]): Promise<FtpReply> {
    return this.expectWith(command, {}, ...codes);
  }

  /** Sends `command` and resolves with its reply if it is one of `codes` (any 2xx without codes); else an FtpReplyError. */
  private async expectWith(command: string, options: RequestOptions, ...codes: number[]): Promise<FtpReply> {
    const reply = await this.control.request(command, options);
    const ok = codes.length > 0 ? codes.includes(reply.code) : isCompletion(reply);
    if (!ok) throw new FtpReplyError(reply.code, reply.text, command.startsWith('PASS ') ? 'PASS ****' : command);
    return reply;
  }

  private exclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.lock.exclusive(fn, signal);
  }
}

/**
 * A logged-in FTP session: connect and log in (USER/PASS/ACCT, explicit or implicit FTPS, FEAT,
 * OPTS UTF8, SYST, PWD), then one operation at a time — navigation, listings, file operations,
 * streamed downloads and uploads with resume, checksums, abort, keep-alive and QUIT.
 * Owns: the session's state (features, transfer type, remembered data strategy, listing format)
 * and the serialisation of operations. Sockets live in control/ and data/.
 * Must not import electron or React.
 */
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { DataMode, DataStrategy, FileEntry, TlsMode } from '../../shared/domain';
import { ControlConnection } from './control/ControlConnection';
import type { FtpLogEvent } from './control/logEvent';
import type { TlsTrustOptions } from './control/tlsTrust';
import { crlfToLf, lfToCrlf } from './data/asciiTransform';
import type { DataTransfer } from './data/DataTransfer';
import { openDataTransfer, strategyOrder } from './data/openDataTransfer';
import { pump } from './data/pump';
import { DirectReceiver } from './data/receiveDirect';
import { DirectSender } from './data/sendDirect';
import { whenWriteFinished } from './data/streamEnd';
import { canReadSync, canWriteSync } from './data/syncIo';
import {
  FtpAbortedError, FtpConnectionError, FtpProtocolError, FtpReplyError, FtpTlsError, type CertificateInfo,
} from './errors';
import { chooseChecksumMethod, mlstOptsToRequest, parseFeatReply } from './features';
import { ListParser, parseMlstReply, type ListFormat } from './list';
import { isCompletion, type FtpReply } from './reply';
import {
  formatTimeVal, parseAnnouncedSize, parseDigestReply, parsePathReply, parseSizeReply, parseTimeValReply,
} from './replyValues';

/** How to reach and log in to a server. */
export interface ConnectOptions {
  host: string;
  /** Default 21, or 990 for implicit FTPS. */
  port?: number;
  /** No user means anonymous, with password `anonymous@`. */
  user?: string;
  password?: string;
  /** Sent with ACCT when the server asks for it (332). */
  account?: string;
  /** Default 'none'. */
  tls?: TlsMode;
  /** Default 'auto': EPSV → PASV → EPRT → PORT. */
  dataMode?: DataMode;
  /** Use only this strategy. */
  dataStrategy?: DataStrategy;
  /** SHA-256 of a server certificate the user trusts (hex, colons optional, any case). */
  trustedFingerprint?: string;
  /** Accept any certificate. */
  insecure?: boolean;
  /** Connect, reply and data-accept/idle timeout; default 20 s. */
  timeoutMs?: number;
  /** Send NOOP after this long idle; 0 or unset = off. */
  keepAliveMs?: number;
  /** Label of this connection in log events. */
  connectionId?: string;
  /** Character set of commands, replies and listings; default utf8. */
  encoding?: 'utf8' | 'latin1';
}

/** Hooks for connect(): a log sink that also sees the login, and a signal to cancel connecting. */
export interface SessionHooks {
  onLog?: (event: FtpLogEvent) => void;
  signal?: AbortSignal;
}

/** Options of download(). */
export interface DownloadOptions {
  /** Start at this byte of the remote file (REST). */
  offset?: number;
  type?: 'binary' | 'ascii';
  signal?: AbortSignal;
  /** Called with the number of bytes received so far (before line-ending conversion). */
  onProgress?: (bytes: number) => void;
}

/** Options of upload(). */
export interface UploadOptions {
  /** Start writing at this byte of the remote file (REST + STOR). */
  offset?: number;
  /** Append to the remote file (APPE). */
  append?: boolean;
  type?: 'binary' | 'ascii';
  signal?: AbortSignal;
  /** Called with the number of bytes sent so far (before line-ending conversion). */
  onProgress?: (bytes: number) => void;
}

/** The result of a transfer. */
export interface TransferResult {
  /** Bytes that went through the data connection. */
  bytes: number;
}

let nextConnectionNumber = 1;

/**
 * Counts the bytes a readable emits and reports progress. A 'data' listener rather than a Transform
 * in the pipeline: one stream hop less per chunk, and pipe's pause() still applies backpressure.
 */
function countBytes(stream: NodeJS.ReadableStream, onProgress?: (bytes: number) => void): { readonly bytes: number } {
  const counter = { bytes: 0 };
  stream.on('data', (chunk: Buffer | string) => {
    counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    onProgress?.(counter.bytes);
  });
  return counter;
}

/**
 * Runs a download through a DirectReceiver, then ends the target. A failure destroys the target
 * with the error, as a pipeline would, after telling the transfer where it came from.
 */
async function receiveDirect(transfer: DataTransfer, receiver: DirectReceiver, to: NodeJS.WritableStream): Promise<void> {
  try {
    await receiver.receive(transfer.socket);
  } catch (error) {
    transfer.noteError(error, receiver.localError === undefined);
    (to as Partial<Writable>).destroy?.(error as Error);
    throw error;
  }
  await endWritable(to);
}

/** Runs an upload through a DirectSender; the source is destroyed afterwards (closing its file), as a pipeline would. */
async function sendDirect(transfer: DataTransfer, sender: DirectSender, from: NodeJS.ReadableStream): Promise<void> {
  try {
    await sender.send(transfer.socket);
  } catch (error) {
    transfer.noteError(error, sender.localError === undefined);
    (from as Partial<Readable>).destroy?.(error as Error);
    throw error;
  }
  (from as Partial<Readable>).destroy?.();
}

/** Ends a writable and waits until it has finished (or failed). */
function endWritable(stream: NodeJS.WritableStream): Promise<void> {
  const done = whenWriteFinished(stream as Writable);
  stream.end();
  return done;
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
  private readonly options: ConnectOptions & { timeoutMs: number };
  private currentType?: 'A' | 'I';
  private listFormat?: ListFormat;
  private lock: Promise<void> = Promise.resolve();
  private busy = 0;
  private activeTransfer?: DataTransfer;
  private keepAliveTimer?: NodeJS.Timeout;

  private constructor(control: ControlConnection, options: ConnectOptions & { timeoutMs: number }, state: {
    features: Map<string, string>; system?: string; initialDirectory?: string; isDataProtected: boolean;
  }) {
    super();
    this.control = control;
    this.options = options;
    this.features = state.features;
    this.system = state.system;
    this.initialDirectory = state.initialDirectory;
    this.certificate = control.certificate;
    this.isDataProtected = state.isDataProtected;
    control.on('close', () => {
      clearTimeout(this.keepAliveTimer);
      this.emit('close');
    });
    this.scheduleKeepAlive();
  }

  /** Connects, secures (per `tls`), logs in and reads the server's features; rejects with a typed error. */
  static async connect(opts: ConnectOptions, hooks: SessionHooks = {}): Promise<FtpSession> {
    const tls = opts.tls ?? 'none';
    const options = { ...opts, timeoutMs: opts.timeoutMs ?? 20_000, connectionId: opts.connectionId ?? `ftp-${nextConnectionNumber++}` };
    const trust: TlsTrustOptions = { trustedFingerprint: opts.trustedFingerprint, insecure: opts.insecure };
    // Events go to the hook until the session exists, then to the session's 'log' event as well.
    let session: FtpSession | undefined;
    const log = (event: FtpLogEvent) => {
      hooks.onLog?.(event);
      session?.emit('log', event);
    };
    const { connection: control, greeting } = await ControlConnection.connect({
      host: opts.host,
      port: opts.port ?? (tls === 'implicit' ? 990 : 21),
      timeoutMs: options.timeoutMs,
      encoding: opts.encoding ?? 'utf8',
      connectionId: options.connectionId,
      log,
      signal: hooks.signal,
      implicitTls: tls === 'implicit' ? trust : undefined,
    });
    const onAbort = () => control.destroy(new FtpAbortedError('Connect aborted'));
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (greeting.code !== 220) throw new FtpReplyError(greeting.code, greeting.text, undefined, 'The server refused the connection');
      if (tls === 'explicit' || tls === 'explicit-if-available') {
        const reply = await control.request('AUTH TLS');
        if (reply.code === 234) {
          await control.upgradeToTls(trust);
        } else if (tls === 'explicit') {
          throw new FtpTlsError(`The server refused AUTH TLS: ${reply.code} ${reply.text}`);
        } else {
          control.log('status', 'The server does not offer TLS; continuing unencrypted', { hint: 'Passwords and files travel in clear text' });
        }
      }
      await login(control, opts);
      let isDataProtected = false;
      if (control.isSecure) {
        // RFC 4217 §9: PBSZ 0 then PROT P; a refusal leaves data in clear, which the UI must show.
        const pbsz = await control.request('PBSZ 0');
        const prot = isCompletion(pbsz) ? await control.request('PROT P') : pbsz;
        isDataProtected = isCompletion(prot);
        if (!isDataProtected) {
          control.log('status', `The server refused data protection (${prot.code} ${prot.text}); data connections are NOT encrypted`, {
            hint: 'Only the control connection is encrypted',
          });
        }
      }
      const feat = await control.request('FEAT');
      const features = parseFeatReply(feat);
      if (features.has('UTF8') && (opts.encoding ?? 'utf8') === 'utf8') {
        // RFC 2640 §3.1 via OPTS; a refusal only means the server does not switch: not an error.
        await control.request('OPTS UTF8 ON');
      }
      const mlstFacts = mlstOptsToRequest(features.get('MLST'));
      // A refusal leaves the server's default facts: listings still work, with fewer columns.
      if (mlstFacts) await control.request(`OPTS MLST ${mlstFacts}`);
      const syst = await control.request('SYST');
      const pwd = await control.request('PWD');
      let initialDirectory: string | undefined;
      if (pwd.code === 257) {
        try {
          initialDirectory = parsePathReply(pwd.text);
        } catch {
          initialDirectory = undefined;
        }
      }
      session = new FtpSession(control, options, {
        features,
        system: syst.code === 215 ? syst.text : undefined,
        initialDirectory,
        isDataProtected,
      });
      return session;
    } catch (err) {
      control.destroy(err as Error);
      throw err;
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
    }
  }

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
    return this.busy === 0;
  }

  /** The current remote directory (PWD). */
  pwd(): Promise<string> {
    return this.exclusive(async () => parsePathReply((await this.expect('PWD', 257)).text));
  }

  /** Changes the remote directory (CWD). */
  cd(path: string): Promise<void> {
    return this.exclusive(async () => void (await this.expect(`CWD ${path}`)));
  }

  /** Changes to the parent directory (CDUP). */
  cdup(): Promise<void> {
    return this.exclusive(async () => void (await this.expect('CDUP')));
  }

  /** Lists a directory (MLSD when offered, else LIST) into an array. */
  async list(path?: string): Promise<FileEntry[]> {
    const entries: FileEntry[] = [];
    for await (const entry of this.listStream(path)) entries.push(entry);
    return entries;
  }

  /** Lists a directory, yielding entries as they are parsed; stopping early aborts the listing. */
  async *listStream(path?: string): AsyncGenerator<FileEntry> {
    const release = await this.acquire();
    try {
      // RFC 3659 §7.8: MLSD support is announced as MLST in FEAT.
      const useMlsd = this.features.has('MLST') || this.features.has('MLSD');
      // No `-a`: hidden files are shown or not per server (options in LIST are not standard, RFC 959).
      const command = `${useMlsd ? 'MLSD' : 'LIST'}${path ? ` ${path}` : ''}`;
      const parser = new ListParser({ format: useMlsd ? 'mlsd' : this.listFormat });
      const decoder = new StringDecoder(this.options.encoding ?? 'utf8');
      let unparsedLogged = 0;
      const report = (unparsed: string[]) => {
        for (const line of unparsed) {
          if (unparsedLogged++ < 20) this.control.log('status', `Could not parse listing line: ${line}`);
        }
      };
      yield* this.readTransfer(command, (chunk) => {
        const batch = chunk === undefined ? parser.push(decoder.end()) : parser.push(decoder.write(chunk));
        report(batch.unparsed);
        if (chunk !== undefined) return batch.entries;
        const tail = parser.end();
        report(tail.unparsed);
        return [...batch.entries, ...tail.entries];
      });
      if (!useMlsd && parser.format) this.listFormat = parser.format;
    } finally {
      release();
    }
  }

  /** Names in a directory (NLST). */
  nlst(path?: string): Promise<string[]> {
    return this.exclusive(async () => {
      const names: string[] = [];
      const decoder = new StringDecoder(this.options.encoding ?? 'utf8');
      let partial = '';
      const take = (text: string, final: boolean) => {
        const lines = (partial + text).split(/\r?\n/);
        partial = final ? '' : lines.pop() ?? '';
        for (const line of lines) if (line !== '') names.push(line);
      };
      const stream = this.readTransfer(`NLST${path ? ` ${path}` : ''}`, (chunk) => {
        take(chunk === undefined ? decoder.end() : decoder.write(chunk), chunk === undefined);
        return [];
      });
      for await (const nothing of stream) void nothing;
      return names;
    });
  }

  /** Facts about one path (MLST, RFC 3659 §7). */
  mlst(path: string): Promise<FileEntry> {
    return this.exclusive(async () => {
      const reply = await this.expect(`MLST ${path}`, 250);
      const result = parseMlstReply(reply.lines);
      if (!result) throw new FtpProtocolError(`Cannot parse the MLST reply: ${reply.text}`);
      return result.entry;
    });
  }

  /** Size in bytes (SIZE, RFC 3659 §4), asked in binary mode where it is exact. */
  size(path: string): Promise<number> {
    return this.exclusive(async () => {
      await this.ensureType('I');
      return parseSizeReply((await this.expect(`SIZE ${path}`, 213)).text);
    });
  }

  /** Last modification time in ms since the epoch (MDTM, RFC 3659 §3: UTC). */
  modifiedTime(path: string): Promise<number> {
    return this.exclusive(async () => parseTimeValReply((await this.expect(`MDTM ${path}`, 213)).text));
  }

  /** Sets the modification time (MFMT when offered; else the `MDTM time path` form vsftpd accepts). */
  setModifiedTime(path: string, ms: number): Promise<void> {
    return this.exclusive(async () => {
      const command = this.features.has('MFMT') ? 'MFMT' : 'MDTM';
      await this.expect(`${command} ${formatTimeVal(ms)} ${path}`, 213);
    });
  }

  /** Creates a directory (MKD). */
  mkdir(path: string): Promise<void> {
    return this.exclusive(async () => void (await this.expect(`MKD ${path}`, 257)));
  }

  /** Removes an empty directory (RMD). */
  rmdir(path: string): Promise<void> {
    return this.exclusive(async () => void (await this.expect(`RMD ${path}`)));
  }

  /** Deletes a file (DELE). */
  delete(path: string): Promise<void> {
    return this.exclusive(async () => void (await this.expect(`DELE ${path}`)));
  }

  /** Renames or moves (RNFR 350, then RNTO). */
  rename(from: string, to: string): Promise<void> {
    return this.exclusive(async () => {
      await this.expect(`RNFR ${from}`, 350);
      await this.expect(`RNTO ${to}`);
    });
  }

  /** Changes permissions (SITE CHMOD, e.g. mode `644`); servers without it reply 500/502. */
  chmod(path: string, mode: string): Promise<void> {
    return this.exclusive(async () => void (await this.expect(`SITE CHMOD ${mode} ${path}`)));
  }

  /**
   * Downloads `remote` into `to` (which is ended), from `offset` if given; resolves after the data ended AND the 226.
   * A binary download into a target that writes synchronously (syncIo.ts, e.g. the CLI's FileSink) skips the stream pipeline.
   */
  download(remote: string, to: NodeJS.WritableStream, opts: DownloadOptions = {}): Promise<TransferResult> {
    return this.exclusive(async () => {
      const ascii = opts.type === 'ascii';
      const offset = opts.offset ?? 0;
      await this.ensureType(ascii ? 'A' : 'I');
      const receiver = !ascii && canWriteSync(to) ? new DirectReceiver(to, opts.onProgress) : undefined;
      let counter = { bytes: 0 };
      const rest = offset > 0 ? `REST ${offset}` : undefined;
      const transfer = await this.transfer(`RETR ${remote}`, rest, opts.signal, to, (data) => {
        if (receiver) {
          counter = receiver;
          return receiveDirect(data, receiver, to);
        }
        // Piped first, so the stream is piped before the counter's listener makes it flow.
        const done = ascii ? pump(data.socket, crlfToLf(), to) : pump(data.socket, to);
        counter = countBytes(data.socket, opts.onProgress);
        return done;
      }, receiver);
      // A download that ends early with 226 is only detectable against the size the 150 announced;
      // servers announce either the whole size or what is left after REST, so accept either.
      const announced = !ascii && transfer.preliminary ? parseAnnouncedSize(transfer.preliminary.text) : undefined;
      if (announced !== undefined && counter.bytes < announced - offset) {
        throw new FtpConnectionError(`The data connection closed early: received ${counter.bytes} of ${announced - offset} bytes`);
      }
      return { bytes: counter.bytes };
    }, opts.signal);
  }

  /**
   * Uploads `from` to `remote` (STOR; APPE when appending; REST + STOR from an offset); resolves after the 226.
   * A binary upload from a source that reads synchronously (syncIo.ts, e.g. the CLI's FileSource) skips the stream pipeline.
   */
  upload(from: NodeJS.ReadableStream, remote: string, opts: UploadOptions = {}): Promise<TransferResult> {
    return this.exclusive(async () => {
      const ascii = opts.type === 'ascii';
      const offset = opts.offset ?? 0;
      await this.ensureType(ascii ? 'A' : 'I');
      const sender = !ascii && canReadSync(from) ? new DirectSender(from, opts.onProgress) : undefined;
      let counter = { bytes: 0 };
      const command = `${opts.append ? 'APPE' : 'STOR'} ${remote}`;
      await this.transfer(command, offset > 0 && !opts.append ? `REST ${offset}` : undefined, opts.signal, from, (data) => {
        if (sender) {
          counter = sender;
          return sendDirect(data, sender, from);
        }
        const done = ascii ? pump(from, lfToCrlf(), data.socket) : pump(from, data.socket);
        counter = countBytes(from, opts.onProgress);
        return done;
      });
      return { bytes: counter.bytes };
    }, opts.signal);
  }

  /** The server-side checksum of a file via HASH (SHA-256 preferred) or XSHA256/XSHA1/XMD5/XCRC; undefined if none is offered. */
  checksum(path: string): Promise<{ algorithm: string; hex: string } | undefined> {
    return this.exclusive(async () => {
      const method = chooseChecksumMethod(this.features);
      if (!method) return undefined;
      if (method.command === 'HASH' && method.needsSelect) await this.expect(`OPTS HASH ${method.algorithm}`, 200);
      // Hashing a large file takes the server a while before it can reply.
      const reply = await this.control.request(`${method.command} ${path}`, { timeoutMs: this.options.timeoutMs * 15 });
      if (!isCompletion(reply)) throw new FtpReplyError(reply.code, reply.text, `${method.command} ${path}`);
      return { algorithm: method.algorithm, hex: parseDigestReply(reply.text, method.command === 'HASH') };
    });
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
    clearTimeout(this.keepAliveTimer);
    if (this.control.isClosed) return;
    if (this.busy === 0) {
      const quit = this.control.request('QUIT').catch(() => undefined);
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, Math.min(this.options.timeoutMs, 2000)).unref())]);
    }
    this.destroy();
  }

  /** Closes every socket at once. */
  destroy(): void {
    clearTimeout(this.keepAliveTimer);
    this.activeTransfer?.socket.destroy();
    this.control.destroy();
  }

  private async transfer(
    command: string,
    restCommand: string | undefined,
    signal: AbortSignal | undefined,
    local: NodeJS.EventEmitter,
    run: (transfer: DataTransfer) => Promise<unknown>,
    receiver?: DirectReceiver,
  ): Promise<DataTransfer> {
    const before = restCommand ? async () => void (await this.expect(restCommand, 350)) : undefined;
    const transfer = await this.openData(command, signal, before, receiver);
    const onAbort = () => transfer.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) transfer.abort();
    try {
      transfer.watchLocal(local);
      await transfer.complete(run(transfer));
      return transfer;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.activeTransfer = undefined;
    }
  }

  private async openData(command: string, signal?: AbortSignal, before?: () => Promise<void>, receiver?: DirectReceiver): Promise<DataTransfer> {
    if (signal?.aborted) throw new FtpAbortedError();
    const transfer = await openDataTransfer({
      control: this.control,
      strategies: strategyOrder(this.options.dataMode ?? 'auto', this.options.dataStrategy, this.lastDataStrategy),
      timeoutMs: this.options.timeoutMs,
      isProtected: this.isDataProtected,
      signal,
      onStrategyWorked: (strategy) => {
        this.lastDataStrategy = strategy;
      },
      receiver,
    }, command, before);
    this.activeTransfer = transfer;
    return transfer;
  }

  /** Runs a data command whose data we read, feeding each chunk (then undefined at the end) to `consume`. */
  private async *readTransfer<T>(command: string, consume: (chunk: Buffer | undefined) => Iterable<T>): AsyncGenerator<T> {
    const transfer = await this.openData(command);
    let isSettled = false;
    try {
      let readError: unknown;
      try {
        for await (const chunk of transfer.socket as AsyncIterable<Buffer>) yield* consume(chunk);
      } catch (err) {
        readError = err ?? new FtpConnectionError('Data connection failed');
      }
      isSettled = true;
      await transfer.complete(readError === undefined ? Promise.resolve() : Promise.reject(readError));
      yield* consume(undefined);
    } finally {
      this.activeTransfer = undefined;
      if (!isSettled) {
        // The consumer stopped early: abort so the control connection stays in step.
        transfer.abort();
        await transfer.complete(Promise.reject(new FtpAbortedError())).catch(() => undefined);
      }
    }
  }

  private async ensureType(type: 'A' | 'I'): Promise<void> {
    if (this.currentType === type) return;
    await this.expect(`TYPE ${type}`, 200);
    this.currentType = type;
  }

  /** Sends a command and returns its reply if the code is one of `codes` (any 2yz when none given); else throws FtpReplyError. */
  private async expect(command: string, ...codes: number[]): Promise<FtpReply> {
    const reply = await this.control.request(command);
    const ok = codes.length > 0 ? codes.includes(reply.code) : isCompletion(reply);
    if (!ok) throw new FtpReplyError(reply.code, reply.text, command.startsWith('PASS ') ? 'PASS ****' : command);
    return reply;
  }

  private async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new FtpAbortedError();
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise((resolve) => (release = resolve));
    this.busy++;
    clearTimeout(this.keepAliveTimer);
    await previous;
    if (this.control.isClosed) {
      this.busy--;
      release();
      throw new FtpConnectionError('The session is closed');
    }
    return () => {
      this.busy--;
      release();
      this.scheduleKeepAlive();
    };
  }

  private async exclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private scheduleKeepAlive(): void {
    clearTimeout(this.keepAliveTimer);
    const interval = this.options.keepAliveMs ?? 0;
    if (interval <= 0 || this.busy > 0 || this.control.isClosed) return;
    this.keepAliveTimer = setTimeout(() => {
      if (this.busy > 0 || this.control.isClosed) return;
      this.exclusive(() => this.control.request('NOOP')).catch(() => undefined);
    }, interval);
    // Keep-alive alone must not keep a process running.
    this.keepAliveTimer.unref();
  }
}

/** USER, then PASS and ACCT as the server asks (RFC 959 §5.4 state diagram); 530 and friends become FtpReplyError. */
async function login(control: ControlConnection, opts: ConnectOptions): Promise<void> {
  const user = opts.user ?? 'anonymous';
  const password = opts.password ?? (user === 'anonymous' || user === 'ftp' ? 'anonymous@' : '');
  let reply = await control.request(`USER ${user}`);
  let last = `USER ${user}`;
  if (reply.code === 331) {
    reply = await control.request(`PASS ${password}`);
    last = 'PASS ****';
  }
  if (reply.code === 332) {
    if (opts.account === undefined) throw new FtpReplyError(reply.code, reply.text, last, 'The server asks for an account (ACCT) and none was given');
    reply = await control.request(`ACCT ${opts.account}`);
    last = 'ACCT ****';
  }
  if (reply.code !== 230 && reply.code !== 202) {
    const hint = reply.code === 530 ? 'Login refused: check the user name and password' : undefined;
    throw new FtpReplyError(reply.code, reply.text, last, hint);
  }
}

/**
 * The control connection: one TCP (or TLS) socket to the server, a FIFO of commands each paired
 * with the reply it caused, reply timeouts, the TLS upgrade for AUTH TLS, and a log event for
 * every command and reply.
 * Owns: the control socket and reply pairing. Knows nothing of login, data connections or files.
 * Must not import electron or React.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type tls from 'node:tls';
import { FtpAbortedError, FtpConnectionError, FtpError, FtpTimeoutError, FtpTlsError, type CertificateInfo } from '../errors';
import { ReplyParser, isPreliminary, type FtpReply } from '../reply';
import { assertSafeCommand, maskCommand } from './commandGuard';
import { loggedReplyText, replyHint, type FtpLogEvent, type FtpLogSink } from './logEvent';
import { connectFailureWords } from './connectFailure';
import { checkTrust, startTls, type TlsTrustOptions } from './tlsTrust';

/** How to open a control connection. */
export interface ControlConnectionOptions {
  host: string;
  port: number;
  /** Connect timeout and the default reply timeout. */
  timeoutMs: number;
  encoding: 'utf8' | 'latin1';
  connectionId: string;
  log: FtpLogSink;
  signal?: AbortSignal;
  /** Set for implicit FTPS: TLS from the first byte. */
  implicitTls?: TlsTrustOptions;
}

/** Options of one request. */
export interface RequestOptions {
  /** Called with each 1yz reply (e.g. 150 before a transfer) before the final one. */
  onPreliminary?: (reply: FtpReply) => void;
  /** Stop the reply timer once a 1yz reply arrived: a transfer's final reply comes when the data is done. */
  untimedAfterPreliminary?: boolean;
  /** Reply timeout for this command instead of the default (HASH of a big file takes a while). */
  timeoutMs?: number;
  /**
   * If the reply arriving for this command satisfies this, the command is taken as unanswered and
   * the reply goes to the next one (ABOR, which some servers answer together with the aborted command).
   */
  skipIf?: (reply: FtpReply) => boolean;
  /**
   * A refusal of this command is expected and harmless (a probe, an optional setting): such a
   * reply is logged as information, with these words instead of the code's usual hint.
   */
  expectedRefusal?: string;
}

interface Pending {
  /** Masked command text, undefined for the greeting. */
  command?: string;
  options: RequestOptions;
  resolve: (reply: FtpReply) => void;
  reject: (err: Error) => void;
  timed: boolean;
}

/** A control connection with a command queue pairing every command with its reply in order. */
export class ControlConnection extends EventEmitter {
  private socket: net.Socket;
  private readonly parser: ReplyParser;
  private readonly queue: Pending[] = [];
  /** The one reply timer of this connection; see armTimer(). */
  private timer?: NodeJS.Timeout;
  /** When the timer fires (performance.now() time). */
  private timerDueAt = 0;
  /** When the head command's reply is overdue, and that command; undefined when nothing is timed. */
  private deadline?: { at: number; timeoutMs: number; pending: Pending };
  private closedError?: Error;
  private session?: Buffer;
  /** The certificate accepted for this connection, once TLS is up. */
  certificate?: CertificateInfo;
  /** Default reply timeout in milliseconds. */
  timeoutMs: number;
  /** How commands are encoded and replies decoded (the session's charset). */
  private encoding: 'utf8' | 'latin1';

  private constructor(socket: net.Socket, private readonly options: ControlConnectionOptions) {
    super();
    this.socket = socket;
    this.timeoutMs = options.timeoutMs;
    this.encoding = options.encoding;
    this.parser = new ReplyParser({ encoding: options.encoding });
    this.attach(socket);
  }

  /**
   * Connects (IPv4 or IPv6, with the connect timeout), performs implicit TLS if asked, and resolves
   * with the connection and its final greeting (a 120 "ready in n minutes" is followed by 220).
   */
  static async connect(options: ControlConnectionOptions): Promise<{ connection: ControlConnection; greeting: FtpReply }> {
    const log = (kind: FtpLogEvent['kind'], text: string) =>
      options.log({ timeMs: Date.now(), connectionId: options.connectionId, kind, text });
    log('status', `Connecting to ${options.host}:${options.port}${options.implicitTls ? ' (implicit TLS)' : ''}`);
    let socket: net.Socket;
    let certificate: CertificateInfo | undefined;
    try {
      socket = await connectTcp(options);
    } catch (err) {
      // Nothing else will tell the log why: the connection never existed.
      if (!(err instanceof FtpAbortedError)) log('error', (err as Error).message);
      throw err;
    }
    if (options.implicitTls) {
      let secure: tls.TLSSocket;
      try {
        secure = await startTls({ socket, host: options.host, timeoutMs: options.timeoutMs, signal: options.signal, isImplicit: true });
      } catch (err) {
        log('error', (err as Error).message);
        throw err;
      }
      try {
        certificate = checkTrust(secure, options.implicitTls, options.host);
      } catch (err) {
        secure.destroy();
        throw err;
      }
      socket = secure;
      log('status', `TLS established (${secure.getProtocol()}, ${secure.getCipher().name})`);
    }
    const connection = new ControlConnection(socket, options);
    connection.certificate = certificate;
    if (options.implicitTls) connection.trackSession(socket as tls.TLSSocket);
    const onAbort = () => connection.destroy(new FtpAbortedError('Connect aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const greeting = await connection.enqueue(undefined, {});
      return { connection, greeting };
    } catch (err) {
      connection.destroy();
      throw err;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Whether the socket is closed (no command can be sent any more). */
  get isClosed(): boolean {
    return this.closedError !== undefined;
  }

  /** Whether no command is waiting for its reply. */
  get isIdle(): boolean {
    return this.queue.length === 0;
  }

  /** Whether the control connection runs over TLS. */
  get isSecure(): boolean {
    return 'encrypted' in this.socket && (this.socket as tls.TLSSocket).encrypted === true;
  }

  /** The latest TLS session of the control connection, for data connections to resume. */
  get tlsSession(): Buffer | undefined {
    return this.session ?? (this.isSecure ? (this.socket as tls.TLSSocket).getSession() : undefined);
  }

  /** Local address of the control socket: active mode listens here. */
  get localAddress(): string {
    return normalizeAddress(this.socket.localAddress ?? '');
  }

  /** Address of the server as connected: the only host data connections may go to. */
  get remoteAddress(): string {
    return normalizeAddress(this.socket.remoteAddress ?? '');
  }

  /** Host name as given by the caller (for TLS identity checks). */
  get host(): string {
    return this.options.host;
  }

  /** Emits a status or error line on the log. */
  log(kind: FtpLogEvent['kind'], text: string, extra: { code?: number; hint?: string; isExpected?: boolean } = {}): void {
    this.options.log({ timeMs: Date.now(), connectionId: this.options.connectionId, kind, text, ...extra });
  }

  /**
   * Sends a command and resolves with its final (non-1yz) reply, whatever its code; the caller
   * decides what is an error. Commands may be pipelined (ABOR during a transfer): replies pair in order.
   */
  request(command: string, options: RequestOptions = {}): Promise<FtpReply> {
    try {
      assertSafeCommand(command);
    } catch (err) {
      return Promise.reject(err);
    }
    if (this.closedError) return Promise.reject(this.closedError);
    const masked = maskCommand(command);
    const promise = this.enqueue(masked, options);
    this.log('command', masked);
    this.socket.write(`${command}\r\n`, this.encoding);
    return promise;
  }

  /**
   * Runs `send`, whose commands leave in one write (one TCP segment; one TLS record): a server
   * that reads a line at a time then finds the ones behind the first already read, instead of
   * seeing them arrive while it works on the first (pure-ftpd answers 500 to anything but ABOR
   * that arrives during a transfer).
   */
  batch<T>(send: () => T): T {
    this.socket.cork();
    try {
      return send();
    } finally {
      this.socket.uncork();
    }
  }

  /** Encodes commands and decodes replies with `encoding` from now on. */
  setEncoding(encoding: 'utf8' | 'latin1'): void {
    this.encoding = encoding;
    this.parser.setEncoding(encoding);
  }

  /**
   * Sends ABOR (RFC 959 §4.1.3) and resolves once the abort's replies are drained. Servers answer
   * with 426 + 226, 226 + 225, or a single 226 for both commands. When ABOR's own reply does not
   * follow the aborted command's within a moment, a NOOP is sent and its 200 marks where the
   * abort's replies end. The NOOP is not pipelined with ABOR: pure-ftpd discards what follows ABOR
   * in the same read during a transfer.
   */
  async abortAndSync(commandDone: Promise<unknown>): Promise<void> {
    const abort = this.request('ABOR', { skipIf: (reply) => reply.code === 200 });
    const abortSettled = abort.then(() => true, () => true);
    await Promise.race([commandDone.catch(() => undefined), abortSettled]);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<false>((resolve) => {
      // Well inside the reply timeout, which would otherwise end the connection first.
      timer = setTimeout(() => resolve(false), Math.min(this.timeoutMs / 4, 1000));
    });
    const isAnswered = await Promise.race([abortSettled, grace]);
    clearTimeout(timer);
    if (!isAnswered && !this.isClosed) await this.request('NOOP').catch(() => undefined);
    await abortSettled;
  }

  /**
   * Upgrades the connection to TLS after a 234 reply to AUTH TLS (RFC 4217 §4) and checks the
   * certificate; resolves with its details or rejects with FtpTlsError.
   */
  async upgradeToTls(trust: TlsTrustOptions): Promise<CertificateInfo> {
    const plain = this.socket;
    this.detach(plain);
    let secure: tls.TLSSocket;
    try {
      secure = await startTls({ socket: plain, host: this.options.host, timeoutMs: this.timeoutMs, signal: this.options.signal });
    } catch (err) {
      this.fail(err as Error);
      throw err;
    }
    try {
      this.certificate = checkTrust(secure, trust, this.options.host);
    } catch (err) {
      secure.destroy();
      this.fail(err as Error);
      throw err;
    }
    this.socket = secure;
    this.attach(secure);
    this.trackSession(secure);
    this.log('status', `TLS established (${secure.getProtocol()}, ${secure.getCipher().name})`);
    return this.certificate;
  }

  /** Closes the socket at once; pending commands reject with the given error (or a connection error). */
  destroy(err?: Error): void {
    if (err) this.fail(err);
    else this.fail(new FtpConnectionError('Connection closed by the client'), 'status');
  }

  private trackSession(socket: tls.TLSSocket): void {
    // TLS 1.3 delivers session tickets after the handshake; keep the newest for data connections.
    socket.on('session', (session: Buffer) => {
      this.session = session;
    });
  }

  private enqueue(command: string | undefined, options: RequestOptions): Promise<FtpReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ command, options, resolve, reject, timed: true });
      if (this.queue.length === 1) this.armTimer();
    });
  }

  private readonly onData = (chunk: Buffer) => {
    let replies: FtpReply[];
    try {
      replies = this.parser.push(chunk);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    for (const reply of replies) this.onReply(reply);
  };

  private readonly onClose = () => {
    if (this.queue.length > 0) this.fail(new FtpConnectionError('The server closed the connection unexpectedly'));
    else this.fail(new FtpConnectionError('The server closed the connection'), 'status');
  };

  private readonly onError = (err: Error) => {
    this.fail(err instanceof FtpError ? err : new FtpConnectionError(`Control connection error: ${err.message}`, { cause: err }));
  };

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('close', this.onClose);
    socket.on('error', this.onError);
  }

  private detach(socket: net.Socket): void {
    socket.off('data', this.onData);
    socket.off('close', this.onClose);
    socket.off('error', this.onError);
  }

  private onReply(reply: FtpReply): void {
    const expected = reply.code >= 400 ? this.queue[0]?.options.expectedRefusal : undefined;
    const hint = expected ?? replyHint(reply.code);
    this.log('reply', loggedReplyText(reply.lines), { code: reply.code, ...(hint ? { hint } : {}), ...(expected ? { isExpected: true } : {}) });
    this.dispatch(reply);
  }

  private dispatch(reply: FtpReply): void {
    const head = this.queue[0];
    if (!head) {
      // RFC 959 allows an unsolicited 421 before closing; anything else is logged and dropped.
      this.emit('unsolicited', reply);
      return;
    }
    if (isPreliminary(reply)) {
      if (head.options.untimedAfterPreliminary) head.timed = false;
      this.armTimer();
      head.options.onPreliminary?.(reply);
      return;
    }
    this.queue.shift();
    if (head.options.skipIf?.(reply) && this.queue.length > 0) {
      head.resolve({ code: 0, text: '(answered together with the previous command)', lines: [] });
      this.dispatch(reply);
      return;
    }
    this.armTimer();
    head.resolve(reply);
  }

  /**
   * Sets the head command's reply deadline. One timer per connection, moved only when it would
   * fire too late: a cleared and re-created timer per command cost more CPU than the commands'
   * own work when thousands of small files go by. When it fires early it re-aims at the deadline.
   */
  private armTimer(): void {
    const head = this.queue[0];
    if (!head || !head.timed || this.closedError) {
      this.deadline = undefined;
      return;
    }
    const timeoutMs = head.options.timeoutMs ?? this.timeoutMs;
    const at = performance.now() + timeoutMs;
    this.deadline = { at, timeoutMs, pending: head };
    if (this.timer && this.timerDueAt <= at) return;
    clearTimeout(this.timer);
    this.startTimer(timeoutMs);
  }

  private startTimer(delayMs: number): void {
    this.timerDueAt = performance.now() + delayMs;
    this.timer = setTimeout(this.onTimer, delayMs);
    // It outlives the last command; the socket, not the timer, keeps a process running.
    this.timer.unref();
  }

  private readonly onTimer = () => {
    this.timer = undefined;
    const deadline = this.deadline;
    if (!deadline || this.closedError) return;
    const left = deadline.at - performance.now();
    if (left > 0) {
      this.startTimer(left);
      return;
    }
    const { command } = deadline.pending;
    this.fail(new FtpTimeoutError(`No ${command ? `reply to ${command}` : 'greeting'} within ${deadline.timeoutMs} ms`));
  };

  private fail(err: Error, logKind: 'error' | 'status' = 'error'): void {
    if (this.closedError) return;
    this.closedError = err;
    clearTimeout(this.timer);
    const pending = this.queue.splice(0);
    for (const item of pending) item.reject(err);
    this.socket.destroy();
    // A certificate to decide about is a question for the user, not a failure: the window asks it.
    this.log(err instanceof FtpTlsError && err.certificate ? 'status' : logKind, err.message);
    // Later requests say the connection is gone rather than repeating the original failure.
    this.closedError = new FtpConnectionError(`Not connected (${err.message})`);
    this.emit('close', err);
  }
}

/** Strips the IPv4-mapped IPv6 prefix so addresses compare as people write them. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

function connectTcp(options: ControlConnectionOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new FtpAbortedError('Connect aborted'));
      return;
    }
    const socket = net.connect({ host: options.host, port: options.port });
    const timer = setTimeout(
      () => fail(new FtpTimeoutError(`Connecting to ${options.host}:${options.port} timed out after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const onAbort = () => fail(new FtpAbortedError('Connect aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
    };
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error) => {
      const words = connectFailureWords(options.host, options.port, (err as NodeJS.ErrnoException).code);
      fail(new FtpConnectionError(words ?? `Cannot connect to ${options.host}:${options.port}: ${err.message}`, { cause: err, errno: (err as NodeJS.ErrnoException).code }));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      cleanup();
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

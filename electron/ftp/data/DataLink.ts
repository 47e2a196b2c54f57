/**
 * Negotiating one strategy's data connection and making it: the mode command and its reply, then
 * our connect (passive) or a listener for the server's (active), and TLS over it under PROT P,
 * resuming the control connection's TLS session (RFC 4217 §10.2; proftpd and vsftpd's
 * require_ssl_reuse need it). Outcomes are values, not exceptions: a strategy that cannot work
 * here says so (`fallback`), and the data command then tries the next one.
 * Owns: one data connection's setup. Must not import electron or React.
 */
import type net from 'node:net';
import type tls from 'node:tls';
import type { DataStrategy } from '../../../shared/domain';
import type { ControlConnection } from '../control/ControlConnection';
import { certificateInfo, startTls } from '../control/tlsTrust';
import { FtpConnectionError, FtpProtocolError, FtpReplyError, FtpTimeoutError, FtpTlsError } from '../errors';
import type { FtpReply } from '../reply';
import { ActiveListener } from './ActiveListener';
import { connectPassive, startPassive } from './connectPassive';
import { connectPassiveTls, type PassiveTlsSocket } from './connectPassiveTls';
import type { DirectReceiver } from './receiveDirect';
import { STRATEGIES, type ActiveStrategy, type PassiveStrategy } from './strategies';

/** What a data command uses of the control connection (an interface, so the state machine can be tested without one). */
export type DataControl = Pick<
  ControlConnection,
  'request' | 'batch' | 'abortAndSync' | 'log' | 'destroy' | 'isClosed' | 'host' | 'remoteAddress' | 'localAddress' | 'tlsSession' | 'certificate'
>;

/** What making a data connection needs from the session. */
export interface LinkContext {
  control: DataControl;
  timeoutMs: number;
  /** PROT P is in effect: wrap data connections in TLS. */
  isProtected: boolean;
  signal?: AbortSignal;
  /** A download's receiver: plain passive connections are made to read straight into its buffer. */
  receiver?: DirectReceiver;
  /**
   * The strategy that already opened a data connection on this control connection. With it, a plain passive
   * connection is started and the data command sent without waiting for the connect: on a
   * small file that wait is a tenth of the time per file. A strategy not yet proven waits, so a
   * passive port that cannot be reached falls back at once instead of after the command.
   */
  provenStrategy?: DataStrategy;
}

/** How making the connection ended. */
export type LinkOutcome =
  | { socket: net.Socket }
  /** `isFallback`: this strategy cannot connect here (refused, unreachable, never connected to us); another may. */
  | { error: Error; isFallback: boolean };

/** A data connection being made for one data command. */
export interface DataLink {
  readonly strategy: DataStrategy;
  /**
   * A plain passive connection of the session's proven strategy: it comes up without the server
   * acting on the data command first, and a 425 is not expected, so data may go out before the
   * server's 1yz.
   */
  readonly isDialed: boolean;
  /** Settles once the connection is usable (connected or accepted; TLS done and checked under PROT P), or failed. */
  ready(): Promise<LinkOutcome>;
  /** Closes whatever part of the connection exists. */
  destroy(): void;
}

/** How negotiating a strategy ended: a link to send the data command for, or a reason to try the next strategy. */
export type Negotiated = { link: DataLink } | { fallback: Error };

/** Errors of a strategy's setup that mean "try the next one" rather than "give up". */
function isFallbackable(err: unknown): boolean {
  if (err instanceof FtpReplyError) return err.code !== 421 && err.code !== 530;
  return err instanceof FtpConnectionError || err instanceof FtpTimeoutError || err instanceof FtpProtocolError;
}

/** Whether a failure to connect means the port cannot be reached (rather than an abort or a TLS failure). */
function isUnreachable(err: unknown): boolean {
  return err instanceof FtpConnectionError || err instanceof FtpTimeoutError;
}

/**
 * Negotiates `strategy`: sends its mode command (or takes `preparedReply`, the answer to one
 * asked ahead), and for a passive strategy not yet proven connects at once. Rejects only for
 * failures after which no strategy can work (a closed connection, 421, 530, an abort).
 */
export async function negotiate(ctx: LinkContext, strategy: DataStrategy, preparedReply?: Promise<FtpReply | undefined>): Promise<Negotiated> {
  const value = STRATEGIES[strategy];
  try {
    return { link: value.isPassive ? await negotiatePassive(ctx, value, preparedReply) : await negotiateActive(ctx, value) };
  } catch (err) {
    if (isFallbackable(err) && !ctx.control.isClosed && !ctx.signal?.aborted) return { fallback: err as Error };
    throw err;
  }
}

async function expectReply(ctx: LinkContext, command: string, code: number): Promise<FtpReply> {
  const reply = await ctx.control.request(command);
  if (reply.code !== code) throw new FtpReplyError(reply.code, reply.text, command);
  return reply;
}

async function negotiatePassive(ctx: LinkContext, strategy: PassiveStrategy, preparedReply?: Promise<FtpReply | undefined>): Promise<DataLink> {
  const { control, receiver } = ctx;
  const reply = (preparedReply && (await preparedReply)) ?? (await expectReply(ctx, strategy.command, strategy.accepted));
  const { host, port, note } = strategy.target(reply, control.remoteAddress);
  if (note) control.log('status', note, { hint: 'Data connections only go to the server the control connection uses' });
  if (!ctx.isProtected && strategy.name === ctx.provenStrategy) {
    const started = startPassive(host, port, ctx.timeoutMs, ctx.signal, receiver);
    return new PassiveLink(ctx, strategy.name, started.socket, started.connected);
  }
  if (receiver && ctx.isProtected) {
    // A socket reading into the receiver's buffer must be dialed by TLS itself: its handshake starts at once.
    const early = await connectPassiveTls({
      host, port, serverName: control.host, session: control.tlsSession, timeoutMs: ctx.timeoutMs, signal: ctx.signal, receiver,
    });
    return new PassiveLink(ctx, strategy.name, early.socket, undefined, early);
  }
  const socket = await connectPassive(host, port, ctx.timeoutMs, ctx.signal, ctx.isProtected ? undefined : receiver);
  return new PassiveLink(ctx, strategy.name, socket);
}

async function negotiateActive(ctx: LinkContext, strategy: ActiveStrategy): Promise<DataLink> {
  const { control } = ctx;
  const unusable = strategy.unusableFrom(control.localAddress);
  if (unusable) throw new FtpProtocolError(unusable);
  const listener = await ActiveListener.open(control.localAddress, control.remoteAddress, (peer) =>
    control.log('status', `Refused a data connection from ${peer}: only ${control.remoteAddress} may connect`));
  try {
    await expectReply(ctx, strategy.command(listener.address), strategy.accepted);
  } catch (err) {
    listener.destroy();
    throw err;
  }
  return new ActiveLink(ctx, strategy.name, listener);
}

/** Under PROT P: the TLS handshake over a connected data socket, and the certificate check. */
async function secure(ctx: LinkContext, socket: net.Socket, early?: PassiveTlsSocket): Promise<tls.TLSSocket> {
  const { control } = ctx;
  const secured = early
    ? await early.handshake(ctx.timeoutMs, ctx.signal)
    : await startTls({ socket, host: control.host, session: control.tlsSession, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  checkDataCertificate(control, secured);
  return secured;
}

function checkDataCertificate(control: DataControl, socket: tls.TLSSocket): void {
  // A resumed session was verified with the control connection; otherwise the certificate must be the same one.
  if (socket.isSessionReused()) return;
  const data = certificateInfo(socket)?.fingerprint256;
  if (!control.certificate || data !== control.certificate.fingerprint256) {
    socket.destroy();
    throw new FtpTlsError('The data connection presented a different certificate than the control connection');
  }
}

/** A passive connection: connected, or (`connecting`) still connecting, or one whose TLS handshake started when it connected (`early`). */
class PassiveLink implements DataLink {
  readonly isDialed: boolean;
  private current: net.Socket;

  constructor(
    private readonly ctx: LinkContext,
    readonly strategy: DataStrategy,
    socket: net.Socket,
    private readonly connecting?: Promise<net.Socket>,
    private readonly early?: PassiveTlsSocket,
  ) {
    this.current = socket;
    this.isDialed = connecting !== undefined;
  }

  async ready(): Promise<LinkOutcome> {
    if (this.connecting) {
      try {
        await this.connecting;
      } catch (err) {
        // The command went out before the connect: a port we cannot reach means another strategy.
        return { error: err as Error, isFallback: isUnreachable(err) };
      }
    }
    if (!this.ctx.isProtected) return { socket: this.current };
    try {
      this.current = await secure(this.ctx, this.current, this.early);
      return { socket: this.current };
    } catch (err) {
      return { error: err as Error, isFallback: false };
    }
  }

  destroy(): void {
    this.current.destroy();
  }
}

/** An active connection: a listener waiting for the server to connect. */
class ActiveLink implements DataLink {
  readonly isDialed = false;
  private socket?: net.Socket;

  constructor(
    private readonly ctx: LinkContext,
    readonly strategy: DataStrategy,
    private readonly listener: ActiveListener,
  ) {}

  async ready(): Promise<LinkOutcome> {
    try {
      this.socket = await this.listener.accept(this.ctx.timeoutMs, this.ctx.signal);
    } catch (err) {
      // The server never connected to us: another strategy may work.
      return { error: err as Error, isFallback: err instanceof FtpTimeoutError };
    }
    if (!this.ctx.isProtected) return { socket: this.socket };
    try {
      this.socket = await secure(this.ctx, this.socket);
      return { socket: this.socket };
    } catch (err) {
      return { error: err as Error, isFallback: false };
    }
  }

  destroy(): void {
    this.socket?.destroy();
    this.listener.destroy();
  }
}

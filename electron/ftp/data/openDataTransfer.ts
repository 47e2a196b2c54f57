/**
 * Opening a data connection for one data command: tries the strategies in order (EPSV → PASV →
 * EPRT → PORT for 'auto'), falls back when one cannot open a connection (negative reply to the
 * mode command, refused/unreachable/timed-out connect, 425 to the data command, no active
 * connection from the server), logs why, and wraps the connection in TLS (PROT P) resuming the
 * control connection's TLS session (RFC 4217 §10.2; required by proftpd and vsftpd require_ssl_reuse).
 * Owns: strategy negotiation and data-connection setup. Must not import electron or React.
 */
import type net from 'node:net';
import type tls from 'node:tls';
import type { DataMode, DataStrategy } from '../../../shared/domain';
import type { ControlConnection } from '../control/ControlConnection';
import { certificateInfo, startTls } from '../control/tlsTrust';
import { FtpAbortedError, FtpConnectionError, FtpError, FtpProtocolError, FtpReplyError, FtpTimeoutError, FtpTlsError } from '../errors';
import { isNegative, type FtpReply } from '../reply';
import { ActiveListener } from './ActiveListener';
import { choosePassiveHost } from './choosePassiveHost';
import { connectPassive, startPassive } from './connectPassive';
import { connectPassiveTls, type PassiveTlsSocket } from './connectPassiveTls';
import { formatEprtArgument, formatPortArgument, parseEpsvReply, parsePasvReply } from './dataAddress';
import { DataTransfer } from './DataTransfer';
import type { DirectReceiver } from './receiveDirect';

const PASSIVE: DataStrategy[] = ['EPSV', 'PASV'];
const ACTIVE: DataStrategy[] = ['EPRT', 'PORT'];

/** The strategies to try, in order: the one that worked last first, then the rest of the mode's default order. */
export function strategyOrder(mode: DataMode, forced?: DataStrategy, remembered?: DataStrategy): DataStrategy[] {
  if (forced) return [forced];
  const base = mode === 'passive' ? PASSIVE : mode === 'active' ? ACTIVE : [...PASSIVE, ...ACTIVE];
  if (!remembered || !base.includes(remembered)) return base;
  return [remembered, ...base.filter((s) => s !== remembered)];
}

/** Whether a strategy is passive (we connect) or active (the server connects). */
export function isPassive(strategy: DataStrategy): boolean {
  return strategy === 'EPSV' || strategy === 'PASV';
}

/** What openDataTransfer needs from the session. */
export interface DataChannelContext {
  control: ControlConnection;
  strategies: DataStrategy[];
  timeoutMs: number;
  /** PROT P is in effect: wrap data connections in TLS. */
  isProtected: boolean;
  signal?: AbortSignal;
  /** Called with the strategy that opened a connection, so the session can remember it. */
  onStrategyWorked?: (strategy: DataStrategy) => void;
  /** A download's receiver: plain passive connections are made to read straight into its buffer. */
  receiver?: DirectReceiver;
  /**
   * The strategy that already opened a data connection in this session. With it, a plain passive
   * connection is started and the data command sent without waiting for the connect: on a
   * small file that wait is a tenth of the time per file. A strategy not yet proven waits, so a
   * passive port that cannot be reached falls back at once instead of after the command.
   */
  provenStrategy?: DataStrategy;
  /** The answer to the first strategy's mode command (EPSV/PASV), asked for ahead (PreparedPassive); undefined inside: ask again. */
  preparedReply?: Promise<FtpReply | undefined>;
}

/** A failure after which the next strategy may be tried. */
class FallbackSignal extends Error {
  constructor(readonly reason: Error) {
    super(reason.message);
  }
}

/**
 * A passive connection: plain, connected or (`connecting`) still connecting, or one whose TLS
 * handshake started when it connected (`early`); or an active listener.
 */
type Prepared =
  | { kind: 'passive'; socket: net.Socket; early?: PassiveTlsSocket; connecting?: Promise<net.Socket> }
  | { kind: 'active'; listener: ActiveListener };

/**
 * Opens a data connection with the first strategy that works and sends `command` over the control
 * connection; resolves once the server has accepted it (1yz) and the connection (and TLS) is up.
 */
export async function openDataTransfer(
  ctx: DataChannelContext,
  command: string,
  /** Sent after the mode command and right before the data command (REST must immediately precede RETR/STOR, RFC 959 §4.1.3). */
  before?: () => Promise<void>,
): Promise<DataTransfer> {
  let lastError: Error | undefined;
  for (let i = 0; i < ctx.strategies.length; i++) {
    const strategy = ctx.strategies[i];
    const next = ctx.strategies[i + 1];
    try {
      const prepared = await prepare(ctx, strategy, i === 0 ? ctx.preparedReply : undefined);
      if (before) {
        try {
          await before();
        } catch (err) {
          if (prepared.kind === 'passive') prepared.socket.destroy();
          else prepared.listener.destroy();
          throw err;
        }
      }
      const transfer = await startCommand(ctx, command, strategy, prepared);
      ctx.onStrategyWorked?.(strategy);
      return transfer;
    } catch (err) {
      const reason = err instanceof FallbackSignal ? err.reason : (err as Error);
      if (!(err instanceof FallbackSignal) || ctx.control.isClosed || ctx.signal?.aborted) throw reason;
      lastError = reason;
      if (!next) break;
      const modeChange = isPassive(strategy) !== isPassive(next)
        ? ` — falling back from ${isPassive(strategy) ? 'passive to active' : 'active to passive'} mode`
        : '';
      ctx.control.log('status', `${strategy} did not work (${reason.message}); trying ${next}`, {
        hint: `The ${strategy} data connection could not be opened${modeChange}`,
      });
    }
  }
  throw lastError ?? new FtpConnectionError('No data connection strategy available');
}

/** Errors of a strategy's setup that mean "try the next one" rather than "give up". */
function isFallbackable(err: unknown): boolean {
  if (err instanceof FtpReplyError) return err.code !== 421 && err.code !== 530;
  return err instanceof FtpConnectionError || err instanceof FtpTimeoutError || err instanceof FtpProtocolError;
}

async function expectReply(ctx: DataChannelContext, command: string, code: number): Promise<FtpReply> {
  const reply = await ctx.control.request(command);
  if (reply.code !== code) throw new FtpReplyError(reply.code, reply.text, command);
  return reply;
}

/**
 * Connects a passive data connection. A download with a receiver reads straight into its buffer:
 * a plain socket with `onread`, or under PROT P a TLS socket dialed with `onread`, whose handshake
 * starts at once (Node cannot give a TLS layer over an existing socket its own read buffer).
 * A plain connection for the session's proven strategy is only started (`connecting`): the data
 * command goes out while it connects (see DataChannelContext.provenStrategy).
 */
async function openPassive(ctx: DataChannelContext, strategy: DataStrategy, host: string, port: number): Promise<Prepared> {
  const { receiver } = ctx;
  if (!ctx.isProtected && strategy === ctx.provenStrategy) {
    const started = startPassive(host, port, ctx.timeoutMs, ctx.signal, receiver);
    return { kind: 'passive', socket: started.socket, connecting: started.connected };
  }
  if (receiver && ctx.isProtected) {
    const early = await connectPassiveTls({
      host, port, serverName: ctx.control.host, session: ctx.control.tlsSession, timeoutMs: ctx.timeoutMs, signal: ctx.signal, receiver,
    });
    return { kind: 'passive', socket: early.socket, early };
  }
  const socket = await connectPassive(host, port, ctx.timeoutMs, ctx.signal, ctx.isProtected ? undefined : receiver);
  return { kind: 'passive', socket };
}

async function prepare(ctx: DataChannelContext, strategy: DataStrategy, prepared?: Promise<FtpReply | undefined>): Promise<Prepared> {
  const { control } = ctx;
  try {
    switch (strategy) {
      case 'EPSV': {
        const reply = (prepared && (await prepared)) ?? (await expectReply(ctx, 'EPSV', 229));
        // RFC 2428 §3: EPSV names only a port; the host is the one we are connected to.
        return await openPassive(ctx, strategy, control.remoteAddress, parseEpsvReply(reply.text));
      }
      case 'PASV': {
        const reply = (prepared && (await prepared)) ?? (await expectReply(ctx, 'PASV', 227));
        const announced = parsePasvReply(reply.text);
        const choice = choosePassiveHost(announced.host, control.remoteAddress);
        if (choice.note) control.log('status', choice.note, { hint: 'Data connections only go to the server the control connection uses' });
        return await openPassive(ctx, strategy, choice.host, announced.port);
      }
      case 'EPRT':
      case 'PORT': {
        if (strategy === 'PORT' && control.localAddress.includes(':')) {
          throw new FtpProtocolError('PORT cannot express an IPv6 address');
        }
        const listener = await ActiveListener.open(control.localAddress, control.remoteAddress, (peer) =>
          control.log('status', `Refused a data connection from ${peer}: only ${control.remoteAddress} may connect`));
        try {
          const argument = strategy === 'EPRT' ? formatEprtArgument(listener.address) : formatPortArgument(listener.address);
          await expectReply(ctx, `${strategy} ${argument}`, 200);
        } catch (err) {
          listener.destroy();
          throw err;
        }
        return { kind: 'active', listener };
      }
    }
  } catch (err) {
    throw isFallbackable(err) ? new FallbackSignal(err as Error) : err;
  }
}

/** Rejects with the reply if the data command's final reply arrives negative before `promise` settles. */
function raceRefusal<T>(promise: Promise<T>, refusal: Promise<FtpReply>): Promise<T> {
  return Promise.race([promise, refusal.then((reply) => Promise.reject(new RefusedSignal(reply)))]);
}

class RefusedSignal extends Error {
  constructor(readonly reply: FtpReply) {
    super(`${reply.code} ${reply.text}`);
  }
}

async function startCommand(ctx: DataChannelContext, command: string, strategy: DataStrategy, prepared: Prepared): Promise<DataTransfer> {
  const { control } = ctx;
  let preliminary: FtpReply | undefined;
  let onAccepted!: () => void;
  let onRefused!: (err: unknown) => void;
  // Settles once the server accepted the command (1yz, or at once 2yz) or refused it (or the
  // control connection died): one promise for the common case instead of a race of several.
  const accepted = new Promise<void>((resolve, reject) => {
    onAccepted = resolve;
    onRefused = reject;
  });
  accepted.catch(() => undefined);
  const finalReply = control.request(command, {
    untimedAfterPreliminary: true,
    onPreliminary: (reply) => {
      preliminary ??= reply;
      onAccepted();
    },
  });
  finalReply.then((reply) => (isNegative(reply) ? onRefused(new RefusedSignal(reply)) : onAccepted()), onRefused);
  // Settles only for a negative final reply or a dead control connection (made only when needed).
  const refusal = () => finalReply.then((reply) => (isNegative(reply) ? reply : new Promise<FtpReply>(() => undefined)));

  let socket: net.Socket | undefined = prepared.kind === 'passive' ? prepared.socket : undefined;
  let isConnecting = false;
  try {
    if (prepared.kind === 'passive' && prepared.connecting) {
      isConnecting = true;
      await raceRefusal(prepared.connecting, refusal());
      isConnecting = false;
    }
    if (prepared.kind === 'active') {
      socket = await raceRefusal(prepared.listener.accept(ctx.timeoutMs, ctx.signal), refusal());
    }
    if (ctx.isProtected) {
      const plain: net.Socket = socket!;
      const handshake = prepared.kind === 'passive' && prepared.early
        ? prepared.early.handshake(ctx.timeoutMs, ctx.signal)
        : startTls({ socket: plain, host: control.host, session: control.tlsSession, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
      const secure = await raceRefusal(handshake, refusal());
      socket = secure;
      checkDataCertificate(control, secure);
    }
    // Hand over only once the server accepted the command (1yz) — or already finished it (2yz).
    await accepted;
    return new DataTransfer({ control, command, socket: socket!, strategy, preliminary, finalReply, timeoutMs: ctx.timeoutMs });
  } catch (err) {
    socket?.destroy();
    if (prepared.kind === 'active') prepared.listener.destroy();
    if (err instanceof RefusedSignal) {
      const replyError = new FtpReplyError(err.reply.code, err.reply.text, command);
      // 425: the server could not open or accept the data connection — another strategy may work.
      if (err.reply.code === 425 && !preliminary) throw new FallbackSignal(replyError);
      throw replyError;
    }
    if (control.isClosed) throw err;
    if (err instanceof FtpTimeoutError && prepared.kind === 'active' && !socket) {
      // The server never connected: withdraw the command (ABOR) so replies stay paired, then fall back.
      await Promise.allSettled([finalReply, control.abortAndSync(finalReply)]);
      throw new FallbackSignal(err);
    }
    if (isConnecting && (err instanceof FtpConnectionError || err instanceof FtpTimeoutError)) {
      // We could not reach the port after the command went out: withdraw it, then fall back.
      await Promise.allSettled([finalReply, control.abortAndSync(finalReply)]);
      throw new FallbackSignal(err);
    }
    if (err instanceof FtpAbortedError) {
      await Promise.allSettled([finalReply, control.abortAndSync(finalReply)]);
      throw err;
    }
    // TLS or other failure with the command outstanding: wait for the server's verdict (bounded).
    const verdict = await Promise.race([
      finalReply.then((r) => r, () => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ctx.timeoutMs).unref()),
    ]);
    if (verdict === undefined && !control.isClosed) control.destroy(err as Error);
    if (verdict && isNegative(verdict)) {
      throw new FtpReplyError(verdict.code, verdict.text, command, err instanceof FtpError ? err.message : undefined);
    }
    throw err;
  }
}

function checkDataCertificate(control: ControlConnection, socket: tls.TLSSocket): void {
  // A resumed session was verified with the control connection; otherwise the certificate must be the same one.
  if (socket.isSessionReused()) return;
  const data = certificateInfo(socket)?.fingerprint256;
  if (!control.certificate || data !== control.certificate.fingerprint256) {
    throw new FtpTlsError('The data connection presented a different certificate than the control connection');
  }
}

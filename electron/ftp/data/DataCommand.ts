/**
 * One data command (RETR, STOR, APPE, LIST, MLSD, NLST) as one state machine, from asking for a
 * data connection to the end of the exchange. Its states are DataCommandState; everything that
 * happens to it (the connection comes up or fails, a 1yz or final reply, the data ends or fails,
 * an abort, a timer) is an event handled in handle(), the one place where states change.
 *
 * The rule for success, stated once (conclude): the data has ended on our side AND the server's
 * final reply is positive, in either order. Strategies are tried in turn (EPSV → PASV → EPRT →
 * PORT for 'auto'); one is given up for the next when it cannot open a connection (a negative
 * reply to the mode command, a refused, unreachable or timed-out connect, 425 to the data
 * command, no connection from the server), and the reason is logged.
 *
 * The data itself is moved by a mover the session picks (the direct receiver or sender, a stream
 * pipeline, a listing reader): it gets the socket once the command is accepted, and complete()
 * hears how it ended. Owns: one data command's lifecycle. Must not import electron or React.
 */
import type net from 'node:net';
import type { DataStrategy } from '../../../shared/domain';
import { FtpAbortedError, FtpConnectionError, FtpError, FtpReplyError, FtpTimeoutError } from '../errors';
import { isNegative, type FtpReply } from '../reply';
import { negotiate, type DataLink, type LinkContext, type LinkOutcome, type Negotiated } from './DataLink';
import { isModeReply, isPassive } from './strategies';

/** The states of a data command. */
export type DataCommandState =
  /** Asking for a data connection: a strategy's mode command and reply, a passive connect when the strategy is not proven yet, REST. */
  | 'negotiating'
  /** The data command is out; its data connection is still being made (our connect, the server's connect, TLS). */
  | 'connecting'
  /** The data connection is up; the server has not accepted the command yet (no 1yz). */
  | 'awaiting-preliminary'
  /** Accepted and connected: the mover moves the data. */
  | 'flowing'
  /** The mover is done (the data ended, or it failed; or the connection never came up): waiting for the final reply. */
  | 'data-ended'
  /** The final reply is in (or the control connection is gone): waiting for the mover to finish. */
  | 'final-in'
  /** Withdrawn (the user's abort, or a strategy whose connection never came up): ABOR sent, its replies and the mover awaited. */
  | 'aborting'
  /** The data ended and a positive final reply arrived. */
  | 'done'
  /** Ended with an error; the control connection is in step again, or closed. */
  | 'failed';

/** Where each state may go next; handle() moves only along these. */
export const DATA_COMMAND_TRANSITIONS: Readonly<Record<DataCommandState, readonly DataCommandState[]>> = {
  negotiating: ['connecting', 'failed'],
  connecting: ['awaiting-preliminary', 'flowing', 'final-in', 'data-ended', 'aborting', 'negotiating', 'failed'],
  'awaiting-preliminary': ['flowing', 'final-in', 'aborting', 'negotiating', 'failed'],
  flowing: ['data-ended', 'final-in', 'aborting', 'failed'],
  'data-ended': ['done', 'aborting', 'failed'],
  'final-in': ['done', 'aborting', 'failed'],
  aborting: ['negotiating', 'failed'],
  done: [],
  failed: [],
};

/** Everything that can happen to a data command once its command is out. */
export type DataCommandEvent =
  /** The data connection is usable. */
  | { type: 'connected'; socket: net.Socket }
  /** The data connection could not be made; `isFallback`: another strategy may work. */
  | { type: 'connect-failed'; error: Error; isFallback: boolean }
  /** A 1yz reply to the data command. */
  | { type: 'preliminary'; reply: FtpReply }
  /** The data command's final reply. */
  | { type: 'final'; reply: FtpReply }
  /** The control connection failed before the final reply. */
  | { type: 'control-failed'; error: Error }
  /** The mover has finished: all data read, or all sent and flushed. */
  | { type: 'data-ended' }
  /** The mover failed. */
  | { type: 'data-failed'; error: unknown }
  /** The user withdrew the command. */
  | { type: 'abort' }
  /** ABOR's replies are drained (or the connection is gone). */
  | { type: 'abort-synced' }
  /** After the server refused a download mid-way, the time for the data already on its way is over. */
  | { type: 'drain-over' }
  /** No final reply came within the timeout after the mover finished. */
  | { type: 'final-overdue' }
  /** The connection failed and the server has not refused the command meanwhile: withdraw it. */
  | { type: 'withdraw-due' };

/**
 * Replies that never end an accepted data command (RFC 959 §4.2): a command that could not be
 * taken at all (syntax error, unknown to the server, bad sequence) comes instead of a 1yz, never after
 * one, and a transfer ends with 226, 250 or a 4yz/5yz, never with 200 (a NOOP's answer).
 */
function isOutOfTurnReply(reply: FtpReply): boolean {
  return reply.code === 200 || (reply.code >= 500 && reply.code <= 504);
}

/**
 * How long a download's data connection may go on delivering after the server refused to finish
 * the transfer (426): long enough for the bytes already on their way, short enough that a server
 * which keeps the connection open does not hold the user up.
 */
const DRAIN_AFTER_REFUSAL_MS = 2000;

/**
 * How long a data command whose connection failed waits for the server's refusal before it is
 * withdrawn with ABOR: a server refusing the command (550) closes its listener, and the reset
 * often arrives just before the reply that explains it.
 */
const REFUSAL_GRACE_MS = 1000;

/** What a data command needs from the session. */
export interface DataCommandContext extends LinkContext {
  /** The strategies to try, in order (strategyOrder). */
  strategies: DataStrategy[];
  /** The answer to the first strategy's mode command, asked for ahead (PreparedPassive); undefined inside: ask again. */
  preparedReply?: Promise<FtpReply | undefined>;
  /** Sent after the mode command and right before the data command (REST must immediately precede RETR/STOR, RFC 959 §4.1.3). */
  before?: () => Promise<void>;
  /**
   * Runs as the data command is written, in the same write: a command pipelined behind it goes
   * out here, and the reply the control connection pairs with it is returned.
   */
  afterSent?: (strategy: DataStrategy) => Promise<FtpReply> | undefined;
  /** Hears the strategy that opened a connection, so the session can remember it. */
  onStrategyWorked?: (strategy: DataStrategy) => void;
  /** Another strategy is about to be negotiated: a port asked for behind the command is superseded. */
  onFallback?: () => void;
  /** The server answered a command pipelined behind the data command during the transfer (out of turn). */
  onOutOfTurn?: () => void;
  /** The user's abort begins: a port asked for behind the command may be closed by the ABOR. */
  onAbort?: () => void;
  /**
   * The mover sends data (an upload): on a plain passive connection it may start as soon as the
   * connection is up, before the server's 1yz, which saves a round trip per file on a real link.
   * A server that refuses the command drops what arrived.
   */
  isSending?: boolean;
  /** How a strategy is negotiated (DataLink.negotiate; the state machine's tests pass links without sockets). */
  negotiate?: (ctx: LinkContext, strategy: DataStrategy, preparedReply?: Promise<FtpReply | undefined>) => Promise<Negotiated>;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise with its settle functions, for the outcomes the machine hands out. */
class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });

  constructor() {
    // Nobody may be listening yet (a failure before the caller awaits): not an unhandled rejection.
    this.promise.catch(() => undefined);
  }
}

/** How one strategy's try ended before the hand-over. */
type AttemptEnd = 'open' | { fallback: Error };

/** One data command; open() resolves with it once the mover may take the socket. */
export class DataCommand {
  /** Where the machine is; changed only by moveTo(), from handle(). */
  state: DataCommandState = 'negotiating';
  /** The 1yz reply (e.g. `150 Opening BINARY mode data connection for x (1234 bytes)`). */
  preliminary?: FtpReply;
  /** Settles when the command is over, successfully or not: the session is in step again. */
  readonly finished: Promise<void>;

  private readonly ctx: DataCommandContext;
  readonly command: string;
  private link?: DataLink;
  private dataSocket?: net.Socket;
  /** The reply paired with the command pipelined behind this one, if any. */
  private follower?: Promise<FtpReply>;
  /** The final reply's promise, which ABOR's sync waits behind. */
  private finalPromise: Promise<FtpReply> = Promise.resolve({ code: 0, text: '', lines: [] });
  private final?: FtpReply;
  private controlError?: Error;
  /**
   * The machine closed the data connection under a running mover (a refusal, a lost or out-of-step
   * control connection): the mover's failure is a consequence, not the cause.
   */
  private isMoverStopped = false;
  /** The connection could not be made (TLS failed): what to report once the server has had its say. */
  private linkError?: Error;
  /** The connection of this strategy could not be made; the command is withdrawn unless the server refuses it first. */
  private unreachable?: Error;
  private isHandedOver = false;
  private isMoverRunning = false;
  private moverError?: Settled<void>;
  /** The first error seen on either side, and where: a pipeline re-raises it on every stream, so only the first tells the origin. */
  private firstError?: { error: unknown; isFromSocket: boolean };
  private abortReason?: 'user' | { fallback: Error };
  private isAbortSynced = false;
  private timer?: NodeJS.Timeout;
  /** Events of an earlier strategy's try are stale. */
  private attemptId = 0;
  private attemptEnd = new Deferred<AttemptEnd>();
  private readonly outcome = new Deferred<FtpReply>();
  private markFinished!: () => void;

  private constructor(ctx: DataCommandContext, command: string) {
    this.ctx = ctx;
    this.command = command;
    this.finished = new Promise((resolve) => (this.markFinished = resolve));
  }

  /**
   * Opens a data connection with the first strategy that works and sends `command`; resolves
   * once the server accepted it (1yz, or at once 2yz; for a sending mover on a plain passive
   * connection, once connected) and the connection (and TLS) is up.
   */
  static async open(ctx: DataCommandContext, command: string): Promise<DataCommand> {
    const machine = new DataCommand(ctx, command);
    await machine.start();
    return machine;
  }

  /** The data connection (once handed over). */
  get socket(): net.Socket {
    return this.dataSocket!;
  }

  /** The strategy of the connection in use. */
  get strategy(): DataStrategy {
    return this.link!.strategy;
  }

  /** Whether abort() was called. */
  get isAborted(): boolean {
    return this.abortReason === 'user';
  }

  /** Watches a local stream of the mover (the file being written or read) so its failures are told apart from the data connection's. */
  watchLocal(stream: NodeJS.EventEmitter): void {
    stream.on('error', (error: unknown) => {
      this.firstError ??= { error, isFromSocket: false };
    });
  }

  /** Records where a failure of a mover without a stream pipeline came from, unless an earlier one is known. */
  noteError(error: unknown, isFromSocket: boolean): void {
    this.firstError ??= { error, isFromSocket };
  }

  /**
   * Hands the mover's completion to the machine; resolves with the final 2xx reply once the data
   * ended AND the server confirmed, or rejects with the most telling typed error.
   */
  complete(moverDone: Promise<unknown>): Promise<FtpReply> {
    this.isMoverRunning = true;
    const id = this.attemptId;
    moverDone.then(
      () => this.handle({ type: 'data-ended' }, id),
      (error: unknown) => this.handle({ type: 'data-failed', error }, id),
    );
    return this.outcome.promise;
  }

  /**
   * Aborts: sends ABOR (RFC 959 §4.1.3; see ControlConnection.abortAndSync) and closes the data
   * connection. The server answers the data command (426, or 226 if it had finished) and ABOR
   * (226 or 225), or both with one 226; the session is usable afterwards. complete() then
   * rejects with FtpAbortedError.
   */
  abort(): void {
    this.handle({ type: 'abort' }, this.attemptId);
  }

  /** Tries the strategies in turn until one hands over the connection. */
  private async start(): Promise<void> {
    const { ctx } = this;
    let lastError: Error | undefined;
    for (let i = 0; i < ctx.strategies.length; i++) {
      const strategy = ctx.strategies[i];
      const next = ctx.strategies[i + 1];
      let end: AttemptEnd;
      try {
        const negotiated = await (ctx.negotiate ?? negotiate)(ctx, strategy, i === 0 ? ctx.preparedReply : undefined);
        end = 'link' in negotiated ? await this.attempt(negotiated.link) : negotiated;
      } catch (err) {
        this.fail(err);
        throw err;
      }
      if (end === 'open') {
        ctx.onStrategyWorked?.(strategy);
        return;
      }
      lastError = end.fallback;
      ctx.onFallback?.();
      if (!next) break;
      const modeChange = isPassive(strategy) !== isPassive(next)
        ? ` — falling back from ${isPassive(strategy) ? 'passive to active' : 'active to passive'} mode`
        : '';
      ctx.control.log('status', `${strategy} did not work (${end.fallback.message}); trying ${next}`, {
        hint: `The ${strategy} data connection could not be opened${modeChange}`,
      });
    }
    const error = lastError ?? new FtpConnectionError('No data connection strategy available');
    this.fail(error);
    throw error;
  }

  /** Sends the data command for a negotiated link and waits for the hand-over or a reason to fall back. */
  private async attempt(link: DataLink): Promise<AttemptEnd> {
    const { ctx } = this;
    if (ctx.before) {
      try {
        await ctx.before();
      } catch (err) {
        link.destroy();
        throw err;
      }
    }
    const id = ++this.attemptId;
    this.link = link;
    this.preliminary = this.final = this.controlError = this.linkError = this.unreachable = this.dataSocket = this.follower = undefined;
    this.abortReason = undefined;
    this.isAbortSynced = this.isMoverStopped = false;
    this.attemptEnd = new Deferred<AttemptEnd>();
    this.moveTo('connecting');
    ctx.control.batch(() => {
      this.finalPromise = ctx.control.request(this.command, {
        untimedAfterPreliminary: true,
        onPreliminary: (reply) => this.handle({ type: 'preliminary', reply }, id),
      });
      this.follower = ctx.afterSent?.(link.strategy);
    });
    this.awaitReply(this.finalPromise, id);
    link.ready().then((outcome: LinkOutcome) =>
      this.handle('socket' in outcome ? { type: 'connected', socket: outcome.socket } : { type: 'connect-failed', ...outcome }, id));
    return this.attemptEnd.promise;
  }

  /** Hands the reply the control connection pairs with the command (or its failure) to handle(). */
  private awaitReply(reply: Promise<FtpReply>, id: number): void {
    reply.then(
      (value) => this.handle({ type: 'final', reply: value }, id),
      (error: Error) => this.handle({ type: 'control-failed', error }, id),
    );
  }

  /** The one place where events change the state. Events of an earlier strategy's try are dropped. */
  private handle(event: DataCommandEvent, id: number): void {
    if (id !== this.attemptId) {
      if (event.type === 'connected') event.socket.destroy();
      return;
    }
    const { state } = this;
    if (state === 'done' || state === 'failed') {
      if (event.type === 'connected') event.socket.destroy();
      return;
    }
    switch (event.type) {
      case 'connected':
        if (state !== 'connecting') {
          event.socket.destroy();
          return;
        }
        this.dataSocket = event.socket;
        this.watchSocket(event.socket);
        if (this.final) return this.handOver('final-in');
        if (this.preliminary || (this.ctx.isSending && this.link!.isDialed)) return this.handOver('flowing');
        return this.moveTo('awaiting-preliminary');

      case 'connect-failed':
        if (state !== 'connecting') return;
        this.link!.destroy();
        if (event.error instanceof FtpAbortedError) return this.beginAbort('user');
        if (event.isFallback) {
          // The command is out but its connection never came up: withdraw it, then try the next
          // strategy; unless the server, not yet having accepted it, refuses it meanwhile.
          if (this.preliminary) return this.beginAbort({ fallback: event.error });
          this.unreachable = event.error;
          return this.arm('withdraw-due', Math.min(this.ctx.timeoutMs, REFUSAL_GRACE_MS));
        }
        // TLS failed with the command outstanding: the server's verdict (bounded) tells the story.
        this.linkError = event.error;
        return this.awaitFinal();

      case 'preliminary':
        this.preliminary ??= event.reply;
        if (state === 'awaiting-preliminary') this.handOver('flowing');
        // Accepted, but we cannot connect: nothing more to wait for.
        if (state === 'connecting' && this.unreachable) this.beginAbort({ fallback: this.unreachable });
        return;

      case 'final':
        return this.onFinal(event.reply);

      case 'control-failed':
        this.controlError = event.error;
        if (state === 'aborting') return;
        if (state === 'flowing') {
          // The mover cannot finish without the server: stop it, and conclude when it has.
          this.isMoverStopped = true;
          this.dataSocket?.destroy();
          return this.moveTo('final-in');
        }
        if (state === 'connecting' || state === 'awaiting-preliminary') this.link!.destroy();
        return this.conclude();

      case 'data-ended':
      case 'data-failed':
        this.moverError = event.type === 'data-ended' ? { ok: true, value: undefined } : { ok: false, error: event.error };
        if (state === 'aborting') return this.finishAbort();
        if (state === 'flowing') {
          if (event.type === 'data-failed') {
            // Closing the data connection makes the server finish the command (426 or 226).
            this.dataSocket?.destroy();
          }
          return this.awaitFinal();
        }
        if (state === 'final-in') return this.conclude();
        return;

      case 'abort':
        if (state === 'aborting' || state === 'negotiating') return;
        return this.beginAbort('user');

      case 'abort-synced':
        this.isAbortSynced = true;
        if (state === 'aborting') this.finishAbort();
        return;

      case 'drain-over':
        if (state === 'final-in') this.dataSocket?.destroy();
        return;

      case 'withdraw-due':
        if (state === 'connecting' && this.unreachable) this.beginAbort({ fallback: this.unreachable });
        return;

      case 'final-overdue':
        if (state !== 'data-ended') return;
        this.controlError = new FtpTimeoutError(`No final reply to ${this.command} within ${this.ctx.timeoutMs} ms after the data connection closed`);
        // Replies can no longer be paired reliably: give up the control connection.
        this.ctx.control.destroy(this.controlError);
        return this.conclude();
    }
  }

  private onFinal(reply: FtpReply): void {
    const { state } = this;
    if (state === 'aborting') {
      // Whatever pairs with the command now, ABOR's sync (a NOOP's 200 where needed) puts the
      // replies in step again; pure-ftpd sends no final reply for an aborted RETR at all.
      if (!isModeReply(reply) && !(this.follower && isOutOfTurnReply(reply))) this.final = reply;
      return;
    }
    if (this.follower && this.preliminary && isOutOfTurnReply(reply)) {
      // The server accepted the command (1yz), so neither a syntax or sequence error nor a 200 can
      // be its answer: it answered the command pipelined behind during the transfer. Its own
      // final reply comes next, and the control connection pairs that with the command behind.
      this.finalPromise = this.follower;
      this.follower = undefined;
      this.ctx.onOutOfTurn?.();
      this.awaitReply(this.finalPromise, this.attemptId);
      return;
    }
    if (isModeReply(reply)) {
      // A mode command's answer (227/229) never ends a data command: the server took a command
      // sent behind this one during the transfer, and replies no longer pair with commands.
      const error = new FtpConnectionError(`The server answered ${reply.code} to ${this.command}: its replies are out of step, reconnecting`);
      this.ctx.onOutOfTurn?.();
      this.ctx.control.destroy(error);
      this.controlError = error;
      this.link?.destroy();
      if (state === 'flowing') {
        this.isMoverStopped = true;
        return this.moveTo('final-in');
      }
      return this.conclude();
    }
    this.final = reply;
    const isRefused = isNegative(reply);
    if (state === 'connecting' || state === 'awaiting-preliminary') {
      if (!isRefused && this.unreachable) {
        // Done, says the server, over a connection we never made.
        this.linkError = this.unreachable;
        return this.conclude();
      }
      if (!isRefused) {
        if (state === 'awaiting-preliminary') this.handOver('final-in');
        return;
      }
      clearTimeout(this.timer);
      this.link!.destroy();
      // 425: the server could not open or accept the data connection; another strategy may work.
      if (reply.code === 425 && !this.preliminary) {
        this.moveTo('negotiating');
        this.attemptEnd.resolve({ fallback: new FtpReplyError(reply.code, reply.text, this.command) });
        return;
      }
      return this.conclude();
    }
    if (state === 'flowing') {
      this.moveTo('final-in');
      if (!isRefused) return;
      this.isMoverStopped = true;
      // The server gave up (426, 451, ...). What it sent before that is real data: a download
      // keeps it (a resume continues after it), so its connection may still deliver what is in
      // flight; one that does not end soon is closed. Anything else stops now.
      if (this.isDownload) this.arm('drain-over', Math.min(this.ctx.timeoutMs, DRAIN_AFTER_REFUSAL_MS));
      else this.dataSocket?.destroy();
      return;
    }
    if (state === 'data-ended') return this.conclude();
  }

  /** The mover is done or never ran: the final reply decides, within the timeout. */
  private awaitFinal(): void {
    this.moveTo('data-ended');
    if (this.final || this.controlError) return this.conclude();
    this.arm('final-overdue', this.ctx.timeoutMs);
  }

  private handOver(to: 'flowing' | 'final-in'): void {
    this.isHandedOver = true;
    this.moveTo(to);
    this.attemptEnd.resolve('open');
  }

  private beginAbort(reason: 'user' | { fallback: Error }): void {
    const wasHandedOver = this.isHandedOver;
    if (reason === 'user') this.ctx.onAbort?.();
    this.abortReason = reason;
    this.moveTo('aborting');
    clearTimeout(this.timer);
    const { control } = this.ctx;
    if (this.final || this.controlError || control.isClosed) {
      this.isAbortSynced = true;
    } else {
      const id = this.attemptId;
      const synced = () => this.handle({ type: 'abort-synced' }, id);
      Promise.allSettled([this.finalPromise, control.abortAndSync(this.finalPromise)]).then(synced);
    }
    this.dataSocket?.destroy();
    this.link?.destroy();
    if (!wasHandedOver || !this.isMoverRunning) this.moverError ??= { ok: false, error: new FtpAbortedError() };
    this.finishAbort();
  }

  private finishAbort(): void {
    if (!this.isAbortSynced || (this.isMoverRunning && !this.moverError)) return;
    const reason = this.abortReason;
    const final = this.final;
    if (reason !== undefined && reason !== 'user' && final && isNegative(final) && final.code !== 425 && final.code !== 426) {
      // The connection failed as the server refused the command itself (its listener closes
      // with the refusal): the refusal is the answer, not a reason to try another strategy.
      this.fail(new FtpReplyError(final.code, final.text, this.command));
      return;
    }
    if (reason !== undefined && reason !== 'user' && !this.ctx.control.isClosed && !this.ctx.signal?.aborted) {
      this.moveTo('negotiating');
      this.attemptEnd.resolve({ fallback: reason.fallback });
      return;
    }
    this.fail(reason === 'user' || reason === undefined ? new FtpAbortedError(`${this.command} aborted`) : (this.controlError ?? reason.fallback));
  }

  /** Both sides are known: the completion rule, and which failure to report when it does not hold. */
  private conclude(): void {
    const final = this.final;
    const mover = this.moverError;
    const moverFailure = mover && !mover.ok ? mover.error : undefined;
    if (final && !isNegative(final) && !this.controlError && !this.linkError && mover?.ok) {
      this.moveTo('done');
      this.settle();
      this.outcome.resolve(final);
      return;
    }
    const isLocalFailure = moverFailure !== undefined && !this.isMoverStopped && this.firstError !== undefined
      && !this.firstError.isFromSocket && moverFailure === this.firstError.error;
    // A local failure (disk full, unreadable source) is the real reason even though the server
    // then answers 426 for the connection we closed; retrying would not help.
    if (isLocalFailure) return this.fail(moverFailure);
    if (final && isNegative(final) && !this.controlError) {
      return this.fail(new FtpReplyError(final.code, final.text, this.command, this.linkError instanceof FtpError ? this.linkError.message : undefined));
    }
    if (this.linkError) return this.fail(this.linkError);
    // A lost control connection that stopped the mover (or before it ran) is the cause.
    if (this.controlError && (this.isMoverStopped || moverFailure === undefined)) return this.fail(this.controlError);
    if (moverFailure !== undefined) {
      if (moverFailure instanceof FtpError) return this.fail(moverFailure);
      return this.fail(new FtpConnectionError(`Data connection failed during ${this.command}: ${(moverFailure as Error).message}`, { cause: moverFailure }));
    }
    this.fail(this.controlError ?? new FtpConnectionError(`${this.command} failed`));
  }

  private fail(error: unknown): void {
    if (this.state === 'done' || this.state === 'failed') return;
    this.link?.destroy();
    this.moveTo('failed');
    this.settle();
    this.attemptEnd.reject(error);
    this.outcome.reject(error);
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.dataSocket?.destroy();
    this.markFinished();
  }

  private moveTo(next: DataCommandState): void {
    if (next !== this.state && !DATA_COMMAND_TRANSITIONS[this.state].includes(next)) {
      throw new Error(`data command ${this.command} cannot go from ${this.state} to ${next}`);
    }
    this.state = next;
  }

  /** One timer at a time: the grace before a withdrawal, the drain window, or the wait for the final reply. */
  private arm(event: 'withdraw-due' | 'drain-over' | 'final-overdue', ms: number): void {
    clearTimeout(this.timer);
    const id = this.attemptId;
    this.timer = setTimeout(() => this.handle({ type: event }, id), ms);
  }

  private watchSocket(socket: net.Socket): void {
    socket.on('error', (error) => {
      this.firstError ??= { error, isFromSocket: true };
    });
    // A stalled data connection must not hang the session forever.
    const { timeoutMs } = this.ctx;
    socket.setTimeout(timeoutMs, () => socket.destroy(new FtpTimeoutError(`The data connection was idle for ${timeoutMs} ms`)));
  }

  /** Whether this command receives a file (RETR), whose partial data is worth keeping. */
  private get isDownload(): boolean {
    return /^RETR /i.test(this.command);
  }
}

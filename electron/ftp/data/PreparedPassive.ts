/**
 * A passive-mode reply (EPSV or PASV) asked for before the data command that will use it, so the
 * next transfer of a session starts without that round trip. Two ways:
 *
 * - Pipelined (pipeline()): sent right behind the current transfer's data command, in the same
 *   operation. Servers that read commands one at a time answer it right after that command's
 *   final reply, so the next transfer's port is known the moment this one ends: one round trip
 *   per file instead of two. A server that reads commands during a transfer may answer it out of
 *   turn (pyftpdlib even closes the running transfer's connection for it), so a session sends a
 *   NOOP there first (FtpSession.pipelineNext) and pipelines this only once that came back in
 *   turn. Should a server answer out of turn all the same, that is noticed (a mode reply as the
 *   transfer's final reply, see DataCommand, or another reply as its answer here), reported
 *   through `onOutOfTurn`, and the session stops pipelining.
 * - Asked in turn (ask()): the queue asks while it finishes the previous file (closing, renaming,
 *   checking, picking the next item), and the server answers meanwhile. The mode command holds the
 *   session's turn only while it is sent, not until its reply: the next operation's command
 *   follows at once on the same connection (an upload's size check after its 226: SIZE goes out
 *   behind EPSV and both replies come back together). Replies pair with commands in order on the
 *   control connection, and no data transfer runs meanwhile.
 *
 * Non-data commands may come between the reply and its data command (SIZE, REST, TYPE), as clients
 * send REST between PASV and RETR anyway; the next data command takes the reply, or drops it when
 * it starts with another strategy. A reply nobody takes soon is withdrawn with ABOR: the server
 * keeps a port listening for it, and pyftpdlib sends an unsolicited "421 Passive data channel
 * timed out" after 30 s, which would be paired with the next command. Must not import electron or React.
 */
import type { DataStrategy } from '../../../shared/domain';
import type { ControlConnection } from '../control/ControlConnection';
import type { FtpReply } from '../reply';

/** How long a prepared passive reply waits to be used by default. */
export const PREPARED_PASSIVE_TTL_MS = 2_000;

type PassiveStrategy = 'EPSV' | 'PASV';

interface Slot {
  strategy: PassiveStrategy;
  /** Sent behind a data command rather than in turn. */
  isPipelined: boolean;
  /** The server's answer once the command is sent: the expected reply, or undefined for any other (or none). */
  answer?: Promise<FtpReply | undefined>;
  timer?: NodeJS.Timeout;
}

const EXPECTED: Record<PassiveStrategy, number> = { EPSV: 229, PASV: 227 };

/** At most one passive reply asked for ahead of its data command. */
export class PreparedPassive {
  private slot?: Slot;

  constructor(
    private readonly control: ControlConnection,
    /** Runs `fn` as the session's next operation, in turn with the others. */
    private readonly inTurn: (fn: () => Promise<void>) => Promise<void>,
    private readonly ttlMs = PREPARED_PASSIVE_TTL_MS,
    /** A pipelined mode command got another answer than its own: the server answered out of turn. */
    private readonly onOutOfTurn: (reply: FtpReply) => void = () => undefined,
  ) {}

  /** Asks the server for a passive port with `strategy` as the session's next operation; a no-op if one is asked for already. */
  ask(strategy: DataStrategy): void {
    if (this.slot || this.control.isClosed || (strategy !== 'EPSV' && strategy !== 'PASV')) return;
    const slot: Slot = { strategy, isPipelined: false };
    this.slot = slot;
    this.inTurn(async () => {
      // A data command that ran first has taken the slot: nothing to ask for any more.
      if (this.slot !== slot) return;
      // Not awaited within the turn: see the note at the top.
      slot.answer = this.control.request(strategy).then(
        (reply) => this.answered(slot, reply),
        () => {
          if (this.slot === slot) this.drop();
          return undefined;
        },
      );
    }).catch(() => {
      if (this.slot === slot) this.drop();
    });
  }

  /**
   * Asks for a passive port with `strategy` now, from inside the operation that has just sent a
   * data command: the answer follows that command's final reply. Returns the reply to the mode
   * command as the control connection pairs it (the data command may need it, see DataCommand);
   * undefined when nothing was sent (one is asked for already).
   */
  pipeline(strategy: DataStrategy): Promise<FtpReply> | undefined {
    if (this.slot || this.control.isClosed || (strategy !== 'EPSV' && strategy !== 'PASV')) return undefined;
    const slot: Slot = { strategy, isPipelined: true };
    this.slot = slot;
    const reply = this.control.request(strategy);
    slot.answer = reply.then(
      (reply) => this.answered(slot, reply),
      () => {
        if (this.slot === slot) this.drop();
        return undefined;
      },
    );
    return reply;
  }

  /**
   * For a data command starting with `strategy`: the answer to the prepared command if it is for
   * that strategy (undefined inside when the server refused it: ask again), else undefined.
   * Either way the slot is used up, since the server replaces its passive port on the next mode command.
   */
  take(strategy: DataStrategy): Promise<FtpReply | undefined> | undefined {
    const slot = this.slot;
    if (!slot) return undefined;
    this.drop();
    return slot.strategy === strategy ? slot.answer : undefined;
  }

  /** Forgets the slot without telling the server (the session is closing). */
  drop(): void {
    clearTimeout(this.slot?.timer);
    this.slot = undefined;
  }

  private answered(slot: Slot, reply: FtpReply): FtpReply | undefined {
    // The data command will ask again and handle the refusal (fallback, 425 retry) itself.
    if (reply.code !== EXPECTED[slot.strategy]) {
      // A slot given up meanwhile (an abort) says nothing about the server's turns.
      if (this.slot !== slot) return undefined;
      this.drop();
      if (slot.isPipelined) this.onOutOfTurn(reply);
      return undefined;
    }
    if (this.slot === slot) {
      slot.timer = setTimeout(() => this.withdraw(slot), this.ttlMs);
      // A prepared port must not keep a command-line process alive.
      slot.timer.unref();
    }
    return reply;
  }

  private withdraw(slot: Slot): void {
    if (this.slot !== slot) return;
    this.drop();
    if (this.control.isClosed) return;
    // Any reply will do (225, 226): the port is closed either way.
    this.inTurn(async () => void (await this.control.request('ABOR'))).catch(() => undefined);
  }
}

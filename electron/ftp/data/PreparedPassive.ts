/**
 * A passive-mode reply (EPSV or PASV) asked for before the data command that will use it, so the
 * next transfer of a session starts without that round trip: the queue asks for it while it
 * finishes the previous file (closing, renaming, checking, picking the next item), and the server
 * answers meanwhile. Non-data commands may come in between (SIZE, REST, TYPE), as clients send
 * REST between PASV and RETR anyway; the next data command takes the reply, or drops it when it
 * starts with another strategy.
 *
 * The mode command holds the session's turn only while it is sent, not until its reply: the next
 * operation's command follows at once on the same connection (an upload's size check after its
 * 226: SIZE goes out behind EPSV and both replies come back together, one round trip instead of
 * two per file). Replies pair with commands in order on the control connection, and no data
 * transfer runs meanwhile, when a server might read commands only to look for ABOR.
 *
 * A reply nobody takes soon is withdrawn with ABOR: the server keeps a port listening for it, and
 * pyftpdlib sends an unsolicited "421 Passive data channel timed out" after 30 s, which would be
 * paired with the next command. Must not import electron or React.
 */
import type { DataStrategy } from '../../../shared/domain';
import type { ControlConnection } from '../control/ControlConnection';
import type { FtpReply } from '../reply';

/** How long a prepared passive reply waits to be used by default. */
export const PREPARED_PASSIVE_TTL_MS = 2_000;

type PassiveStrategy = 'EPSV' | 'PASV';

interface Slot {
  strategy: PassiveStrategy;
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
  ) {}

  /** Asks the server for a passive port with `strategy` as the session's next operation; a no-op if one is asked for already. */
  ask(strategy: DataStrategy): void {
    if (this.slot || this.control.isClosed || (strategy !== 'EPSV' && strategy !== 'PASV')) return;
    const slot: Slot = { strategy };
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
      if (this.slot === slot) this.drop();
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

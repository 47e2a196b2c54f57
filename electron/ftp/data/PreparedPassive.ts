/**
 * A passive-mode reply (EPSV or PASV) asked for before the data command that will use it, so the
 * next transfer of a session starts without that round trip: the queue asks for it while it
 * finishes the previous file (closing, renaming, checking, picking the next item), and the server
 * answers meanwhile. Non-data commands may come in between (SIZE, REST, TYPE), as clients send
 * REST between PASV and RETR anyway; the next data command takes the reply, or drops it when it
 * starts with another strategy.
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
  /** Set once the server has answered positively. */
  reply?: FtpReply;
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
      const reply = await this.control.request(strategy);
      if (this.slot !== slot) return;
      if (reply.code !== EXPECTED[strategy]) {
        // The data command will ask again and handle the refusal (fallback, 425 retry) itself.
        this.slot = undefined;
        return;
      }
      slot.reply = reply;
      slot.timer = setTimeout(() => this.withdraw(slot), this.ttlMs);
      // A prepared port must not keep a command-line process alive.
      slot.timer.unref();
    }).catch(() => {
      if (this.slot === slot) this.drop();
    });
  }

  /**
   * For a data command starting with `strategy`: the prepared reply if it is for that strategy,
   * else undefined. Either way the slot is used up, since the server replaces its passive port on
   * the next mode command.
   */
  take(strategy: DataStrategy): FtpReply | undefined {
    const slot = this.slot;
    if (!slot) return undefined;
    this.drop();
    return slot.strategy === strategy ? slot.reply : undefined;
  }

  /** Forgets the slot without telling the server (the session is closing). */
  drop(): void {
    clearTimeout(this.slot?.timer);
    this.slot = undefined;
  }

  private withdraw(slot: Slot): void {
    if (this.slot !== slot) return;
    this.drop();
    if (this.control.isClosed) return;
    // Any reply will do (225, 226): the port is closed either way.
    this.inTurn(async () => void (await this.control.request('ABOR'))).catch(() => undefined);
  }
}

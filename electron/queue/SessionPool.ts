/**
 * Reuses logged-in transfer sessions per site: one transfer per control connection at a time,
 * idle sessions closed after a while. Browsing never borrows from here, so the remote pane never
 * waits behind a transfer. Owns no sockets itself; sessions come from the injected factory.
 */
import type { SessionFactory, TransferSession } from './types';

/** A session handed out by the pool, with whether it was already logged in before. */
export interface Lease {
  siteId: string;
  session: TransferSession;
  isReused: boolean;
}

interface Idle {
  session: TransferSession;
  timer: ReturnType<typeof setTimeout>;
}

/** A session being opened ahead (warm): the first acquire() to find it waits for it instead of opening another. */
interface Warming {
  opened: Promise<TransferSession | undefined>;
  isClaimed: boolean;
}

/** Options of a SessionPool. */
export interface SessionPoolOptions {
  /** Close a session left idle this long (servers drop idle control connections anyway). */
  idleTimeoutMs?: number;
}

/** Hands out one session per transfer, reusing idle ones of the same site. */
export class SessionPool {
  private readonly idle = new Map<string, Idle[]>();
  private readonly warming = new Map<string, Warming[]>();
  private readonly busy = new Set<TransferSession>();
  private readonly busySites = new Map<TransferSession, string>();
  private readonly handedOff = new WeakSet<Lease>();
  private readonly idleTimeoutMs: number;
  private nextLabel = 1;
  private isClosing = false;

  constructor(private readonly factory: SessionFactory, opts: SessionPoolOptions = {}) {
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 30_000;
  }

  /** An idle session of the site if one is still open, otherwise a new one from the factory. */
  async acquire(siteId: string): Promise<Lease> {
    const list = this.idle.get(siteId);
    while (list && list.length > 0) {
      const { session, timer } = list.pop()!;
      clearTimeout(timer);
      if (session.isClosed) continue;
      this.busy.add(session);
      this.busySites.set(session, siteId);
      return { siteId, session, isReused: true };
    }
    const warm = this.warming.get(siteId)?.find((w) => !w.isClaimed);
    if (warm) warm.isClaimed = true;
    // A session opened ahead that failed leaves its error to a connection of this transfer's own.
    const session = (await warm?.opened) ?? (await this.factory(siteId, `transfer-${this.nextLabel++}`));
    if (this.isClosing) {
      session.destroy();
      throw new Error('session pool is closed');
    }
    this.busy.add(session);
    this.busySites.set(session, siteId);
    return { siteId, session, isReused: false };
  }

  /**
   * Opens sessions ahead so that `count` are open for the site, for transfers known to be coming
   * (a folder still being walked): their logins then overlap the walk instead of following it.
   * A session nobody takes waits idle like any other; one that fails to open is forgotten, and
   * the transfer that would have used it opens its own (and meets the error, a 421 included).
   */
  warm(siteId: string, count: number): void {
    const list = this.warming.get(siteId) ?? [];
    this.warming.set(siteId, list);
    for (let open = this.openFor(siteId) + list.length; open < count && !this.isClosing; open++) {
      const warm: Warming = { isClaimed: false, opened: Promise.resolve(undefined) };
      warm.opened = this.factory(siteId, `transfer-${this.nextLabel++}`).then(
        (session) => {
          list.splice(list.indexOf(warm), 1);
          if (warm.isClaimed) return session;
          this.putIdle(siteId, session);
          return undefined;
        },
        () => {
          list.splice(list.indexOf(warm), 1);
          return undefined;
        },
      );
      list.push(warm);
    }
  }

  /**
   * Lends the session of a transfer whose data connection is done to the site's next transfer
   * while it finishes (a size check, a checksum): the session runs the two transfers' commands in
   * turn, and its one data connection at a time. The lease's own release() then does nothing: the
   * session is no longer its to keep or destroy (one its commands broke is closed and skipped).
   */
  handOff(lease: Lease): void {
    if (this.handedOff.has(lease)) return;
    this.handedOff.add(lease);
    this.putBack(lease, true);
  }

  /** Returns a session: kept for reuse when healthy, destroyed otherwise (after errors or aborts). */
  release(lease: Lease, isHealthy: boolean): void {
    if (this.handedOff.delete(lease)) return;
    this.putBack(lease, isHealthy);
  }

  private putBack(lease: Lease, isHealthy: boolean): void {
    const { session, siteId } = lease;
    this.busy.delete(session);
    this.busySites.delete(session);
    if (!isHealthy || session.isClosed || this.isClosing) {
      session.destroy();
      return;
    }
    this.putIdle(siteId, session);
  }

  private putIdle(siteId: string, session: TransferSession): void {
    if (session.isClosed || this.isClosing) {
      session.destroy();
      return;
    }
    const timer = setTimeout(() => this.dropIdle(siteId, session), this.idleTimeoutMs);
    // An idle session must not keep a CLI process alive.
    timer.unref?.();
    const list = this.idle.get(siteId) ?? [];
    list.push({ session, timer });
    this.idle.set(siteId, list);
  }

  /** Closes idle sessions of a site beyond `keep` (after its limit dropped on a 421). */
  trimIdle(siteId: string, keep: number): void {
    const list = this.idle.get(siteId);
    while (list && list.length > keep) {
      const { session, timer } = list.shift()!;
      clearTimeout(timer);
      void session.close().catch(() => session.destroy());
    }
  }

  /** How many sessions of one site are open (busy plus idle): what the server has accepted. */
  openFor(siteId: string): number {
    let n = this.idle.get(siteId)?.length ?? 0;
    for (const s of this.busySites.values()) if (s === siteId) n++;
    return n;
  }

  /** How many sessions are open for transfers (busy plus idle). */
  get openCount(): number {
    let n = this.busy.size;
    for (const list of this.idle.values()) n += list.length;
    return n;
  }

  /** Closes every idle session and destroys busy ones. */
  async closeAll(): Promise<void> {
    this.isClosing = true;
    const closing: Promise<void>[] = [];
    for (const list of this.idle.values()) {
      for (const { session, timer } of list) {
        clearTimeout(timer);
        closing.push(session.close().catch(() => session.destroy()));
      }
    }
    this.idle.clear();
    for (const s of this.busy) s.destroy();
    this.busy.clear();
    this.busySites.clear();
    await Promise.all(closing);
  }

  private dropIdle(siteId: string, session: TransferSession): void {
    const list = this.idle.get(siteId);
    if (!list) return;
    const i = list.findIndex((e) => e.session === session);
    if (i < 0) return;
    list.splice(i, 1);
    void session.close().catch(() => session.destroy());
  }
}

/**
 * The queue's entries in order and by id, with the bookkeeping that keeps a pump and the idle
 * check independent of the queue's length (a 10,000-item queue pumps once per finished file):
 * entries before `scanFrom` are known not to be queued; items are counted per state, and queued
 * items per site. Events and saving stay with the queue.
 */
import type { TransferState } from '../../shared/domain';
import type { Entry } from './queueEntry';

/** Ordered, indexed entries with per-state counts. */
export class EntryBook {
  private readonly order: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private scanFrom = 0;
  private readonly stateCounts = new Map<TransferState, number>();
  private readonly queuedBySite = new Map<string, number>();

  /** All entries in queue order (the book's own array: read it, do not keep it). */
  get entries(): readonly Entry[] {
    return this.order;
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** How many items are in `state`. */
  count(state: TransferState): number {
    return this.stateCounts.get(state) ?? 0;
  }

  /** How many items of a site are queued. */
  queuedFor(siteId: string): number {
    return this.queuedBySite.get(siteId) ?? 0;
  }

  /** How many sites have queued items. */
  get queuedSiteCount(): number {
    return this.queuedBySite.size;
  }

  /** The entries with these ids (unknown ids are left out), or a copy of all in order. */
  select(ids?: string[]): Entry[] {
    if (!ids) return [...this.order];
    return ids.map((id) => this.byId.get(id)).filter((e): e is Entry => e !== undefined);
  }

  /** Appends an entry. */
  add(entry: Entry): void {
    this.order.push(entry);
    this.byId.set(entry.item.id, entry);
    this.countState(entry, entry.item.state, 1);
  }

  /** Forgets an entry's id and state; `dropAll` then takes it out of the order. */
  detach(entry: Entry): void {
    this.byId.delete(entry.item.id);
    this.countState(entry, entry.item.state, -1);
  }

  /** Takes detached entries out of the order in one pass, so clearing thousands stays linear. */
  dropAll(removed: ReadonlySet<Entry>): void {
    this.replaceOrder(this.order.filter((e) => !removed.has(e)));
  }

  /** Replaces the queue order (element by element: spreading 100,000 arguments can overflow the stack). */
  replaceOrder(next: Entry[]): void {
    this.order.length = 0;
    for (const e of next) this.order.push(e);
    this.scanFrom = 0;
  }

  /** Puts the item in `state` and returns the state it was in. */
  setState(entry: Entry, state: TransferState): TransferState {
    const from = entry.item.state;
    entry.item.state = state;
    if (from !== state) {
      this.countState(entry, from, -1);
      this.countState(entry, state, 1);
      // It may sit before the scan start; the next pump looks from the top again.
      if (state === 'queued') this.scanFrom = 0;
    }
    return from;
  }

  /**
   * Queued items that may start, in queue order, produced lazily so the scheduler stops reading
   * once the limits are reached. Moves `scanFrom` past the leading items that are not queued.
   */
  *startable(now: number): Generator<{ id: string; siteId: string; entry: Entry }> {
    let isLeading = true;
    for (let i = this.scanFrom; i < this.order.length; i++) {
      const entry = this.order[i];
      const { item } = entry;
      if (item.state !== 'queued') {
        if (isLeading) this.scanFrom = i + 1;
        continue;
      }
      isLeading = false;
      if (entry.run || entry.retryTimer) continue;
      if (item.nextRetryMs !== undefined && item.nextRetryMs > now) continue;
      yield { id: item.id, siteId: item.siteId, entry };
    }
  }

  /** Adjusts the per-state and per-site counts for an item entering (+1) or leaving (-1) a state. */
  private countState(entry: Entry, state: TransferState, delta: 1 | -1): void {
    this.stateCounts.set(state, (this.stateCounts.get(state) ?? 0) + delta);
    if (state !== 'queued') return;
    const siteId = entry.item.siteId;
    const n = (this.queuedBySite.get(siteId) ?? 0) + delta;
    if (n > 0) this.queuedBySite.set(siteId, n);
    else this.queuedBySite.delete(siteId);
  }
}

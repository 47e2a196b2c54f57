/**
 * Concurrency decisions: a global limit and a per-site limit (default 2, like FileZilla; at most
 * 10). A `421` lowers a site's limit for the rest of the run. Pure bookkeeping: it never starts
 * anything itself, the queue asks it which items may start.
 */

/** Per-site connection limit used when a site sets none. */
export const DEFAULT_SITE_LIMIT = 2;
/** Hard ceiling for any site's limit. */
export const MAX_SITE_LIMIT = 10;

/** Anything the scheduler can place: an id and the site it needs a connection to. */
export interface Schedulable {
  id: string;
  siteId: string;
}

/** Options of a Scheduler. */
export interface SchedulerOptions {
  /** Most transfers running at once over all sites. */
  globalLimit?: number;
  /** Per-site limit for sites without their own. */
  defaultSiteLimit?: number;
}

function clampSiteLimit(n: number): number {
  return Math.max(1, Math.min(MAX_SITE_LIMIT, Math.floor(n)));
}

/** Decides which queued items may start given what is running. */
export class Scheduler {
  private globalLimit: number;
  private defaultSiteLimit: number;
  private readonly configured = new Map<string, number>();
  /** Limits learnt from 421 replies; they only ever go down during a run. */
  private readonly lowered = new Map<string, number>();
  private readonly running = new Map<string, number>();
  private runningTotal = 0;

  constructor(opts: SchedulerOptions = {}) {
    this.globalLimit = Math.max(1, Math.floor(opts.globalLimit ?? 4));
    this.defaultSiteLimit = clampSiteLimit(opts.defaultSiteLimit ?? DEFAULT_SITE_LIMIT);
  }

  /** Sets the global limit (at least 1). */
  setGlobalLimit(n: number): void {
    this.globalLimit = Math.max(1, Math.floor(n));
  }

  /** Sets the limit for sites without their own (clamped to 1..10). */
  setDefaultSiteLimit(n: number): void {
    this.defaultSiteLimit = clampSiteLimit(n);
  }

  /** Sets one site's configured limit (clamped to 1..10); undefined returns it to the default. */
  setSiteLimit(siteId: string, n: number | undefined): void {
    if (n === undefined) this.configured.delete(siteId);
    else this.configured.set(siteId, clampSiteLimit(n));
  }

  /** The limit in force for a site: its configured limit, or lower if a 421 taught us so. */
  limitFor(siteId: string): number {
    const base = this.configured.get(siteId) ?? this.defaultSiteLimit;
    const learnt = this.lowered.get(siteId);
    return learnt === undefined ? base : Math.min(base, learnt);
  }

  /**
   * Records a 421 for a site: the server holds only `acceptedConnections` of ours (the open
   * sessions, not the refused one), so the limit becomes that, but never below 1.
   */
  lowerAfter421(siteId: string, acceptedConnections: number): number {
    const next = Math.max(1, Math.min(this.limitFor(siteId), acceptedConnections));
    this.lowered.set(siteId, next);
    return next;
  }

  /** Forgets limits learnt from 421 (a new run, or the user changed the site). */
  resetLearntLimits(): void {
    this.lowered.clear();
  }

  /** How many transfers run for a site. */
  runningOn(siteId: string): number {
    return this.running.get(siteId) ?? 0;
  }

  /** How many transfers run in all. */
  get runningCount(): number {
    return this.runningTotal;
  }

  /** Marks one transfer of a site as started. */
  started(siteId: string): void {
    this.running.set(siteId, this.runningOn(siteId) + 1);
    this.runningTotal++;
  }

  /** Marks one transfer of a site as finished (in any way). */
  finished(siteId: string): void {
    const n = this.runningOn(siteId);
    if (n <= 0) return;
    if (n === 1) this.running.delete(siteId);
    else this.running.set(siteId, n - 1);
    this.runningTotal--;
  }

  /**
   * The candidates, in queue order, that may start now without exceeding any limit. Reading stops
   * as soon as the global limit is reached, or once `siteCount` distinct sites (how many sites the
   * candidates can belong to, when the caller knows) are all at their limits, so a long queue is
   * not read to its end for every start.
   */
  pick<T extends Schedulable>(candidates: Iterable<T>, siteCount = Infinity): T[] {
    const picked: T[] = [];
    let total = this.runningTotal;
    if (total >= this.globalLimit) return picked;
    const extra = new Map<string, number>();
    const full = new Set<string>();
    for (const c of candidates) {
      const onSite = this.runningOn(c.siteId) + (extra.get(c.siteId) ?? 0);
      if (onSite >= this.limitFor(c.siteId)) {
        full.add(c.siteId);
        if (full.size >= siteCount) break;
        continue;
      }
      picked.push(c);
      extra.set(c.siteId, (extra.get(c.siteId) ?? 0) + 1);
      total++;
      if (total >= this.globalLimit) break;
      if (onSite + 1 >= this.limitFor(c.siteId)) {
        full.add(c.siteId);
        if (full.size >= siteCount) break;
      }
    }
    return picked;
  }
}

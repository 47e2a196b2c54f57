/**
 * The app's server clocks: which offset applies to a browsing session's server (the window's
 * Compare, its sync), and detecting it once from what comes for free: uploads the queue
 * finishes, then the listing of their folder the window makes anyway. A saved site's offset is
 * kept with the site; a quick-connect server's in `server-clocks.json` (electron/sync).
 * Must not import electron.
 */
import type { TransferQueue } from '../queue';
import type { ConnectParams, RemoteListing, Site } from '../../shared/domain';
import { joinRemotePath } from '../../shared/remotePath';
import { describeClockOffset, type AppliedClock } from '../../shared/serverClock';
import type { SiteService } from '../sites';
import { clockOffsetFor, detectClockOnce, type ClockBook, type SiteClock } from '../sync/clockOffsetFor';
import { ClockOffsetStore } from '../sync/clockOffsetStore';
import { RecentUploads } from '../sync/clockObservations';
import type { LogFeed } from './LogFeed';
import { quickSiteIdOf } from './QueueService';

/** Offsets by server, and their detection. */
export class ServerClocks {
  private readonly uploads = new RecentUploads();
  /** Where offsets are kept: the site store for sites, the data folder for quick-connect servers. */
  readonly book: ClockBook;

  constructor(private readonly deps: { sites: SiteService; dataDir: string; log: LogFeed }) {
    this.book = {
      siteOf: (server) => (server.siteId ? this.siteClockOf(server.siteId) : undefined),
      saveSiteDetected: async (siteId, detected) => {
        await deps.sites.setClockDetected(siteId, detected);
      },
      accounts: new ClockOffsetStore(deps.dataDir),
    };
  }

  private siteClockOf(siteId: string): SiteClock | undefined {
    let site: Site;
    try {
      site = this.deps.sites.get(siteId);
    } catch {
      // Deleted while connected: the server is a quick-connect one now.
      return undefined;
    }
    return { siteId, clockOverrideMs: site.clockOverrideMs, clockDetected: site.clockDetected };
  }

  /** Remembers each upload the queue finishes, until a listing of its folder reports its time. */
  watch(queue: TransferQueue): void {
    queue.on('transition', ({ id, to }) => {
      if (to !== 'done') return;
      const item = queue.get(id);
      if (!item || item.direction !== 'upload' || item.deleteSide || item.isSkipped) return;
      this.uploads.note(item.siteId, { remotePath: item.remotePath, sourceModifiedMs: item.modifiedMs, finishedMs: item.finishedMs ?? Date.now() });
    });
  }

  /** The offset applied to the times of the server a session is connected to. */
  clockOffsetFor(params: ConnectParams): Promise<AppliedClock> {
    return clockOffsetFor(params, this.book);
  }

  /**
   * A listing arrived: files uploaded into its folder give observations, and a server without an
   * offset gets one. `keepsSourceTime`: the server keeps the time it is sent (MFMT). Never fails
   * the listing: a failure to store is logged.
   */
  async observeListing(params: ConnectParams, listing: RemoteListing, keepsSourceTime: boolean): Promise<void> {
    const server = params.siteId ?? quickSiteIdOf(params);
    if (!this.uploads.has(server)) return;
    const listed = listing.entries.filter((e) => e.type === 'file').map((e) => ({ ...e, remotePath: joinRemotePath(listing.path, e.name) }));
    const observations = this.uploads.take(server, listed, keepsSourceTime);
    try {
      const detected = await detectClockOnce(params, observations, this.book);
      if (!detected) return;
      this.uploads.forget(server);
      this.deps.log.status(listing.sessionId, `Server clock: ${describeClockOffset(detected.offsetMs)} (detected from ${observations.length} uploaded file(s)); comparisons allow for it`);
    } catch (err) {
      this.deps.log.status(listing.sessionId, `Could not keep the server's clock offset: ${(err as Error).message}`, 'error');
    }
  }

  /** Forgets what was detected for a site, so the next uploads detect it again. */
  detectAgain(siteId: string): Promise<Site> {
    return this.deps.sites.setClockDetected(siteId, undefined);
  }
}

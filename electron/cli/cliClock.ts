/**
 * The server clock offset of `ferry compare`, `ferry sync` and `ferry mirror`: --clock-offset when
 * given, else what is kept for the server (its saved site's override or detected offset, else the
 * one detected for its account in the data folder), and its detection from files uploaded (by a
 * sync, or by `put` in an earlier run) as a compare lists them. Must not import electron.
 */
import { defaultDataDir } from '../local/dataDir';
import { accountKeyOf } from '../../shared/serverAccount';
import { describeClockOffset, type AppliedClock, type ClockSource, type DetectedClock } from '../../shared/serverClock';
import type { TransferItem } from '../../shared/domain';
import type { ComparedPair } from '../../shared/sync';
import type { RemoteSession } from '../sessions';
import { clockOffsetFor, detectClockOnce, type ClockBook, type ServerRef } from '../sync/clockOffsetFor';
import { ClockOffsetStore } from '../sync/clockOffsetStore';
import { observationOf, type UploadedFile } from '../sync/clockObservations';
import { savedSiteClock } from '../sync/savedSiteClock';
import { UploadLedger } from '../sync/uploadLedger';
import type { CliOptions } from './args';
import { connectOptionsFor } from './connect';
import { sshUserOf } from './sshLogin';
import { formatTime } from './format';
import type { FtpUrl } from './ftpUrl';
import type { CliIo } from './io';

/** The offset a command applies, and where it comes from (`option`: --clock-offset). */
export interface CliClock extends Omit<AppliedClock, 'source'> {
  source: ClockSource | 'option';
  /** The account it is kept under, as `ferry` names servers. */
  account: string;
}

/** Where the command line finds and keeps offsets: saved sites read only, detections by account. */
export function cliClockBook(io: CliIo): ClockBook {
  const dataDir = defaultDataDir(io.env);
  return { siteOf: (server) => savedSiteClock(dataDir, server), accounts: new ClockOffsetStore(dataDir) };
}

/** The server a URL names, as offsets are kept. */
export function serverOf(url: FtpUrl, options: CliOptions, io: CliIo): ServerRef {
  if (url.scheme === 'sftp') return { host: url.host, port: url.port, user: sshUserOf(url, io.env), protocol: 'sftp' };
  const { host, port, user, tls } = connectOptionsFor(url, options, io.env);
  return { host, port, user, tls };
}

/** The offset to apply: --clock-offset, else what is kept for the server. */
export async function clockFor(url: FtpUrl, options: CliOptions, io: CliIo): Promise<CliClock> {
  const server = serverOf(url, options, io);
  const account = accountKeyOf(server);
  if (options.clockOffsetSeconds !== undefined) return { offsetMs: options.clockOffsetSeconds * 1000, source: 'option', account };
  return { ...(await clockOffsetFor(server, cliClockBook(io))), account };
}

/** The clock a detection just kept for `account`. */
export function detectedClock(account: string, detected: DetectedClock): CliClock {
  return { offsetMs: detected.offsetMs, source: 'detected', detected, account };
}

/** The offset in one line, for --verbose. */
export function clockLine(clock: CliClock): string {
  const offset = clock.source === 'none' ? 'not detected yet' : describeClockOffset(clock.offsetMs);
  const why =
    clock.source === 'option' ? 'from --clock-offset'
    : clock.source === 'override' ? 'set in the Site Manager'
    : clock.source === 'detected' ? `detected on ${formatTime(clock.detected!.atMs)}`
    : 'times compared as the server gives them';
  return `server clock of ${clock.account}: ${offset} (${why})`;
}

/** The offset as --json reports it. */
export function clockRecord(clock: CliClock): Record<string, unknown> {
  return { offsetMs: clock.offsetMs, source: clock.source, account: clock.account, detectedAtMs: clock.detected?.atMs };
}

/**
 * What a command uploads, for detecting the offset from the listing of a compare: the files it
 * put (with their source times and when each upload ended), those earlier runs kept in the
 * upload ledger, and whether the server keeps the time it is sent (FTP's MFMT, or SFTP), as each
 * logged-in session's features say. What no listing saw yet is kept for a later run.
 */
export class UploadClockWatch {
  private keepsSourceTime = false;
  private readonly uploads = new Map<string, UploadedFile>();
  private readonly account: string;
  private readonly ledger: UploadLedger;

  constructor(
    private readonly server: ServerRef,
    private readonly io: CliIo,
  ) {
    this.account = accountKeyOf(server);
    this.ledger = new UploadLedger(defaultDataDir(io.env));
  }

  /** Sees a logged-in session. */
  readonly session = (session: RemoteSession): void => {
    if (session.keepsModifiedTime) this.keepsSourceTime = true;
  };

  /** Sees a transfer that ended. */
  readonly finished = (item: TransferItem): void => {
    if (item.direction !== 'upload' || item.deleteSide || item.state !== 'done' || item.isSkipped) return;
    this.note({ remotePath: item.remotePath, sourceModifiedMs: item.modifiedMs, finishedMs: item.finishedMs ?? Date.now() });
  };

  /** Sees one uploaded file. */
  note(upload: UploadedFile): void {
    this.uploads.set(upload.remotePath, upload);
  }

  /** Adds the uploads earlier runs kept in the ledger (this run's own win). */
  async includeEarlier(): Promise<void> {
    for (const u of await this.ledger.uploadsOf(this.account)) if (!this.uploads.has(u.remotePath)) this.uploads.set(u.remotePath, u);
  }

  /**
   * Detects the offset from a compare's pairs (`remoteOf` gives a pair's remote path), when none
   * is kept for the server yet; returns what was kept.
   */
  async detect(pairs: readonly ComparedPair[], remoteOf: (relPath: string) => string): Promise<DetectedClock | undefined> {
    if (this.uploads.size === 0) return undefined;
    const observations = pairs.flatMap((pair) => {
      const upload = this.uploads.get(remoteOf(pair.relPath));
      const seen = upload && pair.remote?.kind === 'file' ? observationOf(upload, pair.remote, this.keepsSourceTime) : undefined;
      return seen ? [seen] : [];
    });
    const detected = await detectClockOnce(this.server, observations, cliClockBook(this.io));
    // The ledger only waits for a detection; it is not worth failing the command for.
    if (detected) await this.ledger.forget(this.account).catch(() => undefined);
    return detected;
  }

  /** Keeps this run's uploads for a later compare, while nothing is detected for the server. */
  async keepForLater(): Promise<void> {
    if (this.uploads.size === 0) return;
    const uploads = [...this.uploads.values()].map((u) => ({ ...u, keepsSourceTime: u.keepsSourceTime ?? this.keepsSourceTime }));
    try {
      if ((await clockOffsetFor(this.server, cliClockBook(this.io))).detected) return;
      await this.ledger.add(this.account, uploads);
    } catch {
      // Without the ledger the offset is detected by a later sync instead.
    }
  }
}

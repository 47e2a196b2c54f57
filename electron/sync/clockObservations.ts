/**
 * Where clock observations come from: files Ferry has just uploaded, waiting for the server to
 * report their times in a listing that happens anyway (the window relisting the folder it
 * uploaded into, a compare or sync after the uploads). Each upload is kept with both times the
 * server may have stamped on it: the source file's own, when the server kept it (MFMT), else the
 * moment the upload ended. Bounded per server and forgotten after an hour, so a file changed by
 * someone else since says nothing. In memory, no I/O.
 */
import type { TimePrecision } from '../../shared/domain';
import type { ClockObservation } from './clockOffset';

/** A file Ferry has just uploaded. */
export interface UploadedFile {
  remotePath: string;
  /** The local file's modification time, which the upload asked the server to keep. */
  sourceModifiedMs?: number;
  /** When the upload ended, ms since the epoch. */
  finishedMs: number;
  /** Whether the server kept the source's time (it offers MFMT); undefined when the uploader could not tell. */
  keepsSourceTime?: boolean;
}

/** What a listing says about one file. */
export interface ReportedTime {
  remotePath: string;
  modifiedMs?: number;
  timePrecision?: TimePrecision;
}

/**
 * The observation an uploaded file gives when the server reports `reported` for it;
 * `keepsSourceTime` says whether the server keeps a time it is sent, when the upload did not say.
 */
export function observationOf(upload: UploadedFile, reported: Omit<ReportedTime, 'remotePath'>, keepsSourceTime: boolean): ClockObservation | undefined {
  if (reported.modifiedMs === undefined) return undefined;
  const isKept = (upload.keepsSourceTime ?? keepsSourceTime) && upload.sourceModifiedMs !== undefined;
  const seen = { reportedMs: reported.modifiedMs, precision: reported.timePrecision };
  return isKept ? { expectedMs: upload.sourceModifiedMs!, ...seen } : { expectedMs: upload.finishedMs, ...seen, isApproximate: true };
}

/** How many uploads to keep per server, and for how long. */
export interface RecentUploadLimits {
  perServer: number;
  maxAgeMs: number;
}

const DEFAULT_LIMITS: RecentUploadLimits = { perServer: 200, maxAgeMs: 3_600_000 };

/** Files just uploaded, by server (a site id or an account key), until a listing reports their times. */
export class RecentUploads {
  private readonly byServer = new Map<string, Map<string, UploadedFile>>();

  constructor(private readonly limits: RecentUploadLimits = DEFAULT_LIMITS) {}

  /** Remembers an upload; the oldest goes when the server has too many waiting. */
  note(server: string, upload: UploadedFile): void {
    let files = this.byServer.get(server);
    if (!files) this.byServer.set(server, (files = new Map()));
    // Uploaded again: the latest upload is the one the server's time is about.
    files.delete(upload.remotePath);
    files.set(upload.remotePath, upload);
    while (files.size > this.limits.perServer) files.delete(files.keys().next().value!);
  }

  /** Whether uploads to this server wait for a listing. */
  has(server: string): boolean {
    return (this.byServer.get(server)?.size ?? 0) > 0;
  }

  /** The observations a listing gives for files uploaded to `server`; those files are forgotten. */
  take(server: string, listed: Iterable<ReportedTime>, keepsSourceTime: boolean, nowMs = Date.now()): ClockObservation[] {
    const files = this.byServer.get(server);
    if (!files) return [];
    const observations: ClockObservation[] = [];
    for (const entry of listed) {
      const upload = files.get(entry.remotePath);
      if (!upload) continue;
      files.delete(entry.remotePath);
      if (nowMs - upload.finishedMs > this.limits.maxAgeMs) continue;
      const observation = observationOf(upload, entry, keepsSourceTime);
      if (observation) observations.push(observation);
    }
    for (const [remotePath, upload] of files) if (nowMs - upload.finishedMs > this.limits.maxAgeMs) files.delete(remotePath);
    if (files.size === 0) this.byServer.delete(server);
    return observations;
  }

  /** Forgets every upload to `server` (its offset is known). */
  forget(server: string): void {
    this.byServer.delete(server);
  }
}

/**
 * In-memory fakes for the queue's interfaces: a local filesystem, an FTP server shared by fake
 * sessions, a session factory that can refuse connections, and a queue store. Faults are scripted
 * per call so tests decide exactly where a transfer breaks. Faults are the engine's errors, and
 * they leave a fake session as a real one's do: through the session adapter's conversion.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { FileEntry } from '../../../shared/domain';
import { FtpAbortedError, FtpConnectionError, FtpReplyError } from '../../../electron/ftp';
import { asTransferError } from '../../../electron/sessions';
import type { LocalDirEntry, LocalFs, LocalStat, PersistedQueue, QueueStore, SessionFactory, TransferSession } from '../../../electron/queue/types';
import type { PartialFile } from '../../../electron/local/partialFile';

/** A file in a fake filesystem. */
interface FakeFile {
  data: Buffer;
  modifiedMs: number;
}

/** Files and folders in memory, by POSIX path: what the fake filesystem and the fake server share. */
class FakeTree {
  readonly files = new Map<string, FakeFile>();
  readonly dirs = new Set<string>(['/']);

  /** Puts a file at `p`, making its folders. */
  put(p: string, data: Buffer | string, modifiedMs = 1_000_000): void {
    this.files.set(p, { data: Buffer.from(data), modifiedMs });
    let d = path.posix.dirname(p);
    while (!this.dirs.has(d)) {
      this.dirs.add(d);
      d = path.posix.dirname(d);
    }
  }

  read(p: string): Buffer | undefined {
    return this.files.get(p)?.data;
  }
}

/** An in-memory LocalFs; paths are POSIX. */
export class FakeFs extends FakeTree implements LocalFs {
  readonly links = new Map<string, string>();
  /** Every write-stream opening, for asserting resume offsets. */
  readonly writeOffsets: Array<{ path: string; offset: number }> = [];
  /** Every call by method, with its path, for asserting which filesystem work a transfer does. */
  readonly calls: Array<{ op: 'stat' | 'mkdirp' | 'open' | 'rename' | 'remove' | 'utimes'; path: string }> = [];
  /** Writes to these paths fail as a full disk does (a system call's error). */
  readonly fullDiskPaths = new Set<string>();

  private resolve(p: string, depth = 0): string {
    const target = this.links.get(p);
    if (target === undefined || depth > 20) return p;
    return this.resolve(path.posix.resolve(path.posix.dirname(p), target), depth + 1);
  }

  async stat(p: string): Promise<LocalStat | undefined> {
    this.calls.push({ op: 'stat', path: p });
    const r = await this.realPath(p);
    const f = this.files.get(r);
    if (f) return { type: 'file', sizeBytes: f.data.length, modifiedMs: f.modifiedMs };
    if (this.dirs.has(r)) return { type: 'dir', sizeBytes: 0, modifiedMs: 0 };
    return undefined;
  }

  async lstat(p: string): Promise<LocalStat | undefined> {
    if (this.links.has(p)) return { type: 'link', sizeBytes: 0, modifiedMs: 0 };
    const f = this.files.get(p);
    if (f) return { type: 'file', sizeBytes: f.data.length, modifiedMs: f.modifiedMs };
    if (this.dirs.has(p)) return { type: 'dir', sizeBytes: 0, modifiedMs: 0 };
    return undefined;
  }

  async readDir(dir: string): Promise<LocalDirEntry[]> {
    const p = await this.realPath(dir);
    const out: LocalDirEntry[] = [];
    const prefix = p.endsWith('/') ? p : `${p}/`;
    const direct = (x: string) => x.startsWith(prefix) && !x.slice(prefix.length).includes('/') && x !== p;
    for (const d of this.dirs) if (direct(d)) out.push({ name: d.slice(prefix.length), type: 'dir' });
    for (const f of this.files.keys()) if (direct(f)) out.push({ name: f.slice(prefix.length), type: 'file' });
    for (const l of this.links.keys()) if (direct(l)) out.push({ name: l.slice(prefix.length), type: 'link' });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  async realPath(p: string): Promise<string> {
    return this.realPathSync(p);
  }

  /** Resolves links component by component, as realpath does. */
  realPathSync(p: string): string {
    const parts = p.split('/').filter(Boolean);
    let cur = '/';
    for (const part of parts) cur = this.resolve(path.posix.join(cur, part));
    return cur;
  }

  async mkdirp(p: string): Promise<void> {
    this.calls.push({ op: 'mkdirp', path: p });
    let d = p;
    while (!this.dirs.has(d)) {
      this.dirs.add(d);
      d = path.posix.dirname(d);
    }
  }

  createReadStream(p: string, offset: number): Readable {
    const f = this.files.get(this.realPathSync(p));
    if (!f) throw new Error(`ENOENT ${p}`);
    const data = f.data.subarray(offset);
    const chunks: Buffer[] = [];
    for (let i = 0; i < data.length; i += 16 * 1024) chunks.push(data.subarray(i, i + 16 * 1024));
    return Readable.from(chunks, { objectMode: false });
  }

  async inspectPartial(p: string): Promise<PartialFile | undefined> {
    this.calls.push({ op: 'stat', path: p });
    if (this.links.has(p)) return { sizeBytes: 0, isResumable: false, reason: 'a symbolic link' };
    const f = this.files.get(p);
    if (f) return { sizeBytes: f.data.length, isResumable: true };
    if (this.dirs.has(p)) return { sizeBytes: 0, isResumable: false, reason: 'not a regular file' };
    return undefined;
  }

  async createWriteStream(p: string, offset: number): Promise<Writable> {
    this.calls.push({ op: 'open', path: p });
    // Like open(2): the folder must exist.
    if (!this.dirs.has(path.posix.dirname(p))) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    // Like the real ones: a fresh partial replaces a link at its name; a link is never continued.
    if (this.links.has(p)) {
      if (offset > 0) throw Object.assign(new Error(`${p} is a symbolic link; it is not continued`), { code: 'EUNSAFEPARTIAL' });
      this.links.delete(p);
    }
    this.writeOffsets.push({ path: p, offset });
    const existing = this.files.get(p)?.data ?? Buffer.alloc(0);
    this.put(p, existing.subarray(0, offset), Date.now());
    return new Writable({
      write: (chunk: Buffer, _enc, cb) => {
        if (this.fullDiskPaths.has(p)) return cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
        const f = this.files.get(p)!;
        f.data = Buffer.concat([f.data, chunk]);
        cb();
      },
    });
  }

  async rename(from: string, to: string): Promise<void> {
    this.calls.push({ op: 'rename', path: to });
    const f = this.files.get(from);
    if (!f) throw new Error(`ENOENT ${from}`);
    this.files.delete(from);
    this.files.set(to, f);
  }

  async remove(p: string): Promise<void> {
    this.files.delete(p);
  }

  async removeTree(p: string): Promise<void> {
    this.calls.push({ op: 'remove', path: p });
    for (const f of [...this.files.keys()]) if (f === p || f.startsWith(`${p}/`)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(`${p}/`)) this.dirs.delete(d);
  }

  async setModifiedTime(p: string, modifiedMs: number): Promise<void> {
    this.calls.push({ op: 'utimes', path: p });
    const f = this.files.get(p);
    if (f) f.modifiedMs = modifiedMs;
  }

  async hashFile(p: string, algorithm: string): Promise<string | undefined> {
    if (algorithm !== 'SHA-256') return undefined;
    const f = this.files.get(this.resolve(p));
    return f && createHash('sha256').update(f.data).digest('hex');
  }
}

/** A scripted fault: the next matching operation on `path` breaks after `afterBytes` with `error`. */
export interface Fault {
  op: 'download' | 'upload' | 'size' | 'list' | 'mkdir' | 'delete' | 'rmdir';
  path?: string;
  afterBytes?: number;
  error: () => Error;
  /**
   * Like the engine when a data connection breaks mid-download: the local stream is destroyed
   * with the connection's error before the session rejects.
   */
  destroysTarget?: boolean;
}

/** A shared remote file tree that fake sessions talk to. */
export class FakeServer extends FakeTree {
  readonly listings = new Map<string, FileEntry[]>();
  faults: Fault[] = [];
  /** Every transfer command with its offset, like REST lines in a log. */
  readonly transfers: Array<{ op: 'download' | 'upload'; path: string; offset: number; type?: 'ascii' }> = [];
  /** Transfers and prepareNextTransfer calls in order, by session: `transfer-1 download /r/a`, `transfer-1 prepare`. */
  readonly sessionCalls: string[] = [];
  /** The checksum the server claims per path (default: the true SHA-256 when `hasChecksum`). */
  hasChecksum = false;
  fakeChecksums = new Map<string, string>();
  chunkBytes = 16 * 1024;
  /** Refuse REST+STOR/APPE like proftpd without AllowStoreRestart. */
  refusesUploadResume = false;
  /** Called before each chunk; a test can await here to hold a transfer mid-way. */
  beforeChunk: (op: 'download' | 'upload', path: string, offset: number) => Promise<void> | void = () => undefined;
  /** Called before each SIZE; a test can await here to hold a size check. */
  beforeSize: (path: string) => Promise<void> | void = () => undefined;
  /** Paths whose next SIZE reports one byte less than the file has (a server that lost the end). */
  readonly shortSizeOnce = new Set<string>();

  takeFault(op: Fault['op'], p: string): Fault | undefined {
    const i = this.faults.findIndex((f) => f.op === op && (f.path === undefined || f.path === p));
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0];
  }
}

/** A fake logged-in session over a FakeServer. */
export class FakeSession implements TransferSession {
  isClosed = false;
  destroyed = false;
  private isTransferring = false;

  constructor(readonly server: FakeServer, readonly label: string) {}

  private check(op: Fault['op'], p: string, bytes?: number, target?: Writable): void {
    const f = this.server.faults.find((x) => x.op === op && (x.path === undefined || x.path === p));
    if (!f) return;
    if (f.afterBytes === undefined || (bytes !== undefined && bytes >= f.afterBytes)) {
      this.server.takeFault(op, p);
      const error = f.error();
      if (f.destroysTarget) target?.destroy(error);
      throw asTransferError(error);
    }
  }

  async list(p: string): Promise<FileEntry[]> {
    this.check('list', p);
    const scripted = this.server.listings.get(p);
    if (scripted) return scripted;
    if (!this.server.dirs.has(p)) return [];
    const prefix = p.endsWith('/') ? p : `${p}/`;
    const out: FileEntry[] = [];
    for (const d of this.server.dirs) {
      if (d.startsWith(prefix) && d !== p && !d.slice(prefix.length).includes('/')) out.push({ name: d.slice(prefix.length), type: 'dir' });
    }
    for (const [f, v] of this.server.files) {
      if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) {
        out.push({ name: f.slice(prefix.length), type: 'file', sizeBytes: v.data.length, modifiedMs: v.modifiedMs });
      }
    }
    return out;
  }

  async size(p: string): Promise<number> {
    await this.server.beforeSize(p);
    this.check('size', p);
    const f = this.server.files.get(p);
    if (!f) throw asTransferError(new FtpReplyError(550, 'No such file', `SIZE ${p}`));
    if (this.server.shortSizeOnce.delete(p)) return f.data.length - 1;
    return f.data.length;
  }

  /** Like the engine's operation lock: one data transfer at a time per session, or the queue is wrong. */
  private async oneTransfer<T>(run: () => Promise<T>): Promise<T> {
    if (this.isTransferring) throw new Error(`${this.label}: a second transfer started while one runs`);
    this.isTransferring = true;
    try {
      return await run();
    } catch (err) {
      throw asTransferError(err);
    } finally {
      this.isTransferring = false;
    }
  }

  async modifiedTime(p: string): Promise<number | undefined> {
    return this.server.files.get(p)?.modifiedMs;
  }

  async mkdir(p: string): Promise<void> {
    this.check('mkdir', p);
    if (this.server.dirs.has(p) || !this.server.dirs.has(path.posix.dirname(p))) throw asTransferError(new FtpReplyError(550, 'Cannot create', `MKD ${p}`));
    this.server.dirs.add(p);
  }

  async delete(p: string): Promise<void> {
    this.check('delete', p);
    if (!this.server.files.delete(p)) throw asTransferError(new FtpReplyError(550, 'No such file', `DELE ${p}`));
  }

  async rmdir(p: string): Promise<void> {
    this.check('rmdir', p);
    const prefix = `${p}/`;
    const isEmpty = ![...this.server.files.keys(), ...this.server.dirs].some((x) => x.startsWith(prefix));
    if (!this.server.dirs.has(p) || !isEmpty) throw asTransferError(new FtpReplyError(550, 'Cannot remove', `RMD ${p}`));
    this.server.dirs.delete(p);
  }

  download(p: string, to: Writable, opts: { offset: number; signal: AbortSignal; onProgress?: (bytes: number) => void; type?: 'ascii' | 'binary' }): Promise<void> {
    return this.oneTransfer(() => this.runDownload(p, to, opts));
  }

  upload(from: Readable, p: string, opts: { offset: number; signal: AbortSignal; onProgress?: (bytes: number) => void; type?: 'ascii' | 'binary' }): Promise<void> {
    return this.oneTransfer(() => this.runUpload(from, p, opts));
  }

  private async runDownload(p: string, to: Writable, opts: { offset: number; signal: AbortSignal; onProgress?: (bytes: number) => void; type?: 'ascii' | 'binary' }): Promise<void> {
    this.server.transfers.push({ op: 'download', path: p, offset: opts.offset, ...(opts.type === 'ascii' ? { type: 'ascii' as const } : {}) });
    this.server.sessionCalls.push(`${this.label} download ${p}`);
    const f = this.server.files.get(p);
    if (!f) throw new FtpReplyError(550, 'No such file', `RETR ${p}`);
    let pos = opts.offset;
    while (pos < f.data.length) {
      await this.server.beforeChunk('download', p, pos);
      if (opts.signal.aborted) throw new FtpAbortedError();
      this.check('download', p, pos, to);
      const chunk = f.data.subarray(pos, Math.min(f.data.length, pos + this.server.chunkBytes));
      await new Promise<void>((resolve, reject) => to.write(chunk, (err) => (err ? reject(err) : resolve())));
      pos += chunk.length;
      opts.onProgress?.(pos - opts.offset);
    }
    this.check('download', p, pos);
    await new Promise<void>((resolve) => to.end(resolve));
  }

  private async runUpload(from: Readable, p: string, opts: { offset: number; signal: AbortSignal; onProgress?: (bytes: number) => void; type?: 'ascii' | 'binary' }): Promise<void> {
    this.server.transfers.push({ op: 'upload', path: p, offset: opts.offset, ...(opts.type === 'ascii' ? { type: 'ascii' as const } : {}) });
    this.server.sessionCalls.push(`${this.label} upload ${p}`);
    if (opts.offset > 0 && this.server.refusesUploadResume) throw new FtpReplyError(451, `${p}: Append/Restart not permitted, try again`, `STOR ${p}`);
    if (!this.server.dirs.has(path.posix.dirname(p))) throw new FtpReplyError(553, 'No such directory', `STOR ${p}`);
    const existing = this.server.files.get(p)?.data ?? Buffer.alloc(0);
    const file = { data: existing.subarray(0, opts.offset), modifiedMs: Date.now() };
    this.server.files.set(p, file);
    let sent = 0;
    for await (const chunk of from) {
      // Stream reads merge chunks; slice them so faults land at chunk boundaries as on a socket.
      for (let i = 0; i < (chunk as Buffer).length; i += this.server.chunkBytes) {
        await this.server.beforeChunk('upload', p, file.data.length);
        if (opts.signal.aborted) {
          from.destroy();
          throw new FtpAbortedError();
        }
        try {
          this.check('upload', p, file.data.length);
        } catch (err) {
          from.destroy();
          throw err;
        }
        const piece = (chunk as Buffer).subarray(i, i + this.server.chunkBytes);
        file.data = Buffer.concat([file.data, piece]);
        sent += piece.length;
        opts.onProgress?.(sent);
      }
    }
  }

  get offersChecksum(): boolean {
    return this.server.hasChecksum;
  }

  prepareNextTransfer(): void {
    this.server.sessionCalls.push(`${this.label} prepare`);
  }

  async checksum(p: string): Promise<{ algorithm: string; hex: string } | undefined> {
    if (!this.server.hasChecksum) return undefined;
    const fake = this.server.fakeChecksums.get(p);
    if (fake) return { algorithm: 'SHA-256', hex: fake };
    const f = this.server.files.get(p);
    return f && { algorithm: 'SHA-256', hex: createHash('sha256').update(f.data).digest('hex').toUpperCase() };
  }

  async close(): Promise<void> {
    this.isClosed = true;
  }

  destroy(): void {
    this.isClosed = true;
    this.destroyed = true;
  }
}

/** A session factory over a FakeServer that counts concurrency and can refuse with 421. */
export class FakeFactory {
  readonly sessions: FakeSession[] = [];
  /** Most sessions open at once that were not closed. */
  maxOpen = 0;
  /** Refuse logins beyond this many open sessions with 421 (like a server's per-IP limit). */
  serverMaxConnections = Infinity;
  connectCount = 0;
  refusedCount = 0;
  /** Time a login takes (under fake timers, fake time). */
  loginDelayMs = 0;
  /** Credentials live only here, never in the queue. */
  readonly password = 'sup3r-secret-pw';

  constructor(readonly server: FakeServer) {}

  openCount(): number {
    return this.sessions.filter((s) => !s.isClosed).length;
  }

  readonly create: SessionFactory = async (_siteId, label) => {
    this.connectCount++;
    await (this.loginDelayMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.loginDelayMs)) : Promise.resolve());
    if (this.openCount() >= this.serverMaxConnections) {
      this.refusedCount++;
      throw asTransferError(new FtpReplyError(421, 'Too many connections from your IP'));
    }
    const s = new FakeSession(this.server, label);
    this.sessions.push(s);
    this.maxOpen = Math.max(this.maxOpen, this.openCount());
    return s;
  };
}

/** A transient network failure as the engine reports it. */
export function resetError(): Error {
  return new FtpConnectionError('connection reset', { errno: 'ECONNRESET' });
}

/** Deterministic content of a given size. */
export function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** A QueueStore in memory: keeps the last save as JSON text, as the queue file would hold it. */
export class MemoryStore implements QueueStore {
  saved: PersistedQueue | undefined;
  text = '';
  saves = 0;
  async load() {
    return this.saved && (JSON.parse(this.text) as PersistedQueue);
  }
  async save(data: PersistedQueue) {
    this.saves++;
    this.text = JSON.stringify(data);
    this.saved = data;
  }
}

/** A persisted queue of one started download, as the queue file holds it. */
export const ONE_ITEM_QUEUE: PersistedQueue = {
  version: 1,
  items: [
    {
      item: { id: 'x', direction: 'download', localPath: '/l', remotePath: '/r', siteId: 's', transferredBytes: 5, state: 'queued', attempts: 1, createdMs: 1 },
      meta: { hasStarted: true, failuresInRow: 0, isExistsResolved: true },
    },
  ],
};

/** Recent quick connections, kept in the window's localStorage without passwords. */
import type { ConnectParams } from '../../shared/domain';

const KEY = 'ferry.recent';
const MAX = 10;

/** A recent connection: everything but the password. */
export type RecentConnection = Omit<ConnectParams, 'password' | 'trustedFingerprint' | 'siteId' | 'passphrase' | 'trustedHostKey'>;

/** Reads the recent connections, newest first. */
export function loadRecent(): RecentConnection[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as RecentConnection[]) : [];
  } catch {
    return [];
  }
}

/** Records a successful connection at the top of the list. */
export function rememberRecent(params: ConnectParams): void {
  const entry: RecentConnection = { host: params.host, port: params.port, user: params.user, tls: params.tls, dataMode: params.dataMode };
  if (params.protocol === 'sftp') entry.protocol = 'sftp';
  const same = (r: RecentConnection) => r.host === entry.host && r.port === entry.port && r.user === entry.user && (r.protocol ?? 'ftp') === (entry.protocol ?? 'ftp');
  const next = [entry, ...loadRecent().filter((r) => !same(r))].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: recent connections are a convenience, not state we must keep.
  }
}

/** Engine connect options from the contract's connection parameters. Must not import electron. */
import type { ConnectOptions } from '../ftp';
import type { ConnectParams } from '../../shared/domain';
import { maxListingEntries } from '../../shared/limits';

/** Keep-alive for idle connections: FileZilla's idle NOOP interval is of the same order. */
export const KEEP_ALIVE_MS = 60_000;

/** Maps what the user chose to what the engine takes. */
export function toConnectOptions(params: ConnectParams, connectionId?: string): ConnectOptions {
  return {
    host: params.host,
    port: params.port,
    user: params.user || undefined,
    password: params.password,
    tls: params.tls,
    dataMode: params.dataMode,
    trustedFingerprint: params.trustedFingerprint,
    encoding: params.encoding,
    connectionId,
    keepAliveMs: KEEP_ALIVE_MS,
    maxListingEntries: maxListingEntries(process.env),
  };
}

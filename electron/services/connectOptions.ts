/**
 * Engine connect options from the contract's connection parameters: for FTP with what this run
 * learnt and allowed (TLS consent, habits), and the settings' timing. Every connection of the
 * window's services (browsing, transfers, side connections) gets its options here.
 * Must not import electron.
 */
import type { ConnectOptions } from '../ftp';
import type { RemoteConnectOptions } from '../sessions';
import type { ConnectParams } from '../../shared/domain';
import { maxListingEntries } from '../../shared/limits';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { portOf } from '../../shared/serverAccount';
import type { ServerHabits } from './ServerHabits';
import { serverKey, type TlsMemory } from './TlsMemory';

/** The timeout and keep-alive a new connection gets (Settings → Connection). */
export interface ConnectionTiming {
  /** Connect and reply timeout. */
  timeoutMs: number;
  /** NOOP after this long idle; 0: never. */
  keepAliveMs: number;
}

/** The engine's timing from the connection settings. */
export function timingOf(connection: AppSettings['connection']): ConnectionTiming {
  return { timeoutMs: connection.timeoutSeconds * 1000, keepAliveMs: connection.isKeepAlive ? connection.keepAliveSeconds * 1000 : 0 };
}

const DEFAULT_TIMING = timingOf(DEFAULT_SETTINGS.connection);

/** The port a connection goes to. */
export { portOf };

/**
 * Maps what the user chose to what the engine takes. With "TLS if available", a server that
 * offers no TLS gets a plain login only when `tls` says the user agreed (TlsMemory).
 */
export function toConnectOptions(
  params: ConnectParams,
  connectionId?: string,
  tls?: TlsMemory,
  habits?: ServerHabits,
  timing: ConnectionTiming = DEFAULT_TIMING,
): ConnectOptions {
  return {
    host: params.host,
    port: params.port,
    user: params.user || undefined,
    password: params.password,
    tls: params.tls,
    dataMode: params.dataMode,
    trustedFingerprint: params.trustedFingerprint,
    // A charset the user chose wins; else what a connection of this run learnt from the names.
    encoding: params.encoding ?? habits?.charsetOf(params.host, portOf(params)),
    pipelinedLogin: habits?.isLoginPipelined(params.host, portOf(params)),
    serverType: params.serverType,
    connectionId,
    timeoutMs: timing.timeoutMs,
    keepAliveMs: timing.keepAliveMs,
    maxListingEntries: maxListingEntries(process.env),
    allowPlainLogin: params.tls === 'explicit-if-available' && tls?.isPlainAllowed(serverKey(params.host, portOf(params))) === true,
  };
}

/** What the options of every connection depend on. */
export interface ConnectOptionsDeps {
  /** Whether a server without TLS may be logged in to in plain text (the user's answer). */
  tls: TlsMemory;
  /** What this run's connections learnt, per server. */
  habits: ServerHabits;
  /** The timeout and keep-alive in force when a connection opens (the settings may change). */
  timing?: () => ConnectionTiming;
}

/** Builds each connection's engine options from its parameters, for whichever protocol they name. */
export class ConnectOptionsBuilder {
  constructor(private readonly deps: ConnectOptionsDeps) {}

  /** The options for one connection named `connectionId` in the log. */
  async build(params: ConnectParams, connectionId?: string): Promise<RemoteConnectOptions> {
    const { tls, habits, timing } = this.deps;
    return { protocol: 'ftp', ftp: toConnectOptions(params, connectionId, tls, habits, timing?.()) };
  }
}

/**
 * Engine connect options from the contract's connection parameters: for FTP with what this run
 * learnt and allowed (TLS consent, habits), and the settings' timing. Every connection of the
 * window's services (browsing, transfers, side connections) gets its options here.
 * Must not import electron.
 */
import type { ConnectOptions } from '../ftp';
import type { SftpConnectOptions } from '../sftp';
import { readKeyFile, type RemoteConnectOptions, type SshAnswered } from '../sessions';
import type { ConnectParams } from '../../shared/domain';
import { maxListingEntries } from '../../shared/limits';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { portOf } from '../../shared/serverAccount';
import type { HostKeys } from './HostKeys';
import type { ServerHabits } from './ServerHabits';
import { serverLabel } from './LogFeed';
import type { SshQuestions } from './SshQuestions';
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
  /** SSH host keys known and trusted. */
  hostKeys: HostKeys;
  /** Where SSH logins' questions go to the windows. */
  questions: SshQuestions;
  /** Saves the passphrase of a saved site's key when the user asks to remember it; absent: not offered. */
  rememberPassphrase?: (siteId: string) => ((passphrase: string) => Promise<void>) | undefined;
  /** Whether an SSH agent is there to ask (SSH_AUTH_SOCK, or Pageant on Windows). */
  hasAgent?: () => boolean;
}

/** Builds each connection's engine options from its parameters, for whichever protocol they name. */
export class ConnectOptionsBuilder {
  constructor(private readonly deps: ConnectOptionsDeps) {}

  /**
   * The options for one connection named `connectionId` in the log; the questions of an SSH login
   * go to window `ownerClientId` (any window when absent).
   */
  async build(params: ConnectParams, connectionId?: string, ownerClientId?: string): Promise<RemoteConnectOptions> {
    const { tls, habits, timing } = this.deps;
    if (params.protocol !== 'sftp') return { protocol: 'ftp', ftp: toConnectOptions(params, connectionId, tls, habits, timing?.()) };
    return this.buildSftp(params, connectionId, ownerClientId);
  }

  private async buildSftp(params: ConnectParams, connectionId: string | undefined, ownerClientId: string | undefined): Promise<RemoteConnectOptions> {
    const { hostKeys, questions, rememberPassphrase, hasAgent } = this.deps;
    const { timeoutMs, keepAliveMs } = this.deps.timing?.() ?? DEFAULT_TIMING;
    const port = portOf(params);
    const sftp: SftpConnectOptions = { host: params.host, port, user: params.user ?? '', timeoutMs, keepAliveMs, maxListingEntries: maxListingEntries(process.env) };
    if (connectionId) sftp.connectionId = connectionId;
    if (params.password !== undefined) sftp.password = params.password;
    if (params.keyFile) sftp.privateKey = { path: params.keyFile, data: await readKeyFile(params.keyFile), ...(params.passphrase !== undefined ? { passphrase: params.passphrase } : {}) };
    // A quick connection with nothing else to log in with offers the agent's keys, as OpenSSH does.
    const isBare = params.siteId === undefined && params.password === undefined && !params.keyFile;
    if (params.useAgent || (isBare && hasAgent?.())) sftp.useAgent = true;
    const answered: SshAnswered = {};
    const asking = questions.forConnection(serverLabel(params.host, port), ownerClientId, params.siteId ? rememberPassphrase?.(params.siteId) : undefined);
    return {
      protocol: 'sftp',
      sftp,
      hostKeys: hostKeys.checkFor(params.host, port, params),
      questions: {
        onPrompts: async (request) => {
          const answers = await asking.onPrompts(request);
          // One hidden prompt is a password: later connections of this run answer it themselves.
          if (request.prompts.length === 1 && !request.prompts[0].isEcho) answered.password = answers[0];
          return answers;
        },
        onPassphrase: async (keyPath) => (answered.passphrase = await asking.onPassphrase(keyPath)),
        withdraw: asking.withdraw,
      },
      answered,
    };
  }
}

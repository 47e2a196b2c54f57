/**
 * Connecting and disconnecting the remote side: the session store's state and the remote
 * pane's listing, in that order. Only the newest connect attempt's answer is shown.
 */
import type { ConnectParams, ErrorInfo, PlainAnswer, RemoteSessionInfo } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { getApi } from '../api/getApi';
import { rememberRecent } from './recentConnections';
import { useSyncBrowsing } from './syncBrowsingStore';
import { useRemotePane } from './remotePane';
import { useSession, type PendingPlain, type PendingTrust, type SiteConnectOptions } from './sessionStore';

/** Counts connect attempts, so only the newest one's answer is shown. */
let attempt = 0;

/** Whether attempt `mine` was overtaken; a session it opened anyway is closed again. */
async function isStale(mine: number, result: Result<RemoteSessionInfo>): Promise<boolean> {
  if (mine === attempt) return false;
  if (result.ok) await getApi().remoteDisconnect({ sessionId: result.value.sessionId });
  return true;
}

/** Connects with quick-connect parameters and opens `path` (default: the server's home). */
export async function connect(params: ConnectParams, path?: string): Promise<void> {
  if (useSession.getState().info) await disconnect();
  useSession.setState({ status: 'connecting', error: null, pendingTrust: null, pendingPassword: null, pendingPlain: null });
  const mine = ++attempt;
  const result = await getApi().remoteConnect(params);
  if (await isStale(mine, result)) return;
  if (!result.ok) {
    const plain = plainQuestion(result.error, params.host, { params: { ...params, allowPlain: undefined }, path });
    const trust = trustQuestion(result.error, params.host, { params: { ...params, trustedHostKey: undefined, trustAlways: undefined }, path });
    useSession.setState({
      status: 'disconnected',
      // A certificate or host key to decide about is the one question shown, not an error beside it.
      error: plain || trust ? null : result.error,
      pendingTrust: trust,
      pendingPlain: plain,
    });
    return;
  }
  useSession.setState({ status: 'connected', info: result.value });
  rememberRecent(params);
  await useRemotePane.getState().navigate(path ?? result.value.homePath);
}

/** Connects to a saved site; asks for a password or a certificate decision when the main process needs one. */
export async function connectSite(siteId: string, options: SiteConnectOptions): Promise<void> {
  if (useSession.getState().info) await disconnect();
  useSession.setState({ status: 'connecting', error: null, pendingTrust: null, pendingPassword: null, pendingPlain: null });
  const { password, trustedFingerprint, trustedHostKey, trustAlways, allowPlain } = options;
  const mine = ++attempt;
  const result = await getApi().remoteConnectSite({ siteId, password, trustedFingerprint, trustedHostKey, trustAlways, allowPlain });
  if (await isStale(mine, result)) return;
  // A typed password is kept only as long as a certificate, host key or TLS question is pending.
  const retry = { ...options, trustedFingerprint: undefined, trustedHostKey: undefined, trustAlways: undefined, allowPlain: undefined };
  if (!result.ok) {
    const { kind, message } = result.error;
    const plain = plainQuestion(result.error, options.host, { site: { id: siteId, options: retry }, path: options.remoteDir });
    const trust = trustQuestion(result.error, options.host, { site: { id: siteId, options: retry }, path: options.remoteDir });
    useSession.setState({
      status: 'disconnected',
      error: kind === 'password-required' || plain || trust ? null : result.error,
      pendingTrust: trust,
      pendingPassword: kind === 'password-required' ? { siteId, options: { ...retry, password: undefined }, message } : null,
      pendingPlain: plain,
    });
    return;
  }
  useSession.setState({ status: 'connected', info: result.value });
  const pane = useRemotePane.getState();
  if (options.remoteDir) {
    await pane.navigate(options.remoteDir);
    // A default folder that no longer exists should not leave the pane empty; the log shows the 550.
    if (useRemotePane.getState().error) await pane.navigate(result.value.homePath);
  } else {
    await pane.navigate(result.value.homePath);
  }
  if (options.syncBrowsing) useSyncBrowsing.getState().setOn(true);
}

/**
 * What to show when a connect stopped at the server's identity: a certificate or an unknown host
 * key to decide about, or a changed host key to warn about; null for other failures.
 */
function trustQuestion(error: ErrorInfo, host: string, retry: Pick<PendingTrust, 'params' | 'site' | 'path'>): PendingTrust | null {
  if (error.certificate) return { host, certificate: error.certificate, ...retry };
  if (error.hostKey && (error.kind === 'host-key-unknown' || error.kind === 'host-key-changed')) return { host, hostKey: error.hostKey, ...retry };
  return null;
}

/** The question to put to the user when a connect failed for want of TLS, or null for other failures. */
function plainQuestion(error: ErrorInfo, host: string, retry: Pick<PendingPlain, 'params' | 'site' | 'path'>): PendingPlain | null {
  if (error.kind === 'tls-unavailable') return { kind: 'unavailable', host, message: error.message, ...retry };
  if (error.kind === 'tls-downgrade') return { kind: 'downgrade', host, message: error.message };
  return null;
}

/** Goes on without TLS with the server that offers none: for this run, or `always`. */
export async function continueWithoutTls(answer: PlainAnswer): Promise<void> {
  const pending = useSession.getState().pendingPlain;
  if (!pending || pending.kind !== 'unavailable') return;
  if (pending.site) {
    await connectSite(pending.site.id, { ...pending.site.options, allowPlain: answer });
  } else if (pending.params) {
    await connect({ ...pending.params, allowPlain: answer }, pending.path);
  }
}

/**
 * Retries with the pending certificate or host key trusted; `always` keeps a certificate with the
 * site (or for the server when there is no site), and a host key in Ferry's known hosts.
 */
export async function trustCertificate(always = false): Promise<void> {
  const pending = useSession.getState().pendingTrust;
  if (!pending) return;
  if (pending.hostKey) {
    // A changed key is never trusted from here: the old one must be removed first.
    if (pending.hostKey.previous) return;
    const trustedHostKey = pending.hostKey.fingerprint;
    if (pending.site) await connectSite(pending.site.id, { ...pending.site.options, trustedHostKey, trustAlways: always });
    else if (pending.params) await connect({ ...pending.params, trustedHostKey, ...(always ? { trustAlways: true } : {}) }, pending.path);
    return;
  }
  if (!pending.certificate) return;
  const fingerprint = pending.certificate.fingerprint256;
  if (pending.site) {
    await connectSite(pending.site.id, { ...pending.site.options, trustedFingerprint: fingerprint, trustAlways: always });
  } else if (pending.params) {
    await connect({ ...pending.params, trustedFingerprint: fingerprint, ...(always ? { trustAlways: true } : {}) }, pending.path);
  }
}

/** Closes the session; a connect still under way is overtaken too, and its session closed when it arrives. */
export async function disconnect(): Promise<void> {
  const info = useSession.getState().info;
  attempt++;
  useSession.setState({ status: 'disconnected', info: null });
  useRemotePane.getState().reset();
  if (info) await getApi().remoteDisconnect({ sessionId: info.sessionId });
}

/**
 * The connection behind the remote pane: connecting, connected (with what the server told
 * us), or an error; and a certificate waiting for the user's trust decision.
 */
import { create } from 'zustand';
import type { CertificateDetails, ConnectParams, ErrorInfo, RemoteSessionInfo } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { getApi } from '../api/getApi';
import { useRemotePane } from './remotePane';
import { rememberRecent } from './recentConnections';

/** A certificate the user has to accept or refuse before we go on. */
export interface PendingTrust {
  /** The host that presented it, for the panel's wording. */
  host: string;
  /** Quick connect: the parameters to retry with. */
  params?: ConnectParams;
  /** Saved site: which one, and how it was being connected (trusting "always" stores the fingerprint with it). */
  site?: { id: string; options: SiteConnectOptions };
  certificate: CertificateDetails;
  path?: string;
}

/** How to connect to a saved site: the password is only for "ask" sites or one not saved. */
export interface SiteConnectOptions {
  /** The site's host and name, for prompts; the main process reads the real settings. */
  host: string;
  name: string;
  /** Folder to open after login instead of the server's home. */
  remoteDir?: string;
  password?: string;
  trustedFingerprint?: string;
  /** Store the trusted fingerprint with the site ("trust always"). */
  trustAlways?: boolean;
}

/** A saved site waiting for the user to type its password. */
export interface PendingSitePassword {
  siteId: string;
  options: SiteConnectOptions;
  /** Why it is needed (ask-type site, nothing saved, or saved passwords locked). */
  message: string;
}

/** State and actions of the session. */
export interface SessionState {
  status: 'disconnected' | 'connecting' | 'connected';
  info: RemoteSessionInfo | null;
  error: ErrorInfo | null;
  pendingTrust: PendingTrust | null;
  pendingPassword: PendingSitePassword | null;
  connect(params: ConnectParams, path?: string): Promise<void>;
  /** Connects to a saved site; asks for a password or a certificate decision when the main process needs one. */
  connectSite(siteId: string, options: SiteConnectOptions): Promise<void>;
  cancelSitePassword(): void;
  /** Retries with the pending certificate trusted; `always` stores it with the site. */
  trustCertificate(always?: boolean): Promise<void>;
  refuseCertificate(): void;
  disconnect(): Promise<void>;
}

/** Counts connect attempts, so only the newest one's answer is shown. */
let attempt = 0;

/** Whether attempt `mine` was overtaken; a session it opened anyway is closed again. */
async function isStale(mine: number, result: Result<RemoteSessionInfo>): Promise<boolean> {
  if (mine === attempt) return false;
  if (result.ok) await getApi().remoteDisconnect({ sessionId: result.value.sessionId });
  return true;
}

/** The session store. */
export const useSession = create<SessionState>()((set, get) => ({
  status: 'disconnected',
  info: null,
  error: null,
  pendingTrust: null,
  pendingPassword: null,
  async connect(params, path) {
    if (get().info) await get().disconnect();
    set({ status: 'connecting', error: null, pendingTrust: null, pendingPassword: null });
    const mine = ++attempt;
    const result = await getApi().remoteConnect(params);
    if (await isStale(mine, result)) return;
    if (!result.ok) {
      const certificate = result.error.certificate;
      set({
        status: 'disconnected',
        error: result.error,
        pendingTrust: certificate ? { host: params.host, params, certificate, path } : null,
      });
      return;
    }
    set({ status: 'connected', info: result.value });
    rememberRecent(params);
    await useRemotePane.getState().navigate(path ?? result.value.homePath);
  },
  async connectSite(siteId, options) {
    if (get().info) await get().disconnect();
    set({ status: 'connecting', error: null, pendingTrust: null, pendingPassword: null });
    const { password, trustedFingerprint, trustAlways } = options;
    const mine = ++attempt;
    const result = await getApi().remoteConnectSite({ siteId, password, trustedFingerprint, trustAlways });
    if (await isStale(mine, result)) return;
    // A typed password is kept only as long as a certificate question is pending.
    const retry = { ...options, trustedFingerprint: undefined, trustAlways: undefined };
    if (!result.ok) {
      const { certificate, kind, message } = result.error;
      set({
        status: 'disconnected',
        error: kind === 'password-required' ? null : result.error,
        pendingTrust: certificate ? { host: options.host, site: { id: siteId, options: retry }, certificate, path: options.remoteDir } : null,
        pendingPassword: kind === 'password-required' ? { siteId, options: { ...retry, password: undefined }, message } : null,
      });
      return;
    }
    set({ status: 'connected', info: result.value });
    const pane = useRemotePane.getState();
    if (options.remoteDir) {
      await pane.navigate(options.remoteDir);
      // A default folder that no longer exists should not leave the pane empty; the log shows the 550.
      if (useRemotePane.getState().error) await pane.navigate(result.value.homePath);
    } else {
      await pane.navigate(result.value.homePath);
    }
  },
  cancelSitePassword() {
    set({ pendingPassword: null });
  },
  async trustCertificate(always = false) {
    const pending = get().pendingTrust;
    if (!pending) return;
    const fingerprint = pending.certificate.fingerprint256;
    if (pending.site) {
      await get().connectSite(pending.site.id, { ...pending.site.options, trustedFingerprint: fingerprint, trustAlways: always });
    } else if (pending.params) {
      await get().connect({ ...pending.params, trustedFingerprint: fingerprint }, pending.path);
    }
  },
  refuseCertificate() {
    set({ pendingTrust: null });
  },
  async disconnect() {
    const info = get().info;
    // A connect still under way is overtaken too: its session will be closed when it arrives.
    attempt++;
    set({ status: 'disconnected', info: null });
    useRemotePane.getState().reset();
    if (info) await getApi().remoteDisconnect({ sessionId: info.sessionId });
  },
}));

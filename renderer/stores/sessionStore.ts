/**
 * The connection behind the remote pane: connecting, connected (with what the server told
 * us), or an error; and a certificate or a password waiting for the user. The actions that
 * connect and disconnect, which also drive the remote pane, are in remoteConnection.ts.
 */
import { create } from 'zustand';
import type { CertificateDetails, ConnectParams, ErrorInfo, HostKeyDetails, PlainAnswer, RemoteSessionInfo } from '../../shared/domain';

/**
 * A server's identity the user has to decide about before we go on: a TLS certificate Ferry
 * cannot verify, or an SSH host key it does not know. A host key that changed (`previous` set) is
 * only shown, never offered for trust.
 */
export interface PendingTrust {
  /** The host that presented it, for the panel's wording. */
  host: string;
  /** Quick connect: the parameters to retry with. */
  params?: ConnectParams;
  /** Saved site: which one, and how it was being connected (trusting "always" stores the fingerprint with it). */
  site?: { id: string; options: SiteConnectOptions };
  certificate?: CertificateDetails;
  hostKey?: HostKeyDetails;
  path?: string;
}

/** How to connect to a saved site: the password is only for "ask" sites or one not saved. */
export interface SiteConnectOptions {
  /** The site's host and name, for prompts; the main process reads the real settings. */
  host: string;
  name: string;
  /** Folder to open after login instead of the server's home. */
  remoteDir?: string;
  /** Turn synchronized browsing on once both panes show the site's folders. */
  syncBrowsing?: boolean;
  password?: string;
  trustedFingerprint?: string;
  /** An SSH host key fingerprint trusted for this connection. */
  trustedHostKey?: string;
  /** Store the trusted fingerprint with the site, or the host key in Ferry's known hosts ("trust always"). */
  trustAlways?: boolean;
  /** The user's answer to a server without TLS. */
  allowPlain?: PlainAnswer;
}

/**
 * A server that offers no TLS though the connection asked for it if available: the user decides
 * whether to log in unencrypted (`unavailable`), or is warned that a server which used TLS before
 * refuses it now (`downgrade`, no way on from here). No password has been sent.
 */
export interface PendingPlain {
  kind: 'unavailable' | 'downgrade';
  host: string;
  message: string;
  /** Quick connect: the parameters to retry with. */
  params?: ConnectParams;
  /** Saved site: which one, and how it was being connected. */
  site?: { id: string; options: SiteConnectOptions };
  path?: string;
}

/** A saved site waiting for the user to type its password. */
export interface PendingSitePassword {
  siteId: string;
  options: SiteConnectOptions;
  /** Why it is needed (ask-type site, nothing saved, or saved passwords locked). */
  message: string;
}

/** State of the session. */
export interface SessionState {
  status: 'disconnected' | 'connecting' | 'connected';
  info: RemoteSessionInfo | null;
  error: ErrorInfo | null;
  pendingTrust: PendingTrust | null;
  pendingPassword: PendingSitePassword | null;
  pendingPlain: PendingPlain | null;
  cancelSitePassword(): void;
  refuseCertificate(): void;
  dismissPlain(): void;
}

/** The session store. */
export const useSession = create<SessionState>()((set) => ({
  status: 'disconnected',
  info: null,
  error: null,
  pendingTrust: null,
  pendingPassword: null,
  pendingPlain: null,
  cancelSitePassword() {
    set({ pendingPassword: null });
  },
  refuseCertificate() {
    set({ pendingTrust: null });
  },
  dismissPlain() {
    set({ pendingPlain: null });
  },
}));

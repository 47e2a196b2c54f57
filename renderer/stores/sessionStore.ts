/**
 * The connection behind the remote pane: connecting, connected (with what the server told
 * us), or an error; and a certificate waiting for the user's trust decision.
 */
import { create } from 'zustand';
import type { CertificateDetails, ConnectParams, ErrorInfo, RemoteSessionInfo } from '../../shared/domain';
import { getApi } from '../api/getApi';
import { useRemotePane } from './remotePane';
import { rememberRecent } from './recentConnections';

/** A certificate the user has to accept or refuse before we go on. */
export interface PendingTrust {
  params: ConnectParams;
  certificate: CertificateDetails;
  path?: string;
}

/** State and actions of the session. */
export interface SessionState {
  status: 'disconnected' | 'connecting' | 'connected';
  info: RemoteSessionInfo | null;
  error: ErrorInfo | null;
  pendingTrust: PendingTrust | null;
  connect(params: ConnectParams, path?: string): Promise<void>;
  trustCertificate(): Promise<void>;
  refuseCertificate(): void;
  disconnect(): Promise<void>;
}

/** The session store. */
export const useSession = create<SessionState>()((set, get) => ({
  status: 'disconnected',
  info: null,
  error: null,
  pendingTrust: null,
  async connect(params, path) {
    if (get().info) await get().disconnect();
    set({ status: 'connecting', error: null, pendingTrust: null });
    const result = await getApi().remoteConnect(params);
    if (!result.ok) {
      const certificate = result.error.certificate;
      set({
        status: 'disconnected',
        error: result.error,
        pendingTrust: certificate ? { params, certificate, path } : null,
      });
      return;
    }
    set({ status: 'connected', info: result.value });
    rememberRecent(params);
    await useRemotePane.getState().navigate(path ?? result.value.homePath);
  },
  async trustCertificate() {
    const pending = get().pendingTrust;
    if (!pending) return;
    await get().connect({ ...pending.params, trustedFingerprint: pending.certificate.fingerprint256 }, pending.path);
  },
  refuseCertificate() {
    set({ pendingTrust: null });
  },
  async disconnect() {
    const info = get().info;
    set({ status: 'disconnected', info: null });
    useRemotePane.getState().reset();
    if (info) await getApi().remoteDisconnect({ sessionId: info.sessionId });
  },
}));

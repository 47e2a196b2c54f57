/**
 * SFTP in the window's stores: an unknown host key becomes the trust panel's question (trusting it
 * once or always connects again with its fingerprint), a changed key is a warning that offers no
 * trust, and the SSH login questions a window shows are its own and those any window may answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApiForTests } from '../../../renderer/api/getApi';
import { connect, connectSite, trustCertificate } from '../../../renderer/stores/remoteConnection';
import { useSession } from '../../../renderer/stores/sessionStore';
import { questionFor } from '../../../renderer/stores/sshQuestionStore';
import type { ConnectParams, ErrorInfo, HostKeyDetails } from '../../../shared/domain';
import type { SshQuestion } from '../../../shared/ssh';
import { fakeApi, type FakeApi } from './fakeApi';

const KEY: HostKeyDetails = { host: 'shell.example.org', port: 22, type: 'ssh-ed25519', fingerprint: `SHA256:${'k'.repeat(43)}` };
const PARAMS: ConnectParams = { protocol: 'sftp', host: 'shell.example.org', user: 'ana', password: 'pw', tls: 'explicit-if-available', dataMode: 'auto' };
const INFO = { sessionId: 's1', host: 'shell.example.org', port: 22, user: 'ana', homePath: '/home/ana', isSecure: true, protocol: 'sftp' as const };

let fake: FakeApi;
let refusal: ErrorInfo | null;

beforeEach(() => {
  refusal = null;
  const answer = () => (refusal ? { ok: false, error: refusal } : { ok: true, value: INFO });
  fake = fakeApi({ '/home/ana': [] }, { remoteConnect: answer, remoteConnectSite: answer });
  setApiForTests(fake.api);
  useSession.setState({ status: 'disconnected', info: null, error: null, pendingTrust: null, pendingPassword: null, pendingPlain: null });
});
afterEach(() => setApiForTests(undefined));

describe('host keys in the window', () => {
  it('asks about an unknown key, and trusting it always connects again with its fingerprint', async () => {
    refusal = { kind: 'host-key-unknown', message: 'unknown', hostKey: KEY };
    await connect(PARAMS);
    expect(useSession.getState()).toMatchObject({ status: 'disconnected', error: null, pendingTrust: { host: 'shell.example.org', hostKey: KEY } });
    refusal = null;
    await trustCertificate(true);
    expect(fake.calls.filter((c) => c.method === 'remoteConnect').at(-1)!.input).toEqual({ ...PARAMS, trustedHostKey: KEY.fingerprint, trustAlways: true });
    expect(useSession.getState()).toMatchObject({ status: 'connected', pendingTrust: null });
  });

  it('trusts a saved site’s key once through the site', async () => {
    refusal = { kind: 'host-key-unknown', message: 'unknown', hostKey: KEY };
    await connectSite('site-1', { host: 'shell.example.org', name: 'Shell' });
    refusal = null;
    await trustCertificate();
    expect(fake.calls.filter((c) => c.method === 'remoteConnectSite').at(-1)!.input).toMatchObject({ siteId: 'site-1', trustedHostKey: KEY.fingerprint, trustAlways: false });
  });

  it('shows a changed key as a warning that trusting cannot get past', async () => {
    const previous = { type: 'ssh-ed25519', fingerprint: `SHA256:${'o'.repeat(43)}`, source: '/x/known_hosts:3', removeCommand: 'ssh-keygen -R shell.example.org -f /x/known_hosts' };
    refusal = { kind: 'host-key-changed', message: 'changed', hostKey: { ...KEY, previous } };
    await connect(PARAMS);
    expect(useSession.getState().pendingTrust?.hostKey?.previous).toEqual(previous);
    const calls = fake.calls.length;
    await trustCertificate(true);
    expect(fake.calls.length).toBe(calls);
  });

  it('shows a revoked key as an error, not a question', async () => {
    refusal = { kind: 'host-key-revoked', message: 'revoked', hostKey: KEY };
    await connect(PARAMS);
    expect(useSession.getState()).toMatchObject({ pendingTrust: null, error: { kind: 'host-key-revoked' } });
  });
});

describe('questionFor', () => {
  const q = (questionId: string, ownerClientId?: string): SshQuestion => ({ questionId, connection: 'h:22', kind: 'prompts', prompts: [], ...(ownerClientId ? { ownerClientId } : {}) });
  it('asks this window’s questions and anyone’s, oldest first, and none before the window knows its name', () => {
    const list = [q('a', 'other'), q('b', 'me'), q('c')];
    expect(questionFor(list, 'me')?.questionId).toBe('b');
    expect(questionFor([q('a', 'other'), q('c')], 'me')?.questionId).toBe('c');
    expect(questionFor([q('a', 'other')], 'me')).toBeUndefined();
    expect(questionFor(list, null)).toBeUndefined();
  });
});

/**
 * The Site Manager store against a scripted API: selection, dirty tracking with the
 * "unsaved changes" question, save with field errors, folders, and connecting to a site
 * (password prompt and trust always) through the session store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FerryApi } from '../../../shared/api';
import type { ErrorInfo, RemoteSessionInfo, Site } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import type { SitesStatus } from '../../../shared/sites';
import { setApiForTests } from '../../../renderer/api/getApi';
import { useSites, selectIsDirty } from '../../../renderer/stores/sitesStore';
import { connectSite, trustCertificate } from '../../../renderer/stores/remoteConnection';
import { useSession } from '../../../renderer/stores/sessionStore';
import { folderKey, siteKey } from '../../../renderer/stores/sitesTree';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });

/** An in-memory sites backend with the checks the tests need, recording every call. */
function fakeApi() {
  const state = { folders: ['Work'], sites: [] as Site[], passwords: new Map<string, string>(), calls: [] as [string, unknown][] };
  let nextId = 1;
  const status: SitesStatus = { secretMode: 'master-password', canStorePasswords: true, isLocked: false, loadIssues: [] };
  const info: RemoteSessionInfo = { sessionId: 'b1', host: 'h', port: 21, user: 'u', homePath: '/home/u', isSecure: false };
  const cert = { fingerprint256: 'AB:'.repeat(31) + 'AB', subject: 'CN=h', issuer: 'CN=h', validTo: '2030' };
  const handlers: Record<string, (input: never) => Result<unknown>> = {
    sitesList: () => ok({ folders: [...state.folders], sites: state.sites.map((s) => ({ ...s, hasPassword: state.passwords.has(s.id) })) }),
    sitesStatus: () => ok(status),
    sitesCreate: ({ site, password }: { site: Partial<Site>; password?: string }) => {
      if (!site.host) return fail({ kind: 'site-invalid', message: 'Host is required', issues: [{ field: 'host', message: 'Host is required' }] });
      const created = { ...site, id: `s${nextId++}`, folder: site.folder ?? '' } as Site;
      state.sites.push(created);
      if (password) state.passwords.set(created.id, password);
      return ok({ ...created, hasPassword: Boolean(password) });
    },
    sitesUpdate: ({ id, patch, password }: { id: string; patch: Partial<Site>; password?: string | null }) => {
      const i = state.sites.findIndex((s) => s.id === id);
      state.sites[i] = { ...state.sites[i], ...patch } as Site;
      if (password) state.passwords.set(id, password);
      if (password === null) state.passwords.delete(id);
      return ok({ ...state.sites[i], hasPassword: state.passwords.has(id) });
    },
    sitesCreateFolder: ({ folder }: { folder: string }) => (state.folders.push(folder), ok(folder)),
    sitesRenameFolder: ({ folder, newName }: { folder: string; newName: string }) => {
      state.folders = state.folders.map((f) => (f === folder ? newName : f));
      state.sites = state.sites.map((s) => (s.folder === folder ? { ...s, folder: newName } : s));
      return ok(newName);
    },
    sitesDelete: ({ id }: { id: string }) => ((state.sites = state.sites.filter((s) => s.id !== id)), ok(undefined)),
    remoteConnectSite: ({ siteId, password, trustedFingerprint }: { siteId: string; password?: string; trustedFingerprint?: string }) => {
      const site = state.sites.find((s) => s.id === siteId)!;
      if (site.tls === 'explicit' && !trustedFingerprint) return fail({ kind: 'tls', message: 'untrusted', certificate: cert });
      if (!password && !state.passwords.has(siteId)) return fail({ kind: 'password-required', message: `${site.name}: enter the password` });
      return ok(info);
    },
    remoteList: ({ path }: { path?: string }) => ok({ sessionId: 'b1', path: path ?? '/home/u', parent: '/', entries: [] }),
    localList: ({ path }: { path?: string }) => ok({ path: path ?? '/', parent: null, entries: [] }),
    remoteDisconnect: () => ok(undefined),
  };
  const api = new Proxy({} as FerryApi, {
    get: (_t, name: string) =>
      name === 'on'
        ? () => () => {}
        : async (input: unknown) => {
            state.calls.push([name, input]);
            const handler = handlers[name];
            if (!handler) throw new Error(`fake API has no ${name}`);
            return handler(input as never);
          },
  });
  return { api, state, cert };
}

let fake: ReturnType<typeof fakeApi>;
const store = () => useSites.getState();

beforeEach(async () => {
  fake = fakeApi();
  setApiForTests(fake.api);
  useSites.setState({ isOpen: false, selection: null, editor: null, expanded: [], pendingLeave: null, banner: null });
  useSession.setState({ status: 'disconnected', info: null, error: null, pendingTrust: null, pendingPassword: null });
  await store().open();
});
afterEach(() => setApiForTests(undefined));

async function saveNewSite(patch: Record<string, string>) {
  store().newSite();
  store().edit(patch);
  expect(await store().save()).toBe(true);
  return store().sites.find((s) => s.name === (patch.name ?? 'New site'))!;
}

describe('sites store', () => {
  it('opens with the tree and the password status', () => {
    expect(store().isOpen).toBe(true);
    expect(store().folders).toEqual(['Work']);
    expect(store().status?.secretMode).toBe('master-password');
  });

  it('creates a site in the selected folder, shows field errors, then saves it with its password', async () => {
    store().select(folderKey('Work'));
    store().newSite();
    expect(store().editor?.form).toMatchObject({ name: 'New site', folder: 'Work' });
    expect(selectIsDirty(store())).toBe(true);

    store().edit({ user: 'ana', port: '99999' });
    expect(await store().save()).toBe(false);
    expect(store().fieldErrors).toEqual({ host: 'Host is required' });

    store().edit({ host: 'ftp.example.com', password: 'pw' });
    expect(store().fieldErrors).toEqual({});
    expect(await store().save()).toBe(true);
    const created = store().sites[0];
    expect(fake.state.calls.filter(([n]) => n === 'sitesCreate').at(-1)?.[1]).toMatchObject({ password: 'pw' });
    expect(store().selection).toBe(siteKey(created.id));
    expect(store().editor?.form).toMatchObject({ password: '', hasSavedPassword: true });
    expect(selectIsDirty(store())).toBe(false);
    expect(store().expanded).toContain('Work');
  });

  it('asks before leaving unsaved changes, and can save, discard or stay', async () => {
    const a = await saveNewSite({ name: 'A', host: 'a.example.com', user: 'u' });
    store().select(siteKey(a.id));
    store().edit({ host: 'changed.example.com' });
    store().select(folderKey('Work'));
    expect(store().pendingLeave).toEqual({ kind: 'select', key: folderKey('Work') });
    expect(store().selection).toBe(siteKey(a.id));

    await store().resolveLeave('stay');
    expect(store().editor?.form.host).toBe('changed.example.com');

    store().close();
    expect(store().pendingLeave).toEqual({ kind: 'close' });
    await store().resolveLeave('save');
    expect(store().isOpen).toBe(false);
    expect(fake.state.sites[0].host).toBe('changed.example.com');

    await store().open();
    store().select(siteKey(a.id));
    store().edit({ host: 'discarded.example.com' });
    store().newSite();
    await store().resolveLeave('discard');
    expect(store().editor).toMatchObject({ siteId: null });
    expect(fake.state.sites[0].host).toBe('changed.example.com');
  });

  it('forgets a saved password only when asked, and keeps it otherwise', async () => {
    const a = await saveNewSite({ name: 'A', host: 'a.example.com', user: 'u', password: 'secret' });
    store().select(siteKey(a.id));
    store().edit({ comments: 'note' });
    await store().save();
    expect(fake.state.passwords.get(a.id)).toBe('secret');
    expect(fake.state.calls.filter(([n]) => n === 'sitesUpdate').at(-1)?.[1]).not.toHaveProperty('password');

    store().edit({ forgetPassword: true });
    await store().save();
    expect(fake.state.passwords.has(a.id)).toBe(false);
    expect(store().editor?.form.hasSavedPassword).toBe(false);
  });

  it('renames a folder and keeps it expanded and selected', async () => {
    store().select(folderKey('Work'));
    store().toggleFolder('Work');
    expect(await store().renameSelected('Jobs')).toBe(true);
    expect(store().selection).toBe(folderKey('Jobs'));
    expect(store().expanded).toEqual(['Jobs']);
  });

  it('connects, asks for a missing password, and opens the remote folder', async () => {
    const a = await saveNewSite({ name: 'A', host: 'a.example.com', user: 'u', remoteDir: '/srv' });
    await store().connect(a.id);
    expect(store().isOpen).toBe(false);
    expect(useSession.getState().pendingPassword).toMatchObject({ siteId: a.id, message: 'A: enter the password' });

    const pending = useSession.getState().pendingPassword!;
    await connectSite(pending.siteId, { ...pending.options, password: 'typed' });
    expect(useSession.getState()).toMatchObject({ status: 'connected', pendingPassword: null, error: null });
    expect(fake.state.calls.filter(([n]) => n === 'remoteList').at(-1)?.[1]).toEqual({ sessionId: 'b1', path: '/srv' });
  });

  it('trusts a certificate always for a saved site', async () => {
    const a = await saveNewSite({ name: 'TLS', host: 't.example.com', user: 'u', password: 'pw', tls: 'explicit' });
    await store().connect(a.id);
    const trust = useSession.getState().pendingTrust;
    expect(trust).toMatchObject({ host: 't.example.com', site: { id: a.id } });

    await trustCertificate(true);
    const call = fake.state.calls.filter(([n]) => n === 'remoteConnectSite').at(-1)?.[1];
    expect(call).toEqual({ siteId: a.id, password: undefined, trustedFingerprint: fake.cert.fingerprint256, trustAlways: true });
    expect(useSession.getState().status).toBe('connected');
  });
});

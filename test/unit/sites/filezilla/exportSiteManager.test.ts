import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../../../shared/domain';
import { exportSiteManager } from '../../../../electron/sites/filezilla/exportSiteManager';
import { importSiteManager } from '../../../../electron/sites/filezilla/importSiteManager';
import { parseSiteManager } from '../../../../electron/sites/filezilla/parseSiteManager';
import { KeychainSecretStore } from '../../../../electron/sites/KeychainSecretStore';
import { SiteStore } from '../../../../electron/sites/SiteStore';
import { FakeSafeStorage, removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

const FIXTURE = readFileSync(new URL('../../../fixtures/sitemanager/sitemanager.xml', import.meta.url), 'utf8');

async function stores() {
  const dir = await tempDir();
  return { store: await SiteStore.open(dir), secrets: await KeychainSecretStore.open(dir, new FakeSafeStorage()) };
}

/** Sites without ids, keyed by folder/name, with their passwords. */
async function snapshot(store: SiteStore, secrets: KeychainSecretStore) {
  const out: Record<string, unknown> = {};
  for (const { id, ...site } of store.list().sites) out[`${site.folder}/${site.name}`] = { ...site, password: await secrets.get(id) };
  return out;
}

describe('FileZilla export', () => {
  it('round-trips through import: folders, sites and passwords', async () => {
    const a = await stores();
    await importSiteManager(FIXTURE, a.store, a.secrets);
    for (const platform of ['windows', '*nix'] as const) {
      const { xml, warnings } = await exportSiteManager(a.store.list(), {
        includePasswords: true,
        getPassword: (id) => a.secrets.get(id),
        platform,
      });
      expect(warnings).toEqual([]);
      const b = await stores();
      const result = await importSiteManager(xml, b.store, b.secrets);
      expect(result.skipped).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(b.store.list().folders).toEqual(a.store.list().folders);
      expect(await snapshot(b.store, b.secrets)).toEqual(await snapshot(a.store, a.secrets));
    }
  });

  it('writes synchronized browsing back as <SyncBrowsing>', async () => {
    const a = await stores();
    const xml = '<FileZilla3 platform="*nix"><Servers><Server><Host>in-step</Host><SyncBrowsing>1</SyncBrowsing></Server><Server><Host>apart</Host></Server></Servers></FileZilla3>';
    await importSiteManager(xml, a.store, a.secrets);
    const exported = (await exportSiteManager(a.store.list(), { includePasswords: false, platform: '*nix' })).xml;
    expect(exported.match(/<SyncBrowsing>\d<\/SyncBrowsing>/g)).toEqual(['<SyncBrowsing>0</SyncBrowsing>', '<SyncBrowsing>1</SyncBrowsing>']);
  });

  it('writes FileZilla codes and base64 passwords as FileZilla does', async () => {
    const a = await stores();
    await importSiteManager(FIXTURE, a.store, a.secrets);
    const { xml } = await exportSiteManager(a.store.list(), { includePasswords: true, getPassword: (id) => a.secrets.get(id), platform: 'windows' });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes" \?>\n<FileZilla3 version="[\d.]+" platform="windows">\n\t<Servers>\n/);
    expect(xml).toContain('<Folder expanded="1">Work\n');
    expect(xml).toContain('<Folder expanded="1">Archive\n');
    expect(xml).toContain('<Pass encoding="base64">czNjcjN0Jjxww6Rzc3fDtnJkPg==</Pass>');
    expect(xml).toContain('<RemoteDir>1 0 6 public 4 html</RemoteDir>');
    expect(xml).toContain('<RemoteDir>3 0 2 C: 7 inetpub 7 wwwroot</RemoteDir>');
    expect(xml).toContain('<Comments>Production &amp; staging.\nCall Bob before deploying &lt;anything&gt;.</Comments>');
    expect(xml).toContain('<EncodingType>Custom</EncodingType>');
    expect(xml).toContain('<CustomEncoding>ISO-8859-1</CustomEncoding>');
    expect(xml).toContain('<PasvMode>MODE_ACTIVE</PasvMode>');
    expect(xml).toContain('<Protocol>6</Protocol>');
  });

  it('writes SFTP sites as FileZilla 3 does: Protocol 1, the key file before the logon type, no transfer mode', async () => {
    const sftp = (over: Partial<Site>): Site => ({ id: over.name!, name: '', folder: '', protocol: 'sftp', host: 'h', tls: 'explicit-if-available', logonType: 'normal', user: 'u', dataMode: 'auto', charset: 'auto', ...over });
    const sites = [
      sftp({ name: 'pw', port: 2222, hasPassword: true }),
      sftp({ name: 'key', logonType: 'key', keyFile: '/home/u/.ssh/id_ed25519', hasPassword: true }),
      sftp({ name: 'otp', logonType: 'interactive' }),
      sftp({ name: 'agent', logonType: 'agent' }),
    ];
    const { xml, warnings } = await exportSiteManager({ folders: [], sites }, { includePasswords: true, getPassword: async (id) => `secret of ${id}`, platform: '*nix' });
    const servers = xml.split('<Server>').slice(1).map((block) => block.replace(/\s+/g, ''));
    expect(servers[0]).toContain('<Host>h</Host><Port>2222</Port><Protocol>1</Protocol><User>u</User><Passencoding="base64">c2VjcmV0IG9mIHB3</Pass><Logontype>1</Logontype>');
    expect(servers[1]).toContain('<Port>22</Port><Protocol>1</Protocol><User>u</User><Keyfile>/home/u/.ssh/id_ed25519</Keyfile><Logontype>5</Logontype>');
    expect(servers[2]).toContain('<User>u</User><Logontype>3</Logontype>');
    expect(servers[3]).toContain('<User>u</User><Logontype>3</Logontype>');
    for (const server of servers) {
      expect(server).not.toContain('<PasvMode>');
      expect(server).not.toContain('<Type>');
    }
    expect(warnings).toEqual([
      { path: 'key', message: "The key's saved passphrase is not exported: FileZilla asks for it when it connects" },
      { path: 'agent', message: "FileZilla has no SSH agent logon type: exported as Interactive (FileZilla offers a running agent's keys by itself)" },
    ]);
    const parsed = parseSiteManager(xml);
    expect(parsed.sites.map((s) => [s.input.name, s.input.protocol, s.input.logonType, s.input.keyFile, s.password])).toEqual([
      ['pw', 'sftp', 'normal', undefined, 'secret of pw'],
      ['key', 'sftp', 'key', '/home/u/.ssh/id_ed25519', undefined],
      ['otp', 'sftp', 'interactive', undefined, undefined],
      ['agent', 'sftp', 'interactive', undefined, undefined],
    ]);
  });

  it('leaves passwords out unless asked, turning such sites into "ask"', async () => {
    const a = await stores();
    await importSiteManager(FIXTURE, a.store, a.secrets);
    const { xml } = await exportSiteManager(a.store.list(), { getPassword: (id) => a.secrets.get(id) });
    expect(xml).not.toContain('<Pass');
    expect(xml).not.toContain('czNjcjN0Jjxww6Rzc3fDtnJkPg');
    const parsed = parseSiteManager(xml);
    expect(parsed.sites.find((s) => s.input.name === 'Company web')?.input.logonType).toBe('ask');
    expect(parsed.sites.every((s) => s.password === undefined)).toBe(true);
  });

  it('escapes names and counts remote path lengths for the target platform', async () => {
    const site: Site = {
      id: '1',
      name: 'R&D <"test">',
      folder: 'A & B/C<D>',
      host: 'h',
      tls: 'explicit',
      logonType: 'normal',
      user: 'ü&ser',
      dataMode: 'auto',
      charset: 'auto',
      remoteDir: '/😀 up',
      comments: 'line1\r\nline2 \u0007',
    };
    for (const platform of ['windows', 'mac'] as const) {
      const tree = { folders: ['A & B', 'A & B/C<D>'], sites: [site] };
      const { xml } = await exportSiteManager(tree, { includePasswords: true, getPassword: async () => 'p&<w>', platform });
      expect(xml).toContain(platform === 'windows' ? '<RemoteDir>1 0 5 😀 up</RemoteDir>' : '<RemoteDir>1 0 4 😀 up</RemoteDir>');
      const parsed = parseSiteManager(xml);
      expect(parsed.folders).toEqual(['A & B', 'A & B/C<D>']);
      expect(parsed.sites).toEqual([
        {
          path: 'A & B/C<D>/R&D <"test">',
          password: 'p&<w>',
          // A bell character cannot be written in XML 1.0 at all; it becomes U+FFFD.
          input: expect.objectContaining({ name: 'R&D <"test">', user: 'ü&ser', remoteDir: '/😀 up', comments: 'line1\r\nline2 \ufffd', port: 21 }),
        },
      ]);
    }
  });

  it('warns about remote folders FileZilla cannot represent', async () => {
    const site = { id: '1', name: 'x', folder: '', host: 'h', tls: 'none', logonType: 'anonymous', dataMode: 'auto', charset: 'auto', remoteDir: 'relative/dir' } as const;
    const { xml, warnings } = await exportSiteManager({ folders: [], sites: [site] });
    expect(xml).toContain('<RemoteDir />');
    expect(warnings).toEqual([{ path: 'x', message: 'Remote folder "relative/dir" is not an absolute Unix or Windows path; left out' }]);
  });
});

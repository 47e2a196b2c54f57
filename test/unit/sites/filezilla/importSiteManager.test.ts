import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteManagerFormatError } from '../../../../electron/sites/errors';
import { importSiteManager } from '../../../../electron/sites/filezilla/importSiteManager';
import { parseSiteManager } from '../../../../electron/sites/filezilla/parseSiteManager';
import { KeychainSecretStore } from '../../../../electron/sites/KeychainSecretStore';
import { AskEachTimeSecretStore } from '../../../../electron/sites/SecretStore';
import { SiteStore } from '../../../../electron/sites/SiteStore';
import { FakeSafeStorage, filesContaining, removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

const FIXTURE = readFileSync(new URL('../../../fixtures/sitemanager/sitemanager.xml', import.meta.url), 'utf8');

/** The fixture's usable sites, as the store lists them (sorted by folder, then name). */
const EXPECTED_SITES = [
  {
    name: 'GNU mirror',
    folder: '',
    host: 'ftp.mirror.example.org',
    port: 21,
    tls: 'explicit-if-available',
    logonType: 'anonymous',
    dataMode: 'auto',
    charset: 'auto',
    localDir: 'C:\\Users\\ana\\Downloads',
    remoteDir: '/pub/gnu',
  },
  {
    name: 'Home NAS',
    folder: 'Personal',
    host: '192.168.1.20',
    port: 2121,
    tls: 'explicit-if-available',
    logonType: 'ask',
    user: 'ana',
    dataMode: 'auto',
    charset: 'auto',
    remoteDir: '/',
    maxConnections: 2,
  },
  {
    name: 'Shell account',
    folder: 'Personal',
    protocol: 'sftp',
    host: 'shell.example.org',
    port: 22,
    tls: 'explicit-if-available',
    logonType: 'ask',
    user: 'ana',
    dataMode: 'auto',
    charset: 'auto',
    remoteDir: '/www',
  },
  {
    name: 'Windows box',
    folder: 'Personal',
    host: 'win.example.org',
    port: 21,
    tls: 'explicit',
    logonType: 'normal',
    user: 'Administrator',
    dataMode: 'auto',
    charset: 'auto',
    serverType: 'dos',
    remoteDir: 'C:\\inetpub\\wwwroot',
    hasPassword: true,
  },
  {
    name: 'Company web',
    folder: 'Work',
    host: 'www.example.com',
    port: 21,
    tls: 'explicit',
    logonType: 'normal',
    user: 'deploy',
    dataMode: 'passive',
    charset: 'utf8',
    localDir: 'C:\\Projects\\web\\dist',
    remoteDir: '/public/html',
    maxConnections: 3,
    comments: 'Production & staging.\nCall Bob before deploying <anything>.',
    hasPassword: true,
  },
  {
    name: 'Acme bastion (OTP)',
    folder: 'Work/Clients',
    protocol: 'sftp',
    host: 'bastion.acme.example',
    port: 22,
    tls: 'explicit-if-available',
    logonType: 'interactive',
    user: 'ana',
    dataMode: 'auto',
    charset: 'auto',
  },
  {
    name: 'Acme build box',
    folder: 'Work/Clients',
    protocol: 'sftp',
    host: 'build.acme.example',
    port: 2222,
    tls: 'explicit-if-available',
    logonType: 'normal',
    user: 'ci',
    dataMode: 'auto',
    charset: 'auto',
    localDir: 'C:\\Projects\\acme\\out',
    remoteDir: '/home/ci/artifacts',
    comments: 'Artifacts only.',
    hasPassword: true,
  },
  {
    name: 'Acme Corp',
    folder: 'Work/Clients',
    host: 'files.acme.example',
    port: 990,
    tls: 'implicit',
    logonType: 'ask',
    user: 'acme',
    dataMode: 'auto',
    charset: 'ISO-8859-1',
    serverType: 'unix',
    remoteDir: '/Acme Files/2024 Orders',
  },
  {
    name: 'Acme SFTP',
    folder: 'Work/Clients',
    protocol: 'sftp',
    host: 'sftp.acme.example',
    port: 22,
    tls: 'explicit-if-available',
    logonType: 'key',
    user: 'acme',
    keyFile: 'C:\\Users\\ana\\.ssh\\acme.ppk',
    dataMode: 'auto',
    charset: 'auto',
  },
  {
    name: 'Billing (account)',
    folder: 'Work/Clients',
    host: 'billing.example.com',
    port: 21,
    tls: 'explicit-if-available',
    logonType: 'normal',
    user: 'clerk',
    dataMode: 'auto',
    charset: 'auto',
    hasPassword: true,
  },
  {
    name: 'Legacy server',
    folder: 'Work/Clients',
    host: 'legacy.example.net',
    port: 21,
    tls: 'none',
    logonType: 'ask',
    user: 'old-admin',
    dataMode: 'active',
    charset: 'auto',
    remoteDir: '/srv/old uploads',
    maxConnections: 1,
    comments: 'Plain FTP only, sadly.',
  },
];

const EXPECTED_SECRETS: Record<string, string> = {
  'Windows box': 'plain0ld',
  'Company web': 's3cr3t&<pässwörd>',
  'Billing (account)': 'acct-Pa55',
  'Acme build box': 'build-Pass!',
};

async function openStores() {
  const dir = await tempDir();
  const store = await SiteStore.open(dir);
  const secrets = await KeychainSecretStore.open(dir, new FakeSafeStorage());
  return { dir, store, secrets };
}

describe('FileZilla import', () => {
  it('imports folders, sites and passwords exactly', async () => {
    const { store, secrets } = await openStores();
    const result = await importSiteManager(FIXTURE, store, secrets);

    const { folders, sites } = store.list();
    expect(folders).toEqual(['Personal', 'Work', 'Work/Archive', 'Work/Clients']);
    expect(sites.map(({ id: _id, ...rest }) => rest)).toEqual(EXPECTED_SITES);
    expect(result.imported.map((s) => s.name).sort()).toEqual(EXPECTED_SITES.map((s) => s.name).sort());
    for (const site of sites) {
      expect([site.name, await secrets.get(site.id)]).toEqual([site.name, EXPECTED_SECRETS[site.name]]);
    }
  });

  it('reports every entry it could not import, with the reason', async () => {
    const { store, secrets } = await openStores();
    const result = await importSiteManager(FIXTURE, store, secrets);
    expect(result.skipped).toEqual([
      { path: 'Personal/Half-finished entry', reason: 'Host is missing' },
      { path: 'Personal/Typo in port', reason: 'Port "70000" is not a number from 1 to 65535' },
      { path: 'Personal/Backups', reason: 'S3 is not supported: Ferry connects with FTP, FTPS and SFTP only' },
    ]);
    expect(result.warnings).toEqual([
      { path: 'Work/Company web', message: '1 bookmark(s) not imported' },
      {
        path: 'Work/Clients/Legacy server',
        message: 'Password is encrypted with a FileZilla master password and cannot be read; imported as "ask for password"',
      },
      {
        path: 'Work/Clients/Legacy server',
        message: 'Server time zone offset (60 minutes) is not supported; times are shown as the server sends them',
      },
      { path: 'Work/Clients/Billing (account)', message: 'The FTP account "billing" (ACCT) is not supported; imported as normal logon' },
      { path: 'Personal/Home NAS', message: 'Interactive logon imported as "ask for password"' },
    ]);
    // Every <Server> of the file is accounted for: imported or skipped.
    expect(result.imported.length + result.skipped.length).toBe(FIXTURE.match(/<Server>/g)!.length);
  });

  it('never writes an imported password in plain text', async () => {
    const { dir, store, secrets } = await openStores();
    await importSiteManager(FIXTURE, store, secrets);
    for (const password of Object.values(EXPECTED_SECRETS)) expect(await filesContaining(dir, password)).toEqual([]);
  });

  it('imports into a target folder and renames clashing names', async () => {
    const { store, secrets } = await openStores();
    await importSiteManager(FIXTURE, store, secrets, { targetFolder: 'FileZilla' });
    const again = await importSiteManager(FIXTURE, store, secrets, { targetFolder: 'filezilla' });
    expect(store.list().folders).toEqual(['FileZilla', 'FileZilla/Personal', 'FileZilla/Work', 'FileZilla/Work/Archive', 'FileZilla/Work/Clients']);
    expect(again.imported.map((s) => `${s.folder}/${s.name}`)).toContain('FileZilla/Work/Company web (2)');
    expect(again.warnings).toContainEqual({ path: 'Work/Company web', message: 'Renamed to "Company web (2)": the name was already taken' });
    expect(store.list().sites).toHaveLength(2 * EXPECTED_SITES.length);
  });

  it('turns saved passwords into "ask" when the secret store cannot keep them', async () => {
    const store = await SiteStore.open(await tempDir());
    const result = await importSiteManager(FIXTURE, store, new AskEachTimeSecretStore());
    const web = store.list().sites.find((s) => s.name === 'Company web')!;
    expect(web.logonType).toBe('ask');
    expect(web.hasPassword).toBeUndefined();
    expect(result.warnings).toContainEqual({
      path: 'Work/Company web',
      message: 'Password not saved (passwords are not stored in "ask each time" mode); imported as "ask for password"',
    });
  });

  it('rejects a file that is not well-formed or not from FileZilla, leaving the store untouched', async () => {
    const { store, secrets } = await openStores();
    await expect(importSiteManager(FIXTURE.replace('</Servers>', ''), store, secrets)).rejects.toBeInstanceOf(SiteManagerFormatError);
    await expect(importSiteManager('<settings/>', store, secrets)).rejects.toThrow('root element is <settings>');
    expect(store.list()).toEqual({ folders: [], sites: [] });
  });

  it('handles odd entries: name from text, bad base64, custom charset without name, folder with slash', () => {
    const xml = `<FileZilla3 platform="*nix"><Servers>
      <Folder>A/B<Server><Host>h1</Host><Logontype>1</Logontype><User>u</User><Pass encoding="base64">***</Pass>Legacy name</Server></Folder>
      <Folder><Server><Host>h2</Host><EncodingType>Custom</EncodingType><RemoteDir>1 0 9 bad</RemoteDir><MaximumMultipleConnections>25</MaximumMultipleConnections></Server></Folder>
      <Server><Host>h3</Host><Protocol>0</Protocol><Logontype>9</Logontype></Server>
      <Server><Host>h4</Host><Logontype>1</Logontype><User>u</User><Pass encoding="weird">x</Pass></Server>
    </Servers></FileZilla3>`;
    const parsed = parseSiteManager(xml);
    expect(parsed.folders).toEqual(['A-B', 'Unnamed folder']);
    expect(parsed.sites.map((s) => [s.path, s.input.logonType, s.input.charset, s.input.remoteDir, s.input.maxConnections])).toEqual([
      ['A-B/Legacy name', 'ask', 'auto', undefined, undefined],
      ['Unnamed folder/h2', 'anonymous', 'auto', undefined, 10],
      ['h4', 'ask', 'auto', undefined, undefined],
    ]);
    expect(parsed.skipped).toEqual([{ path: 'h3', reason: 'Unknown logon type "9"' }]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'Folder "A/B" renamed to "A-B" ("/" separates folders in Ferry)',
      'Saved password is not valid base64 text; imported as "ask for password"',
      'Folder without a name; named "Unnamed folder"',
      'Custom character set "" is not usable; using auto',
      'Remote folder "1 0 9 bad" could not be read (segment is shorter than its length says); left empty',
      'Maximum connections 25 lowered to 10',
      'Password encoding "weird" is unknown; imported as "ask for password"',
    ]);
  });

  it('reads SFTP logons: anonymous becomes interactive, a key without a file asks, an account is dropped', () => {
    const xml = `<FileZilla3 platform="*nix"><Servers>
      <Server><Host>a</Host><Protocol>1</Protocol><Logontype>0</Logontype></Server>
      <Server><Host>b</Host><Protocol>1</Protocol><User>u</User><Logontype>5</Logontype></Server>
      <Server><Host>c</Host><Protocol>1</Protocol><User>u</User><Pass encoding="base64">cHc=</Pass><Account>x</Account><Logontype>4</Logontype></Server>
      <Server><Host>d</Host><Protocol>1</Protocol><User>u</User><Logontype>1</Logontype><PasvMode>MODE_ACTIVE</PasvMode><Type>1</Type><EncodingType>Custom</EncodingType><CustomEncoding>KOI8-R</CustomEncoding></Server>
    </Servers></FileZilla3>`;
    const parsed = parseSiteManager(xml);
    expect(parsed.sites.map((s) => [s.path, s.input.logonType, s.input.user, s.password, s.input.dataMode, s.input.serverType, s.input.charset])).toEqual([
      ['a', 'interactive', 'anonymous', undefined, 'auto', undefined, 'auto'],
      ['b', 'ask', 'u', undefined, 'auto', undefined, 'auto'],
      ['c', 'normal', 'u', 'pw', 'auto', undefined, 'auto'],
      ['d', 'ask', 'u', undefined, 'auto', undefined, 'auto'],
    ]);
    expect(parsed.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'a: SFTP has no anonymous logon; imported as interactive logon as "anonymous"',
      'b: Key file logon without a key file; imported as "ask for password"',
      'c: An account ("x") means nothing to SFTP; imported as normal logon',
      'd: No password saved; imported as "ask for password"',
    ]);
  });

  it('takes synchronized browsing from <SyncBrowsing>', () => {
    const xml = `<FileZilla3 platform="*nix"><Servers>
      <Server><Host>in-step</Host><LocalDir>/home/me/site</LocalDir><RemoteDir>1 0 3 www</RemoteDir><SyncBrowsing>1</SyncBrowsing></Server>
      <Server><Host>apart</Host><SyncBrowsing>0</SyncBrowsing></Server>
    </Servers></FileZilla3>`;
    expect(parseSiteManager(xml).sites.map((s) => [s.input.host, s.input.syncBrowsing])).toEqual([
      ['in-step', true],
      ['apart', undefined],
    ]);
  });

  it('accepts a file with no servers', () => {
    expect(parseSiteManager('<?xml version="1.0"?><FileZilla3 version="3.66.4" platform="windows"/>')).toEqual({
      folders: [],
      sites: [],
      skipped: [],
      warnings: [],
    });
  });
});

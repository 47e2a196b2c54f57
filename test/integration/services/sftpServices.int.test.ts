/**
 * The window's services over SFTP against a real OpenSSH sshd: the host key decision before any
 * credential (unknown → refused with the key; trusted always → remembered in Ferry's known_hosts;
 * changed → refused naming both keys), browsing and file operations, folders up and down through
 * the queue, saved sites with a password, a key file (its passphrase asked in the window and
 * remembered) and keyboard-interactive, and the log naming each connection. Events are read as a
 * window receives them.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import { startSshServer, type RunningSshServer } from '../../servers/sshd';
import type { CallContext } from '../../../shared/api';
import type { ConnectParams, ErrorInfo, LogEntry, TransferItem } from '../../../shared/domain';
import type { QueueChange } from '../../../shared/queue';
import type { SshQuestion } from '../../../shared/ssh';
import { DEFAULT_SYNC_SETTINGS, type SyncRunStatus } from '../../../shared/syncPreview';
import { errorInfoOf } from '../../../shared/errorText';

const ctx: CallContext = { transport: 'browser', clientId: 'window-1' };
let server: RunningSshServer;
let services: Services;
let dataDir: string;
let homeDir: string;
let localDir: string;
const log: LogEntry[] = [];
const items = new Map<string, TransferItem>();
let questions: SshQuestion[] = [];
const syncStatuses: SyncRunStatus[] = [];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function queueSettles(): Promise<TransferItem[]> {
  return vi.waitFor(() => {
    services.hub.flush();
    const all = [...items.values()];
    expect(all.length > 0 && all.every((it) => ['done', 'failed', 'cancelled'].includes(it.state)), JSON.stringify(all.map((i) => [i.remotePath, i.state, i.lastError?.message]))).toBe(true);
    return all;
  }, { timeout: 30_000, interval: 50 });
}

/** The question the window sees next. */
function nextQuestion(): Promise<SshQuestion> {
  return vi.waitFor(() => {
    services.hub.flush();
    expect(questions.length).toBeGreaterThan(0);
    return questions[0];
  }, { timeout: 15_000, interval: 20 });
}

/** What the window receives for a failed call. */
async function failure(call: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await call;
  } catch (err) {
    return errorInfoOf(err);
  }
  throw new Error('the call succeeded');
}

const params = (over: Partial<ConnectParams> = {}): ConnectParams => ({
  protocol: 'sftp',
  host: server.host,
  port: server.port,
  user: server.user,
  password: server.password,
  tls: 'explicit-if-available',
  dataMode: 'auto',
  ...over,
});

beforeAll(async () => {
  server = await startSshServer();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-data-'));
  homeDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-home-'));
  localDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-local-'));
  services = await createServices({ dataDir, homeDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  services.hub.subscribe((event, payload) => {
    if (event === 'log') log.push(...(payload as LogEntry[]));
    if (event === 'queue') for (const item of (payload as QueueChange).items) items.set(item.id, item);
    if (event === 'sshQuestions') questions = payload as SshQuestion[];
    if (event === 'syncStatus') syncStatuses.push(payload as SyncRunStatus);
  });
});

afterAll(async () => {
  await services?.close();
  await server?.stop();
  for (const dir of [dataDir, homeDir, localDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SFTP in the window’s services', () => {
  let sessionId: string;
  let presented: NonNullable<ErrorInfo['hostKey']>;

  it('stops at an unknown host key before any credential, naming the key', async () => {
    const refused = await failure(services.handlers.remoteConnect(params(), ctx));
    expect(refused.kind).toBe('host-key-unknown');
    presented = refused.hostKey!;
    expect(presented).toMatchObject({ host: server.host, port: server.port });
    expect(server.hostKeys.map((k) => k.fingerprint)).toContain(presented.fingerprint);
    expect(refused.message).toContain(presented.fingerprint);
    // sshd saw no login attempt at all: nothing was sent.
    expect(server.log()).not.toMatch(/Accepted|Failed password|authentication failure/);
  });

  it('trusted always, the key is written to known_hosts in Ferry’s data folder, and later connections go on', async () => {
    const info = await services.handlers.remoteConnect(params({ trustedHostKey: presented.fingerprint, trustAlways: true }), ctx);
    sessionId = info.sessionId;
    expect(info).toMatchObject({ protocol: 'sftp', isSecure: true, homePath: server.homeDir, hostKey: { fingerprint: presented.fingerprint } });
    expect(info.system).toMatch(/^SSH-2\.0-OpenSSH/);
    const line = (await readFile(path.join(dataDir, 'known_hosts'), 'utf8')).trim();
    expect(line).toMatch(new RegExp(`^\\[${server.host.replace(/\./g, '\\.')}\\]:${server.port} \\S+ \\S+$`));
    const again = await services.handlers.remoteConnect(params(), ctx);
    await services.handlers.remoteDisconnect({ sessionId: again.sessionId }, ctx);
    // The user's own known_hosts is never written.
    await expect(readdir(path.join(homeDir, '.ssh'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lists, makes, renames, changes the mode of and deletes remote files and folders', async () => {
    const root = server.homeDir;
    await writeFile(path.join(root, 'hello.txt'), 'hello');
    await server.chownToServer(path.join(root, 'hello.txt'));
    const listing = await services.handlers.remoteList({ sessionId }, ctx);
    expect(listing.path).toBe(root);
    expect(listing.entries.find((e) => e.name === 'hello.txt')).toMatchObject({ type: 'file', sizeBytes: 5 });
    await services.handlers.remoteMkdir({ sessionId, path: `${root}/made` }, ctx);
    await services.handlers.remoteMkdir({ sessionId, path: `${root}/made/deeper` }, ctx);
    await services.handlers.remoteRename({ sessionId, from: `${root}/hello.txt`, to: `${root}/made/deeper/renamed.txt` }, ctx);
    await services.handlers.remoteChmod({ sessionId, path: `${root}/made/deeper/renamed.txt`, mode: '600' }, ctx);
    expect((await stat(path.join(root, 'made/deeper/renamed.txt'))).mode & 0o777).toBe(0o600);
    const missing = await failure(services.handlers.remoteRename({ sessionId, from: `${root}/missing`, to: `${root}/x` }, ctx));
    expect(missing).toMatchObject({ kind: 'sftp-status' });
    expect(missing.ftpCode).toBeUndefined();
    expect(missing.message).toMatch(/No such file/);
    await services.handlers.remoteDelete({ sessionId, targets: [{ path: `${root}/made`, isFolder: true }] }, ctx);
    expect(await readdir(root)).toEqual([]);
  });

  it('uploads a folder tree through the queue and downloads it back byte for byte, logging each connection by name', async () => {
    const up = path.join(localDir, 'up');
    await mkdir(path.join(up, 'tree', 'sub'), { recursive: true });
    const big = Buffer.alloc(2 * 1024 * 1024 + 17, 3);
    big.write('start');
    await writeFile(path.join(up, 'tree', 'big.bin'), big);
    await writeFile(path.join(up, 'tree', 'sub', 'b.txt'), 'beta');
    log.length = 0;
    items.clear();
    await services.handlers.queueAdd({ sessionId, direction: 'upload', items: [{ name: 'tree', isFolder: true }], localFolder: up, remoteFolder: server.homeDir }, ctx);
    const uploaded = await queueSettles();
    expect(uploaded.map((i) => i.state)).toEqual(['done', 'done']);
    // SFTP has no text mode: a .txt goes byte for byte whatever the transfer type rule says.
    expect(uploaded.map((i) => i.transferType ?? 'binary')).toEqual(['binary', 'binary']);
    expect(sha(await readFile(path.join(server.homeDir, 'tree', 'big.bin')))).toBe(sha(big));

    items.clear();
    const down = path.join(localDir, 'down');
    await mkdir(down);
    await services.handlers.queueAdd({ sessionId, direction: 'download', items: [{ name: 'tree', isFolder: true }], localFolder: down, remoteFolder: server.homeDir }, ctx);
    expect((await queueSettles()).map((i) => i.state)).toEqual(['done', 'done']);
    expect(sha(await readFile(path.join(down, 'tree', 'big.bin')))).toBe(sha(big));
    expect(await readFile(path.join(down, 'tree', 'sub', 'b.txt'), 'utf8')).toBe('beta');
    expect((await readdir(path.join(down, 'tree'))).filter((n) => n.endsWith('.part'))).toEqual([]);

    services.hub.flush();
    const labels = new Set(log.map((l) => l.connectionLabel));
    expect(labels).toContain(`${server.host}:${server.port} · browsing`);
    expect(labels).toContain(`${server.host}:${server.port} · transfer 1`);
    expect(log.some((l) => l.connectionLabel === `${server.host}:${server.port} · transfer 1` && l.kind === 'command')).toBe(true);
    expect(log.some((l) => l.text.includes(server.password))).toBe(false);
  });

  it('synchronizes a folder up with the window’s Synchronize, byte for byte (no text mode), and Compare then finds nothing', async () => {
    const mine = path.join(localDir, 'mine');
    await mkdir(path.join(mine, 'docs'), { recursive: true });
    await writeFile(path.join(mine, 'docs', 'notes.txt'), 'line one\r\nline two\n');
    await writeFile(path.join(mine, 'index.html'), '<p>hi</p>\n');
    await mkdir(path.join(server.homeDir, 'mine'));
    await server.chownToServer(path.join(server.homeDir, 'mine'));
    items.clear();
    const remoteDir = `${server.homeDir}/mine`;
    const preview = await services.handlers.syncPreview({ previewId: 'sftp-1', sessionId, localDir: mine, remoteDir, settings: DEFAULT_SYNC_SETTINGS }, ctx);
    expect(preview.plan.actions.map((a) => `${a.kind} ${a.relPath}`).sort()).toEqual(['mkdir-remote docs', 'upload docs/notes.txt', 'upload index.html']);
    const start = await services.handlers.syncRun({ previewId: 'sftp-1', checked: preview.plan.actions.map((_a, i) => i) }, ctx);
    await vi.waitFor(() => expect(syncStatuses.find((s) => s.runId === start.runId && s.phase === 'ended')).toBeDefined(), { timeout: 30_000 });
    expect(await readFile(path.join(server.homeDir, 'mine', 'docs', 'notes.txt'), 'utf8')).toBe('line one\r\nline two\n');
    services.hub.flush();
    expect([...items.values()].map((i) => i.transferType ?? 'binary')).toEqual(['binary', 'binary']);
    const again = await services.handlers.syncPreview({ previewId: 'sftp-2', sessionId, localDir: mine, remoteDir, settings: DEFAULT_SYNC_SETTINGS }, ctx);
    expect(again.plan.actions).toEqual([]);
  });

  it('edits a file over SFTP in the built-in editor: saved to the server, a change behind Ferry’s back a conflict', async () => {
    const file = path.join(server.homeDir, 'page.html');
    await writeFile(file, '<p>old</p>\n');
    await server.chownToServer(file);
    const { edit, text } = await services.handlers.editOpen({ sessionId, path: file, mode: 'builtin' }, ctx);
    expect(text?.text).toBe('<p>old</p>\n');
    expect((await services.handlers.editSave({ editId: edit.id, text: '<p>new</p>\n' }, ctx)).state).toBe('clean');
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>\n');
    await writeFile(file, '<p>theirs, longer</p>\n');
    expect((await services.handlers.editSave({ editId: edit.id, text: '<p>mine</p>\n' }, ctx)).state).toBe('conflict');
    await services.handlers.editClose({ editId: edit.id, discardChanges: true }, ctx);
  });

  it('connects to saved sites by password, and by key file whose passphrase the window is asked for and may remember', async () => {
    await services.handlers.sitesSetMasterPassword({ password: 'a long master password' }, ctx);
    const byPassword = await services.handlers.sitesCreate(
      { site: { name: 'Shell', protocol: 'sftp', host: server.host, port: server.port, logonType: 'normal', user: server.user }, password: server.password },
      ctx,
    );
    const first = await services.handlers.remoteConnectSite({ siteId: byPassword.id }, ctx);
    expect(first).toMatchObject({ protocol: 'sftp', user: server.user });
    await services.handlers.remoteDisconnect({ sessionId: first.sessionId }, ctx);

    const plainKey = await services.handlers.sitesCreate(
      { site: { name: 'Key', protocol: 'sftp', host: server.host, port: server.port, logonType: 'key', user: server.user, keyFile: server.clientKeys.plainPath } },
      ctx,
    );
    const byKey = await services.handlers.remoteConnectSite({ siteId: plainKey.id }, ctx);
    await services.handlers.remoteDisconnect({ sessionId: byKey.sessionId }, ctx);
    expect(server.log()).toMatch(/Accepted publickey/);

    const encrypted = await services.handlers.sitesCreate(
      { site: { name: 'Encrypted key', protocol: 'sftp', host: server.host, port: server.port, logonType: 'key', user: server.user, keyFile: server.clientKeys.encryptedPath } },
      ctx,
    );
    const connecting = services.handlers.remoteConnectSite({ siteId: encrypted.id }, ctx);
    const question = await nextQuestion();
    expect(question).toMatchObject({ kind: 'passphrase', keyPath: server.clientKeys.encryptedPath, ownerClientId: ctx.clientId, canRemember: true });
    await services.handlers.sshAnswer({ questionId: question.questionId, answers: [server.clientKeys.passphrase], remember: true }, ctx);
    const info = await connecting;
    expect(info.protocol).toBe('sftp');
    await vi.waitFor(() => expect(questions).toEqual([]));
    const saved = (await services.handlers.sitesList({}, ctx)).sites.find((s) => s.id === encrypted.id)!;
    expect(saved.hasPassword).toBe(true);
    await services.handlers.remoteDisconnect({ sessionId: info.sessionId }, ctx);
    // Remembered: the next connection asks nothing.
    const again = await services.handlers.remoteConnectSite({ siteId: encrypted.id }, ctx);
    services.hub.flush();
    expect(questions).toEqual([]);
    await services.handlers.remoteDisconnect({ sessionId: again.sessionId }, ctx);
  });

  it('asks the server’s keyboard-interactive questions in the window; giving up fails the login', async () => {
    const site = await services.handlers.sitesCreate(
      { site: { name: 'Interactive', protocol: 'sftp', host: server.host, port: server.port, logonType: 'interactive', user: server.user } },
      ctx,
    );
    const refused = services.handlers.remoteConnectSite({ siteId: site.id }, ctx);
    const first = await nextQuestion();
    expect(first.kind).toBe('prompts');
    expect(first.prompts).toEqual([{ text: expect.stringMatching(/password/i), isEcho: false }]);
    await services.handlers.sshAnswer({ questionId: first.questionId }, ctx);
    expect((await failure(refused)).kind).toBe('auth');

    const connecting = services.handlers.remoteConnectSite({ siteId: site.id }, ctx);
    const question = await nextQuestion();
    await services.handlers.sshAnswer({ questionId: question.questionId, answers: [server.password] }, ctx);
    const info = await connecting;
    expect(info.protocol).toBe('sftp');
    await services.handlers.remoteDisconnect({ sessionId: info.sessionId }, ctx);
  });

  it('refuses a changed host key, naming the old and the new fingerprint and how to remove the old one', async () => {
    const kind = presented.type.includes('ed25519') ? 'ed25519' : presented.type.includes('ecdsa') ? 'ecdsa' : 'rsa';
    const other = path.join(localDir, 'other_key');
    await promisify(execFile)('ssh-keygen', ['-q', '-t', kind, '-N', '', '-C', '', '-f', other]);
    const [type, blob] = (await readFile(`${other}.pub`, 'utf8')).trim().split(' ');
    const { stdout } = await promisify(execFile)('ssh-keygen', ['-lf', `${other}.pub`]);
    const oldFingerprint = stdout.split(' ')[1];
    await writeFile(path.join(dataDir, 'known_hosts'), `[${server.host}]:${server.port} ${type} ${blob}\n`);

    const changed = await failure(services.handlers.remoteConnect(params({ trustedHostKey: presented.fingerprint, trustAlways: true }), ctx));
    expect(changed.kind).toBe('host-key-changed');
    expect(changed.hostKey).toMatchObject({ fingerprint: presented.fingerprint, previous: { fingerprint: oldFingerprint, source: `${path.join(dataDir, 'known_hosts')}:1` } });
    expect(changed.message).toContain(oldFingerprint);
    expect(changed.message).toContain(presented.fingerprint);
    expect(changed.message).toContain(`ssh-keygen -R [${server.host}]:${server.port} -f ${path.join(dataDir, 'known_hosts')}`);
    // Nothing was trusted over it.
    expect(await readFile(path.join(dataDir, 'known_hosts'), 'utf8')).toBe(`[${server.host}]:${server.port} ${type} ${blob}\n`);
  });
});

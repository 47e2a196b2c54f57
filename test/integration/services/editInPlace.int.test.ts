/**
 * View/Edit through the app's services against real FTP servers: a remote file opened into a
 * private copy (0700, removed on close and on quit, a crashed run's leftovers removed at start),
 * a save seen and offered for upload, the server holding the new bytes after "upload once", and
 * a change made on the server behind Ferry's back reported as a conflict instead of uploaded,
 * each answer doing what it says (overwrite, keep theirs with or without reloading, save mine
 * under another name). An edit outlives its connection as "reconnect to upload". The built-in
 * editor's path: text in, text saved and uploaded, binary and large files refused.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import { EDIT_FOLDER_PREFIX } from '../../../electron/services/EditTempFolder';
import { startServer, type RunningServer, type ServerKind } from '../../servers';
import type { CallContext } from '../../../shared/api';
import type { EditInfo } from '../../../shared/edit';

const ctx: CallContext = { transport: 'electron', clientId: 'window-1' };

describe.each(['pyftpdlib', 'proftpd'] as ServerKind[])('View/Edit on %s', (kind) => {
  let server: RunningServer;
  let services: Services;
  let dataDir: string;
  let tempBase: string;
  let sessionId: string;
  let crashedLeftover: string;
  let isClosed = false;
  const opened: string[] = [];
  let edits: EditInfo[] = [];

  const connect = async () => {
    const info = await services.handlers.remoteConnect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' }, ctx);
    return info.sessionId;
  };
  const editOf = (id: string) => edits.find((e) => e.id === id);
  const onServer = (name: string) => readFile(path.join(server.homeDir, name), 'utf8');
  /** Changes the server's file as another user of the server would, behind Ferry's back. */
  const changeOnServer = async (name: string, content: string) => {
    await writeFile(path.join(server.homeDir, name), content);
    await server.chownToServer(path.join(server.homeDir, name));
  };
  /** Saves the copy as many editors do: a new file renamed over the old one. */
  const saveInEditor = async (edit: EditInfo, content: string) => {
    const next = path.join(path.dirname(edit.localPath), `.${path.basename(edit.localPath)}.swp`);
    await writeFile(next, content);
    await rename(next, edit.localPath);
  };
  const offered = (id: string) => vi.waitFor(() => expect(editOf(id)?.isOfferPending).toBe(true), { timeout: 10_000, interval: 20 });

  beforeAll(async () => {
    server = await startServer(kind);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-edit-data-'));
    tempBase = await mkdtemp(path.join(os.tmpdir(), 'ferry-edit-base-'));
    // What a Ferry that crashed while editing leaves: its folder, its copy, the id of a process that is gone.
    crashedLeftover = path.join(tempBase, `${EDIT_FOLDER_PREFIX}crashed`);
    await mkdir(path.join(crashedLeftover, 'a1'), { recursive: true, mode: 0o700 });
    await writeFile(path.join(crashedLeftover, 'a1', 'old.txt'), 'left behind');
    await writeFile(path.join(crashedLeftover, 'owner.pid'), '999999\n');
    services = await createServices({
      dataDir,
      editTempDir: tempBase,
      openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }),
      // The desktop's editor: Electron cannot run here, so the copy handed to it is recorded.
      openInEditor: async (localPath) => void opened.push(localPath),
    });
    services.hub.subscribe((event, payload) => {
      if (event === 'edits') edits = payload as EditInfo[];
    });
    sessionId = await connect();
  });

  afterAll(async () => {
    if (!isClosed) await services?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(tempBase, { recursive: true, force: true });
  });

  it('removed what a crashed run left at start', async () => {
    await expect(stat(crashedLeftover)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('opens the file in a private copy, uploads a save once asked, and sees no conflict in its own upload', async () => {
    await changeOnServer('page.html', '<p>one</p>\n');
    const { edit } = await services.handlers.editOpen({ sessionId, path: '/page.html', mode: 'external' }, ctx);
    expect(opened.at(-1)).toBe(edit.localPath);
    expect(await readFile(edit.localPath, 'utf8')).toBe('<p>one</p>\n');
    expect(edit).toMatchObject({ state: 'clean', name: 'page.html', isConnected: true });
    const editDir = path.dirname(edit.localPath);
    const runDir = path.dirname(editDir);
    expect(path.dirname(runDir)).toBe(tempBase);
    expect((await stat(runDir)).mode & 0o777).toBe(0o700);
    expect((await stat(editDir)).mode & 0o777).toBe(0o700);

    await saveInEditor(edit, '<p>two, longer</p>\n');
    await offered(edit.id);
    expect(editOf(edit.id)?.state).toBe('modified');
    expect(await onServer('page.html')).toBe('<p>one</p>\n');
    const after = await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx);
    expect(after).toMatchObject({ state: 'clean', isOfferPending: false });
    expect(await onServer('page.html')).toBe('<p>two, longer</p>\n');

    // The next save is checked against the server's file as this upload left it: no conflict.
    await saveInEditor(edit, '<p>three</p>\n');
    await offered(edit.id);
    expect((await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx)).state).toBe('clean');
    expect(await onServer('page.html')).toBe('<p>three</p>\n');
  });

  it('reports a change made on the server instead of uploading, and "overwrite" then uploads over it', async () => {
    const edit = edits.find((e) => e.name === 'page.html')!;
    await changeOnServer('page.html', '<p>theirs, a different size</p>\n');
    await saveInEditor(edit, '<p>mine 1</p>\n');
    await offered(edit.id);
    const conflicted = await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx);
    expect(conflicted.state).toBe('conflict');
    expect(conflicted.conflict?.changes).toContainEqual(expect.objectContaining({ kind: 'size', toBytes: 32 }));
    expect(conflicted.conflict?.proposedName).toBe('page (edited).html');
    expect(await onServer('page.html')).toBe('<p>theirs, a different size</p>\n');

    const { edit: after } = await services.handlers.editResolveConflict({ editId: edit.id, answer: 'overwrite' }, ctx);
    expect(after.state).toBe('clean');
    expect(await onServer('page.html')).toBe('<p>mine 1</p>\n');
  });

  it('"keep theirs" leaves the server\'s file and the copy\'s changes, asks again on the next upload, and with reload loads theirs', async () => {
    const edit = edits.find((e) => e.name === 'page.html')!;
    await changeOnServer('page.html', '<p>theirs 2, longer again</p>\n');
    await saveInEditor(edit, '<p>mine 2</p>\n');
    await offered(edit.id);
    expect((await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx)).state).toBe('conflict');
    const kept = await services.handlers.editResolveConflict({ editId: edit.id, answer: 'keep-theirs' }, ctx);
    expect(kept.edit.state).toBe('modified');
    expect(await onServer('page.html')).toBe('<p>theirs 2, longer again</p>\n');
    expect(await readFile(edit.localPath, 'utf8')).toBe('<p>mine 2</p>\n');

    // The server's file is still newer than what the copy started from: uploading asks again.
    expect((await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx)).state).toBe('conflict');
    const reloaded = await services.handlers.editResolveConflict({ editId: edit.id, answer: 'keep-theirs', reload: true }, ctx);
    expect(reloaded.edit.state).toBe('clean');
    expect(await readFile(edit.localPath, 'utf8')).toBe('<p>theirs 2, longer again</p>\n');
    expect(await onServer('page.html')).toBe('<p>theirs 2, longer again</p>\n');
  });

  it('a change of the time alone is a conflict, unless the server\'s checksum shows the same bytes', async () => {
    const edit = edits.find((e) => e.name === 'page.html')!;
    const later = new Date(Date.now() + 3600_000);
    await utimes(path.join(server.homeDir, 'page.html'), later, later);
    // Every upload of this file has its own size: proftpd's digest cache (mod_digest) answers HASH
    // for a file of a size and time it hashed before from the cache, as tests are fast enough to hit.
    await saveInEditor(edit, '<p>mine number three</p>\n');
    await offered(edit.id);
    const answered = await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx);
    if (server.supports.hash) {
      expect(answered.state).toBe('clean');
    } else {
      expect(answered.conflict?.changes.map((c) => c.kind)).toEqual(['time']);
      await services.handlers.editResolveConflict({ editId: edit.id, answer: 'overwrite' }, ctx);
    }
    expect(await onServer('page.html')).toBe('<p>mine number three</p>\n');
  });

  it('"save mine as" uploads the copy under the proposed name and leaves theirs; a taken name is refused', async () => {
    const edit = edits.find((e) => e.name === 'page.html')!;
    await changeOnServer('page.html', '<p>theirs 5 — someone else</p>\n');
    await changeOnServer('taken.html', 'x');
    await saveInEditor(edit, '<p>mine 5</p>\n');
    await offered(edit.id);
    const conflicted = await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx);
    expect(conflicted.conflict?.proposedName).toBe('page (edited).html');
    await expect(services.handlers.editResolveConflict({ editId: edit.id, answer: 'save-as', name: 'taken.html' }, ctx)).rejects.toMatchObject({ kind: 'edit-name-taken' });
    expect(editOf(edit.id)?.state).toBe('conflict');

    const { edit: after } = await services.handlers.editResolveConflict({ editId: edit.id, answer: 'save-as', name: 'page (edited).html' }, ctx);
    expect(after).toMatchObject({ state: 'clean', remotePath: '/page (edited).html', name: 'page (edited).html' });
    expect(await onServer('page.html')).toBe('<p>theirs 5 — someone else</p>\n');
    expect(await onServer('page (edited).html')).toBe('<p>mine 5</p>\n');
    expect(await onServer('taken.html')).toBe('x');

    // The edit follows the new file: the next save goes there, and a second conflict proposes the next free name.
    // A different size: proftpd's digest cache (mod_digest) answers HASH for a file of the same size
    // and time from its cache, so a same-size rewrite within a second would fail the check after upload.
    await saveInEditor(after, '<p>mine 6, longer</p>\n');
    await offered(edit.id);
    await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'always' }, ctx);
    expect(await onServer('page (edited).html')).toBe('<p>mine 6, longer</p>\n');
  });

  it('"always upload" uploads each later save without asking', async () => {
    const edit = edits.find((e) => e.name === 'page (edited).html')!;
    expect(edit.isAutoUpload).toBe(true);
    await saveInEditor(edit, '<p>mine 7, automatically</p>\n');
    await vi.waitFor(async () => expect(await onServer('page (edited).html')).toBe('<p>mine 7, automatically</p>\n'), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(editOf(edit.id)?.state).toBe('clean'));
    expect(editOf(edit.id)?.isOfferPending).toBe(false);
  });

  it('keeps the changes when the connection is closed, says to reconnect, and uploads once connected again', async () => {
    await changeOnServer('notes.txt', 'first\n');
    const { edit } = await services.handlers.editOpen({ sessionId, path: '/notes.txt', mode: 'external' }, ctx);
    await services.handlers.remoteDisconnect({ sessionId }, ctx);
    await vi.waitFor(() => expect(editOf(edit.id)?.isConnected).toBe(false));
    await saveInEditor(edit, 'second\n');
    await offered(edit.id);
    await expect(services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx)).rejects.toMatchObject({
      kind: 'edit-offline',
      message: expect.stringContaining('Reconnect to'),
    });
    expect(editOf(edit.id)).toMatchObject({ state: 'modified', lastError: { kind: 'edit-offline' } });
    // What the desktop app asks about before quitting.
    expect(services.unsavedEdits().map((e) => e.name)).toEqual(['notes.txt']);
    expect(await readFile(edit.localPath, 'utf8')).toBe('second\n');
    await expect(services.handlers.editClose({ editId: edit.id }, ctx)).rejects.toMatchObject({ kind: 'edit-unsaved' });

    sessionId = await connect();
    await vi.waitFor(() => expect(editOf(edit.id)?.isConnected).toBe(true));
    expect((await services.handlers.editAnswerOffer({ editId: edit.id, answer: 'once' }, ctx)).state).toBe('clean');
    expect(await onServer('notes.txt')).toBe('second\n');
    await services.handlers.editClose({ editId: edit.id }, ctx);
    await expect(stat(path.dirname(edit.localPath))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(editOf(edit.id)).toBeUndefined();
  });

  it('the built-in editor gets the text, saves it to the server, and is refused binary and large files', async () => {
    await changeOnServer('style.css', 'body {\r\n  color: red;\r\n}\r\n');
    const { edit, text } = await services.handlers.editOpen({ sessionId, path: '/style.css', mode: 'builtin' }, ctx);
    expect(text).toEqual({ text: 'body {\r\n  color: red;\r\n}\r\n', encoding: 'utf-8', lineSeparator: '\r\n' });
    const saved = await services.handlers.editSave({ editId: edit.id, text: 'body {\r\n  color: blue;\r\n}\r\n' }, ctx);
    expect(saved.state).toBe('clean');
    expect(await onServer('style.css')).toBe('body {\r\n  color: blue;\r\n}\r\n');
    await changeOnServer('style.css', 'body { color: green; } /* theirs */\n');
    expect((await services.handlers.editSave({ editId: edit.id, text: 'body {}\r\n' }, ctx)).state).toBe('conflict');
    const reloaded = await services.handlers.editResolveConflict({ editId: edit.id, answer: 'keep-theirs', reload: true }, ctx);
    expect(reloaded.text?.text).toBe('body { color: green; } /* theirs */\n');
    await services.handlers.editClose({ editId: edit.id }, ctx);

    await writeFile(path.join(server.homeDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await expect(services.handlers.editOpen({ sessionId, path: '/logo.png', mode: 'builtin' }, ctx)).rejects.toMatchObject({ kind: 'edit-binary', message: 'logo.png is not a text file (it contains NUL bytes)' });
    await writeFile(path.join(server.homeDir, 'huge.log'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    await expect(services.handlers.editOpen({ sessionId, path: '/huge.log', mode: 'builtin' }, ctx)).rejects.toMatchObject({ kind: 'edit-too-large' });
    expect(edits.map((e) => e.name).sort()).toEqual(['page (edited).html']);
  });

  it('removes every copy when the app quits', async () => {
    const runDir = path.dirname(path.dirname(edits[0].localPath));
    expect((await readdir(runDir)).length).toBeGreaterThan(1);
    await services.close();
    isClosed = true;
    await expect(stat(runDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(tempBase)).toEqual([]);
  });
});

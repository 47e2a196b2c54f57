/**
 * View/Edit's Electron glue (electron mocked: it cannot run here): an empty editor command opens
 * the copy with the system's default application (never a file the system would run), a chosen
 * command is started for real without a shell with the file added last or put where %f stands, a
 * failure says what went wrong, and quitting with changes not uploaded asks once.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const electron = vi.hoisted(() => ({ openPath: vi.fn(async (_path: string) => ''), showMessageBoxSync: vi.fn((..._args: unknown[]) => 0) }));
vi.mock('electron', () => ({ shell: { openPath: electron.openPath }, dialog: { showMessageBoxSync: electron.showMessageBoxSync } }));

const { openInEditor, unsavedEditsGuard, wouldRun } = await import('../../../electron/ipc/editorLauncher');

const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-editor-launch-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An "editor" command that writes the arguments it got to `out`, then exits. */
const recorder = (out: string) => `"${process.execPath}" -e "require('fs').writeFileSync(${JSON.stringify(out).replace(/"/g, "'")}, JSON.stringify(process.argv.slice(1)))"`;

/** Waits for the recorder's output (it runs detached, after openInEditor resolves). */
async function argsWritten(out: string): Promise<string[]> {
  return vi.waitFor(async () => JSON.parse(await readFile(out, 'utf8')) as string[], { timeout: 10_000, interval: 20 });
}

describe('openInEditor', () => {
  beforeEach(() => electron.openPath.mockClear());

  it('opens the copy with the default application when no editor is chosen', async () => {
    await openInEditor('/tmp/ferry-edit-x/ab/index.html', '  ');
    expect(electron.openPath).toHaveBeenCalledWith('/tmp/ferry-edit-x/ab/index.html');
  });

  it('never hands the default application a file it would run instead of opening', async () => {
    expect(['setup.exe', 'deploy.BAT', 'app.js'].map((n) => wouldRun(n, 'win32'))).toEqual([true, true, true]);
    expect(['app.js', 'index.html', 'README'].map((n) => wouldRun(n, 'linux'))).toEqual([false, false, false]);
    expect(wouldRun('launcher.desktop', 'linux')).toBe(true);
    expect(wouldRun('Run.command', 'darwin')).toBe(true);
    const runnable = process.platform === 'win32' ? 'C:\\t\\x.bat' : process.platform === 'darwin' ? '/tmp/x.command' : '/tmp/x.desktop';
    await expect(openInEditor(runnable, '')).rejects.toMatchObject({ kind: 'editor-failed', message: expect.stringContaining('would be run rather than opened') });
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('says why the default application could not open it', async () => {
    electron.openPath.mockResolvedValueOnce('No application is registered for .xyz files');
    await expect(openInEditor('/tmp/a.xyz', '')).rejects.toMatchObject({ kind: 'editor-failed', message: expect.stringContaining('No application is registered') });
  });

  it('starts the chosen editor with the file as its last argument, a name with blanks and quotes as one argument', async () => {
    const file = path.join(dir, `it's a "file".txt`);
    const out = path.join(dir, 'last.json');
    await openInEditor(file, recorder(out));
    expect(await argsWritten(out)).toEqual([file]);
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('puts the file where %f stands', async () => {
    const file = path.join(dir, 'placed.txt');
    const out = path.join(dir, 'placed.json');
    await openInEditor(file, `${recorder(out)} file=%f later`);
    expect(await argsWritten(out)).toEqual(['file=' + file, 'later']);
  });

  it('says when the program does not exist or the command cannot be split', async () => {
    await expect(openInEditor('/tmp/a.txt', '/no/such/editor --wait')).rejects.toMatchObject({
      kind: 'editor-failed',
      message: 'Could not start the editor /no/such/editor: the program was not found (change it in Settings)',
    });
    await expect(openInEditor('/tmp/a.txt', 'code "--wait')).rejects.toThrow(/not closed/);
  });
});

describe('unsavedEditsGuard', () => {
  const waiting = [{ name: 'index.html', server: 'me@host:21', remotePath: '/index.html' }] as never[];

  it('lets Ferry quit without asking when nothing waits to be uploaded', () => {
    electron.showMessageBoxSync.mockClear();
    expect(unsavedEditsGuard(() => [])()).toBe(true);
    expect(electron.showMessageBoxSync).not.toHaveBeenCalled();
  });

  it('asks, keeps Ferry open on "keep", and once told to discard does not ask again', () => {
    electron.showMessageBoxSync.mockClear();
    const mayQuit = unsavedEditsGuard(() => waiting);
    electron.showMessageBoxSync.mockReturnValueOnce(0);
    expect(mayQuit()).toBe(false);
    expect(electron.showMessageBoxSync).toHaveBeenCalledWith(expect.objectContaining({ detail: 'index.html (me@host:21/index.html)', buttons: ['Keep Ferry open', 'Quit and discard the changes'] }));
    electron.showMessageBoxSync.mockReturnValueOnce(1);
    expect(mayQuit()).toBe(true);
    expect(mayQuit()).toBe(true);
    expect(electron.showMessageBoxSync).toHaveBeenCalledTimes(2);
  });
});

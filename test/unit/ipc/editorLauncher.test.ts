/**
 * View/Edit's Electron glue (electron mocked: it cannot run here): an empty editor command opens
 * the copy with the system's default application, a chosen command is started for real without a
 * shell with the file added last or put where %f stands, and a failure says what went wrong.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const electron = vi.hoisted(() => ({ openPath: vi.fn(async (_path: string) => '') }));
vi.mock('electron', () => ({ shell: { openPath: electron.openPath } }));

const { openInEditor } = await import('../../../electron/ipc/editorLauncher');

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

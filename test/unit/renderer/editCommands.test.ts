// @vitest-environment happy-dom
/**
 * View/Edit from the remote pane through the registry and the real stores (over a fake API): on
 * which rows it applies, F3/F4, the built-in editor in a browser window and the desktop's editor
 * in the app, and a file the built-in editor cannot open offered for download instead.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import type { EditInfo } from '../../../shared/edit';
import type { FerryApi } from '../../../shared/api';
import { setApiForTests } from '../../../renderer/api/getApi';
import { bindingFor } from '../../../renderer/commands/keymap';
import { commandContext } from '../../../renderer/commands/panes';
import { commandFor, ROW_MENU, runCommand, TOOLBAR } from '../../../renderer/commands/registry';
import { useDialogs } from '../../../renderer/stores/dialogStore';
import { useEdits } from '../../../renderer/stores/editStore';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useRemotePane } from '../../../renderer/stores/remotePane';
import { useSession } from '../../../renderer/stores/sessionStore';
import { fakeApi, type FakeApi } from './fakeApi';

const EDIT: EditInfo = {
  id: 'e1', name: 'a.txt', remotePath: '/pub/a.txt', server: 'u@h:21', localPath: '/tmp/ferry-edit-x/1/a.txt', mode: 'builtin',
  state: 'clean', isConnected: true, isAutoUpload: false, isOfferPending: false, openedMs: 0,
};

const tree = (): Record<string, FileEntry[]> => ({
  '/home/u': [],
  '/pub': [
    { name: 'a.txt', type: 'file', sizeBytes: 3 },
    { name: 'b.txt', type: 'file', sizeBytes: 4 },
    { name: 'big.log', type: 'file', sizeBytes: 6 * 1024 * 1024 },
    { name: 'logo.png', type: 'file', sizeBytes: 16 },
    { name: 'site', type: 'dir' },
  ],
});

let fake: FakeApi;
const called = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.input);
const remote = () => useRemotePane.getState();
const ctx = () => commandContext('remote');
const press = (key: string) => runCommand(bindingFor({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })!.command, ctx());
/** The first dialog waiting, once there is one. */
const firstDialog = () => vi.waitFor(() => useDialogs.getState().queue[0] ?? Promise.reject(new Error('no dialog yet')));

beforeEach(async () => {
  fake = fakeApi(tree(), {
    editOpen: (input: { path: string; mode: string }) => {
      if (input.path === '/pub/logo.png') return { ok: false, error: { kind: 'edit-binary', message: 'logo.png is not a text file (it contains NUL bytes)' } };
      // As the main process answers: text only for the built-in editor.
      return { ok: true, value: input.mode === 'builtin' ? { edit: EDIT, text: { text: 'abc', encoding: 'utf-8', lineSeparator: '\n' } } : { edit: EDIT } };
    },
  });
  setApiForTests(fake.api);
  delete (window as { ferry?: FerryApi }).ferry;
  useDialogs.setState({ queue: [] });
  useEdits.setState({ edits: [], editor: null, notice: null });
  useSession.setState({ status: 'connected', info: { sessionId: 's1', host: 'h', port: 21, user: 'u', homePath: '/', isSecure: false } });
  useLocalPane.getState().reset();
  await useLocalPane.getState().navigate('/home/u');
  remote().reset();
  await remote().navigate('/pub');
});

afterEach(() => {
  setApiForTests(undefined);
  delete (window as { ferry?: FerryApi }).ferry;
});

describe('View/Edit', () => {
  it('is on the remote pane\'s toolbar and row menu, and applies to one file only', () => {
    expect(TOOLBAR).toContain('viewEdit');
    expect(ROW_MENU).toContain('viewEdit');
    expect(commandFor('viewEdit', 'local')).toBeUndefined();
    const command = commandFor('viewEdit', 'remote')!;
    remote().select(remote().view.indexOf('a.txt'));
    expect(command.isEnabled(ctx())).toBe(true);
    remote().select(remote().view.indexOf('b.txt'), { toggle: true });
    expect(command.isEnabled(ctx())).toBe(false);
    remote().select(remote().view.indexOf('site'));
    expect(command.isEnabled(ctx())).toBe(false);
    remote().select(remote().view.indexOf('a.txt'));
    useSession.setState({ status: 'disconnected', info: null });
    expect(command.isEnabled(ctx())).toBe(false);
  });

  it('F4 and F3 open the file in the built-in editor of a browser window', async () => {
    remote().select(remote().view.indexOf('a.txt'));
    expect(press('F4')).toBe(true);
    await vi.waitFor(() => expect(useEdits.getState().editor).not.toBeNull());
    expect(called('editOpen')).toEqual([{ sessionId: 's1', path: '/pub/a.txt', mode: 'builtin' }]);
    expect(useEdits.getState().editor).toEqual({ editId: 'e1', text: { text: 'abc', encoding: 'utf-8', lineSeparator: '\n' }, version: 1 });
    expect(useEdits.getState().edits).toEqual([EDIT]);
    expect(press('F3')).toBe(true);
    await vi.waitFor(() => expect(called('editOpen')).toHaveLength(2));
  });

  it('hands the file to the desktop\'s editor in the desktop app', async () => {
    (window as { ferry?: FerryApi }).ferry = fake.api;
    remote().select(remote().view.indexOf('a.txt'));
    press('F4');
    await vi.waitFor(() => expect(useEdits.getState().edits).toEqual([EDIT]));
    expect(called('editOpen')).toEqual([{ sessionId: 's1', path: '/pub/a.txt', mode: 'external' }]);
    expect(useEdits.getState().editor).toBeNull();
  });

  it('offers a binary file for download to the local folder instead', async () => {
    remote().select(remote().view.indexOf('logo.png'));
    press('F4');
    const dialog = await firstDialog();
    expect(dialog).toMatchObject({ kind: 'confirm', options: { title: 'Cannot edit this file here', message: 'logo.png is not a text file (it contains NUL bytes). Download it to /home/u instead?' } });
    useDialogs.getState().settle(dialog.id, true);
    await vi.waitFor(() => expect(called('queueAdd')).toHaveLength(1));
    expect(called('queueAdd')).toEqual([
      { sessionId: 's1', direction: 'download', items: [{ name: 'logo.png', isFolder: false, sizeBytes: 16 }], localFolder: '/home/u', remoteFolder: '/pub' },
    ]);
  });

  it('does not download a file larger than the built-in editor opens; it offers the download', async () => {
    remote().select(remote().view.indexOf('big.log'));
    press('F4');
    const dialog = await firstDialog();
    expect(dialog).toMatchObject({ options: { message: expect.stringContaining('big.log is 6') } });
    expect(called('editOpen')).toEqual([]);
    useDialogs.getState().settle(dialog.id, false);
    expect(useDialogs.getState().queue).toEqual([]);
    expect(called('queueAdd')).toEqual([]);
  });
});

describe('the edits store', () => {
  it('drops the editor, a notice and a put-off conflict of an edit that is gone or settled', () => {
    const conflicted: EditInfo = { ...EDIT, state: 'conflict', conflict: { changes: [{ kind: 'deleted' }], proposedName: 'a (edited).txt' } };
    useEdits.setState({ edits: [conflicted], editor: { editId: 'e1', text: { text: '', encoding: 'utf-8', lineSeparator: '\n' }, version: 1 } });
    useEdits.getState().deferConflict('e1');
    useEdits.getState().tell({ text: 'kept', isError: false, editId: 'e1' });
    useEdits.getState().receive([{ ...EDIT, state: 'modified' }]);
    expect(useEdits.getState().deferredConflicts.size).toBe(0);
    expect(useEdits.getState().editor?.editId).toBe('e1');
    useEdits.getState().receive([]);
    expect(useEdits.getState()).toMatchObject({ editor: null, notice: null });
  });
});

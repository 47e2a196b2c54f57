/**
 * Keys through the keymap to the command registry and on to the real pane stores (over a
 * fake API): what each key does, when it does nothing, and what reaches the API and the queue.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import { setApiForTests } from '../../../renderer/api/getApi';
import { bindingFor, comboOf, KEYMAP, shortcutOf, type KeyLike } from '../../../renderer/commands/keymap';
import { COMMANDS, ROW_MENU, runCommand, SPACE_MENU, TOOLBAR, commandFor } from '../../../renderer/commands/registry';
import { commandContext } from '../../../renderer/commands/panes';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useRemotePane } from '../../../renderer/stores/remotePane';
import { useSession } from '../../../renderer/stores/sessionStore';
import { useDialogs } from '../../../renderer/stores/dialogStore';
import { fakeApi, type FakeApi } from './fakeApi';

const key = (combo: string): KeyLike => {
  const parts = combo.split('+');
  const k = parts.pop()!;
  return { key: k === 'Space' ? ' ' : k, ctrlKey: parts.includes('Ctrl'), metaKey: false, altKey: parts.includes('Alt'), shiftKey: parts.includes('Shift') };
};

/** Presses a key in the local pane's list (or a text field); says whether a command ran. */
function press(combo: string, { pane = 'local', inText = false }: { pane?: 'local' | 'remote'; inText?: boolean } = {}): boolean {
  const binding = bindingFor(key(combo), inText);
  return binding ? runCommand(binding.command, commandContext(pane, undefined, binding.args)) : false;
}

const tree = (): Record<string, FileEntry[]> => ({
  '/home/u': [
    { name: 'docs', type: 'dir' },
    { name: 'a.txt', type: 'file', sizeBytes: 3 },
    { name: 'b.txt', type: 'file', sizeBytes: 4 },
  ],
  '/home/u/docs': [],
  '/': [{ name: 'pub', type: 'dir' }],
});

let fake: FakeApi;
const local = () => useLocalPane.getState();
const called = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.input);

beforeEach(async () => {
  fake = fakeApi(tree());
  setApiForTests(fake.api);
  local().reset();
  useRemotePane.getState().reset();
  useDialogs.setState({ queue: [] });
  useSession.setState({ status: 'disconnected', info: null });
  await local().navigate(undefined);
});

afterEach(() => setApiForTests(undefined));

describe('keymap', () => {
  it('spells combos with Cmd as Ctrl and letters upper-case', () => {
    expect(comboOf({ key: 'a', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe('Ctrl+A');
    expect(comboOf(key('Shift+ArrowDown'))).toBe('Shift+ArrowDown');
    expect(comboOf(key('Ctrl+Space'))).toBe('Ctrl+Space');
  });
  it('binds every key to an existing command, once', () => {
    const combos = KEYMAP.map((b) => b.combo);
    expect(new Set(combos).size).toBe(combos.length);
    for (const b of KEYMAP) expect(COMMANDS.has(b.command), b.command).toBe(true);
    for (const id of [...TOOLBAR, ...ROW_MENU, ...SPACE_MENU]) if (id !== null) expect(COMMANDS.has(id), id).toBe(true);
    expect(shortcutOf('delete')).toBe('Del');
    expect(shortcutOf('cursorDown')).toBe('ArrowDown');
  });
  it('lets only non-editing keys through from text fields', () => {
    expect(bindingFor(key('Backspace'), true)).toBeUndefined();
    expect(bindingFor(key('Delete'), true)).toBeUndefined();
    expect(bindingFor(key('F5'), true)?.command).toBe('refresh');
    expect(bindingFor(key('Alt+ArrowLeft'), true)?.command).toBe('back');
  });
});

describe('keys in a pane', () => {
  it('moves the cursor with arrows, extends with Shift, selects all with Ctrl+A', () => {
    press('ArrowDown');
    press('ArrowDown');
    expect([...local().selection.selected]).toEqual(['docs']);
    press('Shift+ArrowDown');
    press('Shift+ArrowDown');
    expect(local().selectedEntries().map((e) => e.name)).toEqual(['docs', 'a.txt', 'b.txt']);
    press('Home');
    expect(local().selection.focus).toBe('..');
    press('Ctrl+A');
    expect(local().selection.selected.size).toBe(3);
  });

  it('opens a folder with Enter, goes up with Backspace, back and forward with Alt+arrows', async () => {
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() => expect(local().path).toBe('/home/u/docs'));
    press('Backspace');
    await vi.waitFor(() => expect(local().path).toBe('/home/u'));
    press('Alt+ArrowLeft');
    await vi.waitFor(() => expect(local().path).toBe('/home/u/docs'));
    press('Alt+ArrowRight');
    await vi.waitFor(() => expect(local().path).toBe('/home/u'));
    press('F5');
    await vi.waitFor(() => expect(called('localList')).toHaveLength(6));
  });

  it('deletes the selection only after the confirmation names it', async () => {
    expect(press('Delete')).toBe(false); // nothing selected
    local().select(2);
    local().select(1, { toggle: true });
    expect(press('Delete')).toBe(true);
    const dialog = useDialogs.getState().queue[0];
    expect(dialog.kind === 'confirm' && dialog.options.items).toEqual(['docs/ (folder and everything in it)', 'a.txt']);
    useDialogs.getState().settle(dialog.id, false);
    await Promise.resolve();
    expect(called('localDelete')).toEqual([]);
    press('Delete');
    useDialogs.getState().settle(useDialogs.getState().queue[0].id, true);
    await vi.waitFor(() => expect(called('localDelete')).toEqual([{ paths: ['/home/u/docs', '/home/u/a.txt'] }]));
  });

  it('creates a folder with F7 and renames with F2 through text dialogs', async () => {
    press('F7');
    const ask = useDialogs.getState().queue[0];
    expect(ask.kind === 'text' && ask.options.validate?.('a.txt')).toBe('"a.txt" already exists here');
    useDialogs.getState().settle(ask.id, 'fresh');
    await vi.waitFor(() => expect(called('localMkdir')).toEqual([{ path: '/home/u/fresh' }]));
    expect(press('F2')).toBe(false); // no selection yet
    local().select(2);
    press('F2');
    const rename = useDialogs.getState().queue[0];
    expect(rename.kind === 'text' && rename.options.selectEnd).toBe(1);
    useDialogs.getState().settle(rename.id, 'z.txt');
    await vi.waitFor(() => expect(called('localRename')).toEqual([{ from: '/home/u/a.txt', to: '/home/u/z.txt' }]));
  });

  it('transfers a file on Enter when connected: upload from the local pane to the remote folder', async () => {
    local().select(2);
    expect(press('Enter')).toBe(false); // not connected: nothing to transfer to
    useSession.setState({ status: 'connected', info: { sessionId: 's1', host: 'h', port: 21, user: 'u', homePath: '/', isSecure: false } });
    await useRemotePane.getState().navigate('/');
    expect(press('Enter')).toBe(true);
    await vi.waitFor(() =>
      expect(called('queueAdd')).toEqual([
        { sessionId: 's1', direction: 'upload', items: [{ name: 'a.txt', isFolder: false, sizeBytes: 3 }], localFolder: '/home/u', remoteFolder: '/' },
      ]),
    );
  });

  it('offers chmod on the remote pane only', () => {
    expect(commandFor('chmod', 'local')).toBeUndefined();
    expect(commandFor('chmod', 'remote')?.label).toBe('Permissions…');
  });
});

/**
 * Keep remote folder up to date in the window: the command (local pane only, needs a connection
 * and both folders; Ctrl+U as in WinSCP) opens the dialog for the two folders the panes show; the
 * store starts a watch with the dialog's choices, keeps a refusal's words, takes only this
 * window's statuses, drops a watch the user stopped and keeps one that stopped by itself until
 * dismissed; the bar's sentence and the dialog's patterns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApiForTests } from '../../../renderer/api/getApi';
import { bindingFor } from '../../../renderer/commands/keymap';
import { commandFor, runCommand } from '../../../renderer/commands/registry';
import { commandContext } from '../../../renderer/commands/panes';
import { useKeepUpToDate } from '../../../renderer/stores/keepUpToDateStore';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useRemotePane } from '../../../renderer/stores/remotePane';
import { useSession } from '../../../renderer/stores/sessionStore';
import { useQueue } from '../../../renderer/stores/queueStore';
import { watchDetails, watchText } from '../../../renderer/features/keepUpToDate/watchText';
import { patternsOf } from '../../../renderer/features/keepUpToDate/patterns';
import type { KeepUpToDateStatus } from '../../../shared/keepUpToDate';
import type { RemoteSessionInfo } from '../../../shared/domain';
import { fakeApi, type FakeApi } from './fakeApi';

const INFO: RemoteSessionInfo = { sessionId: 's1', host: 'ftp.example.com', port: 21, user: 'me', homePath: '/', isSecure: false };

function status(patch: Partial<KeepUpToDateStatus> = {}): KeepUpToDateStatus {
  return {
    watchId: 'w1',
    ownerClientId: 'me',
    sessionId: 's1',
    localFolder: '/home/u',
    remoteFolder: '/pub',
    options: { deleteOnServer: false, exclude: [], syncFirst: false },
    state: 'watching',
    seenCount: 0,
    uploadedCount: 0,
    deletedCount: 0,
    failedCount: 0,
    pendingCount: 0,
    problems: [],
    ...patch,
  };
}

let fake: FakeApi;
let startAnswer: unknown;
const keep = () => useKeepUpToDate.getState();
const ctrlU = { key: 'u', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };

beforeEach(async () => {
  startAnswer = { ok: true, value: status() };
  fake = fakeApi({ '/home/u': [], '/': [{ name: 'pub', type: 'dir' }], '/pub': [] }, { keepUpToDateStart: () => startAnswer });
  setApiForTests(fake.api);
  useLocalPane.getState().reset();
  useRemotePane.getState().reset();
  useSession.setState({ status: 'disconnected', info: null });
  useKeepUpToDate.setState({ watches: [], dialog: null });
  useQueue.setState({ clientId: 'me' });
  await useLocalPane.getState().navigate(undefined);
});

afterEach(() => setApiForTests(undefined));

async function connect() {
  useSession.setState({ status: 'connected', info: INFO });
  await useRemotePane.getState().navigate('/pub');
}

describe('the keep up to date command', () => {
  it('is on the local pane only, and needs a connection and a remote folder', async () => {
    expect(commandFor('keepUpToDate', 'remote')).toBeUndefined();
    const command = commandFor('keepUpToDate', 'local')!;
    expect(command.isEnabled(commandContext('local'))).toBe(false);
    await connect();
    expect(command.isEnabled(commandContext('local'))).toBe(true);
  });

  it('Ctrl+U opens the dialog for the folders the two panes show', async () => {
    await connect();
    const binding = bindingFor(ctrlU)!;
    expect(binding.command).toBe('keepUpToDate');
    expect(runCommand(binding.command, commandContext('local'))).toBe(true);
    expect(keep().dialog).toEqual({ localFolder: '/home/u', remoteFolder: '/pub' });
  });
});

describe('the keep up to date store', () => {
  it('starts a watch with the dialog choices, closes the dialog, and shows the watch', async () => {
    await connect();
    keep().openDialog({ localFolder: '/home/u', remoteFolder: '/pub' });
    expect(await keep().start({ deleteOnServer: true, exclude: ['*.tmp'], syncFirst: true })).toBeNull();
    expect(fake.calls.find((c) => c.method === 'keepUpToDateStart')?.input).toEqual({
      sessionId: 's1',
      localFolder: '/home/u',
      remoteFolder: '/pub',
      options: { deleteOnServer: true, exclude: ['*.tmp'], syncFirst: true },
    });
    expect(keep().dialog).toBeNull();
    expect(keep().watches.map((w) => w.watchId)).toEqual(['w1']);
  });

  it('a refusal comes back in words and the dialog stays open', async () => {
    await connect();
    startAnswer = { ok: false, error: { kind: 'already-kept', message: '/pub is already kept up to date from /home/u' } };
    keep().openDialog({ localFolder: '/home/u', remoteFolder: '/pub' });
    expect(await keep().start({ deleteOnServer: false, exclude: [], syncFirst: false })).toBe('/pub is already kept up to date from /home/u');
    expect(keep().dialog).not.toBeNull();
    expect(keep().watches).toEqual([]);
  });

  it("takes this window's statuses only; a watch the user stopped goes, one that stopped by itself stays until dismissed", () => {
    keep().receive([status({ uploadedCount: 3 }), status({ watchId: 'w2', ownerClientId: 'another window' })]);
    expect(keep().watches.map((w) => [w.watchId, w.uploadedCount])).toEqual([['w1', 3]]);
    keep().receive([status({ watchId: 'w3' })]);
    keep().receive([status({ state: 'stopped', stop: { kind: 'user', message: 'stopped' } })]);
    expect(keep().watches.map((w) => w.watchId)).toEqual(['w3']);
    keep().receive([status({ watchId: 'w3', state: 'stopped', stop: { kind: 'folder-gone', message: 'the folder /home/u was removed or renamed' } })]);
    expect(keep().watches[0].stop?.kind).toBe('folder-gone');
    keep().dismiss('w3');
    expect(keep().watches).toEqual([]);
  });

  it('Stop asks the main process and takes the line away at once', async () => {
    keep().receive([status()]);
    await keep().stop('w1');
    expect(fake.calls.filter((c) => c.method === 'keepUpToDateStop').map((c) => c.input)).toEqual([{ watchId: 'w1' }]);
    expect(keep().watches).toEqual([]);
  });
});

describe('how a watch is said', () => {
  it('running, with the counts there are', () => {
    expect(watchText(status({ uploadedCount: 12 }))).toBe('Keeping /pub up to date from /home/u — 12 uploaded');
    expect(watchText(status({ uploadedCount: 2, deletedCount: 1, pendingCount: 4, failedCount: 1 }))).toBe('Keeping /pub up to date from /home/u — 2 uploaded, 1 deleted, 4 waiting, 1 failed');
    expect(watchText(status({ state: 'syncing' }))).toBe('Uploading what differs, then keeping /pub up to date from /home/u — 0 uploaded');
  });

  it('in its tooltip, the changes seen and the choices it runs with', () => {
    expect(watchDetails(status({ seenCount: 3, uploadedCount: 2, options: { deleteOnServer: true, exclude: ['*.tmp', 'build/'], syncFirst: false } }))).toBe(
      '3 changes seen here; 2 uploaded. What is deleted here is deleted on the server; leaving out *.tmp, build/.',
    );
    expect(watchDetails(status({ seenCount: 1 }))).toBe('1 change seen here; 0 uploaded. What is deleted here stays on the server.');
  });

  it('stopped, with why', () => {
    const stopped = status({ state: 'stopped', uploadedCount: 5, stop: { kind: 'folder-gone', message: 'the folder /home/u was removed or renamed' } });
    expect(watchText(stopped)).toBe('Stopped keeping /pub up to date from /home/u: the folder /home/u was removed or renamed — 5 uploaded');
  });
});

describe('the Leave out patterns', () => {
  it('one a line, blanks and repeats dropped', () => {
    expect(patternsOf(' *.tmp \n\nbuild/\r\n*.tmp\n')).toEqual({ patterns: ['*.tmp', 'build/'] });
  });
  it('refuses too many or too long, in words', () => {
    expect(patternsOf(Array.from({ length: 201 }, (_, i) => `p${i}`).join('\n'))).toEqual({ problem: 'At most 200 patterns (there are 201)' });
    expect('problem' in patternsOf('x'.repeat(1025))).toBe(true);
  });
});

// @vitest-environment happy-dom
/**
 * The Synchronize store against a scripted API: it opens only while connected and on the panes'
 * folders, forgets "delete orphans" between openings, drops a plan whose settings changed, can
 * stop a preview, runs the ticked indexes and closes, keeps the dialog open with the reason when
 * the main process refuses, and follows the run's status.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FerryApi } from '../../../shared/api';
import type { ErrorInfo } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import type { SyncAction } from '../../../shared/sync';
import { DEFAULT_SYNC_SETTINGS, type SyncPreview, type SyncSettings } from '../../../shared/syncPreview';
import { setApiForTests } from '../../../renderer/api/getApi';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useQueue } from '../../../renderer/stores/queueStore';
import { useRemotePane } from '../../../renderer/stores/remotePane';
import { useSession } from '../../../renderer/stores/sessionStore';
import { useSync } from '../../../renderer/stores/syncStore';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const step = (kind: SyncAction['kind'], relPath: string, isChecked = kind !== 'conflict'): SyncAction => ({ kind, relPath, isFolder: false, bytes: 1, reason: 'r', isChecked });

function planOf(previewId: string, settings: SyncSettings): SyncPreview {
  const actions = [step('upload', 'a.txt'), step('upload', 'b.txt'), { ...step('conflict', 'c.txt'), resolution: 'upload' as const }];
  return {
    previewId,
    localDir: '/home/me',
    remoteDir: '/www',
    settings,
    plan: { direction: settings.direction, actions, counts: {} as SyncPreview['plan']['counts'], bytes: 2 },
    skipped: [],
    clock: { offsetMs: 0, source: 'none' },
    comparedCount: 3,
    timings: { listMs: 1, checksumMs: 0, compareMs: 1 },
  };
}

/** A scripted API; `hold` keeps previews waiting until released. */
function scripted(runResult: (input: { previewId: string; checked: number[] }) => Result<unknown> = () => ok({ runId: 'sync-1' })) {
  const calls: [string, unknown][] = [];
  let release: (() => void) | undefined;
  const api = new Proxy({} as FerryApi, {
    get(_t, method: string) {
      if (method === 'on') return () => () => undefined;
      if (method === 'then') return undefined;
      return async (input: { previewId: string; settings: SyncSettings; checked: number[] }) => {
        calls.push([method, input]);
        if (method === 'syncInfo') return state.infoError ? { ok: false, error: state.infoError } : ok({ clock: { offsetMs: 0, source: 'none' }, connections: 2 });
        if (method === 'syncPreview') {
          if (state.hold) await new Promise<void>((resolve) => (release = resolve));
          return state.isCancelled ? { ok: false, error: { kind: 'cancelled', message: 'The preview was cancelled' } } : ok(planOf(input.previewId, input.settings));
        }
        if (method === 'syncCancelPreview') {
          state.isCancelled = true;
          release?.();
        }
        if (method === 'syncRun') return runResult(input);
        return ok(undefined);
      };
    },
  });
  const state = { api, calls, hold: false, isCancelled: false, infoError: undefined as ErrorInfo | undefined };
  return state;
}

function connect() {
  useSession.setState({ status: 'connected', info: { sessionId: 'b1', host: 'h', port: 21, user: 'u', homePath: '/', isSecure: false } });
  useLocalPane.setState({ path: '/home/me' });
  useRemotePane.setState({ path: '/www' });
}

beforeEach(() => {
  localStorage.clear();
  useSync.setState({ phase: 'closed', target: null, settings: { ...DEFAULT_SYNC_SETTINGS }, preview: null, checklist: null, previewId: null, problem: null, runStatus: null });
});
afterEach(() => setApiForTests(undefined));

describe('the Synchronize store', () => {
  it('opens only while connected, for the panes\' folders, and asks what the server offers', async () => {
    const fake = scripted();
    setApiForTests(fake.api);
    useSession.setState({ status: 'disconnected', info: null });
    useSync.getState().open();
    expect(useSync.getState().phase).toBe('closed');
    connect();
    useSync.getState().open();
    expect(useSync.getState()).toMatchObject({ phase: 'editing', target: { sessionId: 'b1', localDir: '/home/me', remoteDir: '/www' } });
    await expect.poll(() => useSync.getState().info).toMatchObject({ connections: 2 });
    expect(fake.calls[0]).toEqual(['syncInfo', { sessionId: 'b1' }]);
  });

  it('says why when what the server offers cannot be read', async () => {
    const fake = scripted();
    fake.infoError = { kind: 'not-connected', message: 'Not connected (session b1 was closed); connect again' };
    setApiForTests(fake.api);
    connect();
    useSync.getState().open();
    await expect.poll(() => useSync.getState().problem).toBe('Not connected (session b1 was closed); connect again');
    expect(useSync.getState().info).toBeNull();
  });

  it('previews with the settings, and drops the plan when a setting changes', async () => {
    setApiForTests(scripted().api);
    connect();
    useSync.getState().open();
    useSync.getState().change({ direction: 'download', exclude: ['*.tmp'] });
    await useSync.getState().startPreview();
    expect(useSync.getState()).toMatchObject({ phase: 'ready', preview: { settings: { direction: 'download', exclude: ['*.tmp'] } } });
    expect(useSync.getState().checklist?.checked).toEqual([true, true, false]);
    useSync.getState().change({ method: 'checksum' });
    expect(useSync.getState()).toMatchObject({ phase: 'editing', preview: null, checklist: null });
  });

  it('remembers the settings but never "delete orphans"', () => {
    setApiForTests(scripted().api);
    connect();
    useSync.getState().open();
    useSync.getState().change({ direction: 'both', deleteOrphans: true, include: ['*.html'] });
    expect(JSON.parse(localStorage.getItem('ferry.sync')!)).toEqual({ direction: 'both', method: 'size-time', include: ['*.html'], exclude: [], followLocalLinks: false });
    useSync.getState().close();
    useSync.getState().open();
    expect(useSync.getState().settings).toMatchObject({ direction: 'both', deleteOrphans: false });
  });

  it('stops a preview on its way without calling that a problem', async () => {
    const fake = scripted();
    fake.hold = true;
    setApiForTests(fake.api);
    connect();
    useSync.getState().open();
    const previewing = useSync.getState().startPreview();
    expect(useSync.getState().phase).toBe('previewing');
    const { previewId } = useSync.getState();
    useSync.getState().cancelPreview();
    await previewing;
    expect(fake.calls.find(([m]) => m === 'syncCancelPreview')?.[1]).toEqual({ previewId });
    expect(useSync.getState()).toMatchObject({ phase: 'editing', problem: null, preview: null });
  });

  it('runs the ticked steps by index, closes, and shows the queue', async () => {
    const fake = scripted();
    setApiForTests(fake.api);
    connect();
    useQueue.setState({ tab: 'done' });
    useSync.getState().open();
    await useSync.getState().startPreview();
    useSync.getState().toggleStep(1);
    useSync.getState().toggleStep(2);
    await useSync.getState().run();
    const [, input] = fake.calls.find(([m]) => m === 'syncRun')!;
    expect((input as { checked: number[] }).checked).toEqual([0, 2]);
    expect(useSync.getState().phase).toBe('closed');
    expect(useQueue.getState().tab).toBe('queued');
  });

  it('stays open with the reason when the main process refuses to run', async () => {
    const stale: ErrorInfo = { kind: 'stale-preview', message: 'This plan is no longer kept: preview again' };
    setApiForTests(scripted(() => ({ ok: false, error: stale })).api);
    connect();
    useSync.getState().open();
    await useSync.getState().startPreview();
    await useSync.getState().run();
    expect(useSync.getState()).toMatchObject({ phase: 'ready', problem: 'This plan is no longer kept: preview again' });
  });

  it('follows the run\'s status', () => {
    setApiForTests(scripted().api);
    useSession.setState({ status: 'disconnected', info: null });
    useSync.getState().receiveStatus({ runId: 'sync-1', phase: 'copying', localDir: '/a', remoteDir: '/b', text: 'Synchronizing: copying 2 files' });
    expect(useSync.getState().runStatus?.text).toBe('Synchronizing: copying 2 files');
    useSync.getState().receiveStatus({ runId: 'sync-1', phase: 'ended', localDir: '/a', remoteDir: '/b', text: 'Synchronize done: 2 copied', outcome: 'done' });
    expect(useSync.getState().runStatus).toMatchObject({ phase: 'ended', outcome: 'done' });
  });
});

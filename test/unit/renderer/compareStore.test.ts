/** The window's Compare marks allow for the server's clock offset, which the main process says for the connected session. */
import { afterEach, describe, expect, it } from 'vitest';
import { setApiForTests } from '../../../renderer/api/getApi';
import { marksOf, startCompare, useCompare } from '../../../renderer/stores/compareStore';
import { useLocalPane } from '../../../renderer/stores/localPane';
import { useRemotePane } from '../../../renderer/stores/remotePane';
import { useSession } from '../../../renderer/stores/sessionStore';
import type { FileEntry } from '../../../shared/domain';
import type { AppliedClock } from '../../../shared/serverClock';
import { fakeApi } from './fakeApi';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 5, 1, 10, 0, 0);
const file = (name: string, modifiedMs: number, timePrecision?: 'minute'): FileEntry => ({ name, type: 'file', sizeBytes: 3, modifiedMs, timePrecision });

describe('marksOf', () => {
  it('shifts local times by the offset before comparing', () => {
    const local = [file('a.txt', T)];
    const remote = [file('a.txt', T + 2 * HOUR, 'minute')];
    expect(marksOf(local, remote).local.get('a.txt')).toBe('older');
    expect(marksOf(local, remote, 2 * HOUR).local.get('a.txt')).toBe('same');
    expect(marksOf(local, remote, 3 * HOUR).remote.get('a.txt')).toBe('older');
  });
});

describe('startCompare with a clock offset', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    setApiForTests(undefined);
  });

  it('asks for the session\'s offset and marks the panes with it; a listing asks again', async () => {
    const fake = fakeApi({});
    let clock: AppliedClock = { offsetMs: 2 * HOUR, source: 'detected', detected: { offsetMs: 2 * HOUR, atMs: T } };
    let answered: () => void = () => undefined;
    const api = new Proxy(fake.api, {
      get: (target, name) =>
        name === 'remoteClock'
          ? async () => {
              setTimeout(() => answered());
              return { ok: true, value: clock };
            }
          : Reflect.get(target, name),
    });
    setApiForTests(api);
    const asked = () => new Promise<void>((resolve) => (answered = resolve));
    useCompare.setState({ isOn: true, clock: undefined });
    useLocalPane.setState({ entries: [file('a.txt', T)] });
    useSession.setState({ status: 'connected', info: { sessionId: 'browse-1', host: 'h', port: 21, user: 'u', homePath: '/', isSecure: false } });
    let next = asked();
    useRemotePane.setState({ path: '/www', entries: [file('a.txt', T + 2 * HOUR, 'minute')] });
    stop = startCompare();
    await next;
    expect(useCompare.getState().clock?.offsetMs).toBe(2 * HOUR);
    expect(useCompare.getState().local.get('a.txt')).toBe('same');

    // The user set "none" for the site: the next listing's answer marks the file as older here.
    clock = { offsetMs: 0, source: 'override' };
    next = asked();
    useRemotePane.setState({ entries: [file('a.txt', T + 2 * HOUR, 'minute')] });
    await next;
    expect(useCompare.getState().local.get('a.txt')).toBe('older');
  });
});
